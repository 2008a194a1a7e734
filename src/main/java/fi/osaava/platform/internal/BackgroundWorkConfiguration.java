package fi.osaava.platform.internal;

import fi.osaava.platform.DatabaseOutage;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.DatabaseProduct;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled work for every module: Spring's scheduling, and ShedLock's lease in our PostgreSQL so
 * that a {@code @SchedulerLock} job runs on one node at a time (docs/adr/0014-scale-out.md). The
 * lock table {@code shedlock} was created by the first module that needed it ({@code
 * db/migration/notifications/V20261207_3000__notifications.sql}). Every lease is at most a minute
 * (the default here, and {@code BackgroundWorkLeaseTest} checks each job's): a node that dies in a
 * round hands the job over within a minute (issue 20). A lease shorter than a round lets another
 * node's round overlap, so every job claims its rows ({@code FOR UPDATE SKIP LOCKED}) and marks
 * them in the transaction that does their work (docs/architecture.md, "Background work").
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT1M")
class BackgroundWorkConfiguration {

  private static final Logger log = LoggerFactory.getLogger(BackgroundWorkConfiguration.class);

  /** Database time, so that the nodes' clocks need not agree. */
  @Bean
  LockProvider lockProvider(DataSource dataSource) {
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
   * While the database is away a job's lock or query fails every round: the database's supervisor
   * and the 503 handler already report the outage, so such a failure is logged quietly and the next
   * round tries again. Any other failure is an error.
   */
  @Bean
  ThreadPoolTaskSchedulerCustomizer quietDuringDatabaseOutages() {
    return scheduler -> scheduler.setErrorHandler(BackgroundWorkConfiguration::scheduledTaskFailed);
  }

  @Bean
  SimpleAsyncTaskSchedulerCustomizer quietDuringDatabaseOutagesOnVirtualThreads() {
    return scheduler -> scheduler.setErrorHandler(BackgroundWorkConfiguration::scheduledTaskFailed);
  }

  private static void scheduledTaskFailed(Throwable failure) {
    if (DatabaseOutage.causes(failure)) {
      log.debug("A scheduled task waits for the database: {}", failure.toString());
    } else {
      log.error("A scheduled task failed; it runs again at its next time", failure);
    }
  }
}
