package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.programmes.SafeMarkdown;
import fi.osaava.regionalintelligence.PublishedSurvey;
import fi.osaava.regionalintelligence.RegionalSurveysApi;
import fi.osaava.regionalintelligence.internal.RegionalDevelopers;
import fi.osaava.regionalintelligence.internal.forums.ForumCalendar;
import fi.osaava.regionalintelligence.internal.forums.ForumStore;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.Forum;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumEvent;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.Participant;
import fi.osaava.regionalintelligence.internal.forums.Forums;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A region's network forums as everyone reads them: published forums, their events (with a calendar
 * file), materials, results, the survey and the projects they link to. A signed-in person registers
 * for an event with the organisation they come from; the page lists the participants'
 * organisations, and a person's name only when they chose to show it. An unpublished forum is not
 * found, except by its own organisation's developers, who preview it.
 */
@Controller
@RequestMapping("/regional-forums")
class ForumController {

  /** Forum events are held in Finland, and their pages show Helsinki time. */
  static final ZoneId HELSINKI = Forums.HELSINKI;

  private final ForumStore store;
  private final Forums forums;
  private final RegionsApi regions;
  private final RegionalSurveysApi surveys;
  private final RegionalDevelopers developers;
  private final ProfileApi profile;
  private final SafeMarkdown markdown;
  private final Clock clock;

  ForumController(
      ForumStore store,
      Forums forums,
      RegionsApi regions,
      RegionalSurveysApi surveys,
      RegionalDevelopers developers,
      ProfileApi profile,
      SafeMarkdown markdown,
      Clock clock) {
    this.clock = clock;
    this.store = store;
    this.forums = forums;
    this.regions = regions;
    this.surveys = surveys;
    this.developers = developers;
    this.profile = profile;
    this.markdown = markdown;
  }

  /** The registration form: the organisation one comes from, and one's name only if wished. */
  record RegistrationForm(
      @NotBlank(message = "ri.forum.error.organisation")
          @Size(max = 300, message = "ri.forum.error.tooLong")
          @Nullable String organisation,
      @Nullable String showName,
      @Size(max = 200, message = "ri.forum.error.tooLong") @Nullable String name) {

    boolean showsName() {
      return "true".equals(showName);
    }

    /** A name must be given where it is to be shown. */
    @AssertTrue(message = "ri.forum.error.name")
    boolean isNameGivenIfShown() {
      return !showsName() || stripped(name) != null;
    }
  }

  /**
   * Registration without an account: one's name (for the organisers; shown to others only if
   * ticked), organisation and e-mail address, which serves only this event and is deleted after it.
   */
  record GuestForm(
      @NotBlank(message = "ri.forum.error.guestName")
          @Size(max = 200, message = "ri.forum.error.tooLong")
          @Nullable String guestName,
      @NotBlank(message = "ri.forum.error.organisation")
          @Size(max = 300, message = "ri.forum.error.tooLong")
          @Nullable String guestOrganisation,
      @NotBlank(message = "ri.forum.error.guestEmail")
          @Size(max = 254, message = "ri.forum.error.guestEmail")
          @Pattern(
              regexp = "\\s*[^@\\s;,<>]{1,64}@[^@\\s;,<>]{1,190}\\.[^@\\s;,<>.]{2,}\\s*",
              message = "ri.forum.error.guestEmail")
          @Nullable String guestEmail,
      @Nullable String guestShowName) {

    static final GuestForm EMPTY = new GuestForm(null, null, null, null);

    /** The fields in the form's order, which the error summary follows. */
    static final List<String> FIELDS = List.of("guestName", "guestOrganisation", "guestEmail");

    public boolean showsName() {
      return "true".equals(guestShowName);
    }
  }

  /** The form that registers a guest (a public form: no sign-in, CSRF still applies). */
  static final String GUEST_REGISTRATION = "/regional-forums/guest-registrations";

