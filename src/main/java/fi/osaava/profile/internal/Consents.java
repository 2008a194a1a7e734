package fi.osaava.profile.internal;

import fi.osaava.profile.ConsentPurpose;
import fi.osaava.profile.PersonId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's consents: a history of decisions per purpose, each under the version of the consent
 * text the person saw. The newest decision is in force; a consent given under an older text version
 * than the current one no longer counts, so changing a text asks people again.
 */
@Service
public class Consents {

  /** The current version of each consent text (the messages {@code profile.consent.*}). */
  public static final Map<ConsentPurpose, Integer> TEXT_VERSIONS =
      Map.of(
          ConsentPurpose.GUIDANCE_COUNSELLOR, 1,
          ConsentPurpose.ANONYMISED_STATISTICS, 2,
          ConsentPurpose.AI_IMPROVEMENT, 1);

  private final JdbcClient jdbc;
  private final AuditLog audit;

  Consents(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** One decision. */
  public record Decision(
      ConsentPurpose purpose,
      @Schema(description = "The version of the consent text decided on", example = "2")
          int textVersion,
      boolean granted,
      @Schema(example = "2026-12-01T09:30:00Z") OffsetDateTime decidedAt) {}

  /** The decision in force per purpose; a purpose never decided is absent (not granted). */
  @Transactional(readOnly = true)
  public Map<ConsentPurpose, Decision> current(PersonId person) {
    Map<ConsentPurpose, Decision> current = new EnumMap<>(ConsentPurpose.class);
    for (Decision d : history(person)) {
      current.putIfAbsent(d.purpose(), d);
    }
    return current;
  }

  /** Every decision, newest first. */
  @Transactional(readOnly = true)
  public List<Decision> history(PersonId person) {
    return jdbc.sql(
            "SELECT purpose, text_version, granted, decided_at FROM profile_consent"
                + " WHERE person_id = ? ORDER BY id DESC")
        .param(person.value())
        .query(
            (rs, row) ->
                new Decision(
                    ConsentPurpose.valueOf(rs.getString(1)),
                    rs.getInt(2),
                    rs.getBoolean(3),
                    rs.getObject(4, OffsetDateTime.class)))
        .list();
  }

  @Transactional
  public void decide(PersonId person, ConsentPurpose purpose, boolean granted) {
    jdbc.sql(
            "INSERT INTO profile_consent (person_id, purpose, text_version, granted)"
                + " VALUES (?, ?, ?, ?)")
        // TEXT_VERSIONS names every purpose.
        .params(
            person.value(),
            purpose.name(),
            Objects.requireNonNull(TEXT_VERSIONS.get(purpose), "text version"),
            granted)
        .update();
    audit.record(
        person,
        "self",
        (granted ? "consent-granted:" : "consent-revoked:") + purpose.name().toLowerCase());
  }
}
