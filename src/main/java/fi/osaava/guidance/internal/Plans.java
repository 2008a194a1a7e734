package fi.osaava.guidance.internal;

import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.SharedPart;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
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
 * The plan a counsellor and a client work on: proposed steps the client accepts or declines, tasks
 * with due dates, meeting notes private to the organisation or shared with the client, and the
 * client's comments. A counsellor reaches any of it only through the client's live consent to the
 * {@link SharedPart#PLANS} part ({@link CounsellorConsents#authorise}, which logs the access for
 * the client); the client always reads their own steps, shared notes and comments, never a private
 * note.
 */
@Service
public class Plans {

  /** Meetings are in Finland: "today" is the day there. */
  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  /** What a step is. */
  public enum StepKind {
    OFFERING,
    SERVICE,
    TASK,
    /** A meeting with the counsellor, on its day ({@code dueOn}): the caseload's next meeting. */
    MEETING
  }

  /** Where a step stands. */
  public enum StepStatus {
    PROPOSED,
    ACCEPTED,
    DECLINED,
    DONE
  }

  /** A plan step. {@code dueOn} is set for tasks. */
  public record Step(
      UUID id,
      String organisation,
      StepKind kind,
      String title,
      String detail,
      @Nullable LocalDate dueOn,
      StepStatus status,
      Instant createdAt) {}

  /** A meeting note; {@code shared} ones the client reads too. */
  public record Note(
      UUID id, String organisation, String body, boolean shared, Instant createdAt) {}

  /** A comment of the client on their plan with an organisation. */
  public record Comment(UUID id, String organisation, String body, Instant createdAt) {}

  /** One client's plan with one organisation, as the counsellor sees it (private notes too). */
  public record Workspace(
      CounsellorGrant grant, List<Step> steps, List<Note> notes, List<Comment> comments) {}

  /**
   * The caseload's summary of one client's plan.
   *
   * @param nextDue the earliest due date of an open task, or null
   * @param lastActivity the newest step, note, comment or decision, or null
   * @param nextMeeting the day of the earliest meeting from today on that is not declined, or null
   */
  public record Summary(
      int openTasks,
      @Nullable LocalDate nextDue,
      @Nullable Instant lastActivity,
      @Nullable LocalDate nextMeeting) {}

  /** The client's own view of their plans with every organisation. */
  public record ClientPlan(List<Step> steps, List<Note> sharedNotes, List<Comment> comments) {}

  private final JdbcClient jdbc;
  private final CounsellorConsents consents;
  private final Clock clock;

  Plans(JdbcClient jdbc, CounsellorConsents consents, Clock clock) {
    this.jdbc = jdbc;
    this.consents = consents;
    this.clock = clock;
  }

  // --- the counsellor's side -------------------------------------------------------------------

  /** The client's plan with the counsellor's organisation; empty without a live PLANS consent. */
  @Transactional
  public Optional<Workspace> workspace(UUID grant, Counsellor c) {
    return consents
        .authorise(grant, c.person(), c.organisation(), SharedPart.PLANS)
        .map(
            g ->
                new Workspace(
                    g,
                    steps(g.client(), g.organisation()),
                    notes(g.client(), g.organisation(), true),
                    comments(g.client(), g.organisation())));
  }