  /** The form behind a guest's link that cancels their registration (a public form too). */
  static final String GUEST_CANCELLATION = "/regional-forums/registrations/cancel";

  /** A forum as its pages show it. */
  record ForumView(
      Forum forum,
      String area,
      String descriptionHtml,
      String resultsHtml,
      @Nullable PublishedSurvey survey,
      List<ForumStore.LinkedProject> projects) {}

  /** An event as its pages show it, in Helsinki time. */
  record EventView(
      ForumEvent event, ZonedDateTime start, ZonedDateTime end, String agendaHtml, boolean past) {}

  /** A material with its Markdown rendered. */
  record MaterialView(ForumStore.Material material, String html) {}

  @GetMapping
  String list(Authentication auth, Model model, Locale locale) {
    Language language = Language.of(locale);
    model.addAttribute("forums", store.published().stream().map(f -> view(f, language)).toList());
    model.addAttribute("developer", developers.developer(auth).isPresent());
    return "regionalintelligence/forums";
  }

  @GetMapping("/{id}")
  String forum(@PathVariable String id, Authentication auth, Model model, Locale locale) {
    Forum forum = readable(id, auth);
    Language language = Language.of(locale);
    model.addAttribute("view", view(forum, language));
    model.addAttribute("events", store.events(forum.id()).stream().map(this::eventView).toList());
    model.addAttribute(
        "materials",
        store.materials(forum.id()).stream()
            .map(
                m -> new MaterialView(m, m.markdown() == null ? "" : markdown.toHtml(m.markdown())))
            .toList());
    model.addAttribute("language", language);
    return "regionalintelligence/forum";
  }

  @GetMapping("/{id}/events/{event}")
  String event(
      @PathVariable String id,
      @PathVariable String event,
      @RequestParam Map<String, String> query,
      Authentication auth,
      Model model,
      Locale locale) {
    Forum forum = readable(id, auth);
    ForumEvent e = event(forum, event);
    return eventPage(
        forum,
        e,
        new RegistrationForm(null, null, null),
        GuestForm.EMPTY,
        Map.of(),
        query,
        auth,
        model,
        locale);
  }

  private String eventPage(
      Forum forum,
      ForumEvent e,
      RegistrationForm form,
      GuestForm guest,
      Map<String, String> errors,
      Map<String, String> query,
      Authentication auth,
      Model model,
      Locale locale) {
    Optional<PersonId> person = person(auth);
    List<Participant> registrations = store.participants(e.id());
    List<Participant> participants = registrations.stream().filter(p -> !p.waiting()).toList();
    List<Participant> queue = registrations.stream().filter(Participant::waiting).toList();
    model.addAttribute("view", view(forum, Language.of(locale)));
    model.addAttribute("event", eventView(e));
    model.addAttribute("helsinki", HELSINKI);
    model.addAttribute(
        "organisations",
        new TreeSet<>(participants.stream().map(Participant::organisation).toList()));
    model.addAttribute(
        "names",
        participants.stream()
            .map(Participant::shownName)
            .filter(Objects::nonNull)
            .sorted()
            .toList());
    model.addAttribute("signedIn", person.isPresent());
    model.addAttribute(
        "registered",
        person.map(p -> participants.stream().anyMatch(r -> r.person().equals(p))).orElse(false));
    // The person's place in the waiting list, counted from 1; 0 when they are not in it.
    model.addAttribute(
        "queuePosition",
        person.map(p -> queue.stream().map(Participant::person).toList().indexOf(p) + 1).orElse(0));
    model.addAttribute(
        "done",
        java.util.stream.Stream.of(
                "REGISTERED",
                "WAITING",
                "ALREADY",
                "CLOSED",
                "CANCELLED",
                "UNREGISTERED",
                "GUEST_REGISTERED",
                "GUEST_WAITING",
                "GUEST_ALREADY")
            .filter(query::containsKey)
            .findFirst()
            .orElse(null));
    // A guest just registered (or found registered): the page confirms it and offers no form.
    model.addAttribute(
        "guestDone",
        Stream.of("GUEST_REGISTERED", "GUEST_WAITING", "GUEST_ALREADY")
            .anyMatch(query::containsKey));
    model.addAttribute("form", form);
    model.addAttribute("guest", guest);
    model.addAttribute("errors", errors);
    return "regionalintelligence/forum-event";
  }

