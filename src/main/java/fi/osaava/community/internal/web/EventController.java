package fi.osaava.community.internal.web;

import fi.osaava.community.CalendarFile;
import fi.osaava.community.internal.Community;
import fi.osaava.community.internal.CommunityStore;
import fi.osaava.community.internal.CommunityStore.Group;
import fi.osaava.community.internal.EventStore;
import fi.osaava.community.internal.EventStore.Event;
import fi.osaava.community.internal.EventStore.EventDetails;
import fi.osaava.community.internal.EventStore.Registration;
import fi.osaava.community.internal.Events;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.PersonId;
import fi.osaava.programmes.SafeMarkdown;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A thematic group's events: anyone reads them and downloads them or the group's calendar as
 * iCalendar; members register or join the waiting list, and cancel; the organisers (community
 * moderators and organisations' editors, both recognised by their sign-in claims only) create,
 * change and cancel events and see who registered.
 */
@Controller
@RequestMapping("/community/groups/{slug}")
class EventController {

  /** How far from now an event may be set: a typo in the year is an error, not an event. */
  private static final Duration HORIZON = Duration.ofDays(5 * 366);

  private static final List<String> LANGUAGES = List.of("Fi", "Sv", "En");

  /**
   * The organiser's form. Times are {@code datetime-local} values in Helsinki time; numbers and
   * times arrive as text so that anything unreadable becomes a message beside its field.
   */
  record EventForm(
      @Size(max = 200) @Nullable String titleFi,
      @Size(max = 200) @Nullable String titleSv,
      @Size(max = 200) @Nullable String titleEn,
      @Size(max = 20_000) @Nullable String agendaFi,
      @Size(max = 20_000) @Nullable String agendaSv,
      @Size(max = 20_000) @Nullable String agendaEn,
      @Size(max = 40) @Nullable String starts,
      @Size(max = 40) @Nullable String ends,
      @Size(max = 40) @Nullable String closes,
      @Size(max = 300) @Nullable String place,
      @Size(max = 500) @Nullable String onlineUrl,
      @Size(max = 10) @Nullable String capacity,
      @Size(max = 10) @Nullable String repeats,
      @Size(max = 500) @Nullable String recordingUrl,
      @Size(max = 500) @Nullable String captionsUrl) {

    static EventForm empty() {
      return new EventForm("", "", "", "", "", "", "", "", "", "", "", "30", "0", "", "");
    }

    static EventForm of(EventDetails d) {
      return new EventForm(
          d.title().getOrDefault(Language.FI, ""),
          d.title().getOrDefault(Language.SV, ""),
          d.title().getOrDefault(Language.EN, ""),
          d.agenda().getOrDefault(Language.FI, ""),
          d.agenda().getOrDefault(Language.SV, ""),
          d.agenda().getOrDefault(Language.EN, ""),
          local(d.start()),
          local(d.end()),
          local(d.registrationCloses()),
          Objects.requireNonNullElse(d.place(), ""),
          Objects.requireNonNullElse(d.onlineUrl(), ""),
          Integer.toString(d.capacity()),
          "0",
          Objects.requireNonNullElse(d.recordingUrl(), ""),
          Objects.requireNonNullElse(d.captionsUrl(), ""));
    }

    private static String local(Instant instant) {
      return instant.atZone(Events.HELSINKI).toLocalDateTime().toString();
    }

    @Nullable String text(String field) {
      return switch (field) {
        case "titleFi" -> titleFi;
        case "titleSv" -> titleSv;
        case "titleEn" -> titleEn;
        case "agendaFi" -> agendaFi;
        case "agendaSv" -> agendaSv;
        case "agendaEn" -> agendaEn;
        case "starts" -> starts;
        case "ends" -> ends;
        case "closes" -> closes;
        case "place" -> place;
        case "onlineUrl" -> onlineUrl;
        case "capacity" -> capacity;
        case "repeats" -> repeats;
        case "recordingUrl" -> recordingUrl;
        case "captionsUrl" -> captionsUrl;
        default -> throw new IllegalArgumentException(field);
      };
    }
  }

  /** What the event page confirms after a form, named in its query. */
  private static final List<String> DONE =
      List.of(
          "REGISTERED",
          "WAITING",
          "ALREADY",
          "CLOSED",
          "UNREGISTERED",
          "CREATED",
          "UPDATED",
          "CANCELLED");

  static final List<String> FIELDS =
      List.of(
          "titleFi",
          "agendaFi",
          "titleSv",
          "agendaSv",
          "titleEn",
          "agendaEn",
          "starts",
          "ends",
          "closes",
          "place",
          "onlineUrl",
          "capacity",
          "repeats",
          "recordingUrl",
          "captionsUrl");

  private final CommunityStore community;
  private final EventStore store;
  private final Events events;
  private final CommunityForms forms;
  private final EventOrganisers organisers;
  private final SafeMarkdown markdown;
  private final MessageSource messages;
  private final Clock clock;

  EventController(
      CommunityStore community,
      EventStore store,
      Events events,
      CommunityForms forms,
      EventOrganisers organisers,
      SafeMarkdown markdown,
      MessageSource messages,
      Clock clock) {
    this.community = community;
    this.store = store;
    this.events = events;
    this.forms = forms;
    this.organisers = organisers;
    this.markdown = markdown;
    this.messages = messages;
    this.clock = clock;
  }

  // --- reading ---

  /** An event as its pages show it, in the reader's language and in Helsinki time. */
  record EventView(
      UUID id,
      LocalizedText title,
      @Nullable LocalizedText agenda,
      String agendaHtml,
      ZonedDateTime start,
      ZonedDateTime end,
      ZonedDateTime closes,
      @Nullable String place,
      @Nullable String onlineUrl,
      int capacity,
      int placesLeft,
      int waiting,
      boolean open,
      boolean cancelled,
      boolean past,
      @Nullable String recordingUrl,
      @Nullable String captionsUrl) {}

  /** A registration as the organisers' table shows it. */
  record RegistrantView(String name, boolean waiting, ZonedDateTime at) {}

  EventView view(Event e, Language language) {
    EventDetails d = e.details();
    LocalizedText agenda = LocalizedText.pick(d.agenda(), language);
    Instant now = clock.instant();
    return new EventView(
        e.id(),
        Objects.requireNonNull(LocalizedText.pick(d.title(), language)),
        agenda,
        agenda == null ? "" : markdown.toHtml(agenda.text()),
        d.start().atZone(Events.HELSINKI),
        d.end().atZone(Events.HELSINKI),
        d.registrationCloses().atZone(Events.HELSINKI),
        d.place(),
        d.onlineUrl(),
        d.capacity(),
        e.placesLeft(),
        e.waiting(),
        e.open(now),
        e.cancelled(),
        !now.isBefore(d.end()),
        d.recordingUrl(),
        d.captionsUrl());
  }

  @GetMapping("/events/{id}")
  String event(
      @PathVariable String slug,
      @PathVariable String id,
      @RequestParam Map<String, String> query,
      Authentication auth,
      Locale locale,
      Model model) {
    Group group = group(slug);
    Event event = event(group, id);
    Language language = Language.of(locale);
    model.addAttribute("done", DONE.stream().filter(query::containsKey).findFirst().orElse(null));
    Optional<PersonId> person = forms.person(auth);
    Optional<Registration> mine = person.flatMap(p -> store.registration(event.id(), p));
    boolean organiser = organisers.is(auth);
    model.addAttribute("group", GroupController.GroupView.of(group, language));
    model.addAttribute("event", view(event, language));
    model.addAttribute("signedIn", person.isPresent());
    model.addAttribute("member", person.map(p -> community.isMember(group.id(), p)).orElse(false));
    model.addAttribute("registered", mine.filter(r -> !r.waiting()).isPresent());
    model.addAttribute("waiting", mine.filter(Registration::waiting).isPresent());
    model.addAttribute(
        "position",
        mine.filter(Registration::waiting)
            .map(
                r ->
                    store.registrations(event.id()).stream()
                        .filter(o -> o.waiting() && o.queued() <= r.queued())
                        .count())
            .orElse(0L));
    model.addAttribute("organiser", organiser);
    model.addAttribute(
        "registrants",
        organiser
            ? store.registrants(event.id()).stream()
                .map(
                    r ->
                        new RegistrantView(
                            r.displayName(), r.waiting(), r.registeredAt().atZone(Events.HELSINKI)))
                .toList()
            : List.of());
    return "community/event";
  }

  /** The event as an iCalendar file to add to one's calendar. */
  @GetMapping("/events/{id}/calendar.ics")
  ResponseEntity<String> eventCalendar(
      @PathVariable String slug, @PathVariable String id, Locale locale) {
    Group group = group(slug);
    Event event = event(group, id);
    Language language = Language.of(locale);
    return calendar(
        "osaava-event-" + event.id() + ".ics",
        GroupController.GroupView.of(group, language).title().text(),
        List.of(entry(group, event, language)));
  }

  /**
   * The group's calendar to subscribe to: events that ended at most a year ago and everything
   * ahead, cancelled ones included so that subscribers' calendars drop them.
   */
  @GetMapping("/calendar.ics")
  ResponseEntity<String> groupCalendar(@PathVariable String slug, Locale locale) {
    Group group = group(slug);
    Language language = Language.of(locale);
    Instant from = clock.instant().minus(Duration.ofDays(365));
    return calendar(
        "osaava-" + group.slug() + ".ics",
        GroupController.GroupView.of(group, language).title().text(),
        store.events(group.id(), from, 500).stream().map(e -> entry(group, e, language)).toList());
  }

  private ResponseEntity<String> calendar(
      String filename, String name, List<CalendarFile.Event> entries) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"")
        .body(CalendarFile.write(name, entries));
  }

  private CalendarFile.Event entry(Group group, Event e, Language language) {
    EventDetails d = e.details();
    LocalizedText agenda = LocalizedText.pick(d.agenda(), language);
    String location =
        d.place() == null
            ? d.onlineUrl()
            : d.onlineUrl() == null ? d.place() : d.place() + ", " + d.onlineUrl();
    String page =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/community/groups/{slug}/events/{id}")
            .buildAndExpand(group.slug(), e.id())
            .toUriString();
    return new CalendarFile.Event(
        e.id() + "@osaava",
        e.sequence(),
        Objects.requireNonNull(LocalizedText.pick(d.title(), language)).text(),
        agenda == null ? null : agenda.text(),
        d.start(),
        d.end(),
        location,
        page,
        e.cancelled(),
        e.updatedAt());
  }

  // --- registering ---

  @PostMapping("/events/{id}/register")
  String register(@PathVariable String slug, @PathVariable String id, Authentication auth) {
    PersonId person = forms.signedIn(auth);
    Event event = event(group(slug), id);
    Events.Outcome outcome = events.register(event.id(), person);
    return "redirect:/community/groups/" + slug + "/events/" + event.id() + "?" + outcome;
  }

  @PostMapping("/events/{id}/unregister")
  String unregister(@PathVariable String slug, @PathVariable String id, Authentication auth) {
    PersonId person = forms.signedIn(auth);
    Event event = event(group(slug), id);
    events.unregister(event.id(), person);
    return "redirect:/community/groups/" + slug + "/events/" + event.id() + "?UNREGISTERED";
  }

  // --- organising ---

  @GetMapping("/events/new")
  String newEvent(@PathVariable String slug, Authentication auth, Locale locale, Model model) {
    organisers.require(auth);
    return formPage(group(slug), null, EventForm.empty(), Map.of(), locale, model);
  }

  @PostMapping("/events")
  String create(
      @PathVariable String slug,
      @Valid @ModelAttribute EventForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    organisers.require(auth);
    Group group = group(slug);
    Map<String, String> errors = new LinkedHashMap<>();
    EventDetails details = details(form, binding, true, locale, errors);
    int repeats = repeats(form.repeats(), locale, errors);
    if (details == null || !errors.isEmpty()) {
      return formPage(group, null, form, errors, locale, model);
    }
    List<UUID> ids = events.create(group, details, repeats);
    return "redirect:/community/groups/" + slug + "/events/" + ids.getFirst() + "?CREATED";
  }

  @GetMapping("/events/{id}/edit")
  String edit(
      @PathVariable String slug,
      @PathVariable String id,
      Authentication auth,
      Locale locale,
      Model model) {
    organisers.require(auth);
    Group group = group(slug);
    Event event = event(group, id);
    return formPage(group, event, EventForm.of(event.details()), Map.of(), locale, model);
  }

  @PostMapping("/events/{id}")
  String update(
      @PathVariable String slug,
      @PathVariable String id,
      @Valid @ModelAttribute EventForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    organisers.require(auth);
    Group group = group(slug);
    Event event = event(group, id);
    Map<String, String> errors = new LinkedHashMap<>();
    EventDetails details = details(form, binding, false, locale, errors);
    if (details == null || !errors.isEmpty()) {
      return formPage(group, event, form, errors, locale, model);
    }
    events.update(event.id(), details);
    return "redirect:/community/groups/" + slug + "/events/" + event.id() + "?UPDATED";
  }

  @PostMapping("/events/{id}/cancel")
  String cancel(@PathVariable String slug, @PathVariable String id, Authentication auth) {
    organisers.require(auth);
    Event event = event(group(slug), id);
    events.cancel(event.id());
    return "redirect:/community/groups/" + slug + "/events/" + event.id() + "?CANCELLED";
  }

  private String formPage(
      Group group,
      @Nullable Event event,
      EventForm form,
      Map<String, String> errors,
      Locale locale,
      Model model) {
    model.addAttribute("group", GroupController.GroupView.of(group, Language.of(locale)));
    model.addAttribute("eventId", event == null ? null : event.id());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("maxRepeats", Events.MAX_REPEATS);
    return "community/event-form";
  }

  /**
   * The form as an event's details, or null with {@code errors} saying why field by field: lengths
   * and unstorable text, a title in at least one language (and an agenda only with its title),
   * readable times in order within {@link #HORIZON} (a new event in the future), a place or an
   * online link, a capacity, and a recording only with its captions or transcript.
   */
  private @Nullable EventDetails details(
      EventForm form,
      BindingResult binding,
      boolean creating,
      Locale locale,
      Map<String, String> errors) {
    Map<String, @Nullable String> texts = new LinkedHashMap<>();
    FIELDS.forEach(f -> texts.put(f, form.text(f)));
    errors.putAll(forms.errors(binding, texts, locale));

    Map<Language, String> title = new EnumMap<>(Language.class);
    Map<Language, String> agenda = new EnumMap<>(Language.class);
    for (String suffix : LANGUAGES) {
      Language language = Language.require(suffix.toLowerCase(Locale.ROOT));
      String t = stripped(form.text("title" + suffix));
      String a = stripped(form.text("agenda" + suffix));
      if (t == null && a != null) {
        errors.putIfAbsent("title" + suffix, message("community.error.titleNeeded", locale));
      }
      if (t != null) {
        title.put(language, t);
        if (a != null) {
          agenda.put(language, a);
        }
      }
    }
    if (title.isEmpty() && errors.keySet().stream().noneMatch(k -> k.startsWith("title"))) {
      errors.put("titleFi", message("community.error.eventTitle", locale));
    }

    Instant now = clock.instant();
    Instant start = time("starts", form.starts(), true, now, locale, errors);
    Instant end = time("ends", form.ends(), true, now, locale, errors);
    Instant closes = time("closes", form.closes(), false, now, locale, errors);
    if (start != null && creating && !start.isAfter(now)) {
      errors.putIfAbsent("starts", message("community.error.future", locale));
    }
    if (start != null && end != null && !end.isAfter(start)) {
      errors.putIfAbsent("ends", message("community.error.endsBeforeStart", locale));
    }
    if (start != null && closes != null && closes.isAfter(start)) {
      errors.putIfAbsent("closes", message("community.error.closesAfterStart", locale));
    }

    String place = stripped(form.place());
    String online = url("onlineUrl", form.onlineUrl(), locale, errors);
    if (place == null && online == null && !errors.containsKey("onlineUrl")) {
      errors.putIfAbsent("place", message("community.error.placeNeeded", locale));
    }
    Integer capacity = number("capacity", form.capacity(), 1, 10_000, locale, errors);
    String recording = url("recordingUrl", form.recordingUrl(), locale, errors);
    String captions = url("captionsUrl", form.captionsUrl(), locale, errors);
    if (recording != null && captions == null) {
      errors.putIfAbsent("captionsUrl", message("community.error.captionsNeeded", locale));
    }
    if (recording == null && captions != null) {
      errors.putIfAbsent("recordingUrl", message("community.error.recordingNeeded", locale));
    }
    if (!errors.isEmpty() || start == null || end == null || capacity == null) {
      return null;
    }
    return new EventDetails(
        title,
        agenda,
        start,
        end,
        place,
        online,
        capacity,
        closes == null ? start : closes,
        recording,
        captions);
  }

  private int repeats(@Nullable String value, Locale locale, Map<String, String> errors) {
    Integer repeats = number("repeats", value, 0, Events.MAX_REPEATS, locale, errors);
    return repeats == null ? 0 : repeats;
  }

  private @Nullable Instant time(
      String field,
      @Nullable String value,
      boolean required,
      Instant now,
      Locale locale,
      Map<String, String> errors) {
    String text = stripped(value);
    if (errors.containsKey(field)) {
      return null;
    }
    if (text == null) {
      if (required) {
        refuse(field, "community.error.required", locale, errors);
      }
      return null;
    }
    try {
      Instant instant = LocalDateTime.parse(text).atZone(Events.HELSINKI).toInstant();
      if (Duration.between(now, instant).abs().compareTo(HORIZON) > 0) {
        return refuse(field, "community.error.horizon", locale, errors);
      }
      return instant;
    } catch (DateTimeParseException e) {
      return refuse(field, "community.error.dateTime", locale, errors);
    }
  }

  private @Nullable Integer number(
      String field,
      @Nullable String value,
      int min,
      int max,
      Locale locale,
      Map<String, String> errors) {
    String text = stripped(value);
    if (errors.containsKey(field)) {
      return null;
    }
    try {
      int n = Integer.parseInt(text == null ? "" : text);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // Told below, as a number out of range is.
    }
    return refuse(field, "community.error.number", locale, errors, min, max);
  }

  private @Nullable String url(
      String field, @Nullable String value, Locale locale, Map<String, String> errors) {
    String text = stripped(value);
    if (text == null || errors.containsKey(field)) {
      return null;
    }
    try {
      URI uri = new URI(text);
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return text;
      }
    } catch (java.net.URISyntaxException e) {
      // Told below, as another scheme is.
    }
    return refuse(field, "community.error.url", locale, errors);
  }

  /** Records the field's problem ({@code key}, given the field's label and {@code more}); null. */
  private <T> @Nullable T refuse(
      String field, String key, Locale locale, Map<String, String> errors, Object... more) {
    Object[] args = new Object[more.length + 1];
    args[0] = label(field, locale);
    System.arraycopy(more, 0, args, 1, more.length);
    errors.put(field, messages.getMessage(key, args, locale));
    return null;
  }

  private String label(String field, Locale locale) {
    return Objects.requireNonNullElse(
        messages.getMessage("community.field." + field, null, field, locale), field);
  }

  private String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static @Nullable String stripped(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  // --- which ---

  private Group group(String slug) {
    if (!GroupController.SLUG.matcher(slug).matches()) {
      throw new NotFoundException("No such group");
    }
    return community.group(slug).orElseThrow(() -> new NotFoundException("No such group"));
  }

  private Event event(Group group, String id) {
    return Community.parse(id)
        .flatMap(store::event)
        .filter(e -> e.groupId().equals(group.id()))
        .orElseThrow(() -> new NotFoundException("No such event in this group"));
  }
}
