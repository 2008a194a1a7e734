package fi.osaava.identification.internal.web;

import fi.osaava.identification.internal.IdentificationProperties;
import fi.osaava.web.ClientRateLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One budget per client address for the identification API and page together. Not tied to a web
 * application, unlike the filter chain beside it: the command line's context, which has no web
 * server, still builds the controllers that take this limit.
 */
@Configuration(proxyBeanMethods = false)
class IdentificationRateLimitConfiguration {

  @Bean
  ClientRateLimit identificationRateLimit(IdentificationProperties properties) {
    return new ClientRateLimit(properties.requestsPerMinute());
  }
}
