package fi.osaava.community.internal;

import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The groups' events and their registrations (community_event, community_event_registration). */
@Repository
public class EventStore {

  private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

  private static final String COLUMNS =
      "e.id, e.group_id, e.series_id, e.title, e.agenda, e.starts_at, e.ends_at, e.place,"
          + " e.online_url, e.capacity, e.registration_closes_at, e.recording_url, e.captions_url,"
          + " e.sequence, e.cancelled, e.updated_at, (SELECT count(*) FROM"
          + " community_event_registration r WHERE r.event_id = e.id AND NOT r.waiting), (SELECT"
          + " count(*) FROM community_event_registration r WHERE r.event_id = e.id AND r.waiting)";

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final RowMapper<Event> eventRows = this::event;

  EventStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * What an organiser decides about an event.
   *
   * @param title by language, at least one
   * @param agenda Markdown by language, only in languages that have a title
   * @param registrationCloses at or before the start
   */
  public record EventDetails(
      Map<Language, String> title,
      Map<Language, String> agenda,
      Instant start,
      Instant end,
      @Nullable String place,
      @Nullable String onlineUrl,
      int capacity,
      Instant registrationCloses,
      @Nullable String recordingUrl,
      @Nullable String captionsUrl) {

    public EventDetails {
      title = Map.copyOf(title);
      agenda = Map.copyOf(agenda);
      if (title.isEmpty() || !end.isAfter(start) || registrationCloses.isAfter(start)) {
        throw new IllegalArgumentException("An event needs a title and its times in order");
      }
      if ((recordingUrl == null) != (captionsUrl == null)) {
        throw new IllegalArgumentException("A recording needs its captions or transcript");
      }
    }
  }

  /** An event with its details and how many hold a place and wait for one. */
  public record Event(
      UUID id,
      UUID groupId,
      @Nullable UUID seriesId,
      EventDetails details,
      int sequence,
      boolean cancelled,
      Instant updatedAt,
      int registered,
      int waiting) {

    public int placesLeft() {
      return Math.max(0, details.capacity() - registered);
    }

    /** Whether one may still register at {@code now}. */
    public boolean open(Instant now) {
      return !cancelled && now.isBefore(details.registrationCloses());
    }
  }

  /** A registration: a place, or a place in the waiting list (queued orders the list). */
  public record Registration(PersonId person, boolean waiting, long queued) {}

  /** A registration as the organisers see it. */
  public record Registrant(String displayName, boolean waiting, Instant registeredAt) {}

