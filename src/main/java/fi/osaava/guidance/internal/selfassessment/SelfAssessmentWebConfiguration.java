package fi.osaava.guidance.internal.selfassessment;

import fi.osaava.web.PublicForm;
import fi.osaava.web.SignedInArea;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The self-assessment is answered without signing in (its two forms are public); the saved history
 * is the person's own and needs sign-in, as does saving (every POST but a public form does).
 */
@Configuration(proxyBeanMethods = false)
class SelfAssessmentWebConfiguration {

  @Bean
  PublicForm quickSelfAssessment() {
    return new PublicForm(SelfAssessmentPageController.PATH + "/quick");
  }

  @Bean
  PublicForm fullSelfAssessment() {
    return new PublicForm(SelfAssessmentPageController.PATH + "/full");
  }

  @Bean
  SignedInArea selfAssessmentHistory() {
    return new SignedInArea(SelfAssessmentPageController.PATH + "/history");
  }

  @Bean
  SignedInArea selfAssessmentHistoryEntries() {
    return new SignedInArea(SelfAssessmentPageController.PATH + "/history/**");
  }
}
