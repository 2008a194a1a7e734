package fi.osaava.notifications.internal;

import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A person's e-mail choice: address, how often, language, and the unsubscribe token. */
@Repository
public class Recipients {

  /** How often a person gets mail. */
  public enum Frequency {
    OFF,
    IMMEDIATE,
    DAILY,
    WEEKLY
  }

  /** One person's choice. */
  public record Recipient(
      UUID person,
      @Nullable String email,
      Frequency frequency,
      Language language,
      String unsubscribeToken,
      @Nullable Instant lastDigest) {

    boolean mails() {
      return email != null && frequency != Frequency.OFF;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  Recipients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Recipient> of(UUID person) {
    return jdbc.sql(
            "select person_id, email, frequency, language, unsubscribe_token, last_digest_at"
                + " from nt_recipient where person_id = ?")
        .param(person)
        .query(
            (rs, n) ->
                new Recipient(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    Frequency.valueOf(rs.getString(3)),
                    Language.fromCode(rs.getString(4)).orElse(Language.FI),
                    rs.getString(5),
                    rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
        .optional();
  }

  Optional<Recipient> byToken(String token) {
    if (token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql("select person_id from nt_recipient where unsubscribe_token = ?")
        .param(token)
        .query(UUID.class)
        .optional()
        .flatMap(this::of);
  }

  /** Records the person's choice; the unsubscribe token stays as it was once made. */
  void save(PersonId person, @Nullable String email, Frequency frequency, Language language) {
    jdbc.sql(
            """
            insert into nt_recipient (person_id, email, frequency, language, unsubscribe_token)
            values (?, ?, ?, ?, ?)
            on conflict (person_id) do update
              set email = excluded.email, frequency = excluded.frequency,
                  language = excluded.language
            """)
        .param(1, person.value())
        .param(2, email)
        .param(3, frequency.name())
        .param(4, language.code())
        .param(5, newToken())
        .update();
  }

  /** Turns mail off for the token's holder; false when the token is unknown. */
  boolean unsubscribe(String token) {
    if (token.isBlank() || token.length() > 100) {
      return false;
    }
    return jdbc.sql("update nt_recipient set frequency = 'OFF' where unsubscribe_token = ?")
            .param(token)
            .update()
        > 0;
  }

  void digestSent(UUID person, Instant at) {
    jdbc.sql("update nt_recipient set last_digest_at = ? where person_id = ?")
        .params(java.sql.Timestamp.from(at), person)
        .update();
  }

  /** 256 random bits: the token is the link's only credential, so it must not be guessable. */
  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
