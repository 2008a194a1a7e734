package fi.osaava.platform.internal;

import fi.osaava.platform.DataChanged;
import fi.osaava.platform.DataChanges;
import fi.osaava.platform.DatabaseOutage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.WebApplicationContext;

/**
 * Dataset versions in {@code platform_data_version}: an import counts its dataset's version up in
 * its transaction, and each running service polls the (few) rows and publishes {@link DataChanged}
 * for every version it has not seen. Every node polls and compares on its own, so each refreshes;
 * nothing is claimed, locked or deleted. The command-line tools record changes but do not poll.
 */
@Component
class DataChangeWatcher implements DataChanges, ApplicationRunner, Ordered, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DataChangeWatcher.class);

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final boolean service;
  private final Duration pollInterval;
  private final Map<String, Long> seen = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller;

  DataChangeWatcher(
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      ApplicationContext context,
      @Value("${osaava.data-changes.poll-interval:5s}") Duration pollInterval) {
    this.jdbc = jdbc;
    this.events = events;
    this.service = context instanceof WebApplicationContext;
    this.pollInterval = pollInterval;
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("data-change-poll").factory());
  }

  @Override
  public void record(String dataset) {
    Long version =
        jdbc.sql(
                "insert into platform_data_version (dataset, version) values (?, 1)"
                    + " on conflict (dataset) do update"
                    + " set version = platform_data_version.version + 1, changed_at = now()"
                    + " returning version")
            .param(dataset)
            .query(Long.class)
            .single();
    Runnable heard =
        () -> {
          // Seen here already, so that the poll does not take this process's change for another's.
          seen.merge(dataset, version, Math::max);
          events.publishEvent(new DataChanged(dataset, false));
        };
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              heard.run();
            }
          });
    } else {
      heard.run();
    }
  }

  /** Before the modules' own start-up work (order 100 and up), after the first-start imports. */
  @Override
  public int getOrder() {
    return 50;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!service || !pollInterval.isPositive()) {
      return;
    }
    // What the tables hold now is what the caches will read: only later changes are news.
    try {
      versions().forEach((dataset, version) -> seen.merge(dataset, version, Math::max));
    } catch (RuntimeException e) {
      log.warn(
          "Dataset versions could not be read at start; the poll tries again: {}", e.toString());
    }
    long millis = pollInterval.toMillis();
    poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Publishes {@link DataChanged} for each dataset whose version moved since it was last seen. */
  void poll() {
    try {
      versions()
          .forEach(
              (dataset, version) -> {
                Long before = seen.get(dataset);
                if (before == null || version > before) {
                  seen.merge(dataset, version, Math::max);
                  log.info("Dataset {} changed elsewhere; refreshing what is kept of it", dataset);
                  try {
                    events.publishEvent(new DataChanged(dataset, true));
                  } catch (RuntimeException e) {
                    // Not retried: a listener that fails would fail again every poll.
                    log.error("Refreshing after a change of dataset {} failed", dataset, e);
                  }
                }
              });
    } catch (RuntimeException e) {
      if (DatabaseOutage.causes(e)) {
        // The database's supervisor and the 503 handler report an outage; the poll retries.
        log.debug("Dataset versions wait for the database: {}", e.toString());
      } else {
        log.error("Dataset versions could not be read; the poll tries again", e);
      }
    }
  }

  private Map<String, Long> versions() {
    Map<String, Long> versions = new java.util.HashMap<>();
    jdbc.sql("select dataset, version from platform_data_version")
        .query(
            rs -> {
              versions.put(rs.getString(1), rs.getLong(2));
            });
    return versions;
  }

  @Override
  public void destroy() {
    poller.shutdownNow();
  }
}
