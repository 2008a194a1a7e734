package fi.osaava.notifications.internal;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook subscriptions on an owner's saved searches (a person's or an API client's), and their
 * deliveries (the outbox and the log in one table). Every read and change takes the owner, so
 * another owner's subscription is not found. A delivery's payload names the event and the public
 * item only, never a person.
 */
@Service
public class Webhooks {

  /** At most this many subscriptions per owner (a person or an API client). */
  static final int MAX_PER_PERSON = 10;

  /** How long the secret before a rotation still signs deliveries, beside the new one. */
  static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

  static final String PENDING = "PENDING";
  static final String DELIVERED = "DELIVERED";
  static final String FAILED = "FAILED";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One subscription as its owner sees it (never with its secret). */
  public record Subscription(
      UUID id,
      UUID savedSearch,
      String url,
      boolean enabled,
      int consecutiveFailures,
      @Nullable Instant disabledAt,
      Instant created) {}

  /** One delivery in the log. */
  public record Delivery(
      UUID id,
      String eventType,
      String status,
      int attempts,
      @Nullable Instant lastAttempt,
      @Nullable Integer responseCode,
      @Nullable String outcome,
      Instant nextAttempt,
      Instant created) {

    /** The {@code webhook-id} header: the same on every attempt of this delivery. */
    public String messageId() {
      return "msg_" + id;
    }
  }

