package fi.osaava.opendata.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Requests per API client and day. A request only adds to a counter in memory; the counters are
 * written every {@code osaava.api.usage-flush-interval} (and at shutdown) in one batch of upserts
 * that add to the stored figures, so the database sees one write per client and interval, not per
 * request, and several nodes add up correctly. A node that dies loses at most one interval's
 * counts, which statistics can afford.
 */
@Component
public class ApiUsage {

  /** The client id under which requests without a token are counted (no addresses are kept). */
  public static final String ANONYMOUS = "anonymous";

  /**
   * The id under which signed-in people's calls with their browser session are counted, all
   * together (the statistics are per client, not per person).
   */
  public static final String SIGNED_IN = "signed-in";

  static final ZoneId ZONE = ZoneId.of("Europe/Helsinki");

  private record Key(String clientId, LocalDate day) {}

  private record Counts(LongAdder requests, LongAdder refused) {
    Counts() {
      this(new LongAdder(), new LongAdder());
    }
  }

  /**
   * One client's requests on one day.
   *
   * @param refused of those, refused with 429
   */
  public record Day(LocalDate day, long requests, long refused) {}

  private static final Logger log = LoggerFactory.getLogger(ApiUsage.class);

  private final ConcurrentHashMap<Key, Counts> pending = new ConcurrentHashMap<>();
  private final JdbcTemplate batch;
  private final JdbcClient jdbc;
  private final Clock clock;

  public ApiUsage(JdbcTemplate batch, JdbcClient jdbc, Clock clock) {
    this.batch = batch;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Counts one request of {@code clientId}; {@code refused} when it was answered 429. */
  public void count(String clientId, boolean refused) {
    Counts counts = pending.computeIfAbsent(new Key(clientId, today()), k -> new Counts());
    counts.requests().increment();
    if (refused) {
      counts.refused().increment();
    }
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZONE));
  }

  @Scheduled(
      fixedDelayString = "${osaava.api.usage-flush-interval:PT30S}",
      initialDelayString = "${osaava.api.usage-flush-interval:PT30S}")
  void flushOnSchedule() {
    flush();
  }

  /** The last counts go to the database before it is closed. */
  @PreDestroy
  void flushAtShutdown() {
    try {
      flush();
    } catch (RuntimeException e) {
      log.warn("The API usage counted since the last write is lost: {}", e.toString());
    }
  }

  /**
   * Writes the counted requests and starts counting afresh.
   *
   * @return how many (client, day) rows were written
   */
  public int flush() {
    List<Object[]> rows = new ArrayList<>();
    for (Key key : List.copyOf(pending.keySet())) {
      Counts counts = pending.remove(key);
      if (counts != null) {
        // A request counted between remove and sum lands in a new entry for the next flush.
        rows.add(
            new Object[] {
              key.clientId(),
              key.day(),
              counts.requests().sumThenReset(),
              counts.refused().sumThenReset()
            });
      }
    }
    if (rows.isEmpty()) {
      return 0;
    }
    try {
      batch.batchUpdate(
          "insert into od_api_usage (client_id, day, requests, refused) values (?, ?, ?, ?)"
              + " on conflict (client_id, day) do update set"
              + " requests = od_api_usage.requests + excluded.requests,"
              + " refused = od_api_usage.refused + excluded.refused",
          rows);
    } catch (RuntimeException e) {
      // Put the counts back, so that a database outage delays them instead of losing them.
      for (Object[] row : rows) {
        Counts counts =
            pending.computeIfAbsent(
                new Key((String) row[0], (LocalDate) row[1]), k -> new Counts());
        counts.requests().add((Long) row[2]);
        counts.refused().add((Long) row[3]);
      }
      throw e;
    }
    return rows.size();
  }

  /**
   * Stored requests of the last {@code days} days (today included) by client, newest day first;
   * clients by their total, largest first.
   */
  public Map<String, List<Day>> lastDays(int days) {
    LocalDate from = today().minusDays(days - 1L);
    Map<String, List<Day>> byClient = new LinkedHashMap<>();
    jdbc.sql(
            "select u.client_id, u.day, u.requests, u.refused from od_api_usage u"
                + " join (select client_id, sum(requests) as total from od_api_usage"
                + " where day >= ? group by client_id) t on t.client_id = u.client_id"
                + " where u.day >= ? order by t.total desc, u.client_id, u.day desc")
        .params(from, from)
        .query(
            rs -> {
              byClient
                  .computeIfAbsent(rs.getString("client_id"), c -> new ArrayList<>())
                  .add(
                      new Day(
                          rs.getDate("day").toLocalDate(),
                          rs.getLong("requests"),
                          rs.getLong("refused")));
            });
    return byClient;
  }
}
