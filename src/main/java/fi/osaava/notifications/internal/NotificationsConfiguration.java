package fi.osaava.notifications.internal;

import fi.osaava.platform.DatabaseOutage;
import fi.osaava.web.OneClickForm;
import fi.osaava.web.SignedInArea;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.DatabaseProduct;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
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

  private static final Logger log = LoggerFactory.getLogger(NotificationsConfiguration.class);

  @Bean
  LockProvider notificationsLockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(
        JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            // Named, not detected: detection reads the connection's metadata on the first lock,
            // and a first lock during a database outage then failed as an "unknown database
            // product" rather than as the outage it was (EmbeddedDatabaseSupervisionTest).
            .withDatabaseProduct(DatabaseProduct.POSTGRES_SQL)
            .usingDbTime()
            .build());
  }

  /**
   * While the database is away the outbox job's lock or query fails every round: the database's
   * supervisor and the 503 handler already report the outage, so such a failure is logged quietly
   * and the next round tries again. Any other failure is an error.
   */
  @Bean
  ThreadPoolTaskSchedulerCustomizer quietDuringDatabaseOutages() {
    return scheduler -> scheduler.setErrorHandler(NotificationsConfiguration::scheduledTaskFailed);
  }

  @Bean
  SimpleAsyncTaskSchedulerCustomizer quietDuringDatabaseOutagesOnVirtualThreads() {
    return scheduler -> scheduler.setErrorHandler(NotificationsConfiguration::scheduledTaskFailed);
  }

  private static void scheduledTaskFailed(Throwable failure) {
    if (DatabaseOutage.causes(failure)) {
      log.debug("A scheduled task waits for the database: {}", failure.toString());
    } else {
      log.error("A scheduled task failed; it runs again at its next time", failure);
    }
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
