package fi.osaava.guidance.internal;

import fi.osaava.platform.Language;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.SharedPart;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitation codes: a counsellor makes one and gives it to a client, who enters it to share parts
 * of their profile with that counsellor. A code is random, used once and valid for {@link
 * #VALID_FOR}; it names the counsellor and organisation, so the client never types either.
 */
@Service
public class Invitations {

  /** How long a code can be used. */
  public static final Duration VALID_FOR = Duration.ofDays(14);

  // No 0/O, 1/I/L: the code is read aloud and typed from paper.
  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final int LENGTH = 10;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CounsellorConsents consents;
  private final SecureRandom random = new SecureRandom();

  Invitations(JdbcClient jdbc, Clock clock, CounsellorConsents consents) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.consents = consents;
  }

  /** A new code for the counsellor, formatted for reading ({@code ABCDE-FGHJK}). */
  @Transactional
  public String create(Counsellor counsellor) {
    String code = randomCode(random);
    Instant now = clock.instant();
    jdbc.sql(
            "INSERT INTO guidance_invitation (code, counsellor_id, organisation_id, created_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?)")
        .params(
            code,
            counsellor.person().value(),
            counsellor.organisation(),
            Timestamp.from(now),
            Timestamp.from(now.plus(VALID_FOR)))
        .update();
    return formatted(code);
  }

  /** A new random code as stored; the client's invitations use the same form. */
  static String randomCode(SecureRandom random) {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** A stored code formatted for reading: {@code ABCDE-FGHJK}. */
  static String formatted(String code) {
    return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
  }

  /** A typed code as stored: upper case, without spaces or dashes; null when it cannot be one. */
  static @Nullable String normalise(@Nullable String typed) {
    if (typed == null) {
      return null;
    }
    String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
        ? code
        : null;
  }

  /**
   * The client accepts a code and shares {@code parts} for {@code months}; empty when the code is
   * unknown, used, expired or the client's own.
   */
  @Transactional
  public Optional<CounsellorGrant> accept(
      PersonId client,
      String typedCode,
      String name,
      Set<SharedPart> parts,
      int months,
      Language language) {
    String code = normalise(typedCode);
    if (code == null) {
      return Optional.empty();
    }
    Optional<Invitation> invitation =
        jdbc.sql(
                "SELECT counsellor_id, organisation_id FROM guidance_invitation WHERE code = ?"
                    + " AND used_at IS NULL AND expires_at > ? FOR UPDATE")
            .params(code, Timestamp.from(clock.instant()))
            .query(
                (rs, row) ->
                    new Invitation(new PersonId(rs.getObject(1, UUID.class)), rs.getString(2)))
            .optional();
    if (invitation.isEmpty() || invitation.get().counsellor().equals(client)) {
      return Optional.empty();
    }
    CounsellorGrant grant =
        consents.grant(
            client,
            invitation.get().counsellor(),
            invitation.get().organisation(),
            name,
            parts,
            months);
    jdbc.sql(
            "UPDATE guidance_invitation SET used_at = ?, grant_id = ?, client_language = ?"
                + " WHERE code = ?")
        .params(Timestamp.from(clock.instant()), grant.id(), language.code(), code)
        .update();
    return Optional.of(grant);
  }

  /**
   * The language the client used when they accepted the code that became {@code grant}, or when
   * they made the invitation a counsellor accepted.
   */
  @Transactional(readOnly = true)
  public Optional<Language> clientLanguage(UUID grant) {
    return jdbc.sql(
            "SELECT client_language FROM guidance_invitation WHERE grant_id = ?"
                + " UNION ALL SELECT client_language FROM guidance_client_invitation"
                + " WHERE grant_id = ? LIMIT 1")
        .params(grant, grant)
        .query(String.class)
        .optional()
        .flatMap(Language::fromCode);
  }

  private record Invitation(PersonId counsellor, String organisation) {}

  /** Deletes a counsellor's codes. */
  void forget(PersonId counsellor) {
    jdbc.sql("DELETE FROM guidance_invitation WHERE counsellor_id = ?")
        .param(counsellor.value())
        .update();
  }
}
