package fi.osaava.guidance.internal;

import fi.osaava.platform.Language;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.SharedPart;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A counsellor's invitation codes: a counsellor makes one and gives it to a client, who enters it
 * to share the parts they choose, for the months they choose, with that counsellor. The code names
 * the counsellor and organisation, so the client never types either. Its life (random, {@link
 * InvitationCodes#VALID_FOR}, used once, withdrawn when the counsellor is removed) is {@link
 * InvitationCodes}'.
 */
@Service
public class Invitations {

  private final JdbcClient jdbc;
  private final CounsellorConsents consents;
  private final InvitationCodes codes;

  Invitations(JdbcClient jdbc, Clock clock, CounsellorConsents consents) {
    this.jdbc = jdbc;
    this.consents = consents;
    this.codes = new InvitationCodes(jdbc, clock, "guidance_invitation");
  }

  /** A new code for the counsellor, formatted for reading ({@code ABCDE-FGHJK}). */
  @Transactional
  public String create(Counsellor counsellor) {
    InvitationCodes.Fresh fresh = codes.fresh();
    jdbc.sql(
            "INSERT INTO guidance_invitation (code, counsellor_id, organisation_id, created_at,"
                + " expires_at) VALUES (?, ?, ?, ?, ?)")
        .params(
            fresh.code(),
            counsellor.person().value(),
            counsellor.organisation(),
            Timestamp.from(fresh.createdAt()),
            Timestamp.from(fresh.expiresAt()))
        .update();
    return InvitationCodes.formatted(fresh.code());
  }

  /**
   * Withdraws the counsellor's unused codes of the organisation (their administrator removed them).
   */
  void withdrawAll(PersonId counsellor, String organisation) {
    codes.withdraw("counsellor_id = ? AND organisation_id = ?", counsellor.value(), organisation);
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
    Optional<Invitation> invitation =
        codes.usable(
            typedCode,
            "counsellor_id, organisation_id",
            (rs, row) -> new Invitation(new PersonId(rs.getObject(1, UUID.class)), rs.getString(2)),
            true);
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
    codes.use(typedCode, grant.id());
    // The summary for the client is written in the language they accepted in.
    jdbc.sql("UPDATE guidance_invitation SET client_language = ? WHERE grant_id = ?")
        .params(language.code(), grant.id())
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
