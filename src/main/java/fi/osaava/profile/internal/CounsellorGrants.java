package fi.osaava.profile.internal;

import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.AccessRecord;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.PersonalDataHolder;
import fi.osaava.profile.ProfileSkill;
import fi.osaava.profile.SharedInterests;
import fi.osaava.profile.SharedPart;
import fi.osaava.profile.WorkHistoryEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The profile's side of guidance: consents per counsellor, part and time, and the gated reads. The
 * check and the audit row are in one transaction with the read, and the check is a single query on
 * the consent row, so a revocation committed before a read always stops it.
 */
@Service
class CounsellorGrants implements CounsellorConsents, PersonalDataHolder {

  private static final String READ = "guidance-read:";
  private static final String GRANTED = "guidance-granted:";
  private static final String REVOKED = "guidance-revoked:";

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final ProfileService profiles;
  private final CompetenceProfile competence;
  private final Interests interests;

  CounsellorGrants(
      JdbcClient jdbc,
      AuditLog audit,
      Clock clock,
      ProfileService profiles,
      CompetenceProfile competence,
      Interests interests) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.profiles = profiles;
    this.competence = competence;
    this.interests = interests;
  }

  @Override
  @Transactional
  public CounsellorGrant grant(
      PersonId client,
      PersonId counsellor,
      String organisation,
      String clientName,
      Set<SharedPart> parts,
      int months) {
    if (parts == null || parts.isEmpty()) {
      throw new IllegalArgumentException("parts: choose at least one part to share");
    }
    if (months < 1 || months > MAX_MONTHS) {
      throw new IllegalArgumentException("months: between 1 and " + MAX_MONTHS);
    }
    if (client.equals(counsellor)) {
      throw new IllegalArgumentException("counsellor: a person cannot be their own counsellor");
    }
    Instant now = clock.instant();
    Instant until = now.atZone(clock.getZone()).plusMonths(months).toInstant();
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO profile_counsellor_grant (id, person_id, counsellor_id, organisation,"
                + " client_name, parts, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            client.value(),
            counsellor.value(),
            organisation,
            clientName.strip(),
            parts.stream().map(Enum::name).sorted().toArray(String[]::new),
            Timestamp.from(now),
            Timestamp.from(until))
        .update();
    audit.record(client, "self", GRANTED + id);
    return new CounsellorGrant(
        id, client, counsellor, organisation, clientName.strip(), parts, now, until, null);
  }

  @Override
  @Transactional
  public void revoke(PersonId client, UUID grant) {
    int changed =
        jdbc.sql(
                "UPDATE profile_counsellor_grant SET revoked_at = ?"
                    + " WHERE id = ? AND person_id = ? AND revoked_at IS NULL")
            .params(Timestamp.from(clock.instant()), grant, client.value())
            .update();
    if (changed == 0) {
      boolean own =
          jdbc.sql("SELECT count(*) FROM profile_counsellor_grant WHERE id = ? AND person_id = ?")
                  .params(grant, client.value())
                  .query(Long.class)
                  .single()
              > 0;
      if (!own) {
        throw new NotFoundException("No such consent of yours: " + grant);
      }
      return;
    }
    audit.record(client, "self", REVOKED + grant);
  }

  @Override
  @Transactional(readOnly = true)
  public List<CounsellorGrant> grantsOf(PersonId client) {
    return jdbc.sql(
            "SELECT * FROM profile_counsellor_grant WHERE person_id = ?"
                + " ORDER BY granted_at DESC, id")
        .param(client.value())
        .query(CounsellorGrants::row)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public List<CounsellorGrant> caseload(PersonId counsellor, String organisation) {
    return jdbc.sql(
            "SELECT * FROM profile_counsellor_grant WHERE counsellor_id = ? AND organisation = ?"
                + " AND revoked_at IS NULL AND expires_at > ? ORDER BY lower(client_name), id")
        .params(counsellor.value(), organisation, Timestamp.from(clock.instant()))
        .query(CounsellorGrants::row)
        .list();
  }

  @Override
  @Transactional
  public Optional<CounsellorGrant> authorise(
      UUID grant, PersonId counsellor, String organisation, SharedPart part) {
    if (grant == null || counsellor == null || organisation == null || part == null) {
      return Optional.empty();
    }
    Optional<CounsellorGrant> live =
        jdbc.sql(
                "SELECT * FROM profile_counsellor_grant WHERE id = ? AND counsellor_id = ?"
                    + " AND organisation = ? AND revoked_at IS NULL AND expires_at > ?"
                    + " AND ? = ANY (parts)")
            .params(
                grant,
                counsellor.value(),
                organisation,
                Timestamp.from(clock.instant()),
                part.name())
            .query(CounsellorGrants::row)
            .optional();
    live.ifPresent(
        g -> audit.record(g.client(), "counsellor:" + counsellor, READ + part + ":" + g.id()));
    return live;
  }

  @Override
  @Transactional
  public Map<UUID, CounsellorGrant> authoriseAll(
      Collection<UUID> grants, PersonId counsellor, String organisation, SharedPart part) {
    if (grants == null
        || grants.isEmpty()
        || counsellor == null
        || organisation == null
        || part == null) {
      return Map.of();
    }
    // The same conditions as authorise, for every id in one query.
    Map<UUID, CounsellorGrant> live = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT * FROM profile_counsellor_grant WHERE id = ANY (?) AND counsellor_id = ?"
                + " AND organisation = ? AND revoked_at IS NULL AND expires_at > ?"
                + " AND ? = ANY (parts)")
        .params(
            grants.toArray(UUID[]::new),
            counsellor.value(),
            organisation,
            Timestamp.from(clock.instant()),
            part.name())
        .query(CounsellorGrants::row)
        .list()
        .forEach(g -> live.put(g.id(), g));
    audit.recordAll(
        "counsellor:" + counsellor,
        live.values().stream().map(CounsellorGrant::client).toList(),
        live.values().stream().map(g -> READ + part + ":" + g.id()).toList());
    return live;
  }

  @Override
  @Transactional
  public Optional<List<ProfileSkill>> skills(UUID grant, PersonId counsellor, String organisation) {
    return authorise(grant, counsellor, organisation, SharedPart.SKILLS)
        .map(g -> profiles.competence(g.client()).skills());
  }

  @Override
  @Transactional
  public Optional<List<WorkHistoryEntry>> workHistory(
      UUID grant, PersonId counsellor, String organisation) {
    return authorise(grant, counsellor, organisation, SharedPart.WORK_HISTORY)
        .map(
            g ->
                competence.experiences(g.client()).stream()
                    .map(
                        e ->
                            new WorkHistoryEntry(
                                e.kind().name(),
                                e.organisation(),
                                e.title(),
                                e.start(),
                                e.end(),
                                e.description()))
                    .toList());
  }

  @Override
  @Transactional
  public Optional<SharedInterests> interests(UUID grant, PersonId counsellor, String organisation) {
    return authorise(grant, counsellor, organisation, SharedPart.INTERESTS)
        .map(
            g ->
                new SharedInterests(
                    interests.personal(g.client()).text(),
                    interests.liked(g.client()).stream().map(Interests.Interest::label).toList()));
  }

  @Override
  @Transactional
  public Optional<Map<Character, Double>> selfAssessment(
      UUID grant, PersonId counsellor, String organisation) {
    return authorise(grant, counsellor, organisation, SharedPart.SELF_ASSESSMENTS)
        .map(g -> interests.personal(g.client()).scores());
  }

  @Override
  @Transactional(readOnly = true)
  public List<AccessRecord> accessLog(PersonId client) {
    return jdbc
        .sql(
            "SELECT at, action FROM profile_audit WHERE person_id = ? AND action LIKE 'guidance-%'"
                + " ORDER BY id DESC LIMIT 1000")
        .param(client.value())
        .query(
            (rs, row) -> access(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2)))
        .list()
        .stream()
        .flatMap(Optional::stream)
        .toList();
  }

  private static Optional<AccessRecord> access(Instant at, String action) {
    try {
      if (action.startsWith(READ)) {
        String[] rest = action.substring(READ.length()).split(":", 2);
        return Optional.of(
            new AccessRecord(at, UUID.fromString(rest[1]), "read", SharedPart.valueOf(rest[0])));
      }
      if (action.startsWith(GRANTED)) {
        return Optional.of(
            new AccessRecord(
                at, UUID.fromString(action.substring(GRANTED.length())), "granted", null));
      }
      if (action.startsWith(REVOKED)) {
        return Optional.of(
            new AccessRecord(
                at, UUID.fromString(action.substring(REVOKED.length())), "revoked", null));
      }
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      // Rows this version does not write (none today) are left out of the person's view.
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static CounsellorGrant row(ResultSet rs, int row) throws SQLException {
    Set<SharedPart> parts = EnumSet.noneOf(SharedPart.class);
    Arrays.stream((String[]) rs.getArray("parts").getArray())
        .map(SharedPart::valueOf)
        .forEach(parts::add);
    OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
    return new CounsellorGrant(
        rs.getObject("id", UUID.class),
        new PersonId(rs.getObject("person_id", UUID.class)),
        new PersonId(rs.getObject("counsellor_id", UUID.class)),
        rs.getString("organisation"),
        rs.getString("client_name"),
        parts,
        rs.getObject("granted_at", OffsetDateTime.class).toInstant(),
        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
        revoked == null ? null : revoked.toInstant());
  }

  // --- export and deletion ---------------------------------------------------------------------

  @Override
  public String section() {
    return "counsellorConsents";
  }

  @Override
  public Object export(PersonId person) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (CounsellorGrant g : grantsOf(person)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", g.id().toString());
      m.put("organisation", g.organisation());
      m.put("nameShown", g.clientName());
      m.put("parts", g.parts().stream().map(Enum::name).sorted().toList());
      m.put("grantedAt", g.grantedAt().toString());
      m.put("expiresAt", g.expiresAt().toString());
      m.put("revokedAt", g.revokedAt() == null ? null : g.revokedAt().toString());
      out.add(m);
    }
    return out;
  }

  @Override
  public void delete(PersonId person) {
    // Both directions: consents the person gave, and those given to them as a counsellor.
    jdbc.sql("DELETE FROM profile_counsellor_grant WHERE person_id = ? OR counsellor_id = ?")
        .params(person.value(), person.value())
        .update();
  }
}