  /** A subscription just made or rotated, with its secret, shown this once. */
  public record Secret(UUID subscription, String secret) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  Webhooks(JdbcClient jdbc, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** A new secret in Standard Webhooks' form: {@code whsec_} and 32 random bytes in base64. */
  static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  /** Subscribes one of the owner's saved searches; the URL has been checked by the caller. */
  @Transactional
  public Secret create(Owner owner, UUID savedSearch, String url) {
    boolean own =
        jdbc.sql("select count(*) from nt_saved_search where id = ? and " + owner.column() + " = ?")
                .params(savedSearch, owner.value())
                .query(Integer.class)
                .single()
            > 0;
    if (!own) {
      throw new InvalidInputException("form", 0, "savedSearch", "not one of your saved searches");
    }
    if (of(owner).size() >= MAX_PER_PERSON) {
      throw new InvalidInputException(
          "form", 0, "url", "at most " + MAX_PER_PERSON + " webhook subscriptions");
    }
    UUID id = UUID.randomUUID();
    String secret = newSecret();
    jdbc.sql(
            "insert into nt_webhook (id, "
                + owner.column()
                + ", saved_search_id, url, secret, created_at) values (?, ?, ?, ?, ?, ?)")
        .params(id, owner.value(), savedSearch, url, secret, timestamp(clock.instant()))
        .update();
    return new Secret(id, secret);
  }

  public List<Subscription> of(Owner owner) {
    return jdbc.sql(
            "select id, saved_search_id, url, enabled, consecutive_failures, disabled_at, created_at"
                + " from nt_webhook where "
                + owner.column()
                + " = ? order by created_at, id")
        .param(owner.value())
        .query(
            (rs, n) ->
                new Subscription(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getBoolean(4),
                    rs.getInt(5),
                    rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                    rs.getTimestamp(7).toInstant()))
        .list();
  }

  public Optional<Subscription> of(Owner owner, UUID id) {
    return of(owner).stream().filter(s -> s.id().equals(id)).findFirst();
  }

  /** A new secret; the old one still signs beside it for {@link #ROTATION_OVERLAP}. */
  @Transactional
  public Optional<Secret> rotate(Owner owner, UUID id) {
    String secret = newSecret();
    int changed =
        jdbc.sql(
                "update nt_webhook set previous_secret = secret, previous_secret_until = ?,"
                    + " secret = ? where id = ? and "
                    + owner.column()
                    + " = ?")
            .params(timestamp(clock.instant().plus(ROTATION_OVERLAP)), secret, id, owner.value())
            .update();
    return changed == 0 ? Optional.empty() : Optional.of(new Secret(id, secret));
  }

  /** Turns a disabled subscription on again; its waiting deliveries go out at the next round. */
  @Transactional
  public boolean enable(Owner owner, UUID id) {
    return jdbc.sql(
                "update nt_webhook set enabled = true, consecutive_failures = 0, disabled_at = null"
                    + " where id = ? and "
                    + owner.column()
                    + " = ?")
            .params(id, owner.value())
            .update()
        > 0;
  }

  @Transactional
  public boolean delete(Owner owner, UUID id) {
    return jdbc.sql("delete from nt_webhook where id = ? and " + owner.column() + " = ?")
            .params(id, owner.value())
            .update()
        > 0;
  }

  /** The newest deliveries of one of the owner's subscriptions. */
  public List<Delivery> log(Owner owner, UUID id, int limit) {
    return jdbc.sql(
            """
            select d.id, d.event_type, d.status, d.attempts, d.last_attempt_at, d.response_code,
                   d.outcome, d.next_attempt_at, d.created_at
            from nt_webhook_delivery d join nt_webhook w on w.id = d.webhook_id
            where w.id = ? and w.%s = ?
            order by d.created_at desc, d.id limit ?
            """
                .formatted(owner.column()))
        .params(id, owner.value(), limit)
        .query(
            (rs, n) ->
                new Delivery(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                    (Integer) rs.getObject(6),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant(),
                    rs.getTimestamp(9).toInstant()))
        .list();
  }

  /** Queues a test event to one of the owner's subscriptions; its delivery id, if theirs. */
  @Transactional
  public Optional<UUID> enqueueTest(Owner owner, UUID id) {
    if (of(owner, id).isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("subscription", id.toString());
    data.put("message", "A test delivery from Osaava.");
    return enqueue(id, "test:" + UUID.randomUUID(), "webhook.test", data, now);
  }

  /**
   * The enabled subscriptions by saved search, for the alert listener: a disabled subscription gets
   * no new deliveries until its owner turns it on again.
   */
  Map<UUID, List<UUID>> enabledBySearch() {
    Map<UUID, List<UUID>> bySearch = new HashMap<>();
    jdbc.sql("select saved_search_id, id from nt_webhook where enabled")
        .query(
            rs -> {
              bySearch
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                  .add(rs.getObject(2, UUID.class));
            });
    return bySearch;
  }

  /** The event type of a new offering that a subscribed education search matches. */
  static final MatchedType OFFERING_MATCHED =
      new MatchedType("education.offering.matched", "offering");

  /** The event type of a new or changed service that a subscribed service search newly matches. */
  static final MatchedType SERVICE_MATCHED =
      new MatchedType("servicenetwork.service.matched", "service");

  /** The event type of a new or changed job ad that an opportunity filter or a goal matches. */
  static final MatchedType JOB_AD_MATCHED = new MatchedType("labourmarket.job-ad.matched", "jobAd");

  /**
   * A kind of match event.
   *
   * @param type the payload's {@code type}
   * @param item the name of the item's object in {@code data}
   */
  record MatchedType(String type, String item) {}

  /**
   * Queues a new item matched by a subscribed saved search, in the caller's transaction; a repeat
   * of the same subscription and item queues nothing.
   */
  void enqueueMatch(
      UUID subscription,
      UUID savedSearch,
      MatchedType type,
      String id,
      Map<Language, String> titles,
      String url) {
    Map<String, String> byCode = new TreeMap<>();
    titles.forEach((language, title) -> byCode.put(language.code(), title));
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", id);
    item.put("titles", byCode);
    item.put("url", url);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("subscription", subscription.toString());
    data.put("savedSearch", savedSearch.toString());
    data.put(type.item(), item);
    enqueue(subscription, "match:" + subscription + ":" + id, type.type(), data, clock.instant());
  }

  private Optional<UUID> enqueue(
      UUID subscription, String key, String type, Map<String, Object> data, Instant now) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", type);
    payload.put("timestamp", now.toString());
    payload.put("data", data);
    UUID id = UUID.randomUUID();
    int added =
        jdbc.sql(
                """
                insert into nt_webhook_delivery
                  (id, webhook_id, event_key, event_type, payload, status, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?, ?)
                on conflict (event_key) do nothing
                """)
            .params(
                id,
                subscription,
                key,
                type,
                JSON.writeValueAsString(payload),
                timestamp(now),
                timestamp(now))
            .update();
    return added == 0 ? Optional.empty() : Optional.of(id);
  }

  static java.sql.Timestamp timestamp(Instant instant) {
    return java.sql.Timestamp.from(instant);
  }
}
