package fi.osaava.community.internal;

import fi.osaava.community.internal.CommunityStore.Group;
import fi.osaava.community.internal.EventStore.Event;
import fi.osaava.community.internal.EventStore.EventDetails;
import fi.osaava.community.internal.EventStore.Registration;
import fi.osaava.notifications.NotificationMessage;
import fi.osaava.notifications.Notifications;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.PersonId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The groups' events and their registration rules, whoever asks: a member registers while
 * registration is open and the event is not cancelled; a place when one is left, else the end of
 * the waiting list. When a place frees up before the start (a cancelled registration, a larger
 * capacity), the first in the waiting list gets it and is told through the notifications module.
 * Each event is locked while it is decided on, so that it never holds more than its capacity.
 * Creating, changing and cancelling are for the organisers, which the controller checks.
 */
@Service
public class Events {

  /** Events are held in Finland: a series repeats at the same wall-clock time there. */
  public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  /** The most further monthly events one form creates. */
  public static final int MAX_REPEATS = 11;

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy HH.mm");

  /** What a registration came to. */
  public enum Outcome {
    /** A place. */
    REGISTERED,
    /** A place in the waiting list. */
    WAITING,
    /** Registered already; nothing changed. */
    ALREADY,
    /** Registration has closed, or the event was cancelled. */
    CLOSED
  }

  private final EventStore store;
  private final CommunityStore community;
  private final Notifications notifications;
  private final MessageSource messages;
  private final Clock clock;

  Events(
      EventStore store,
      CommunityStore community,
      Notifications notifications,
      MessageSource messages,
      Clock clock) {
    this.store = store;
    this.community = community;
    this.notifications = notifications;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Creates the event and, for a monthly series, {@code repeats} more a month apart each (at the
   * same time of day in Helsinki, over summer time too). The ids, first event first.
   */
  @Transactional
  public List<UUID> create(Group group, EventDetails details, int repeats) {
    if (repeats < 0 || repeats > MAX_REPEATS) {
      throw new IllegalArgumentException("repeats: 0 to " + MAX_REPEATS);
    }
    UUID series = repeats == 0 ? null : UUID.randomUUID();
    List<UUID> ids = new ArrayList<>();
    for (int month = 0; month <= repeats; month++) {
      ids.add(store.insert(group.id(), series, monthsLater(details, month), clock.instant()));
    }
    return ids;
  }

  static EventDetails monthsLater(EventDetails d, int months) {
    return new EventDetails(
        d.title(),
        d.agenda(),
        later(d.start(), months),
        later(d.end(), months),
        d.place(),
        d.onlineUrl(),
        d.capacity(),
        later(d.registrationCloses(), months),
        d.recordingUrl(),
        d.captionsUrl());
  }

  private static Instant later(Instant instant, int months) {
    return instant.atZone(HELSINKI).plusMonths(months).toInstant();
  }

  /** Changes the event (its SEQUENCE goes up); a larger capacity gives places to those waiting. */
  @Transactional
  public void update(UUID id, EventDetails details) {
    lock(id);
    store.update(id, details, clock.instant());
    promote(lock(id));
  }

  /** Cancels the event (its SEQUENCE goes up) and tells everyone registered. */
  @Transactional
  public void cancel(UUID id) {
    Event event = lock(id);
    if (event.cancelled()) {
      return;
    }
    store.cancel(id, clock.instant());
    for (Registration r : store.registrations(id)) {
      notifications.send(
          r.person(),
          message(
              event, "community.event.mail.cancelled.title", "community.event.mail.cancelled.text"),
          "community:event:" + id + ":cancelled:" + r.person().value());
    }
  }

  @Transactional
  public Outcome register(UUID id, PersonId person) {
    Event event = lock(id);
    if (!community.isMember(event.groupId(), person)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Join the group to register");
    }
    if (store.registration(id, person).isPresent()) {
      return Outcome.ALREADY;
    }
    if (!event.open(clock.instant())) {
      return Outcome.CLOSED;
    }
    boolean full = event.registered() >= event.details().capacity();
    store.register(id, person, full, clock.instant());
    return full ? Outcome.WAITING : Outcome.REGISTERED;
  }

  /**
   * Cancels the person's registration or their place in the waiting list; a place freed before the
   * start goes to the first in the waiting list. Whether there was one to cancel.
   */
  @Transactional
  public boolean unregister(UUID id, PersonId person) {
    lock(id);
    if (store.registration(id, person).isEmpty()) {
      return false;
    }
    store.unregister(id, person);
    promote(lock(id));
    return true;
  }

  /** Gives free places to the waiting list in its order, while the event is still ahead. */
  private void promote(Event event) {
    if (event.cancelled() || !clock.instant().isBefore(event.details().start())) {
      return;
    }
    int free = event.placesLeft();
    for (Registration r : store.registrations(event.id())) {
      if (free == 0) {
        break;
      }
      if (r.waiting()) {
        store.giveAPlace(event.id(), r.person());
        free--;
        notifications.send(
            r.person(),
            message(event, "community.event.mail.place.title", "community.event.mail.place.text"),
            "community:event:" + event.id() + ":place:" + r.person().value() + ":" + r.queued());
      }
    }
  }

  private Event lock(UUID id) {
    return store.lock(id).orElseThrow(() -> new NotFoundException("No such event"));
  }

  /** A message about {@code event} in every language of the service, linking to its page. */
  NotificationMessage message(Event event, String titleKey, String textKey) {
    String when = ZonedDateTime.ofInstant(event.details().start(), HELSINKI).format(WHEN);
    Map<Language, String> titles = new EnumMap<>(Language.class);
    Map<Language, String> texts = new EnumMap<>(Language.class);
    for (Language language : Language.UI) {
      String title =
          Objects.requireNonNull(LocalizedText.pick(event.details().title(), language)).text();
      titles.put(
          language, messages.getMessage(titleKey, new Object[] {title, when}, language.locale()));
      texts.put(
          language, messages.getMessage(textKey, new Object[] {title, when}, language.locale()));
    }
    String slug = community.groupSlug(event.groupId()).orElse("");
    return new NotificationMessage(
        titles, texts, "/community/groups/" + slug + "/events/" + event.id());
  }
}
