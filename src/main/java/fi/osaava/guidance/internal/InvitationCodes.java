package fi.osaava.guidance.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What both kinds of invitation are made of: the code and its life. A code is ten characters from
 * an alphabet without look-alikes, drawn with {@link SecureRandom}; it can be used for {@link
 * #VALID_FOR}, once (it is locked, used and tied to the consent it became in one transaction), and
 * its maker's side can withdraw it until it is used. One instance per table of codes ({@code
 * guidance_invitation}, a counsellor's; {@code guidance_client_invitation}, a client's), each with
 * the columns {@code code, expires_at, used_at, withdrawn_at, grant_id}.
 *
 * <p>What stays with each kind is what differs: who makes the code and who accepts it, and when the
 * parts and months are chosen (by the client on accepting a counsellor's code; by the client on
 * making their own, which the counsellor only accepts).
 */
final class InvitationCodes {

  /** How long a code can be used. */
  static final Duration VALID_FOR = Duration.ofDays(14);

  // No 0/O, 1/I/L: the code is read aloud and typed from paper.
  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  private static final int LENGTH = 10;
  private static final String USABLE =
      " code = ? AND used_at IS NULL AND withdrawn_at IS NULL AND expires_at > ?";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final String table;
  private final SecureRandom random = new SecureRandom();

  InvitationCodes(JdbcClient jdbc, Clock clock, String table) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.table = table;
  }

  /**
   * A new code as stored, made now and expiring {@link #VALID_FOR} later; the caller inserts it
   * with the columns of its kind.
   */
  record Fresh(String code, Instant createdAt, Instant expiresAt) {}

  Fresh fresh() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    Instant now = clock.instant();
    return new Fresh(code.toString(), now, now.plus(VALID_FOR));
  }

  /**
   * The row of a typed code that can still be used, with {@code columns} mapped; empty when the
   * code cannot be one, or is unknown, used, withdrawn or expired. With {@code toUse} the row is
   * locked, so that two callers cannot both use it.
   */
  <T> Optional<T> usable(
      @Nullable String typed, String columns, RowMapper<T> mapper, boolean toUse) {
    String code = normalise(typed);
    if (code == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT "
                + columns
                + " FROM "
                + table
                + " WHERE"
                + USABLE
                + (toUse ? " FOR UPDATE" : ""))
        .params(code, Timestamp.from(clock.instant()))
        .query(mapper)
        .optional();
  }

  /** Marks a code found {@link #usable} as used: it became the consent {@code grant}. */
  void use(String typed, UUID grant) {
    String code = normalise(typed);
    if (code == null) {
      throw new IllegalArgumentException("Not a code: " + typed);
    }
    jdbc.sql(
            "UPDATE " + table + " SET used_at = ?, grant_id = ? WHERE code = ? AND used_at IS NULL")
        .params(Timestamp.from(clock.instant()), grant, code)
        .update();
  }

  /**
   * Withdraws the unused codes that {@code condition} (a constant of the caller's, over the table's
   * columns, with its {@code params}) selects; how many.
   */
  int withdraw(String condition, Object... params) {
    Object[] all = new Object[params.length + 1];
    all[0] = Timestamp.from(clock.instant());
    System.arraycopy(params, 0, all, 1, params.length);
    return jdbc.sql(
            "UPDATE "
                + table
                + " SET withdrawn_at = ? WHERE used_at IS NULL AND withdrawn_at IS NULL AND "
                + condition)
        .params(all)
        .update();
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
}
