package fi.osaava.recommendations.internal.web;

import fi.osaava.web.SignedInArea;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The recommendations come from the person's own profile: signed-in users only, even for reading.
 * The hand-over link ({@code /handover/…}) is outside on purpose: the service opens it without an
 * account, by its signed token alone.
 */
@Configuration(proxyBeanMethods = false)
class RecommendationsWebConfiguration {

  @Bean
  SignedInArea recommendationPages() {
    return new SignedInArea("/recommendations/**");
  }

  @Bean
  SignedInArea recommendationsApi() {
    return new SignedInArea("/api/v1/recommendations/**");
  }
}
