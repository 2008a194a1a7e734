package fi.osaava.notifications.internal.web;

import fi.osaava.web.ApiWriteAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Declares the API clients' webhook routes as machine endpoints with their own scope, the reads
 * too: they show the client's own addresses and delivery log, which are nobody else's to read. One
 * bean per route, as the security chains collect them.
 */
@Configuration(proxyBeanMethods = false)
class WebhooksWebConfiguration {

  static final String SCOPE = "webhooks.manage";

  @Bean
  ApiWriteAccess webhooksListAccess() {
    return new ApiWriteAccess(HttpMethod.GET, WebhooksApiController.PATH, SCOPE);
  }

  @Bean
  ApiWriteAccess webhooksCreateAccess() {
    return new ApiWriteAccess(HttpMethod.POST, WebhooksApiController.PATH, SCOPE);
  }

  @Bean
  ApiWriteAccess webhookReadAccess() {
    return new ApiWriteAccess(HttpMethod.GET, WebhooksApiController.PATH + "/*", SCOPE);
  }

  @Bean
  ApiWriteAccess webhookDeleteAccess() {
    return new ApiWriteAccess(HttpMethod.DELETE, WebhooksApiController.PATH + "/*", SCOPE);
  }

  @Bean
  ApiWriteAccess webhookActionAccess() {
    return new ApiWriteAccess(HttpMethod.POST, WebhooksApiController.PATH + "/*/*", SCOPE);
  }
}
