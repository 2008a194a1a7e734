package fi.osaava.platform.internal;

import fi.osaava.platform.StartupWork;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code startup} in the readiness group: out of service while any module reports work that leaves
 * its answers incomplete (first-start imports, identification indexes, word translations,
 * embeddings), so that a load balancer sends no traffic to a node that would answer half. Liveness
 * does not include it: the process is healthy meanwhile.
 */
@Component("startup")
class StartupWorkHealthIndicator implements HealthIndicator {

  private final List<StartupWork> work;

  StartupWorkHealthIndicator(List<StartupWork> work) {
    this.work = work;
  }

  @Override
  public Health health() {
    List<String> pending =
        work.stream()
            .flatMap(w -> w.pending().stream())
            .map(StartupWork.Pending::describe)
            .toList();
    return pending.isEmpty()
        ? Health.up().build()
        : Health.outOfService().withDetail("pending", pending).build();
  }
}