  /**
   * The event as an iCalendar file ({@link ForumCalendar}, the community's {@code CalendarFile}):
   * its newest version under the same UID and a higher SEQUENCE after each change, and once
   * cancelled a {@code METHOD:CANCEL} file with {@code STATUS:CANCELLED}, so that a calendar
   * importing it removes the event.
   */
  @GetMapping("/{id}/events/{event}/calendar.ics")
  ResponseEntity<String> calendar(
      @PathVariable String id, @PathVariable String event, Authentication auth) {
    Forum forum = readable(id, auth);
    ForumEvent e = event(forum, event);
    String page =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/regional-forums/{id}/events/{event}")
            .buildAndExpand(forum.id(), e.id())
            .toUriString();
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "inline; filename=\"" + ForumCalendar.fileName(e.id()) + "\"")
        .body(ForumCalendar.download(forum.details().title(), e, page));
  }

  @PostMapping("/{id}/events/{event}/register")
  String register(
      @PathVariable String id,
      @PathVariable String event,
      @Valid @ModelAttribute("form") RegistrationForm form,
      BindingResult binding,
      Authentication auth,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    PersonId person = signedIn(auth);
    Forum forum = readable(id, auth);
    ForumEvent e = event(forum, event);
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return eventPage(
          forum, e, form, GuestForm.EMPTY, errors(binding), Map.of(), auth, model, locale);
    }
    Forums.Outcome outcome =
        forums.register(
            e.id(),
            person,
            Objects.requireNonNull(stripped(form.organisation())),
            form.showsName() ? stripped(form.name()) : null);
    return "redirect:/regional-forums/" + forum.id() + "/events/" + e.id() + "?" + outcome;
  }

  /**
   * The form's field errors, each field's first, its message key as the constraint gave it; in the
   * order of {@code fields} where given (Bean Validation reports them in no particular order).
   */
  private static Map<String, String> errors(BindingResult binding, String... fields) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> order = List.of(fields);
    binding.getFieldErrors().stream()
        .sorted(
            java.util.Comparator.comparingInt(
                f -> order.contains(f.getField()) ? order.indexOf(f.getField()) : order.size()))
        .forEach(
            f ->
                errors.putIfAbsent(
                    f.getField().equals("nameGivenIfShown") ? "name" : f.getField(),
                    Objects.requireNonNull(f.getDefaultMessage())));
    return errors;
  }

  /**
   * Registers a guest, without an account or signing in: a confirmation with a link that cancels
   * the registration goes to the address given, in the page's language.
   */
  @PostMapping("/guest-registrations")
  String registerGuest(
      @RequestParam(name = "forum", required = false) @Nullable String id,
      @RequestParam(name = "event", required = false) @Nullable String event,
      @Valid @ModelAttribute("guest") GuestForm form,
      BindingResult binding,
      Authentication auth,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Forum forum = readable(String.valueOf(id), auth);
    ForumEvent e = event(forum, String.valueOf(event));
    if (binding.hasErrors()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return eventPage(
          forum,
          e,
          new RegistrationForm(null, null, null),
          form,
          errors(binding, GuestForm.FIELDS.toArray(String[]::new)),
          Map.of(),
          auth,
          model,
          locale);
    }
    Forums.Outcome outcome =
        forums.registerGuest(
            e.id(),
            new Forums.GuestDetails(
                Objects.requireNonNull(stripped(form.guestName())),
                Objects.requireNonNull(stripped(form.guestOrganisation())),
                Objects.requireNonNull(stripped(form.guestEmail())),
                form.showsName(),
                Language.of(locale)));
    String done =
        switch (outcome) {
          case REGISTERED, WAITING, ALREADY -> "GUEST_" + outcome;
          default -> outcome.name();
        };
    return "redirect:/regional-forums/" + forum.id() + "/events/" + e.id() + "?" + done;
  }

  /**
   * A guest's registration, opened by the link in their confirmation mail, without signing in: the
   * event, and a button that cancels the registration. Opening the page changes nothing (mail
   * scanners open links). An unknown or spent link is not found.
   */
  @GetMapping("/registrations/{token}")
  String guestRegistration(@PathVariable String token, Model model, Locale locale) {
    ForumStore.GuestRegistration registration =
        forums
            .guestRegistration(token)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Forum forum = store.forum(registration.forum()).orElseThrow();
    ForumEvent e = store.event(forum.id(), registration.event()).orElseThrow();
    model.addAttribute("view", view(forum, Language.of(locale)));
    model.addAttribute("event", eventView(e));
    model.addAttribute(
        "waiting",
        store.participants(e.id()).stream()
            .anyMatch(p -> p.person().equals(registration.person()) && p.waiting()));
    model.addAttribute("token", token);
    return "regionalintelligence/forum-registration";
  }

  @PostMapping("/registrations/cancel")
  String cancelGuestRegistration(
      @RequestParam(name = "token", required = false) @Nullable String token) {
    ForumStore.GuestRegistration registration =
        forums
            .unregisterGuest(String.valueOf(token))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return "redirect:/regional-forums/"
        + registration.forum()
        + "/events/"
        + registration.event()
        + "?UNREGISTERED";
  }

  @PostMapping("/{id}/events/{event}/unregister")
  String unregister(@PathVariable String id, @PathVariable String event, Authentication auth) {
    PersonId person = signedIn(auth);
    Forum forum = readable(id, auth);
    ForumEvent e = event(forum, event);
    forums.unregister(e.id(), person);
    return "redirect:/regional-forums/" + forum.id() + "/events/" + e.id() + "?UNREGISTERED";
  }

  ForumView view(Forum forum, Language language) {
    var d = forum.details();
    String area =
        regions
            .area(
                d.subRegionCode() == null ? AreaLevel.REGION : AreaLevel.SUB_REGION,
                d.subRegionCode() == null ? d.regionCode() : d.subRegionCode())
            .map(a -> a.name(language).text())
            .orElse(d.regionCode());
    PublishedSurvey survey =
        d.surveyId() == null
            ? null
            : surveys.publishedSurveys().stream()
                .filter(s -> s.id().equals(d.surveyId()))
                .findFirst()
                .orElse(null);
    return new ForumView(
        forum,
        area,
        markdown.toHtml(d.description()),
        markdown.toHtml(forum.results()),
        survey,
        store.projects(forum.id()));
  }

  EventView eventView(ForumEvent e) {
    return new EventView(
        e,
        e.details().start().atZone(HELSINKI),
        e.details().end().atZone(HELSINKI),
        markdown.toHtml(e.details().agenda()),
        !clock.instant().isBefore(e.details().start()));
  }

  /** A published forum, or the reader's own organisation's forum; anything else is not found. */
  private Forum readable(String id, @Nullable Authentication auth) {
    Optional<String> own =
        developers.developer(auth).map(RegionalDevelopers.Developer::organisation);
    return ForumManageController.uuid(id)
        .flatMap(store::forum)
        .filter(f -> f.details().published() || own.filter(f.organisation()::equals).isPresent())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private ForumEvent event(Forum forum, String id) {
    return ForumManageController.uuid(id)
        .flatMap(e -> store.event(forum.id(), e))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private Optional<PersonId> person(@Nullable Authentication auth) {
    return auth == null ? Optional.empty() : profile.currentPerson(auth);
  }

  private PersonId signedIn(@Nullable Authentication auth) {
    return person(auth)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in"));
  }

  static @Nullable String stripped(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
