package fi.osaava.programmes.internal;

import fi.osaava.profile.PersonId;
import fi.osaava.profile.PersonalDataHolder;
import fi.osaava.programmes.internal.TeamManagers.Manager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workplace learning: an organisation's managers make teams, invite staff by e-mail or by link, and
 * assign packages with a target date and a reason; members see what was assigned and their own
 * progress; managers see only the team's aggregate progress, and only when the team has at least
 * {@link #MIN_MEMBERS_SHOWN} members, so that no figure describes one or two people. No method here
 * returns a member's identity, answers or reflections to a manager.
 */
@Service
public class Teams implements PersonalDataHolder {

  /** The fewest members a team needs before its dashboard shows any progress figure. */
  public static final int MIN_MEMBERS_SHOWN = 5;

  /** How long an invitation, by e-mail or by link, can be accepted. */
  public static final Duration INVITATION_VALIDITY = Duration.ofDays(30);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;

  Teams(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A team as its manager lists it. */
  public record Team(UUID id, String organisation, String name, int members) {}

  /** A package assigned to a team, as its members and managers read it. */
  public record Assignment(
      UUID packageId,
      String packageSlug,
      String assignedBy,
      String reason,
      LocalDate targetDate,
      OffsetDateTime assignedAt) {}

  /** A team a person belongs to, with what was assigned to it. */
  public record Membership(
      UUID teamId, String teamName, String organisation, List<Assignment> assignments) {}

  /**
   * An invitation as the team's manager sees it; {@code email} is null for a link, {@code
   * forManager} marks a single-use invitation for another manager.
   */
  public record InvitationRow(
      UUID id,
      @Nullable String email,
      boolean forManager,
      OffsetDateTime createdAt,
      OffsetDateTime expiresAt,
      boolean accepted,
      boolean withdrawn,
      int uses) {}

  /** What a valid invitation admits to: membership, or with {@code forManager} managing. */
  public record Invitation(
      UUID id, UUID teamId, String teamName, String organisation, boolean forManager) {}

  /** A member a manager may make a manager: one who held the role when joining, by name. */
  public record ManagerCandidate(PersonId person, String name) {}

  /** A new e-mail invitation with its token, which exists only here and in the mail. */
  public record Invited(String email, String token) {}

  /**
   * A team's aggregate progress in one assigned package, over its members.
   *
   * @param enrolled members enrolled in the package (whatever their progress)
   * @param inProgress enrolled and not completed
   * @param completed completed
   * @param completedByTarget completed on or before the target date (Helsinki time)
   */
  public record Aggregate(
      int members, int enrolled, int inProgress, int completed, int completedByTarget) {

    /** The share of the team's members who completed by the target date, in whole percent. */
    public int percentCompletedByTarget() {
      return members == 0 ? 0 : Math.round(100f * completedByTarget / members);
    }
  }

  /** An assignment on the dashboard; {@code aggregate} is null when withheld. */
  public record DashboardRow(Assignment assignment, @Nullable Aggregate aggregate) {}

  /**
   * The manager's view of a team.
   *
   * @param shown whether the figures are shown: the team has at least {@link #MIN_MEMBERS_SHOWN}
   *     members
   */
  public record Dashboard(Team team, boolean shown, List<DashboardRow> rows) {}

  @Transactional
  public UUID create(Manager manager, String name) {
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO programme_team (id, organisation, name) VALUES (?, ?, ?)")
        .params(id, manager.organisation(), name)
        .update();
    jdbc.sql("INSERT INTO programme_team_manager (team_id, person_id, name) VALUES (?, ?, ?)")
        .params(id, manager.person().value(), manager.name())
        .update();
    return id;
  }

  /** The teams {@code manager} manages in the organisation of their current sign-in. */
  @Transactional(readOnly = true)
  public List<Team> managedBy(Manager manager) {
    return teams(
        "JOIN programme_team_manager tm ON tm.team_id = t.id WHERE tm.person_id = ? AND"
            + " t.organisation = ? ORDER BY t.name, t.id",
        manager.person().value(),
        manager.organisation());
  }

  /**
   * The team {@code id} when {@code manager} manages it in the organisation of their current
   * sign-in; empty for every other team, which they may not even learn exists.
   */
  @Transactional(readOnly = true)
  public Optional<Team> managed(Manager manager, UUID id) {
    return teams(
            "JOIN programme_team_manager tm ON tm.team_id = t.id WHERE tm.person_id = ? AND"
                + " t.organisation = ? AND t.id = ?",
            manager.person().value(),
            manager.organisation(),
            id)
        .stream()
        .findFirst();
  }

  private List<Team> teams(String where, Object... params) {
    return jdbc.sql(
            "SELECT t.id, t.organisation, t.name, (SELECT count(*) FROM programme_team_member m"
                + " WHERE m.team_id = t.id) AS members FROM programme_team t "
                + where)
        .params(params)
        .query(
            (rs, row) ->
                new Team(
                    rs.getObject("id", UUID.class),
                    rs.getString("organisation"),
                    rs.getString("name"),
                    rs.getInt("members")))
        .list();
  }

  /** Makes one single-use invitation per address; the tokens are for the mails only. */
  @Transactional
  public List<Invited> invite(Team team, List<String> emails) {
    List<Invited> invited = new ArrayList<>();
    for (String email : emails) {
      invited.add(new Invited(email, newInvitation(team, email, false)));
    }
    return invited;
  }

  /** Makes a link invitation that anyone signed in who holds it may accept until it expires. */
  @Transactional
  public String inviteByLink(Team team) {
    return newInvitation(team, null, false);
  }

  /**
   * Makes a single-use invitation for another manager, shown to the inviting manager once as a
   * link: only a manager of the team's organisation can accept it.
   */
  @Transactional
  public String inviteManager(Team team) {
    return newInvitation(team, null, true);
  }

  private String newInvitation(Team team, @Nullable String email, boolean forManager) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    OffsetDateTime now = now();
    jdbc.sql(
            "INSERT INTO programme_team_invitation (id, team_id, token_hash, email, created_at,"
                + " expires_at, for_manager) VALUES (?, ?, ?, NULLIF(?, ''), ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            team.id(),
            hash(token),
            email == null ? "" : email,
            now,
            now.plus(INVITATION_VALIDITY),
            forManager)
        .update();
    return token;
  }

  /** The team's invitations, newest first, with how many joined through each. */
  @Transactional(readOnly = true)
  public List<InvitationRow> invitations(Team team) {
    return jdbc.sql(
            "SELECT i.id, i.email, i.for_manager, i.created_at, i.expires_at, i.accepted_at IS NOT NULL AS"
                + " accepted, i.withdrawn_at IS NOT NULL AS withdrawn, (SELECT count(*) FROM"
                + " programme_team_member m WHERE m.team_id = i.team_id AND m.invitation_id ="
                + " i.id) AS uses FROM programme_team_invitation i WHERE i.team_id = ? ORDER BY"
                + " i.created_at DESC, i.id")
        .param(team.id())
        .query(
            (rs, row) ->
                new InvitationRow(
                    rs.getObject("id", UUID.class),
                    rs.getString("email"),
                    rs.getBoolean("for_manager"),
                    rs.getObject("created_at", OffsetDateTime.class),
                    rs.getObject("expires_at", OffsetDateTime.class),
                    rs.getBoolean("accepted"),
                    rs.getBoolean("withdrawn"),
                    rs.getInt("uses")))
        .list();
  }

  /** Withdraws one of the team's invitations; false when the team has no such invitation. */
  @Transactional
  public boolean withdraw(Team team, UUID invitation) {
    return jdbc.sql(
                "UPDATE programme_team_invitation SET withdrawn_at = coalesce(withdrawn_at, ?) WHERE"
                    + " id = ? AND team_id = ?")
            .params(now(), invitation, team.id())
            .update()
        > 0;
  }

  /**
   * The invitation {@code token} admits to, when it can still be accepted: known, not expired, not
   * withdrawn, and (an e-mail invitation) not used.
   */
  @Transactional(readOnly = true)
  public Optional<Invitation> invitation(@Nullable String token) {
    return lookup(token, false);
  }

  private Optional<Invitation> lookup(@Nullable String token, boolean lock) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT i.id, t.id AS team_id, t.name, t.organisation, i.for_manager FROM"
                + " programme_team_invitation i JOIN programme_team t ON t.id = i.team_id WHERE"
                + " i.token_hash = ? AND i.withdrawn_at IS NULL AND i.expires_at > ? AND"
                + " ((i.email IS NULL AND NOT i.for_manager) OR i.accepted_at IS NULL)"
                + (lock ? " FOR UPDATE OF i" : ""))
        .params(hash(token.strip()), now())
        .query(
            (rs, row) ->
                new Invitation(
                    rs.getObject("id", UUID.class),
                    rs.getObject("team_id", UUID.class),
                    rs.getString("name"),
                    rs.getString("organisation"),
                    rs.getBoolean("for_manager")))
        .optional();
  }

  /** {@code person}, who holds no manager role, accepts a member's invitation. */
  @Transactional
  public Optional<Invitation> accept(PersonId person, @Nullable String token) {
    return accept(person, null, token);
  }

  /**
   * {@code person} accepts the invitation and joins its team, or (an invitation for a manager)
   * becomes one of its managers; empty when the token admits them to nothing. A manager's
   * invitation admits only {@code manager}, signed in as {@code person} with the manager role of
   * the team's organisation, and only once. A member who holds that role is recorded with their
   * name, so the team's managers may make them a manager. The invitation row is locked, so a
   * single-use invitation admits one person however many accept at once. A member who accepts again
   * stays a member and uses up nothing.
   */
  @Transactional
  public Optional<Invitation> accept(
      PersonId person, @Nullable Manager manager, @Nullable String token) {
    Optional<Invitation> found = lookup(token, true);
    if (found.isEmpty()) {
      return found;
    }
    Invitation invitation = found.get();
    boolean managerHere =
        manager != null
            && manager.person().equals(person)
            && manager.organisation().equals(invitation.organisation());
    OffsetDateTime now = now();
    if (invitation.forManager()) {
      if (manager == null || !managerHere) {
        return Optional.empty();
      }
      jdbc.sql(
              "INSERT INTO programme_team_manager (team_id, person_id, name) VALUES (?, ?, ?) ON"
                  + " CONFLICT DO NOTHING")
          .params(invitation.teamId(), person.value(), manager.name())
          .update();
      jdbc.sql("UPDATE programme_team_invitation SET accepted_by = ?, accepted_at = ? WHERE id = ?")
          .params(person.value(), now, invitation.id())
          .update();
      return found;
    }
    int joined =
        jdbc.sql(
                "INSERT INTO programme_team_member (team_id, person_id, joined_at, invitation_id,"
                    + " manager_name) VALUES (?, ?, ?, ?, CASE WHEN ? THEN ? END) ON CONFLICT DO"
                    + " NOTHING")
            .params(
                invitation.teamId(),
                person.value(),
                now,
                invitation.id(),
                managerHere,
                manager == null ? "" : manager.name())
            .update();
    if (joined > 0) {
      jdbc.sql(
              "UPDATE programme_team_invitation SET accepted_by = ?, accepted_at = ? WHERE id = ?"
                  + " AND email IS NOT NULL")
          .params(person.value(), now, invitation.id())
          .update();
    }
    return found;
  }

  /** The names of the team's managers, for its managers' page. */
  @Transactional(readOnly = true)
  public List<String> managerNames(Team team) {
    return jdbc.sql(
            "SELECT name FROM programme_team_manager WHERE team_id = ? ORDER BY name, person_id")
        .param(team.id())
        .query(String.class)
        .list();
  }

  /**
   * Members who held the manager role of the team's organisation when they joined and do not manage
   * the team yet. No other member's identity reaches a manager.
   */
  @Transactional(readOnly = true)
  public List<ManagerCandidate> managerCandidates(Team team) {
    return jdbc.sql(
            "SELECT m.person_id, m.manager_name FROM programme_team_member m WHERE m.team_id = ?"
                + " AND m.manager_name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
                + " programme_team_manager tm WHERE tm.team_id = m.team_id AND tm.person_id ="
                + " m.person_id) ORDER BY m.manager_name, m.person_id")
        .param(team.id())
        .query(
            (rs, row) ->
                new ManagerCandidate(
                    new PersonId(rs.getObject("person_id", UUID.class)),
                    rs.getString("manager_name")))
        .list();
  }

  /** Makes one of {@link #managerCandidates} a manager of the team; false for anyone else. */
  @Transactional
  public boolean addManager(Team team, UUID person) {
    return jdbc.sql(
                "INSERT INTO programme_team_manager (team_id, person_id, name) SELECT m.team_id,"
                    + " m.person_id, m.manager_name FROM programme_team_member m WHERE m.team_id ="
                    + " ? AND m.person_id = ? AND m.manager_name IS NOT NULL ON CONFLICT DO"
                    + " NOTHING")
            .params(team.id(), person)
            .update()
        > 0;
  }

  /** {@code person} leaves a team; false when they were no member. */
  @Transactional
  public boolean leave(PersonId person, UUID team) {
    return jdbc.sql("DELETE FROM programme_team_member WHERE team_id = ? AND person_id = ?")
            .params(team, person.value())
            .update()
        > 0;
  }

  /** Assigns a package to the team, or changes the date and reason of its assignment. */
  @Transactional
  public void assign(
      Manager manager, Team team, UUID packageId, LocalDate targetDate, String reason) {
    jdbc.sql(
            "INSERT INTO programme_team_assignment (team_id, package_id, assigned_by,"
                + " assigned_by_name, reason, target_date, assigned_at) VALUES (?, ?, ?, ?, ?, ?,"
                + " ?) ON CONFLICT (team_id, package_id) DO UPDATE SET assigned_by ="
                + " excluded.assigned_by, assigned_by_name = excluded.assigned_by_name, reason ="
                + " excluded.reason, target_date = excluded.target_date, assigned_at ="
                + " excluded.assigned_at")
        .params(
            team.id(),
            packageId,
            manager.person().value(),
            manager.name(),
            reason,
            targetDate,
            now())
        .update();
  }

  /** The teams {@code person} belongs to, with their assignments, the newest first. */
  @Transactional(readOnly = true)
  public List<Membership> memberships(PersonId person) {
    Map<UUID, Membership> teams = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT t.id, t.name, t.organisation FROM programme_team_member m JOIN programme_team"
                + " t ON t.id = m.team_id WHERE m.person_id = ? ORDER BY t.name, t.id")
        .param(person.value())
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              teams.put(
                  id,
                  new Membership(
                      id, rs.getString("name"), rs.getString("organisation"), new ArrayList<>()));
            });
    for (Membership m : teams.values()) {
      m.assignments().addAll(assignments(m.teamId()));
    }
    return List.copyOf(teams.values());
  }

  private List<Assignment> assignments(UUID team) {
    return jdbc.sql(
            "SELECT a.package_id, p.slug, a.assigned_by_name, a.reason, a.target_date,"
                + " a.assigned_at FROM programme_team_assignment a JOIN programme_package p ON"
                + " p.id = a.package_id WHERE a.team_id = ? ORDER BY a.target_date, p.slug")
        .param(team)
        .query(
            (rs, row) ->
                new Assignment(
                    rs.getObject("package_id", UUID.class),
                    rs.getString("slug"),
                    rs.getString("assigned_by_name"),
                    rs.getString("reason"),
                    rs.getObject("target_date", LocalDate.class),
                    rs.getObject("assigned_at", OffsetDateTime.class)))
        .list();
  }

  /**
   * The team's dashboard: its assignments and, only when it has at least {@link #MIN_MEMBERS_SHOWN}
   * members, each one's aggregate progress. Below the threshold no progress is even read. The
   * counts come from one grouped query; no row of it names a person.
   */
  @Transactional(readOnly = true)
  public Dashboard dashboard(Team team) {
    List<Assignment> assignments = assignments(team.id());
    boolean shown = team.members() >= MIN_MEMBERS_SHOWN;
    Map<UUID, Aggregate> aggregates = new LinkedHashMap<>();
    if (shown && !assignments.isEmpty()) {
      jdbc.sql(
              """
              SELECT a.package_id,
                     count(*) AS members,
                     count(e.person_id) AS enrolled,
                     count(e.person_id) FILTER (WHERE e.completed_at IS NULL) AS in_progress,
                     count(e.completed_at) AS completed,
                     count(e.completed_at) FILTER (WHERE e.completed_at
                         < ((a.target_date + 1)::timestamp AT TIME ZONE 'Europe/Helsinki'))
                         AS by_target
                FROM programme_team_assignment a
                JOIN programme_team_member m ON m.team_id = a.team_id
                LEFT JOIN programme_enrolment e
                  ON e.person_id = m.person_id AND e.package_id = a.package_id
               WHERE a.team_id = ?
               GROUP BY a.package_id
              """)
          .param(team.id())
          .query(
              rs -> {
                aggregates.put(
                    rs.getObject("package_id", UUID.class),
                    new Aggregate(
                        rs.getInt("members"),
                        rs.getInt("enrolled"),
                        rs.getInt("in_progress"),
                        rs.getInt("completed"),
                        rs.getInt("by_target")));
              });
    }
    List<DashboardRow> rows =
        assignments.stream()
            .map(
                a ->
                    new DashboardRow(
                        a, shown ? aggregates.getOrDefault(a.packageId(), empty(team)) : null))
            .toList();
    return new Dashboard(team, shown, rows);
  }

  private static Aggregate empty(Team team) {
    return new Aggregate(team.members(), 0, 0, 0, 0);
  }

  /** What is kept of a token: its SHA-256, in hex. */
  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  @Override
  public String section() {
    return "workplaceTeams";
  }

  @Override
  @Transactional(readOnly = true)
  public Object export(PersonId person) {
    Map<String, Object> export = new LinkedHashMap<>();
    List<Map<String, Object>> memberships = new ArrayList<>();
    for (Membership m : memberships(person)) {
      Map<String, Object> team = new LinkedHashMap<>();
      team.put("team", m.teamName());
      team.put("organisation", m.organisation());
      team.put(
          "joinedAt",
          jdbc.sql(
                  "SELECT joined_at FROM programme_team_member WHERE team_id = ? AND person_id ="
                      + " ?")
              .params(m.teamId(), person.value())
              .query(OffsetDateTime.class)
              .single());
      team.put("assignments", m.assignments());
      memberships.add(team);
    }
    export.put("memberships", memberships);
    export.put(
        "managedTeams",
        jdbc.sql(
                "SELECT t.name, t.organisation, tm.name AS shown_name FROM programme_team_manager"
                    + " tm JOIN programme_team t ON t.id = tm.team_id WHERE tm.person_id = ?"
                    + " ORDER BY t.name")
            .param(person.value())
            .query()
            .listOfRows());
    export.put(
        "assignmentsMade",
        jdbc.sql(
                "SELECT t.name AS team, p.slug, a.reason, a.target_date, a.assigned_at FROM"
                    + " programme_team_assignment a JOIN programme_team t ON t.id = a.team_id JOIN"
                    + " programme_package p ON p.id = a.package_id WHERE a.assigned_by = ? ORDER"
                    + " BY a.assigned_at")
            .param(person.value())
            .query()
            .listOfRows());
    return export;
  }

  /**
   * Removes the person's memberships and manager roles. What they assigned stays with the team (its
   * members still need it) without their id or name; a team left with no manager stays for its
   * members, and the organisation's next manager starts a new one.
   */
  @Override
  @Transactional
  public void delete(PersonId person) {
    jdbc.sql("DELETE FROM programme_team_member WHERE person_id = ?")
        .param(person.value())
        .update();
    jdbc.sql("DELETE FROM programme_team_manager WHERE person_id = ?")
        .param(person.value())
        .update();
    jdbc.sql("UPDATE programme_team_invitation SET accepted_by = NULL WHERE accepted_by = ?")
        .param(person.value())
        .update();
    jdbc.sql(
            "UPDATE programme_team_assignment SET assigned_by = NULL, assigned_by_name = '' WHERE"
                + " assigned_by = ?")
        .param(person.value())
        .update();
  }
}
