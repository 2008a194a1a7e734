package fi.osaava.labourmarket.internal.ads;

import fi.osaava.labourmarket.JobAdId;
import fi.osaava.labourmarket.JobAdsExpired;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces open ads whose last day has passed ({@link JobAdsExpired}), so that the open-data
 * change feed withdraws them as it withdraws a closed ad. Nothing else happens to an ad at that
 * moment: matching already leaves out an ad past its last day when it reads the open ads. Each ad
 * is marked in the transaction that announces it, so it is announced once even if two nodes' rounds
 * overlap (the second waits for the first's rows and skips them).
 */
@Component
public class JobAdExpiry {

  /** Ads announced per transaction: a backlog after a long stop is announced in several. */
  static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  JobAdExpiry(
      JdbcClient jdbc,
      TransactionTemplate transaction,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.events = events;
    this.clock = clock;
  }

  @Scheduled(cron = "${osaava.job-ads.expiry-cron:0 5 * * * *}")
  // A minute at most, as all background work (issue 20): the rows' own marks keep overlapping
  // rounds from announcing an ad twice, so the lease only saves work.
  @SchedulerLock(name = "job-ad-expiry", lockAtMostFor = "PT1M")
  void scheduled() {
    announceExpired();
  }

  /**
   * Announces every open ad whose last day is before today (the service's clock), each once.
   *
   * @return the ads announced
   */
  public int announceExpired() {
    LocalDate today = LocalDate.now(clock);
    int announced = 0;
    while (true) {
      Integer batch =
          transaction.execute(
              status -> {
                List<UUID> ids =
                    jdbc.sql(
                            "update lm_job_ad set expiry_announced_at = now() where id in ("
                                + " select id from lm_job_ad where valid_through < ?"
                                + " and expiry_announced_at is null and closed_at is null"
                                + " and duplicate_of is null and not synthetic"
                                + " and valid_through is not null"
                                + " order by valid_through, id limit ? for update skip locked)"
                                + " returning id")
                        .params(today, BATCH)
                        .query(UUID.class)
                        .list();
                if (!ids.isEmpty()) {
                  events.publishEvent(new JobAdsExpired(ids.stream().map(JobAdId::new).toList()));
                }
                return ids.size();
              });
      int count = batch == null ? 0 : batch;
      announced += count;
      if (count < BATCH) {
        return announced;
      }
    }
  }
}
