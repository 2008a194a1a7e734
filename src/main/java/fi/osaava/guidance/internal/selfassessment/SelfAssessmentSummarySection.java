package fi.osaava.guidance.internal.selfassessment;

import fi.osaava.guidance.internal.Counsellor;
import fi.osaava.guidance.internal.SummarySection;
import fi.osaava.platform.Language;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.SharedPart;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The career-planning self-assessments in the guidance summary, when the client shares {@link
 * SharedPart#SELF_ASSESSMENTS}: the latest result by area with its feedback, and the history with
 * the change from one to the next, in the summary's language (the client's). Read through {@link
 * SelfAssessments#forCounsellor}, so the read is in the client's access log.
 */
@Component
class SelfAssessmentSummarySection implements SummarySection {

  private final SelfAssessments assessments;
  private final ResultViews views;

  SelfAssessmentSummarySection(SelfAssessments assessments, ResultViews views) {
    this.assessments = assessments;
    this.views = views;
  }

  @Override
  public Map<String, Object> model(
      CounsellorGrant grant, Counsellor counsellor, Language language) {
    if (!grant.parts().contains(SharedPart.SELF_ASSESSMENTS)) {
      return Map.of();
    }
    Map<String, Object> model = new HashMap<>();
    assessments
        .forCounsellor(grant.id(), counsellor)
        .ifPresent(
            found -> {
              model.put("careerHistory", views.history(found.history(), language.locale()));
              model.put("careerTitles", views.titles(language.locale()));
              if (!found.history().isEmpty()) {
                model.put(
                    "careerResult",
                    views.view(found.history().getLast().answers(), language.locale()));
              }
            });
    return model;
  }
}
