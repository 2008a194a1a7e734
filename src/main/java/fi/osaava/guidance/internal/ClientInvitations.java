package fi.osaava.guidance.internal;

import fi.osaava.platform.Language;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.SharedPart;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations the other way round: the client makes one, choosing the parts and the months, and
 * gives its code (or a link with it) to a counsellor, who accepts it. Accepting makes the same
 * consent as a counsellor's code, through {@link CounsellorConsents#grant}, so the consent gate,
 * the client's access log and revocation are the same. The code's life is a counsellor's code's
 * ({@link InvitationCodes}): random, valid for {@link InvitationCodes#VALID_FOR}, used once,
 * withdrawable (here by the client) until used; it is the only credential, as a counsellor's code
 * is. Unlike a counsellor's code it carries the parts and months, chosen by the client.
 */
@Service
public class ClientInvitations {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CounsellorConsents consents;
  private final InvitationCodes codes;

  private static final String COLUMNS = "id, code, client_name, parts, months, expires_at";

  ClientInvitations(JdbcClient jdbc, Clock clock, CounsellorConsents consents) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.consents = consents;
    this.codes = new InvitationCodes(jdbc, clock, "guidance_client_invitation");
  }

  /**
   * A client's invitation as the client and the counsellor see it.
   *
   * @param code formatted for reading ({@code ABCDE-FGHJK})
   */
  public record ClientInvitation(
      UUID id,
      String code,
      String clientName,
      Set<SharedPart> parts,
      int months,
      Instant expiresAt) {}

  /**
   * The client invites a counsellor to see {@code parts} for {@code months} months from when the
   * counsellor accepts.
   *
   * @throws IllegalArgumentException for no parts or months out of range
   */
  @Transactional
  public ClientInvitation create(
      PersonId client, String name, Set<SharedPart> parts, int months, Language language) {
    if (parts.isEmpty() || months < 1 || months > CounsellorConsents.MAX_MONTHS) {
      throw new IllegalArgumentException("Parts and 1 to 12 months are required");
    }
    UUID id = UUID.randomUUID();
    InvitationCodes.Fresh fresh = codes.fresh();
    jdbc.sql(
            "INSERT INTO guidance_client_invitation (id, code, client_id, client_name, parts,"
                + " months, client_language, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?, ?)")
        .params(
            id,
            fresh.code(),
            client.value(),
            name.strip(),
            partsLiteral(parts),
            months,
            language.code(),
            Timestamp.from(fresh.createdAt()),
            Timestamp.from(fresh.expiresAt()))
        .update();
    return new ClientInvitation(
        id,
        InvitationCodes.formatted(fresh.code()),
        name.strip(),
        EnumSet.copyOf(parts),
        months,
        fresh.expiresAt());
  }

  /** The client's invitations that a counsellor can still accept, newest first. */
  @Transactional(readOnly = true)
  public List<ClientInvitation> pending(PersonId client) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM guidance_client_invitation WHERE client_id = ? AND used_at IS NULL AND withdrawn_at IS NULL"
                + " AND expires_at > ? ORDER BY created_at DESC, code")
        .params(client.value(), Timestamp.from(clock.instant()))
        .query(ClientInvitations::invitation)
        .list();
  }

  /** The client withdraws one of their unused invitations; false when there is none such. */
  @Transactional
  public boolean withdraw(PersonId client, UUID id) {
    return codes.withdraw("id = ? AND client_id = ?", id, client.value()) == 1;
  }

  /** What a typed code invites to, for the counsellor to confirm; empty when it cannot be used. */
  @Transactional(readOnly = true)
  public Optional<ClientInvitation> find(String typedCode) {
    return codes.usable(typedCode, COLUMNS, ClientInvitations::invitation, false);
  }

  /**
   * The counsellor accepts a client's code: the client's consent to them in their current
   * organisation starts now. Empty when the code is unknown, used, withdrawn, expired or the
   * counsellor's own.
   */
  @Transactional
  public Optional<CounsellorGrant> accept(Counsellor counsellor, String typedCode) {
    Optional<Pending> found =
        codes.usable(
            typedCode,
            "client_id, client_name, parts, months",
            (rs, row) ->
                new Pending(
                    new PersonId(rs.getObject(1, UUID.class)),
                    rs.getString(2),
                    parts(rs.getArray(3)),
                    rs.getInt(4)),
            true);
    if (found.isEmpty() || found.get().client().equals(counsellor.person())) {
      return Optional.empty();
    }
    Pending p = found.get();
    CounsellorGrant grant =
        consents.grant(
            p.client(),
            counsellor.person(),
            counsellor.organisation(),
            p.name(),
            p.parts(),
            p.months());
    codes.use(typedCode, grant.id());
    return Optional.of(grant);
  }

  private record Pending(PersonId client, String name, Set<SharedPart> parts, int months) {}

  /** The client's invitations, used or not, for their export. */
  List<Map<String, Object>> export(PersonId client) {
    return jdbc.sql(
            "SELECT client_name, array_to_string(parts, ',') AS parts, months,"
                + " created_at::text AS created_at, expires_at::text AS expires_at,"
                + " withdrawn_at::text AS withdrawn_at, used_at::text AS used_at"
                + " FROM guidance_client_invitation WHERE client_id = ? ORDER BY created_at")
        .param(client.value())
        .query()
        .listOfRows();
  }

  /** Deletes a client's invitations. */
  void forget(PersonId client) {
    jdbc.sql("DELETE FROM guidance_client_invitation WHERE client_id = ?")
        .param(client.value())
        .update();
  }

  private static ClientInvitation invitation(ResultSet rs, int row) throws SQLException {
    return new ClientInvitation(
        rs.getObject("id", UUID.class),
        InvitationCodes.formatted(rs.getString("code")),
        rs.getString("client_name"),
        parts(rs.getArray("parts")),
        rs.getInt("months"),
        rs.getTimestamp("expires_at").toInstant());
  }

  private static Set<SharedPart> parts(Array array) throws SQLException {
    Set<SharedPart> parts = EnumSet.noneOf(SharedPart.class);
    for (Object p : (Object[]) array.getArray()) {
      parts.add(SharedPart.valueOf((String) p));
    }
    return parts;
  }

  private static String partsLiteral(Set<SharedPart> parts) {
    return "{"
        + String.join(
            ",",
            Arrays.stream(SharedPart.values()).filter(parts::contains).map(Enum::name).toList())
        + "}";
  }
}
