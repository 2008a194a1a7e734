package fi.osaava.regionalintelligence.internal.forums;

import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forums, their events, registrations and materials ({@code ri_forum*}). Owners' writes name
 * the organisation in their {@code WHERE}, so another organisation's forum is never changed.
 */
@Repository
public class ForumStore {

  private final JdbcClient jdbc;

  ForumStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What the owner decides about a forum. */
  public record ForumDetails(
      String title,
      String description,
      String regionCode,
      @Nullable String subRegionCode,
      @Nullable UUID surveyId,
      Set<UUID> projectIds,
      boolean published) {

    public ForumDetails {
      projectIds = Set.copyOf(projectIds);
    }
  }

  /** A stored forum. */
  public record Forum(
      UUID id,
      String organisation,
      ForumDetails details,
      String results,
      boolean synthetic,
      Instant updatedAt) {}

  /** What the owner decides about an event: times in UTC, a place or an online link or both. */
  public record EventDetails(
      String title,
      String agenda,
      Instant start,
      Instant end,
      @Nullable String place,
      @Nullable String onlineUrl,
      int capacity) {

    public EventDetails {
      if (!end.isAfter(start) || (place == null && onlineUrl == null) || capacity < 1) {
        throw new IllegalArgumentException(
            "An event needs its times in order, a place, a capacity");
      }
    }

    /** The place, the online link, or both, as a calendar's LOCATION and the messages say it. */
    public String where() {
      if (place == null) {
        return Objects.requireNonNull(onlineUrl);
      }
      return onlineUrl == null ? place : place + ", " + onlineUrl;
    }
  }

  /** Why and when the organisers cancelled an event, in the language they wrote the reason in. */
  public record Cancellation(Instant at, String reason, Language language) {}

  /**
   * A stored event, how many places are taken and how many wait for one, and its cancellation (null
   * while it stands).
   */
  public record ForumEvent(
      UUID id,
      UUID forumId,
      EventDetails details,
      int sequence,
      Instant updatedAt,
      int taken,
      int waiting,
      @Nullable Cancellation cancellation) {

    public int placesLeft() {
      return cancelled() ? 0 : Math.max(0, details.capacity() - taken);
    }

    public boolean cancelled() {
      return cancellation != null;
    }
  }

  /**
   * A registration as stored: their organisation, their name only if they chose to show it, whether
   * they hold a place or wait in the queue, and their arrival (the queue's order, unique).
   */
  public record Participant(
      PersonId person,
      String organisation,
      @Nullable String shownName,
      boolean waiting,
      long arrival,
      @Nullable Guest guest) {}

  /**
   * One registered without an account: their name (for the organisers), the address their mails go
   * to and the language of the mails. The name and the address are null once the event has ended
   * and they were deleted.
   *
   * @see ForumReminders#forgetGuests
   */
  public record Guest(@Nullable String name, @Nullable String email, Language language) {}

  /** The columns a {@link Participant} is read from, in {@link #participant}'s order. */
  private static final String PARTICIPANT =
      "person_id, organisation, shown_name, waiting, arrival, guest, guest_name, guest_email,"
          + " guest_language";

  private static Participant participant(ResultSet rs, int row) throws SQLException {
    return new Participant(
        new PersonId(rs.getObject(1, UUID.class)),
        rs.getString(2),
        rs.getString(3),
        rs.getBoolean(4),
        rs.getLong(5),
        rs.getBoolean(6)
            ? new Guest(
                rs.getString(7),
                rs.getString(8),
                Language.fromCode(String.valueOf(rs.getString(9))).orElse(Language.FI))
            : null);
  }

  /** A material: a link, or Markdown text written into the forum. */
  public record Material(UUID id, String title, @Nullable String url, @Nullable String markdown) {}

  /** A project a forum discussed, as its page names it. */
  public record LinkedProject(UUID id, String name, String regionCode, boolean synthetic) {}

