package fi.osaava.servicenetwork.internal.web;

import fi.osaava.web.ApiWriteAccess;
import fi.osaava.web.SignedInArea;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Declares the providers' push of services as a machine-to-machine write with its own scope, and
 * the organisations' editor pages as needing sign-in.
 */
@Configuration(proxyBeanMethods = false)
class ServicesWebConfiguration {

  static final String PUBLISH_SCOPE = "services.publish";

  @Bean
  ApiWriteAccess servicesWriteAccess() {
    return new ApiWriteAccess(HttpMethod.POST, "/api/v1/services", PUBLISH_SCOPE);
  }

  @Bean
  SignedInArea servicesEditorArea() {
    return new SignedInArea("/publish/services/**");
  }
}
