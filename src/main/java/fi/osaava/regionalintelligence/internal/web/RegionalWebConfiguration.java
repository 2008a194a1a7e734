package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.web.PublicForm;
import fi.osaava.web.SignedInArea;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The survey owners' pages need a signed-in person (they check the owner's claims themselves);
 * respondents answer without signing in, through their link's token, so the answer form and the
 * open link's start are public forms (with CSRF protection), as are a forum guest's registration
 * and the cancellation behind their link.
 */
@Configuration
class RegionalWebConfiguration {

  @Bean
  SignedInArea surveyOwnersPages() {
    return new SignedInArea("/surveys/manage/**");
  }

  @Bean
  SignedInArea projectOwnersPages() {
    return new SignedInArea("/regional-projects/manage/**");
  }

  @Bean
  SignedInArea forumOwnersPages() {
    return new SignedInArea("/regional-forums/manage/**");
  }

  @Bean
  PublicForm surveyAnswerForm() {
    return new PublicForm(SurveyResponseController.ANSWER);
  }

  @Bean
  PublicForm surveyStartForm() {
    return new PublicForm(SurveyResponseController.START);
  }

  /** Registration to a forum event without an account. */
  @Bean
  PublicForm forumGuestRegistrationForm() {
    return new PublicForm(ForumController.GUEST_REGISTRATION);
  }

  /** A guest's cancellation, by the token of the link in their confirmation mail. */
  @Bean
  PublicForm forumGuestCancellationForm() {
    return new PublicForm(ForumController.GUEST_CANCELLATION);
  }
}
