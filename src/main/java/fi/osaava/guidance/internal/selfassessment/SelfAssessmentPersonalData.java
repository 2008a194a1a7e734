package fi.osaava.guidance.internal.selfassessment;

import fi.osaava.profile.PersonId;
import fi.osaava.profile.PersonalDataHolder;
import org.springframework.stereotype.Component;

/**
 * The person's saved career-planning self-assessments: in their export (answers and area scores
 * with dates) and removed with the account. Answers kept only in a session are never stored.
 */
@Component
class SelfAssessmentPersonalData implements PersonalDataHolder {

  private final SelfAssessments assessments;

  SelfAssessmentPersonalData(SelfAssessments assessments) {
    this.assessments = assessments;
  }

  @Override
  public String section() {
    return "careerSelfAssessments";
  }

  @Override
  public Object export(PersonId person) {
    return assessments.export(person);
  }

  @Override
  public void delete(PersonId person) {
    assessments.forget(person);
  }
}