  /**
   * The caseload lines of the clients among {@code grants} with a live PLANS consent, by consent
   * id, in one query: each read is in its client's access log ({@link
   * CounsellorConsents#authoriseAll}), and a client without such a consent is absent.
   */
  @Transactional
  public Map<UUID, Summary> summaries(Collection<CounsellorGrant> grants, Counsellor c) {
    Map<UUID, CounsellorGrant> live =
        consents.authoriseAll(
            grants.stream().map(CounsellorGrant::id).toList(),
            c.person(),
            c.organisation(),
            SharedPart.PLANS);
    Map<PersonId, Summary> byClient = new HashMap<>();
    if (!live.isEmpty()) {
      jdbc.sql(
              // One pass over each client's steps (their index on client and organisation), with
              // the four figures as filtered aggregates, rather than a subquery per figure.
              "SELECT k.client_id, s.open_tasks, s.next_due, s.next_meeting,"
                  + " greatest(s.last_step, n.last_note, c.last_comment) AS last_activity"
                  + " FROM unnest(:clients) AS k(client_id)"
                  + " CROSS JOIN LATERAL (SELECT"
                  + "  count(*) FILTER (WHERE kind = 'TASK' AND status IN ('PROPOSED', 'ACCEPTED'))"
                  + "   AS open_tasks,"
                  + "  min(due_on) FILTER (WHERE kind = 'TASK' AND status IN"
                  + "   ('PROPOSED', 'ACCEPTED')) AS next_due,"
                  + "  min(due_on) FILTER (WHERE kind = 'MEETING' AND status IN"
                  + "   ('PROPOSED', 'ACCEPTED') AND due_on >= :today) AS next_meeting,"
                  + "  max(greatest(created_at, decided_at)) AS last_step"
                  + "  FROM guidance_step WHERE client_id = k.client_id AND organisation_id = :o) s"
                  + " CROSS JOIN LATERAL (SELECT max(created_at) AS last_note FROM guidance_note"
                  + "  WHERE client_id = k.client_id AND organisation_id = :o) n"
                  + " CROSS JOIN LATERAL (SELECT max(created_at) AS last_comment"
                  + "  FROM guidance_comment WHERE client_id = k.client_id AND organisation_id = :o) c")
          .param(
              "clients",
              live.values().stream().map(g -> g.client().value()).distinct().toArray(UUID[]::new))
          .param("o", c.organisation())
          .param("today", LocalDate.now(clock.withZone(HELSINKI)))
          .query(
              rs -> {
                Date due = rs.getDate("next_due");
                Date meeting = rs.getDate("next_meeting");
                OffsetDateTime last = rs.getObject("last_activity", OffsetDateTime.class);
                byClient.put(
                    new PersonId(rs.getObject("client_id", UUID.class)),
                    new Summary(
                        rs.getInt("open_tasks"),
                        due == null ? null : due.toLocalDate(),
                        last == null ? null : last.toInstant(),
                        meeting == null ? null : meeting.toLocalDate()));
              });
    }
    Map<UUID, Summary> summaries = new LinkedHashMap<>();
    live.forEach((id, g) -> summaries.put(id, byClient.get(g.client())));
    return summaries;
  }