  @Transactional
  public UUID insert(UUID group, @Nullable UUID series, EventDetails details, Instant now) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO community_event (id, group_id, series_id, title, agenda, starts_at,"
                + " ends_at, place, online_url, capacity, registration_closes_at, recording_url,"
                + " captions_url, updated_at) VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)")
        .params(values(List.of(id, group), series, details, now, List.of()))
        .update();
    return id;
  }

  /** Replaces the details and raises the SEQUENCE. */
  @Transactional
  public void update(UUID id, EventDetails details, Instant now) {
    jdbc.sql(
            "UPDATE community_event SET title = ?::jsonb, agenda = ?::jsonb, starts_at = ?,"
                + " ends_at = ?, place = ?, online_url = ?, capacity = ?, registration_closes_at ="
                + " ?, recording_url = ?, captions_url = ?, sequence = sequence + 1, updated_at = ?"
                + " WHERE id = ?")
        .params(values(List.of(), null, details, now, List.of(id)))
        .update();
  }

  @Transactional
  public void cancel(UUID id, Instant now) {
    jdbc.sql(
            "UPDATE community_event SET cancelled = true, sequence = sequence + 1, updated_at = ?"
                + " WHERE id = ? AND NOT cancelled")
        .params(Timestamp.from(now), id)
        .update();
  }

  @Transactional(readOnly = true)
  public Optional<Event> event(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM community_event e WHERE e.id = ?")
        .param(id)
        .query(eventRows)
        .optional();
  }

  /**
   * The event, its row locked until the transaction ends, so that registrations, cancellations and
   * changes of capacity are decided one at a time and never overfill it.
   */
  @Transactional
  public Optional<Event> lock(UUID id) {
    jdbc.sql("SELECT id FROM community_event WHERE id = ? FOR UPDATE")
        .param(id)
        .query(UUID.class)
        .optional();
    return event(id);
  }

  /** A group's events that end at or after {@code from}, soonest first. */
  @Transactional(readOnly = true)
  public List<Event> events(UUID group, Instant from, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM community_event e WHERE e.group_id = ? AND e.ends_at >= ? ORDER BY"
                + " e.starts_at, e.id LIMIT ?")
        .params(group, Timestamp.from(from), limit)
        .query(eventRows)
        .list();
  }

  @Transactional(readOnly = true)
  public List<Registration> registrations(UUID event) {
    return jdbc.sql(
            "SELECT person_id, waiting, queued FROM community_event_registration WHERE event_id ="
                + " ? ORDER BY waiting, queued")
        .param(event)
        .query(
            (rs, row) ->
                new Registration(
                    new PersonId(rs.getObject(1, UUID.class)), rs.getBoolean(2), rs.getLong(3)))
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<Registration> registration(UUID event, PersonId person) {
    return registrations(event).stream().filter(r -> r.person().equals(person)).findFirst();
  }

  /**
   * The registrants with the names they show in the groups, places first, then the waiting list.
   */
  @Transactional(readOnly = true)
  public List<Registrant> registrants(UUID event) {
    return jdbc.sql(
            "SELECT coalesce(n.display_name, '?'), r.waiting, r.registered_at FROM"
                + " community_event_registration r LEFT JOIN community_person n ON n.person_id ="
                + " r.person_id WHERE r.event_id = ? ORDER BY r.waiting, r.queued")
        .param(event)
        .query(
            (rs, row) ->
                new Registrant(rs.getString(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  @Transactional
  public void register(UUID event, PersonId person, boolean waiting, Instant now) {
    jdbc.sql(
            "INSERT INTO community_event_registration (event_id, person_id, waiting,"
                + " registered_at) VALUES (?, ?, ?, ?)")
        .params(event, person.value(), waiting, Timestamp.from(now))
        .update();
  }

  @Transactional
  public void unregister(UUID event, PersonId person) {
    jdbc.sql("DELETE FROM community_event_registration WHERE event_id = ? AND person_id = ?")
        .params(event, person.value())
        .update();
  }

  @Transactional
  public void giveAPlace(UUID event, PersonId person) {
    jdbc.sql(
            "UPDATE community_event_registration SET waiting = false WHERE event_id = ? AND"
                + " person_id = ?")
        .params(event, person.value())
        .update();
  }

  /**
   * The details' columns in the order both statements name them (title … captions, then the time of
   * the change), after {@code before} (and the series, when inserting) and before {@code after}.
   */
  private List<@Nullable Object> values(
      List<Object> before, @Nullable UUID series, EventDetails d, Instant now, List<Object> after) {
    List<@Nullable Object> values = new ArrayList<>(before);
    if (!before.isEmpty()) {
      values.add(series);
    }
    values.addAll(
        Arrays.asList(
            json(d.title()),
            json(d.agenda()),
            Timestamp.from(d.start()),
            Timestamp.from(d.end()),
            d.place(),
            d.onlineUrl(),
            d.capacity(),
            Timestamp.from(d.registrationCloses()),
            d.recordingUrl(),
            d.captionsUrl(),
            Timestamp.from(now)));
    values.addAll(after);
    return values;
  }

  private String json(Map<Language, String> texts) {
    Map<String, String> byCode = new LinkedHashMap<>();
    texts.forEach((language, text) -> byCode.put(language.code(), text));
    return json.writeValueAsString(byCode);
  }

  private Map<Language, String> texts(String document) {
    Map<Language, String> texts = new EnumMap<>(Language.class);
    json.readValue(document, TEXTS)
        .forEach((code, text) -> Language.fromCode(code).ifPresent(l -> texts.put(l, text)));
    return texts;
  }

  private Event event(ResultSet rs, int row) throws SQLException {
    return new Event(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        new EventDetails(
            texts(rs.getString(4)),
            texts(rs.getString(5)),
            rs.getTimestamp(6).toInstant(),
            rs.getTimestamp(7).toInstant(),
            rs.getString(8),
            rs.getString(9),
            rs.getInt(10),
            rs.getTimestamp(11).toInstant(),
            rs.getString(12),
            rs.getString(13)),
        rs.getInt(14),
        rs.getBoolean(15),
        rs.getTimestamp(16).toInstant(),
        rs.getInt(17),
        rs.getInt(18));
  }
}
