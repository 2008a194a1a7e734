package fi.osaava.regionalintelligence.internal.forums;

import fi.osaava.notifications.MailAttachment;
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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
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
 *
 * <p>Everyone registered (with a place or in the queue) is told, in the transaction of the change,
 * when the event's time or place changes, when its agenda changes (unless the organisers mark the
 * change a correction, such as a typo), and when it is cancelled. A change of the title or the
 * capacity alone tells nobody: the calendar file's SEQUENCE still goes up, so a calendar that
 * fetches it again shows the new title. Each message's idempotency key names the event, its
 * SEQUENCE after the change and the person, so a repeat of the same change adds nothing.
 *
 * <p>The mails carry the event's calendar file ({@link ForumCalendar#attachment}), so that a mail
 * client puts the event in the reader's calendar, updates it or removes it: a place (a guest's
 * confirmation, a place from the queue) and a change told to those with a place carry {@code
 * METHOD:REQUEST} at the event's SEQUENCE, a cancellation {@code METHOD:CANCEL} to everyone told.
 * The queue is told of a change without it, so that no event lands in the calendar of someone
 * without a place.
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
    CLOSED,
    /** The event is cancelled. */
    CANCELLED
  }

  /** What registrants are told has changed about an event. */
  public enum Aspect {
    TIME,
    PLACE,
    AGENDA;

    /** What the change of {@code before} to {@code after} tells registrants of. */
    public static Set<Aspect> changed(EventDetails before, EventDetails after, boolean correction) {
      Set<Aspect> changed = EnumSet.noneOf(Aspect.class);
      if (!before.start().equals(after.start()) || !before.end().equals(after.end())) {
        changed.add(TIME);
      }
      if (!Objects.equals(before.place(), after.place())
          || !Objects.equals(before.onlineUrl(), after.onlineUrl())) {
        changed.add(PLACE);
      }
      // Spacing and line breaks alone change nothing a reader acts on.
      if (!correction && !words(before.agenda()).equals(words(after.agenda()))) {
        changed.add(AGENDA);
      }
      return changed;
    }

    private static String words(String text) {
      return text.strip().replaceAll("\\s+", " ");
    }
  }

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d.M.yyyy HH.mm");

  private final ForumStore store;
  private final RegionsApi regions;
  private final RegionalSurveysApi surveys;
  private final Notifications notifications;
  private final MessageSource messages;
  private final Clock clock;
  private final String baseUrl;

  /**
   * @param baseUrl Osaava's public address, for the event's address in the mailed calendar files:
   *     the one the mails' own links are written with
   */
  Forums(
      ForumStore store,
      RegionsApi regions,
      RegionalSurveysApi surveys,
      Notifications notifications,
      MessageSource messages,
      Clock clock,
      @Value("${osaava.notifications.base-url:http://localhost:8080}") String baseUrl) {
    this.store = store;
    this.regions = regions;
    this.surveys = surveys;
    this.notifications = notifications;
    this.messages = messages;
    this.clock = clock;
    this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
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
  public boolean updateEvent(
      UUID forum, UUID event, String organisation, EventDetails details, boolean correction) {
    Optional<ForumEvent> locked = standing(forum, event);
    if (locked.isEmpty()) {
      return false;
    }
    if (details.capacity() < locked.get().taken()) {
      throw new Refused("capacity", "capacityBelowTaken");
    }
    if (!store.updateEvent(forum, event, organisation, details, clock.instant())) {
      return false;
    }
    Optional<ForumEvent> changed = store.lock(event);
    changed.ifPresent(this::promote);
    changed.ifPresent(
        e -> tellChange(e, Aspect.changed(locked.get().details(), details, correction)));
    return true;
  }

  /**
   * Tells everyone registered for the event (with a place or waiting) what changed, unless nothing
   * they act on did; how many were told now. The key names the event's SEQUENCE, so telling of the
   * same change again (a repeated call) adds nothing.
   */
  @Transactional
  public int tellChange(ForumEvent event, Set<Aspect> changed) {
    if (changed.isEmpty()) {
      return 0;
    }
    Map<Language, String> what = new EnumMap<>(Language.class);
    for (Language language : Language.UI) {
      what.put(
          language,
          String.join(
              ", ",
              changed.stream()
                  .map(
                      a ->
                          messages.getMessage(
                              "ri.forum.mail.changed." + a.name().toLowerCase(Locale.ROOT),
                              null,
                              language.locale()))
                  .toList()));
    }
    NotificationMessage message =
        message(
            event,
            "ri.forum.mail.changed.title",
            "ri.forum.mail.changed.text",
            l -> what.getOrDefault(l, ""));
    // Those with a place get the new calendar file; the queue is told without it, so that a
    // change adds no event to the calendar of someone who has no place at it.
    NotificationMessage withFile = message.withAttachment(calendarFile(event));
    int told = 0;
    for (Participant p : store.participants(event.id())) {
      if (tell(
          p,
          p.waiting() ? message : withFile,
          "ri:forum-event:"
              + event.id()
              + ":changed:"
              + event.sequence()
              + ":"
              + p.person().value())) {
        told++;
      }
    }
    return told;
  }

  /**
   * Cancels the organisation's event with the organisers' reason, written in {@code language}: its
   * calendar SEQUENCE goes up, those with a place are told, and the waiting list is emptied, each
   * person in it told. An event that has started is not cancelled (refused on the field {@code
   * reason}). Whether the organisation had such an event still standing; a second cancellation
   * changes and tells nothing.
   */
  @Transactional
  public boolean cancelEvent(
      UUID forum, UUID event, String organisation, String reason, Language language) {
    Optional<ForumEvent> locked = standing(forum, event);
    if (locked.isEmpty()) {
      return false;
    }
    if (!clock.instant().isBefore(locked.get().details().start())) {
      throw new Refused("reason", "cancelStarted");
    }
    if (!store.cancelEvent(forum, event, organisation, reason, language, clock.instant())) {
      return false;
    }
    ForumEvent cancelled = store.lock(event).orElseThrow();
    MailAttachment cancellation = calendarFile(cancelled);
    for (Participant waiting : store.clearQueue(event)) {
      tellCancelled(
          cancelled,
          cancellation,
          waiting,
          "ri.forum.mail.cancelledQueue.title",
          "ri.forum.mail.cancelledQueue.text");
    }
    for (Participant p : store.participants(event)) {
      tellCancelled(
          cancelled,
          cancellation,
          p,
          "ri.forum.mail.cancelled.title",
          "ri.forum.mail.cancelled.text");
    }
    return true;
  }

  /** The forum's event, locked, unless it is cancelled. */
  private Optional<ForumEvent> standing(UUID forum, UUID event) {
    return store.lock(event).filter(e -> e.forumId().equals(forum) && !e.cancelled());
  }

  /**
   * Tells of the cancellation with the {@code METHOD:CANCEL} file, the queue too: a calendar that
   * holds no such event ignores it, and one that took the event from its page removes it.
   */
  private void tellCancelled(
      ForumEvent event, MailAttachment file, Participant person, String title, String text) {
    ForumStore.Cancellation cancellation = event.cancellation();
    String reason = cancellation == null ? "" : cancellation.reason();
    tell(
        person,
        message(event, title, text, language -> reason).withAttachment(file),
        "ri:forum-event:" + event.id() + ":cancelled:" + person.person().value());
  }

  /**
   * Tells a registrant: a signed-in person through {@link Notifications#send} (their inbox, and
   * e-mail by their choice), a guest by a mail to their address in the language they registered in
   * ({@link Notifications#mail}); a guest whose address was deleted (the event has ended) is not
   * told. Whether a message was new.
   */
  boolean tell(Participant participant, NotificationMessage message, String key) {
    ForumStore.Guest guest = participant.guest();
    if (guest == null) {
      return notifications.send(participant.person(), message, key);
    }
    return guest.email() != null
        && notifications.mail(guest.email(), guest.language(), message, key);
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
    if (locked.cancelled()) {
      return Outcome.CANCELLED;
    }
    if (!clock.instant().isBefore(locked.details().start())) {
      return Outcome.CLOSED;
    }
    boolean full = locked.placesLeft() == 0;
    store.register(event, person, organisation, shownName, full, clock.instant());
    return full ? Outcome.WAITING : Outcome.REGISTERED;
  }

  /** What a guest gives to register without an account. */
  public record GuestDetails(
      String name, String organisation, String email, boolean showName, Language language) {}

  /**
   * Registers a guest, one without an account, as {@link #register} does a person: a place while
   * one is left, else the end of the waiting list. The guest is mailed a confirmation with a link
   * that cancels the registration without signing in (256 random bits; only its SHA-256 is kept).
   * An address registered for the event already is {@link Outcome#ALREADY} and is mailed nothing.
   */
  @Transactional
  public Outcome registerGuest(UUID event, GuestDetails guest) {
    ForumEvent locked = store.lock(event).orElseThrow(() -> new Refused("event", "event"));
    if (locked.cancelled()) {
      return Outcome.CANCELLED;
    }
    if (!clock.instant().isBefore(locked.details().start())) {
      return Outcome.CLOSED;
    }
    if (store.guestRegistered(event, guest.email())) {
      return Outcome.ALREADY;
    }
    boolean full = locked.placesLeft() == 0;
    PersonId id = new PersonId(UUID.randomUUID());
    String token = CancelLinks.newToken();
    ForumStore.Guest stored = new ForumStore.Guest(guest.name(), guest.email(), guest.language());
    store.registerGuest(
        event,
        id,
        guest.organisation(),
        guest.showName() ? guest.name() : null,
        stored,
        CancelLinks.hash(token),
        full,
        clock.instant());
    String what = full ? "guestWaiting" : "guestRegistered";
    NotificationMessage confirmation =
        message(
            locked,
            "ri.forum.mail." + what + ".title",
            "ri.forum.mail." + what + ".text",
            language -> "");
    NotificationMessage withLink =
        new NotificationMessage(
            confirmation.titles(), confirmation.texts(), CancelLinks.PATH + token);
    // A place comes with the calendar file; the queue gets it when a place comes.
    notifications.mail(
        guest.email(),
        guest.language(),
        full ? withLink : withLink.withAttachment(calendarFile(locked)),
        "ri:forum-event:" + event + ":guest:" + id.value());
    return full ? Outcome.WAITING : Outcome.REGISTERED;
  }

  /** The guest's registration its cancellation link names, if the link is still good. */
  public Optional<ForumStore.GuestRegistration> guestRegistration(String token) {
    return CancelLinks.wellFormed(token)
        ? store.byCancelToken(CancelLinks.hash(token))
        : Optional.empty();
  }

  /**
   * Cancels the registration the guest's link names, as {@link #unregister} does a person's: a
   * place freed before the start goes to the first in the queue. The registration, if there was
   * one.
   */
  @Transactional
  public Optional<ForumStore.GuestRegistration> unregisterGuest(String token) {
    Optional<ForumStore.GuestRegistration> found = guestRegistration(token);
    found.ifPresent(g -> unregister(g.event(), g.person()));
    return found;
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
    if (event.cancelled() || !clock.instant().isBefore(event.details().start())) {
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
        tell(
            p,
            message(event, "ri.forum.mail.place.title", "ri.forum.mail.place.text", language -> "")
                .withAttachment(calendarFile(event)),
            "ri:forum-event:" + event.id() + ":place:" + p.person().value() + ":" + p.arrival());
      }
    }
  }

  /**
   * The event's calendar file for a registrant's mail ({@link ForumCalendar#attachment}): the
   * version of {@code event}, named after its forum like the file on the event's page.
   */
  private MailAttachment calendarFile(ForumEvent event) {
    String forumTitle =
        store.forum(event.forumId()).map(f -> f.details().title()).orElse(event.details().title());
    return ForumCalendar.attachment(forumTitle, event, baseUrl + eventPath(event));
  }

  private static String eventPath(ForumEvent event) {
    return "/regional-forums/" + event.forumId() + "/events/" + event.id();
  }

  /**
   * A message about the event in every language of the service ({@code titleKey}, {@code textKey}),
   * linking to the event's page, whose calendar file is the event's newest version. The texts'
   * arguments: the title, the start and the place (Finnish time), and {@code more} in the reader's
   * language.
   */
  NotificationMessage message(
      ForumEvent event, String titleKey, String textKey, Function<Language, String> more) {
    EventDetails d = event.details();
    String when = d.start().atZone(HELSINKI).format(WHEN);
    String where = d.where();
    Map<Language, String> titles = new EnumMap<>(Language.class);
    Map<Language, String> texts = new EnumMap<>(Language.class);
    for (Language language : Language.UI) {
      Object[] args = {d.title(), when, where, more.apply(language)};
      titles.put(language, messages.getMessage(titleKey, args, language.locale()));
      texts.put(language, messages.getMessage(textKey, args, language.locale()));
    }
    return new NotificationMessage(titles, texts, eventPath(event));
  }
}
