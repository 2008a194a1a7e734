package fi.osaava.notifications.internal;

import fi.osaava.web.OneClickForm;
import fi.osaava.web.SignedInArea;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The module's beans: scheduling with ShedLock's lock table on our PostgreSQL (database time, so
 * nodes' clocks need not agree), the signed-in areas, and the one-click unsubscribe form.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationsProperties.class)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class NotificationsConfiguration {

  @Bean
  LockProvider notificationsLockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(
        JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            .usingDbTime()
            .build());
  }

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