  @Transactional
  public UUID create(String organisation, ForumDetails d, boolean synthetic) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into ri_forum (id, organisation, region_code, sub_region_code, title,"
                + " description, survey_id, published, synthetic) values (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?)")
        .params(
            values(
                id,
                organisation,
                d.regionCode(),
                d.subRegionCode(),
                d.title(),
                d.description(),
                d.surveyId(),
                d.published(),
                synthetic))
        .update();
    links(id, d.projectIds());
    return id;
  }

  /** Replaces the forum's details and project links; false when the organisation owns no such. */
  @Transactional
  public boolean update(UUID id, String organisation, ForumDetails d) {
    int changed =
        jdbc.sql(
                "update ri_forum set region_code = ?, sub_region_code = ?, title = ?, description"
                    + " = ?, survey_id = ?, published = ?, updated_at = now() where id = ? and"
                    + " organisation = ?")
            .params(
                values(
                    d.regionCode(),
                    d.subRegionCode(),
                    d.title(),
                    d.description(),
                    d.surveyId(),
                    d.published(),
                    id,
                    organisation))
            .update();
    if (changed == 0) {
      return false;
    }
    jdbc.sql("delete from ri_forum_project where forum_id = ?").param(id).update();
    links(id, d.projectIds());
    return true;
  }

  private void links(UUID forum, Collection<UUID> projects) {
    for (UUID project : projects) {
      jdbc.sql("insert into ri_forum_project (forum_id, project_id) values (?, ?)")
          .params(forum, project)
          .update();
    }
  }

  @Transactional
  public boolean saveResults(UUID id, String organisation, String markdown) {
    return jdbc.sql(
                "update ri_forum set results = ?, updated_at = now() where id = ? and"
                    + " organisation = ?")
            .params(markdown, id, organisation)
            .update()
        > 0;
  }

  public Optional<Forum> forum(UUID id) {
    return jdbc.sql("select * from ri_forum where id = ?")
        .param(id)
        .query(this::forumRow)
        .optional();
  }

  public List<Forum> published() {
    return jdbc.sql("select * from ri_forum where published order by region_code, title, id")
        .query(this::forumRow)
        .list();
  }

  public List<Forum> ownedBy(String organisation) {
    return jdbc.sql("select * from ri_forum where organisation = ? order by title, id")
        .param(organisation)
        .query(this::forumRow)
        .list();
  }

  /** Those of {@code ids} that are projects of the registry. */
  public Set<UUID> existingProjects(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(
        jdbc.sql("select id from ri_project where id = any(?)")
            .param(ids.toArray(UUID[]::new))
            .query(UUID.class)
            .list());
  }

  /** Every project of the registry, for the owner to choose from: region, then name. */
  public List<LinkedProject> allProjects() {
    return jdbc.sql(
            "select id, name, region_code, synthetic from ri_project order by region_code, name,"
                + " id")
        .query(ForumStore::project)
        .list();
  }

  public List<LinkedProject> projects(UUID forum) {
    return jdbc.sql(
            "select p.id, p.name, p.region_code, p.synthetic from ri_forum_project f join"
                + " ri_project p on p.id = f.project_id where f.forum_id = ? order by p.name, p.id")
        .param(forum)
        .query(ForumStore::project)
        .list();
  }

  private static LinkedProject project(ResultSet rs, int row) throws SQLException {
    return new LinkedProject(
        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4));
  }

  // --- events ---

  @Transactional
  public UUID addEvent(UUID forum, EventDetails d, Instant now) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into ri_forum_event (id, forum_id, title, agenda, starts_at, ends_at, place,"
                + " online_url, capacity, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(concat(values(id, forum), eventColumns(d), values(Timestamp.from(now))))
        .update();
    return id;
  }

  private static final String EVENT =
      "select e.*, (select count(*) filter (where not r.waiting) from ri_forum_registration r"
          + " where r.event_id = e.id) taken, (select count(*) filter (where r.waiting) from"
          + " ri_forum_registration r where r.event_id = e.id) waiting from ri_forum_event e ";

  public List<ForumEvent> events(UUID forum) {
    return jdbc.sql(EVENT + "where e.forum_id = ? order by e.starts_at, e.id")
        .param(forum)
        .query(ForumStore::event)
        .list();
  }

  public Optional<ForumEvent> event(UUID forum, UUID id) {
    return jdbc.sql(EVENT + "where e.forum_id = ? and e.id = ?")
        .params(forum, id)
        .query(ForumStore::event)
        .optional();
  }

  /**
   * The event with its row locked until the transaction ends, so that registrations are decided one
   * at a time and never take more places than the capacity.
   */
  @Transactional
  public Optional<ForumEvent> lock(UUID id) {
    Optional<UUID> forum =
        jdbc.sql("select forum_id from ri_forum_event where id = ? for update")
            .param(id)
            .query(UUID.class)
            .optional();
    return forum.flatMap(f -> event(f, id));
  }

  /** Everyone registered, those with a place and the queue alike, in the order they came. */
  public List<Participant> participants(UUID event) {
    return jdbc.sql(
            "select "
                + PARTICIPANT
                + " from ri_forum_registration where event_id = ? order by arrival")
        .param(event)
        .query(ForumStore::participant)
        .list();
  }

  /**
   * A registration without an account, under a person id drawn at random: with a place, or ({@code
   * waiting}) at the end of the queue. Only the hash of the cancellation link is kept.
   */
  @Transactional
  public void registerGuest(
      UUID event,
      PersonId id,
      String organisation,
      @Nullable String shownName,
      Guest guest,
      String cancelTokenHash,
      boolean waiting,
      Instant now) {
    jdbc.sql(
            "insert into ri_forum_registration (event_id, person_id, organisation, shown_name,"
                + " waiting, registered_at, guest, guest_name, guest_email, guest_language,"
                + " cancel_token_hash) values (?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?)")
        .params(
            values(
                event,
                id.value(),
                organisation,
                shownName,
                waiting,
                Timestamp.from(now),
                guest.name(),
                guest.email(),
                guest.language().code(),
                cancelTokenHash))
        .update();
  }

  /**
   * A synthetic participant's registration with a place: the organisation only, stored as a guest
   * with no name, address or cancellation link, so it is shown like anyone's organisation and no
   * message (reminder, change, cancellation) is ever sent for it.
   */
  @Transactional
  public void registerSynthetic(UUID event, String organisation, Instant now) {
    jdbc.sql(
            "insert into ri_forum_registration (event_id, person_id, organisation, waiting,"
                + " registered_at, guest) values (?, ?, ?, false, ?, true)")
        .params(event, UUID.randomUUID(), organisation, Timestamp.from(now))
        .update();
  }

  /**
   * Deletes the organisation's synthetic forums of this title, with their events, registrations and
   * materials: a generator run again replaces its forum. Never touches a forum not marked
   * synthetic.
   */
  @Transactional
  public int deleteSynthetic(String organisation, String title) {
    return jdbc.sql("delete from ri_forum where organisation = ? and title = ? and synthetic")
        .params(organisation, title)
        .update();
  }

  /** Whether the address is registered for the event already (letter case aside). */
  public boolean guestRegistered(UUID event, String email) {
    return jdbc.sql(
                "select count(*) from ri_forum_registration where event_id = ? and lower(guest_email)"
                    + " = lower(?)")
            .params(event, email)
            .query(Integer.class)
            .single()
        > 0;
  }

  /** A guest's registration as its cancellation link finds it. */
  public record GuestRegistration(UUID forum, UUID event, PersonId person) {}

  public Optional<GuestRegistration> byCancelToken(String tokenHash) {
    return jdbc.sql(
            "select e.forum_id, r.event_id, r.person_id from ri_forum_registration r join"
                + " ri_forum_event e on e.id = r.event_id where r.cancel_token_hash = ?")
        .param(tokenHash)
        .query(
            (rs, row) ->
                new GuestRegistration(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    new PersonId(rs.getObject(3, UUID.class))))
        .optional();
  }

  /** A registration with a place, or ({@code waiting}) at the end of the queue. */
  @Transactional
  public void register(
      UUID event,
      PersonId person,
      String organisation,
      @Nullable String shownName,
      boolean waiting,
      Instant now) {
    jdbc.sql(
            "insert into ri_forum_registration (event_id, person_id, organisation, shown_name,"
                + " waiting, registered_at) values (?, ?, ?, ?, ?, ?)")
        .params(
            values(event, person.value(), organisation, shownName, waiting, Timestamp.from(now)))
        .update();
  }

  /** Moves a waiting person to a place. */
  @Transactional
  public void giveAPlace(UUID event, PersonId person) {
    jdbc.sql(
            "update ri_forum_registration set waiting = false where event_id = ? and person_id = ?")
        .params(event, person.value())
        .update();
  }

  /**
   * Replaces the event's details and raises its iCalendar SEQUENCE, only where the event is one of
   * the organisation's forum's; whether it was.
   */
  @Transactional
  public boolean updateEvent(
      UUID forum, UUID event, String organisation, EventDetails d, Instant now) {
    return jdbc.sql(
                "update ri_forum_event set title = ?, agenda = ?, starts_at = ?, ends_at = ?, place"
                    + " = ?, online_url = ?, capacity = ?, sequence = sequence + 1, updated_at = ?"
                    + " where id = ? and forum_id = ? and cancelled_at is null and forum_id in"
                    + " (select id from ri_forum where organisation = ?)")
            .params(
                concat(eventColumns(d), values(Timestamp.from(now), event, forum, organisation)))
            .update()
        > 0;
  }

  /**
   * Marks the event cancelled with the organisers' reason and raises its iCalendar SEQUENCE, only
   * where it is one of the organisation's forum's and still stands; whether it was.
   */
  @Transactional
  public boolean cancelEvent(
      UUID forum, UUID event, String organisation, String reason, Language language, Instant now) {
    return jdbc.sql(
                "update ri_forum_event set cancelled_at = ?, cancel_reason = ?, cancel_language ="
                    + " ?, sequence = sequence + 1, updated_at = ? where id = ? and forum_id = ?"
                    + " and cancelled_at is null and forum_id in (select id from ri_forum where"
                    + " organisation = ?)")
            .params(
                values(
                    Timestamp.from(now),
                    reason,
                    language.code(),
                    Timestamp.from(now),
                    event,
                    forum,
                    organisation))
            .update()
        > 0;
  }

  /** Empties the event's waiting list; who was in it. */
  @Transactional
  public List<Participant> clearQueue(UUID event) {
    return jdbc.sql(
            "delete from ri_forum_registration where event_id = ? and waiting returning "
                + PARTICIPANT)
        .param(event)
        .query(ForumStore::participant)
        .list();
  }

  @Transactional
  public boolean unregister(UUID event, PersonId person) {
    return jdbc.sql("delete from ri_forum_registration where event_id = ? and person_id = ?")
            .params(event, person.value())
            .update()
        > 0;
  }

  private static ForumEvent event(ResultSet rs, int row) throws SQLException {
    return new ForumEvent(
        rs.getObject("id", UUID.class),
        rs.getObject("forum_id", UUID.class),
        new EventDetails(
            rs.getString("title"),
            rs.getString("agenda"),
            rs.getTimestamp("starts_at").toInstant(),
            rs.getTimestamp("ends_at").toInstant(),
            rs.getString("place"),
            rs.getString("online_url"),
            rs.getInt("capacity")),
        rs.getInt("sequence"),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getInt("taken"),
        rs.getInt("waiting"),
        rs.getTimestamp("cancelled_at") == null
            ? null
            : new Cancellation(
                rs.getTimestamp("cancelled_at").toInstant(),
                rs.getString("cancel_reason"),
                Language.require(rs.getString("cancel_language"))));
  }

  // --- materials ---

  @Transactional
  public UUID addMaterial(
      UUID forum, String title, @Nullable String url, @Nullable String markdown) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into ri_forum_material (id, forum_id, title, url, markdown) values (?, ?, ?,"
                + " ?, ?)")
        .params(values(id, forum, title, url, markdown))
        .update();
    return id;
  }

  @Transactional
  public boolean deleteMaterial(UUID forum, UUID material) {
    return jdbc.sql("delete from ri_forum_material where forum_id = ? and id = ?")
            .params(forum, material)
            .update()
        > 0;
  }

  public List<Material> materials(UUID forum) {
    return jdbc.sql(
            "select id, title, url, markdown from ri_forum_material where forum_id = ? order by"
                + " created_at, id")
        .param(forum)
        .query(
            (rs, row) ->
                new Material(
                    rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** An event's title, agenda, start, end, place, online link and capacity, in that order. */
  private static List<@Nullable Object> eventColumns(EventDetails d) {
    return values(
        d.title(),
        d.agenda(),
        Timestamp.from(d.start()),
        Timestamp.from(d.end()),
        d.place(),
        d.onlineUrl(),
        d.capacity());
  }

  @SafeVarargs
  private static List<@Nullable Object> concat(List<@Nullable Object>... parts) {
    List<@Nullable Object> all = new java.util.ArrayList<>();
    for (List<@Nullable Object> part : parts) {
      all.addAll(part);
    }
    return all;
  }

  /** Parameters of which some may be null (JDBC writes them as NULL). */
  private static List<@Nullable Object> values(@Nullable Object... values) {
    return java.util.Arrays.asList(values);
  }

  // --- personal data ---

  /** A person's registration, for the export of their data. */
  public record OwnRegistration(
      String event,
      Instant start,
      String organisation,
      @Nullable String shownName,
      boolean waiting) {}

  public List<OwnRegistration> registrationsOf(PersonId person) {
    return jdbc.sql(
            "select e.title, e.starts_at, r.organisation, r.shown_name, r.waiting from"
                + " ri_forum_registration r join ri_forum_event e on e.id = r.event_id where r.person_id = ? order by"
                + " e.starts_at")
        .param(person.value())
        .query(
            (rs, row) ->
                new OwnRegistration(
                    rs.getString(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBoolean(5)))
        .list();
  }

  /** The events the person is registered for or waits for. */
  public List<UUID> eventsOf(PersonId person) {
    return jdbc.sql("select event_id from ri_forum_registration where person_id = ?")
        .param(person.value())
        .query(UUID.class)
        .list();
  }

  private Forum forumRow(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Set<UUID> projects =
        jdbc
            .sql("select project_id from ri_forum_project where forum_id = ?")
            .param(id)
            .query(UUID.class)
            .list()
            .stream()
            .collect(Collectors.toSet());
    return new Forum(
        id,
        rs.getString("organisation"),
        new ForumDetails(
            rs.getString("title"),
            rs.getString("description"),
            rs.getString("region_code"),
            rs.getString("sub_region_code"),
            rs.getObject("survey_id", UUID.class),
            projects,
            rs.getBoolean("published")),
        rs.getString("results"),
        rs.getBoolean("synthetic"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
