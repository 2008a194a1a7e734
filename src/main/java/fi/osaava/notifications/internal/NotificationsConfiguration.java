package fi.osaava.notifications.internal;

import fi.osaava.web.OneClickForm;
import fi.osaava.web.SignedInArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's settings, signed-in areas and the one-click unsubscribe form. The outbox job runs on
 * the service's scheduler under ShedLock (platform's BackgroundWorkConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationsProperties.class)
class NotificationsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NotificationsConfiguration.class);

  @Bean
  SignedInArea notificationSearches() {
    return new SignedInArea("/notifications/searches/**");
  }

  @Bean
  SignedInArea notificationSearchList() {
    return new SignedInArea("/notifications/searches");
  }

  @Bean
  SignedInArea notificationInbox() {
    return new SignedInArea("/notifications/inbox/**");
  }

  @Bean
  SignedInArea notificationInboxPage() {
    return new SignedInArea("/notifications/inbox");
  }

  @Bean
  SignedInArea notificationWebhooks() {
    return new SignedInArea("/notifications/webhooks/**");
  }

  @Bean
  SignedInArea notificationWebhookList() {
    return new SignedInArea("/notifications/webhooks");
  }

  /** The webhook target policy: https to public addresses, unless development says otherwise. */
  @Bean
  WebhookTargets webhookTargets(NotificationsProperties properties) {
    boolean allowLocal = properties.webhooks().allowLocalTargets();
    if (allowLocal) {
      log.warn(
          "Webhooks may post to http and to loopback and private addresses"
              + " (osaava.notifications.webhooks.allow-local-targets): for development only");
    }
    return new WebhookTargets(allowLocal);
  }

  /** RFC 8058: mail programs post here without a session or CSRF token; the token is the key. */
  @Bean
  OneClickForm unsubscribe() {
    return new OneClickForm("/notifications/unsubscribe");
  }
}
