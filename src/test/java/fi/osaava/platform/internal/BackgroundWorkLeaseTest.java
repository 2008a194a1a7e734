package fi.osaava.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fi.osaava.web.WebTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 20: a node that dies in the middle of background work hands it over within a minute. Every
 * {@code @SchedulerLock} job of the code base (found in the classes, so a new one is checked too)
 * holds its lease for at most a minute; and a lease taken through the real lock provider with a
 * job's own setting, by a "node" that then never gives it back, shuts others out only until then.
 */
class BackgroundWorkLeaseTest extends WebTestBase {

  private static final Duration HAND_OVER = Duration.ofMinutes(1);

  @Autowired LockProvider locks;
  @Autowired JdbcClient jdbc;

  static List<JavaMethod> jobs() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fi.osaava")
            .stream()
            .flatMap(c -> c.getMethods().stream())
            .filter(m -> m.isAnnotatedWith(SchedulerLock.class))
            .toList();
  }

  @Test
  void everyJobsLeaseAndTheDefaultAreAMinuteAtMost() {
    List<JavaMethod> jobs = jobs();
    assertThat(jobs).as("the scheduled jobs under a lease").hasSizeGreaterThanOrEqualTo(5);
    for (JavaMethod job : jobs) {
      SchedulerLock lock = job.getAnnotationOfType(SchedulerLock.class);
      assertThat(lock.lockAtMostFor())
          .as("%s names its lease's length", job.getFullName())
          .isNotEmpty();
      assertThat(Duration.parse(lock.lockAtMostFor()))
          .as("the lease of %s", job.getFullName())
          .isLessThanOrEqualTo(HAND_OVER);
    }
    assertThat(
            Duration.parse(
                BackgroundWorkConfiguration.class
                    .getAnnotation(EnableSchedulerLock.class)
                    .defaultLockAtMostFor()))
        .isLessThanOrEqualTo(HAND_OVER);
  }

  @Test
  void aDeadNodesLeaseShutsOthersOutForAMinuteAtMost() {
    for (JavaMethod job : jobs()) {
      SchedulerLock setting = job.getAnnotationOfType(SchedulerLock.class);
      String name = "lease-test-" + setting.name();
      // The "dead node" takes the job's lease as the scheduler would and never gives it back.
      Optional<SimpleLock> dead =
          locks.lock(
              new LockConfiguration(
                  Instant.now(), name, Duration.parse(setting.lockAtMostFor()), Duration.ZERO));
      assertThat(dead).as("the first node gets %s", name).isPresent();
      assertThat(
              locks.lock(
                  new LockConfiguration(
                      Instant.now(), name, Duration.parse(setting.lockAtMostFor()), Duration.ZERO)))
          .as("another node waits while the lease lasts")
          .isEmpty();
      // Database time decides (the provider uses it), so the lease is read there.
      assertThat(
              jdbc.sql(
                      "SELECT lock_until > now() AND lock_until <= now() + interval '1 minute'"
                          + " FROM shedlock WHERE name = ?")
                  .param(name)
                  .query(Boolean.class)
                  .single())
          .as("%s ends within a minute", name)
          .isTrue();
      jdbc.sql("DELETE FROM shedlock WHERE name = ?").param(name).update();
    }
  }
}
