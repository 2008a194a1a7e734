package fi.osaava.education.internal.web;

import fi.osaava.web.ApiWriteAccess;
import fi.osaava.web.SignedInArea;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Declares the providers' push API as a machine-to-machine write endpoint, and the editors'
 * publishing pages as signed-in only (the pages check the editor's claims themselves).
 */
@Configuration
class EducationWebConfiguration {

  static final String PUBLISH_SCOPE = "education.publish";

  @Bean
  ApiWriteAccess educationPublishAccess() {
    return new ApiWriteAccess(HttpMethod.POST, "/api/v1/education/offerings", PUBLISH_SCOPE);
  }

  @Bean
  SignedInArea publishingPages() {
    return new SignedInArea("/publish/**");
  }
}
