package fi.osaava.education.internal;

import fi.osaava.education.internal.search.EducationIndexer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * Keeps "application open now" in the education index current. The index holds it as of each
 * offering's last indexing ({@code FacetValuesBridge}), so that a search counts and filters it as a
 * term instead of joining a nested document per implementation (ADR 0010, sixth amendment). Every
 * minute this job re-indexes the offerings whose application period opened or closed since its last
 * round, so the flag lags the clock by at most about a minute (the round's interval and its
 * indexing).
 *
 * <p>A round that fails (the database or the index away) leaves its mark where it was, and the next
 * round covers the missed time too: an offering indexed again needlessly costs a little, a missed
 * one would be wrong until its next change.
 */
@Component
public class OpenApplications {

  private static final Logger log = LoggerFactory.getLogger(OpenApplications.class);

  /**
   * How far back the very first round looks: the index was built by the start-up that deployed this
   * job, minutes before it, so a day covers it with room to spare.
   */
  static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final EducationIndexer indexer;
  private final Clock clock;
  private final boolean service;

  /**
   * @param context a web application context in the service; the command-line tools leave the index
   *     to the service, which holds it
   */
  OpenApplications(
      JdbcClient jdbc, EducationIndexer indexer, Clock clock, ApplicationContext context) {
    this.jdbc = jdbc;
    this.indexer = indexer;
    this.clock = clock;
    this.service = context instanceof WebApplicationContext;
  }

  @Scheduled(cron = "${osaava.education.open-applications-cron:30 * * * * *}")
  // A round is seconds; should one outlast the lease, an overlapping round only indexes the same
  // offerings again, and the mark only moves forward.
  @SchedulerLock(name = "education-open-applications", lockAtMostFor = "PT1M")
  void scheduled() {
    if (service) {
      refresh();
    }
  }

  /**
   * Re-indexes the offerings with an application period that opened or closed after the last
   * round's mark and at most now, then moves the mark to now.
   *
   * @return the offerings re-indexed
   */
  public int refresh() {
    long started = System.nanoTime();
    Instant to = clock.instant();
    Instant from =
        jdbc.sql("select refreshed_to from education_open_applications_round")
            .query(Timestamp.class)
            .optional()
            .map(Timestamp::toInstant)
            .orElse(to.minus(FIRST_LOOK_BACK));
    if (!to.isAfter(from)) {
      return 0;
    }
    List<UUID> due = changedBetween(from, to);
    // Indexed first, marked after: a failure between them repeats the work, never skips it.
    indexer.reindex(due);
    jdbc.sql(
            "insert into education_open_applications_round (refreshed_to) values (?)"
                + " on conflict (id) do update set refreshed_to ="
                + " greatest(education_open_applications_round.refreshed_to,"
                + " excluded.refreshed_to)")
        .param(Timestamp.from(to))
        .update();
    if (!due.isEmpty()) {
      log.debug(
          "Application periods opened or closed after {}: {} offerings indexed again in {} ms",
          from,
          due.size(),
          (System.nanoTime() - started) / 1_000_000);
    }
    return due.size();
  }

  /**
   * The offerings with an application period that opens or closes after {@code from} and at most at
   * {@code to}: those whose "open now" may differ from what the index holds.
   */
  List<UUID> changedBetween(Instant from, Instant to) {
    Timestamp after = Timestamp.from(from);
    Timestamp until = Timestamp.from(to);
    return jdbc.sql(
            "select offering_id from education_implementation"
                + " where application_start > ? and application_start <= ?"
                + " union"
                + " select offering_id from education_implementation"
                + " where application_end > ? and application_end <= ?")
        .params(after, until, after, until)
        .query(UUID.class)
        .list();
  }
}
