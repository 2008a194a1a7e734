package fi.osaava.notifications.internal;

import fi.osaava.web.OneClickForm;
import fi.osaava.web.SignedInArea;
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

  /** RFC 8058: mail programs post here without a session or CSRF token; the token is the key. */
  @Bean
  OneClickForm unsubscribe() {
    return new OneClickForm("/notifications/unsubscribe");
  }
}
