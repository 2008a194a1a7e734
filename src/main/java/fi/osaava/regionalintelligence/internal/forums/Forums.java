package fi.osaava.regionalintelligence.internal.forums;

import fi.osaava.notifications.NotificationMessage;
import fi.osaava.notifications.Notifications;
import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.regionalintelligence.RegionalSurveysApi;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.EventDetails;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumDetails;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumEvent;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.Participant;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A region's network forums, whoever asks: a forum's details are checked against the regions, the
 * published surveys and the registry of projects before they are stored, and a signed-in person
 * takes a place at an event while one is left, else the end of its waiting list. When a place frees
 * up before the start (a cancellation, a larger capacity), the first in the queue gets it and is
 * told through the notifications module (inbox, and e-mail by their choice). The event's row is
 * locked while anything about its places is decided, so it never holds more than its capacity. Who
 * may change a forum is the controllers' question; the store's writes name the owning organisation.
 */
@Service
public class Forums {

  /** Forum events are held in Finland; their times are shown in Helsinki time. */
  public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  /** The most projects one forum names. */
  public static final int MAX_PROJECTS = 50;

  /** A refused value: the form field it came from and the message's key suffix. */
  public static final class Refused extends RuntimeException {

    private final String field;
    private final String code;

    public Refused(String field, String code) {
      super(field + ": " + code, null, false, false);
      this.field = field;
      this.code = code;
    }

    public String field() {
      return field;
    }

    public String code() {
      return code;
    }
  }

  /** What a registration came to. */
  public enum Outcome {
    /** A place. */
    REGISTERED,
    /** No place left: the end of the waiting list. */
    WAITING,
    /** Registered or waiting already; nothing changed. */
    ALREADY,
    /** The event has started. */
    CLOSED
  }

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy HH.mm");

  private final ForumStore store;
  private final RegionsApi regions;
  private final RegionalSurveysApi surveys;
  private final Notifications notifications;
  private final MessageSource messages;
  private final Clock clock;

  Forums(
      ForumStore store,
      RegionsApi regions,
      RegionalSurveysApi surveys,
      Notifications notifications,
      MessageSource messages,
      Clock clock) {
    this.store = store;
    this.regions = regions;
    this.surveys = surveys;
    this.notifications = notifications;
    this.messages = messages;
    this.clock = clock;
  }

  @Transactional
  public UUID create(String organisation, ForumDetails details) {
    return store.create(organisation, check(details), false);
  }

  /** Whether the organisation had such a forum to change. */
  @Transactional
  public boolean update(UUID id, String organisation, ForumDetails details) {
    return store.update(id, organisation, check(details));
  }

  /**
   * The details as stored: a known region, a sub-region of it, a survey whose results are
   * published, and projects of the registry. Each refusal names its field.
   */
  ForumDetails check(ForumDetails d) {
    if (d.title().isBlank()) {
      throw new Refused("title", "titleRequired");
    }
    Area region =
        regions
            .area(AreaLevel.REGION, d.regionCode())
            .orElseThrow(() -> new Refused("region", "region"));
    String subRegion = null;
    if (d.subRegionCode() != null) {
      Area sub =
          regions
              .area(AreaLevel.SUB_REGION, d.subRegionCode())
              .filter(a -> a.regionCode().equals(region.code()))
              .orElseThrow(() -> new Refused("subRegion", "subRegion"));
      subRegion = sub.code();
    }
    if (d.surveyId() != null
        && surveys.publishedSurveys().stream().noneMatch(s -> s.id().equals(d.surveyId()))) {
      throw new Refused("survey", "survey");
    }
    if (d.projectIds().size() > MAX_PROJECTS) {
      throw new Refused("projects", "tooManyProjects");
    }
    Set<UUID> unknown = new HashSet<>(d.projectIds());
    unknown.removeAll(store.existingProjects(d.projectIds()));
    if (!unknown.isEmpty()) {
      throw new Refused("projects", "project");
    }
    return new ForumDetails(
        d.title().strip(),
        d.description().strip(),
        region.code(),
        subRegion,
        d.surveyId(),
        d.projectIds(),
        d.published());
  }

  @Transactional
  public UUID addEvent(UUID forum, EventDetails details) {
    return store.addEvent(forum, details, clock.instant());
  }

  /**
   * Changes the organisation's event (its calendar SEQUENCE goes up). A capacity below the places
   * already taken is refused on the field {@code capacity} (nobody loses a place they were given);
   * a larger one gives the new places to the waiting list in its order. Whether the organisation
   * had such an event.
   */
  @Transactional
  public boolean updateEvent(UUID forum, UUID event, String organisation, EventDetails details) {
    Optional<ForumEvent> locked = store.lock(event).filter(e -> e.forumId().equals(forum));
    if (locked.isEmpty()) {
      return false;
    }
    if (details.capacity() < locked.get().taken()) {
      throw new Refused("capacity", "capacityBelowTaken");
    }
    if (!store.updateEvent(forum, event, organisation, details, clock.instant())) {
      return false;
    }
    store.lock(event).ifPresent(this::promote);
    return true;
  }

  /**
   * Registers the person with the organisation they come from, with a place while one is left and
   * else at the end of the waiting list; their name is kept only when they chose to show it ({@code
   * shownName} not null).
   */
  @Transactional
  public Outcome register(
      UUID event, PersonId person, String organisation, @Nullable String shownName) {
    ForumEvent locked = store.lock(event).orElseThrow(() -> new Refused("event", "event"));
    if (store.participants(event).stream().anyMatch(p -> p.person().equals(person))) {
      return Outcome.ALREADY;
    }
    if (!clock.instant().isBefore(locked.details().start())) {
      return Outcome.CLOSED;
    }
    boolean full = locked.placesLeft() == 0;
    store.register(event, person, organisation, shownName, full, clock.instant());
    return full ? Outcome.WAITING : Outcome.REGISTERED;
  }

  /**
   * Cancels the person's place or their place in the queue; a place freed before the start goes to
   * the first in the queue. Whether there was one to cancel.
   */
  @Transactional
  public boolean unregister(UUID event, PersonId person) {
    if (store.lock(event).isEmpty() || !store.unregister(event, person)) {
      return false;
    }
    store.lock(event).ifPresent(this::promote);
    return true;
  }

  /** Gives the free places to the queue in its order, while the event is still ahead. */
  private void promote(ForumEvent event) {
    if (!clock.instant().isBefore(event.details().start())) {
      return;
    }
    int free = event.placesLeft();
    for (Participant p : store.participants(event.id())) {
      if (free == 0) {
        break;
      }
      if (p.waiting()) {
        store.giveAPlace(event.id(), p.person());
        free--;
        notifications.send(
            p.person(),
            placeMessage(event),
            "ri:forum-event:" + event.id() + ":place:" + p.person().value() + ":" + p.arrival());
      }
    }
  }

  /** "You have a place" in every language of the service, linking to the event's page. */
  NotificationMessage placeMessage(ForumEvent event) {
    String when = event.details().start().atZone(HELSINKI).format(WHEN);
    Object[] args = {event.details().title(), when};
    Map<Language, String> titles = new EnumMap<>(Language.class);
    Map<Language, String> texts = new EnumMap<>(Language.class);
    for (Language language : Language.UI) {
      titles.put(
          language, messages.getMessage("ri.forum.mail.place.title", args, language.locale()));
      texts.put(language, messages.getMessage("ri.forum.mail.place.text", args, language.locale()));
    }
    return new NotificationMessage(
        titles, texts, "/regional-forums/" + event.forumId() + "/events/" + event.id());
  }
}
