package fi.osaava.guidance.internal;

import fi.osaava.profile.PersonId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation administrator's management of the organisation's counsellors: the list, adding
 * one by the e-mail address their sign-in provider vouches for, and removing one, which {@link
 * Counsellors#current} honours from the counsellor's very next request. Every change is in the
 * organisation's audit log. Each method works within the administrator's own organisation only.
 */
@Service
public class Members {

  // Deliberately loose (one @, a dot in the domain, no spaces): the provider checked the address;
  // this only turns typing slips into an error beside the field.
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Invitations invitations;

  Members(JdbcClient jdbc, Clock clock, Invitations invitations) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.invitations = invitations;
  }

  /** Whether {@code text} can be an e-mail address. */
  public static boolean isEmail(@Nullable String text) {
    return text != null && text.strip().length() <= 254 && EMAIL.matcher(text.strip()).matches();
  }

  /**
   * A counsellor of the organisation: one who has signed in as one ({@code person} set), or an
   * address an administrator added that nobody has signed in with yet ({@code pending} set).
   *
   * @param added whether an administrator added them (rather than only the claims)
   */
  public record Member(
      @Nullable UUID person,
      @Nullable UUID pending,
      String name,
      @Nullable String email,
      boolean added,
      @Nullable Instant lastSeen,
      @Nullable Instant removedAt) {}

  /** One change in the organisation's audit log. */
  public record AuditEntry(Instant at, String actor, String action, String subject) {}

  /** The organisation's counsellors: current ones by name, then the pending, then the removed. */
  @Transactional(readOnly = true)
  public List<Member> list(OrganisationAdministrator admin) {
    return jdbc.sql(
            "SELECT c.person_id, NULL::uuid AS pending, c.display_name, c.email,"
                + " EXISTS (SELECT 1 FROM guidance_member m WHERE m.organisation_id ="
                + " c.organisation_id AND m.email = c.email) AS added, c.last_seen, c.removed_at"
                + " FROM guidance_counsellor c WHERE c.organisation_id = ?"
                + " UNION ALL SELECT NULL, m.id, '', m.email, true, NULL, NULL"
                + " FROM guidance_member m WHERE m.organisation_id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM guidance_counsellor c WHERE c.organisation_id ="
                + " m.organisation_id AND c.email = m.email)"
                + " ORDER BY 7 NULLS FIRST, 1 NULLS LAST, 3, 4")
        .params(admin.organisation(), admin.organisation())
        .query(
            (rs, row) ->
                new Member(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBoolean(5),
                    instant(rs.getTimestamp(6)),
                    instant(rs.getTimestamp(7))))
        .list();
  }

  /**
   * Adds a counsellor by e-mail: whoever signs in with this verified address is a counsellor of the
   * organisation. Lifts an earlier removal of a counsellor known by this address.
   *
   * @throws IllegalArgumentException when {@code email} cannot be an address
   */
  @Transactional
  public void add(OrganisationAdministrator admin, String email) {
    if (!isEmail(email)) {
      throw new IllegalArgumentException("Not an e-mail address");
    }
    String address = email.strip().toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    jdbc.sql(
            "INSERT INTO guidance_member (id, organisation_id, email, added_by, added_at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (organisation_id, email) DO NOTHING")
        .params(
            UUID.randomUUID(),
            admin.organisation(),
            address,
            admin.person().value(),
            Timestamp.from(now))
        .update();
    jdbc.sql(
            "UPDATE guidance_counsellor SET removed_at = NULL WHERE organisation_id = ?"
                + " AND email = ?")
        .params(admin.organisation(), address)
        .update();
    audit(admin, "ADDED", address, now);
  }

  /**
   * Removes a counsellor who has signed in: their access to the organisation's clients ends with
   * their next request, their unused invitation codes of the organisation stop working, and an
   * administrator's addition of their address is withdrawn. False when they are no counsellor of
   * the administrator's organisation (or already removed).
   */
  @Transactional
  public boolean remove(OrganisationAdministrator admin, UUID person) {
    Instant now = clock.instant();
    List<Member> removed =
        jdbc.sql(
                "UPDATE guidance_counsellor SET removed_at = ? WHERE person_id = ?"
                    + " AND organisation_id = ? AND removed_at IS NULL"
                    + " RETURNING person_id, display_name, email")
            .params(Timestamp.from(now), person, admin.organisation())
            .query(
                (rs, row) ->
                    new Member(
                        rs.getObject(1, UUID.class),
                        null,
                        rs.getString(2),
                        rs.getString(3),
                        false,
                        null,
                        now))
            .list();
    if (removed.isEmpty()) {
      return false;
    }
    Member m = removed.getFirst();
    if (m.email() != null) {
      jdbc.sql("DELETE FROM guidance_member WHERE organisation_id = ? AND email = ?")
          .params(admin.organisation(), m.email())
          .update();
    }
    invitations.withdrawAll(new PersonId(person), admin.organisation());
    audit(admin, "REMOVED", subject(m), now);
    return true;
  }

  /** Withdraws an addition nobody has signed in with yet; false when there is none such. */
  @Transactional
  public boolean cancel(OrganisationAdministrator admin, UUID pending) {
    List<String> emails =
        jdbc.sql("DELETE FROM guidance_member WHERE id = ? AND organisation_id = ? RETURNING email")
            .params(pending, admin.organisation())
            .query(String.class)
            .list();
    if (emails.isEmpty()) {
      return false;
    }
    audit(admin, "CANCELLED", emails.getFirst(), clock.instant());
    return true;
  }

  /** The organisation's audit log, newest first (the latest 100). */
  @Transactional(readOnly = true)
  public List<AuditEntry> audit(OrganisationAdministrator admin) {
    return jdbc.sql(
            "SELECT at, actor_name, action, subject FROM guidance_admin_audit"
                + " WHERE organisation_id = ? ORDER BY at DESC, id LIMIT 100")
        .param(admin.organisation())
        .query(
            (rs, row) ->
                new AuditEntry(
                    rs.getTimestamp(1).toInstant(),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }

  private void audit(OrganisationAdministrator admin, String action, String subject, Instant at) {
    jdbc.sql(
            "INSERT INTO guidance_admin_audit (id, organisation_id, actor_id, actor_name, action,"
                + " subject, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            admin.organisation(),
            admin.person().value(),
            admin.name(),
            action,
            subject,
            Timestamp.from(at))
        .update();
  }

  private static String subject(Member m) {
    String who = m.name().isEmpty() ? String.valueOf(m.person()) : m.name();
    return m.email() == null ? who : who + " <" + m.email() + ">";
  }

  private static @Nullable Instant instant(@Nullable Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
