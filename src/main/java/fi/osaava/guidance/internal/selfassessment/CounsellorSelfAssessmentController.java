package fi.osaava.guidance.internal.selfassessment;

import fi.osaava.guidance.internal.Counsellor;
import fi.osaava.guidance.internal.Counsellors;
import fi.osaava.platform.NotFoundException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A client's career-planning self-assessments as their counsellor sees them: the latest result
 * (chart, table, feedback and suggestions) and the history, only through the client's live consent
 * to the self-assessments part, which logs the read for the client. Without the counsellor claims
 * 403; a consent that is not theirs, revoked, expired or without the part is not found.
 */
@Controller
class CounsellorSelfAssessmentController {

  private final Counsellors counsellors;
  private final SelfAssessments assessments;
  private final ResultViews views;

  CounsellorSelfAssessmentController(
      Counsellors counsellors, SelfAssessments assessments, ResultViews views) {
    this.counsellors = counsellors;
    this.assessments = assessments;
    this.views = views;
  }

  @GetMapping("/guidance/clients/{id}/self-assessments")
  String client(@PathVariable String id, Authentication auth, Locale locale, Model model) {
    Counsellor c =
        counsellors
            .current(auth)
            .orElseThrow(
                () ->
                    new ResponseStatusException(HttpStatus.FORBIDDEN, "Guidance counsellors only"));
    SelfAssessments.ClientHistory found =
        assessments
            .forCounsellor(SelfAssessmentPageController.uuid(id), c)
            .orElseThrow(
                () -> new NotFoundException("No client shares self-assessments with you here"));
    model.addAttribute("grant", found.grant());
    model.addAttribute("history", views.history(found.history(), locale));
    if (!found.history().isEmpty()) {
      model.addAttribute("result", views.view(found.history().getLast().answers(), locale));
    }
    model.addAttribute("titles", views.titles(locale));
    return "guidance/self-assessment/counsellor";
  }
}