  /** Proposes a step; false without a live PLANS consent. */
  @Transactional
  public boolean propose(
      UUID grant,
      Counsellor c,
      StepKind kind,
      String title,
      @Nullable String detail,
      @Nullable LocalDate dueOn) {
    Optional<CounsellorGrant> g =
        consents.authorise(grant, c.person(), c.organisation(), SharedPart.PLANS);
    if (g.isEmpty()) {
      return false;
    }
    jdbc.sql(
            "INSERT INTO guidance_step (id, client_id, organisation_id, author_id, kind, title,"
                + " detail, due_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        // One by one: param(Object) takes a null (SQL NULL), params(Object...) is typed as not.
        .param(UUID.randomUUID())
        .param(g.get().client().value())
        .param(c.organisation())
        .param(c.person().value())
        .param(kind.name())
        .param(title.strip())
        .param(detail == null ? "" : detail.strip())
        .param(dueOn == null ? null : Date.valueOf(dueOn))
        .param(Timestamp.from(clock.instant()))
        .update();
    return true;
  }

  /** Writes a meeting note; false without a live PLANS consent. */
  @Transactional
  public boolean note(UUID grant, Counsellor c, String body, boolean shared) {
    Optional<CounsellorGrant> g =
        consents.authorise(grant, c.person(), c.organisation(), SharedPart.PLANS);
    if (g.isEmpty()) {
      return false;
    }
    jdbc.sql(
            "INSERT INTO guidance_note (id, client_id, organisation_id, author_id, body, shared,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            g.get().client().value(),
            c.organisation(),
            c.person().value(),
            body.strip(),
            shared,
            Timestamp.from(clock.instant()))
        .update();
    return true;
  }

  // --- the client's side -----------------------------------------------------------------------

  /** The client's plans with every organisation: steps, shared notes (never private), comments. */
  @Transactional(readOnly = true)
  public ClientPlan forClient(PersonId client) {
    return new ClientPlan(
        jdbc.sql(
                "SELECT * FROM guidance_step WHERE client_id = ?"
                    + " ORDER BY organisation_id, created_at, id")
            .param(client.value())
            .query(Plans::step)
            .list(),
        jdbc.sql(
                "SELECT * FROM guidance_note WHERE client_id = ? AND shared"
                    + " ORDER BY created_at DESC, id")
            .param(client.value())
            .query(Plans::note)
            .list(),
        jdbc.sql("SELECT * FROM guidance_comment WHERE client_id = ? ORDER BY created_at, id")
            .param(client.value())
            .query(Plans::comment)
            .list());
  }

  /** The client accepts or declines a proposed step of theirs; others are not found. */
  @Transactional
  public void decide(PersonId client, UUID step, boolean accept) {
    int changed =
        jdbc.sql(
                "UPDATE guidance_step SET status = ?, decided_at = ? WHERE id = ?"
                    + " AND client_id = ? AND status = 'PROPOSED'")
            .params(
                accept ? "ACCEPTED" : "DECLINED",
                Timestamp.from(clock.instant()),
                step,
                client.value())
            .update();
    if (changed == 0) {
      throw new NotFoundException("No proposed step of yours: " + step);
    }
  }

  /** The client marks an accepted task of theirs done; others are not found. */
  @Transactional
  public void done(PersonId client, UUID step) {
    int changed =
        jdbc.sql(
                "UPDATE guidance_step SET status = 'DONE', decided_at = ? WHERE id = ?"
                    + " AND client_id = ? AND status = 'ACCEPTED'")
            .params(Timestamp.from(clock.instant()), step, client.value())
            .update();
    if (changed == 0) {
      throw new NotFoundException("No accepted step of yours: " + step);
    }
  }

  /**
   * The client comments on their plan with an organisation they share plans with now; false when
   * they do not.
   */
  @Transactional
  public boolean comment(PersonId client, String organisation, String body) {
    Instant now = clock.instant();
    boolean sharing =
        consents.grantsOf(client).stream()
            .anyMatch(
                g ->
                    g.organisation().equals(organisation)
                        && g.parts().contains(SharedPart.PLANS)
                        && g.liveAt(now));
    if (!sharing) {
      return false;
    }
    jdbc.sql(
            "INSERT INTO guidance_comment (id, client_id, organisation_id, body, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), client.value(), organisation, body.strip(), Timestamp.from(now))
        .update();
    return true;
  }

  // --- rows ------------------------------------------------------------------------------------

  private List<Step> steps(PersonId client, String organisation) {
    return jdbc.sql(
            "SELECT * FROM guidance_step WHERE client_id = ? AND organisation_id = ?"
                + " ORDER BY created_at, id")
        .params(client.value(), organisation)
        .query(Plans::step)
        .list();
  }

  private List<Note> notes(PersonId client, String organisation, boolean withPrivate) {
    return jdbc.sql(
            "SELECT * FROM guidance_note WHERE client_id = ? AND organisation_id = ?"
                + (withPrivate ? "" : " AND shared")
                + " ORDER BY created_at DESC, id")
        .params(client.value(), organisation)
        .query(Plans::note)
        .list();
  }

  private List<Comment> comments(PersonId client, String organisation) {
    return jdbc.sql(
            "SELECT * FROM guidance_comment WHERE client_id = ? AND organisation_id = ?"
                + " ORDER BY created_at, id")
        .params(client.value(), organisation)
        .query(Plans::comment)
        .list();
  }

  private static Step step(ResultSet rs, int row) throws SQLException {
    Date due = rs.getDate("due_on");
    return new Step(
        rs.getObject("id", UUID.class),
        rs.getString("organisation_id"),
        StepKind.valueOf(rs.getString("kind")),
        rs.getString("title"),
        rs.getString("detail"),
        due == null ? null : due.toLocalDate(),
        StepStatus.valueOf(rs.getString("status")),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static Note note(ResultSet rs, int row) throws SQLException {
    return new Note(
        rs.getObject("id", UUID.class),
        rs.getString("organisation_id"),
        rs.getString("body"),
        rs.getBoolean("shared"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  private static Comment comment(ResultSet rs, int row) throws SQLException {
    return new Comment(
        rs.getObject("id", UUID.class),
        rs.getString("organisation_id"),
        rs.getString("body"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }

  // --- export and deletion ---------------------------------------------------------------------

  /** What the client may take with them: their steps, shared notes and comments. */
  ClientPlan export(PersonId client) {
    return forClient(client);
  }

  /** Everything about the client, the organisation's private notes included. */
  void forget(PersonId client) {
    for (String table : List.of("guidance_step", "guidance_note", "guidance_comment")) {
      jdbc.sql("DELETE FROM " + table + " WHERE client_id = ?").param(client.value()).update();
    }
  }
}
