package fi.osaava.recommendations.internal;

import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.PersonId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * Consented hand-over summaries. Consent is enforced here, not only in the form: {@link #issue}
 * stores and signs nothing unless the person consented, and the consent row (person, service, time)
 * is the one the link is signed for, so no link exists without its consent. A link shows its
 * summary only while it is neither withdrawn nor expired; every opening is logged for the person.
 */
@Service
public class Handovers {

  private static final Logger log = LoggerFactory.getLogger(Handovers.class);

  /** Refused: the person did not consent, so nothing was stored or signed. */
  public static final class ConsentRequiredException extends RuntimeException {
    ConsentRequiredException() {
      super("A hand-over summary needs the person's explicit consent");
    }
  }

  /**
   * One skill as handed over.
   *
   * @param language the label's language: ESCO lacks some languages' labels (Swedish ones), and a
   *     page shows the English label then, marked as English
   * @param verified whether a credential verifies it (always false for a gap skill)
   */
  public record SummarySkill(String label, String language, boolean verified) {}

  /**
   * What the person agreed to hand over, as labels in the language of the page they saw.
   *
   * @param goal the goal's title, or null when the person has none
   */
  public record Summary(
      @Nullable String goal, List<SummarySkill> skills, List<SummarySkill> gap, String language) {}

  /** A link just made. */
  public record Issued(UUID id, String token, Instant expires) {}

  /**
   * One hand-over as its owner sees it.
   *
   * @param token the link's token while it can be opened, else null
   */
  public record HandoverView(
      UUID id,
      UUID service,
      Instant consentedAt,
      Instant expiresAt,
      @Nullable Instant revokedAt,
      @Nullable String token,
      int openings,
      @Nullable Instant lastOpened) {}

  /**
   * A hand-over its owner can still give to the service, for its downloadable document.
   *
   * @param token the link's token, as the document prints the link
   */
  public record Held(
      UUID id, UUID service, Summary summary, Instant consentedAt, Instant expires, String token) {}

  /** What opening a link gives. */
  public enum Outcome {
    SHOWN,
    EXPIRED,
    REVOKED,
    UNKNOWN
  }

  /** The outcome, and the summary and its service when {@link Outcome#SHOWN}. */
  public record Opened(
      Outcome outcome,
      @Nullable Summary summary,
      @Nullable UUID service,
      @Nullable Instant expires) {}

  private final JdbcClient jdbc;
  private final HandoverLinks links;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration lifetime;

  Handovers(
      JdbcClient jdbc,
      HandoverLinks links,
      ObjectMapper json,
      Clock clock,
      @Value("${osaava.recommendations.handover-lifetime:P14D}") Duration lifetime) {
    this.jdbc = jdbc;
    this.links = links;
    this.json = json;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public Duration lifetime() {
    return lifetime;
  }

  /**
   * Records the consent and signs a link to the summary.
   *
   * @param consented whether the person ticked the consent on the page they saw the summary on
   * @throws ConsentRequiredException without consent; nothing is stored then
   */
  @Transactional
  public Issued issue(PersonId person, UUID service, boolean consented, Summary summary) {
    return issue(person, service, consented, summary, lifetime);
  }

  @Transactional
  Issued issue(
      PersonId person, UUID service, boolean consented, Summary summary, Duration validFor) {
    if (!consented) {
      throw new ConsentRequiredException();
    }
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    // Whole seconds: the token carries the expiry in epoch seconds.
    Instant expires = now.plus(validFor).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    jdbc.sql(
            "insert into rc_handover (id, person_id, service_id, consented_at, expires_at, summary)"
                + " values (?, ?, ?, ?, ?, ?::jsonb)")
        .param(id)
        .param(person.value())
        .param(service)
        .param(Timestamp.from(now))
        .param(Timestamp.from(expires))
        .param(json.writeValueAsString(summary))
        .update();
    return new Issued(id, links.token(id, expires), expires);
  }

  /** The person's hand-overs, newest first; summaries of expired ones are wiped on the way. */
  @Transactional
  public List<HandoverView> list(PersonId person) {
    Instant now = clock.instant();
    jdbc.sql(
            "update rc_handover set summary = null"
                + " where person_id = ? and expires_at <= ? and summary is not null")
        .param(person.value())
        .param(Timestamp.from(now))
        .update();
    return jdbc.sql(
            "select h.id, h.service_id, h.consented_at, h.expires_at, h.revoked_at,"
                + " (select count(*) from rc_handover_access a where a.handover_id = h.id),"
                + " (select max(accessed_at) from rc_handover_access a where a.handover_id = h.id)"
                + " from rc_handover h where h.person_id = ? order by h.consented_at desc, h.id")
        .param(person.value())
        .query(
            (rs, n) -> {
              UUID id = rs.getObject(1, UUID.class);
              Instant expires = rs.getTimestamp(4).toInstant();
              Timestamp revoked = rs.getTimestamp(5);
              Timestamp last = rs.getTimestamp(7);
              boolean open = revoked == null && expires.isAfter(now);
              return new HandoverView(
                  id,
                  rs.getObject(2, UUID.class),
                  rs.getTimestamp(3).toInstant(),
                  expires,
                  revoked == null ? null : revoked.toInstant(),
                  open ? links.token(id, expires) : null,
                  rs.getInt(6),
                  last == null ? null : last.toInstant());
            })
        .list();
  }

  /**
   * Withdraws the person's link and wipes its summary.
   *
   * @throws NotFoundException when the person has no hand-over with this id
   */
  @Transactional
  public void revoke(PersonId person, UUID id) {
    int updated =
        jdbc.sql(
                "update rc_handover set revoked_at = coalesce(revoked_at, ?), summary = null"
                    + " where id = ? and person_id = ?")
            .param(Timestamp.from(clock.instant()))
            .param(id)
            .param(person.value())
            .update();
    if (updated == 0) {
      throw new NotFoundException("No hand-over " + id);
    }
  }

  /**
   * The person's own hand-over while its link can be opened (consented, neither withdrawn nor
   * expired), for the document they download and take to the service. Reads only what the link flow
   * stored; it is not an opening of the link and is not logged as one.
   */
  @Transactional(readOnly = true)
  public Optional<Held> held(PersonId person, UUID id) {
    return jdbc.sql(
            "select service_id, summary::text, consented_at, expires_at from rc_handover"
                + " where id = ? and person_id = ? and revoked_at is null and expires_at > ?"
                + " and summary is not null")
        .param(id)
        .param(person.value())
        .param(Timestamp.from(clock.instant()))
        .query(
            (rs, n) -> {
              Instant expires = rs.getTimestamp(4).toInstant();
              return new Held(
                  id,
                  rs.getObject(1, UUID.class),
                  json.readValue(rs.getString(2), Summary.class),
                  rs.getTimestamp(3).toInstant(),
                  expires,
                  links.token(id, expires));
            })
        .optional();
  }

  /** Opens a link as the service does, without sign-in, and logs the opening. */
  @Transactional
  public Opened open(String token) {
    Optional<HandoverLinks.Signed> signed = links.verify(token);
    if (signed.isEmpty()) {
      // The token is not logged: a near miss of a real one would leak most of it.
      log.info("A hand-over link with a bad signature or form was opened");
      return new Opened(Outcome.UNKNOWN, null, null, null);
    }
    UUID id = signed.get().id();
    record Row(
        UUID service, Instant expires, @Nullable Instant revoked, @Nullable String summary) {}
    Optional<Row> row =
        jdbc.sql(
                "select service_id, expires_at, revoked_at, summary::text from rc_handover"
                    + " where id = ? for update")
            .param(id)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
            .optional();
    if (row.isEmpty()) {
      return new Opened(Outcome.UNKNOWN, null, null, null);
    }
    Instant now = clock.instant();
    Outcome outcome;
    if (row.get().revoked() != null) {
      outcome = Outcome.REVOKED;
    } else if (!row.get().expires().isAfter(now) || !signed.get().expires().isAfter(now)) {
      outcome = Outcome.EXPIRED;
      jdbc.sql("update rc_handover set summary = null where id = ?").param(id).update();
    } else if (row.get().summary() == null) {
      outcome = Outcome.EXPIRED;
    } else {
      outcome = Outcome.SHOWN;
    }
    jdbc.sql("insert into rc_handover_access (handover_id, accessed_at, outcome) values (?, ?, ?)")
        .param(id)
        .param(Timestamp.from(now))
        .param(outcome.name())
        .update();
    return outcome == Outcome.SHOWN
        ? new Opened(
            outcome,
            json.readValue(row.get().summary(), Summary.class),
            row.get().service(),
            row.get().expires())
        : new Opened(outcome, null, null, null);
  }

  /**
   * Wipes the summary of every expired hand-over (the scheduled {@code HandoverPurge}); the consent
   * row stays. How many were wiped.
   */
  @Transactional
  public int purgeExpired() {
    return jdbc.sql(
            "update rc_handover set summary = null where expires_at <= ? and summary is not null")
        .param(Timestamp.from(clock.instant()))
        .update();
  }

  /** Everything held about the person, for the export. */
  List<java.util.Map<String, Object>> export(PersonId person) {
    return jdbc.sql(
            "select id, service_id, consented_at, expires_at, revoked_at, summary::text,"
                + " (select count(*) from rc_handover_access a where a.handover_id = h.id)"
                + " as openings from rc_handover h where person_id = ? order by consented_at")
        .param(person.value())
        .query()
        .listOfRows();
  }

  void delete(PersonId person) {
    jdbc.sql("delete from rc_handover where person_id = ?").param(person.value()).update();
  }
}
