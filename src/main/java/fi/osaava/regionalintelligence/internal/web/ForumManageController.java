package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.RegionalSurveysApi;
import fi.osaava.regionalintelligence.internal.RegionalDevelopers;
import fi.osaava.regionalintelligence.internal.RegionalDevelopers.Developer;
import fi.osaava.regionalintelligence.internal.forums.ForumStore;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.EventDetails;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.Forum;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumDetails;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumEvent;
import fi.osaava.regionalintelligence.internal.forums.Forums;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.hibernate.validator.constraints.Range;
import org.hibernate.validator.constraints.URL;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /regional-forums/manage}: a regional developer's organisation keeps its forums (the same
 * owners as for surveys and projects, {@link RegionalDevelopers}): the forum's region, text, the
 * published survey and the registry's projects it links to, its events, materials and results.
 * Anyone else signed in gets 403; another organisation's forum is not found (404).
 */
@Controller
@RequestMapping("/regional-forums/manage")
class ForumManageController {

  /** How far from now an event may be set: a typo in the year is an error, not an event. */
  private static final Duration HORIZON = Duration.ofDays(5 * 366);

  private static final String ERROR = "ri.forum.error.";
  private static final String TOO_LONG = ERROR + "tooLong";
  private static final String TITLE_REQUIRED = ERROR + "titleRequired";
  private static final String CAPACITY = ERROR + "capacity";
  private static final String URL_ERROR = ERROR + "url";
  private static final String DATE_TIME_ERROR = ERROR + "dateTime";

  /** A {@code datetime-local} value's shape (blank is "required"'s to tell). */
  private static final String DATE_TIME =
      "\\s*|\\s*\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?\\s*";

  /**
   * Nothing (the field is optional; an empty field arrives as "") or an http or https address with
   * a host; {@code @URL} checks the rest of it.
   */
  private static final String WEB_ADDRESS = "(?i)|\\s*https?://[^/?#\\s]+\\S*\\s*";

  private final RegionalDevelopers developers;
  private final ForumStore store;
  private final Forums forums;
  private final RegionsApi regions;
  private final RegionalSurveysApi surveys;
  private final Clock clock;

  ForumManageController(
      RegionalDevelopers developers,
      ForumStore store,
      Forums forums,
      RegionsApi regions,
      RegionalSurveysApi surveys,
      Clock clock) {
    this.developers = developers;
    this.store = store;
    this.forums = forums;
    this.regions = regions;
    this.surveys = surveys;
    this.clock = clock;
  }

  /** The forum's details; projects are the registry's ids ticked, the survey a published one. */
  record ForumForm(
      @NotBlank(message = TITLE_REQUIRED) @Size(max = 200, message = TOO_LONG)
          @Nullable String title,
      @Size(max = 20_000, message = TOO_LONG) @Nullable String description,
      @Size(max = 10, message = ERROR + "region") @Nullable String region,
      @Size(max = 10, message = ERROR + "subRegion") @Nullable String subRegion,
      @Size(max = 40, message = ERROR + "survey") @Nullable String survey,
      @Size(max = 200, message = ERROR + "tooManyProjects")
          @Nullable List<@Size(max = 40, message = ERROR + "project") String> projects,
      @Nullable String published) {

    static ForumForm empty() {
      return new ForumForm(null, null, null, null, null, List.of(), null);
    }

    static ForumForm of(ForumDetails d) {
      return new ForumForm(
          d.title(),
          d.description(),
          d.regionCode(),
          d.subRegionCode(),
          d.surveyId() == null ? null : d.surveyId().toString(),
          d.projectIds().stream().map(UUID::toString).toList(),
          d.published() ? "true" : null);
    }

    public boolean ticked(UUID project) {
      return projects != null && projects.contains(project.toString());
    }

    /** The form as details for the service to check; a malformed id is refused here already. */
    ForumDetails details() {
      UUID surveyId = null;
      String surveyText = ForumController.stripped(survey);
      if (surveyText != null) {
        surveyId = uuid(surveyText).orElseThrow(() -> new Forums.Refused("survey", "survey"));
      }
      Set<UUID> projectIds = new HashSet<>();
      for (String p : Objects.requireNonNullElse(projects, List.<String>of())) {
        projectIds.add(
            uuid(p.strip()).orElseThrow(() -> new Forums.Refused("projects", "project")));
      }
      return new ForumDetails(
          Objects.requireNonNullElse(title, ""),
          Objects.requireNonNullElse(description, ""),
          Objects.requireNonNullElse(region, ""),
          ForumController.stripped(subRegion),
          surveyId,
          projectIds,
          "true".equals(published));
    }
  }

  /**
   * An event, new or changed. Each field's own rules are its annotations; what needs two fields or
   * the clock (the order of the times, a place or a link, a start ahead) is {@link #details}'s.
   * Times are {@code datetime-local} values in Helsinki time; numbers arrive as text and are kept
   * as typed, so that a refused value comes back in its field.
   */
  record EventForm(
      @NotBlank(message = ERROR + "eventTitleRequired") @Size(max = 200, message = TOO_LONG)
          @Nullable String eventTitle,
      @Size(max = 20_000, message = TOO_LONG) @Nullable String agenda,
      @NotBlank(message = ERROR + "startsRequired")
          @Pattern(regexp = DATE_TIME, message = DATE_TIME_ERROR)
          @Nullable String starts,
      @NotBlank(message = ERROR + "endsRequired")
          @Pattern(regexp = DATE_TIME, message = DATE_TIME_ERROR)
          @Nullable String ends,
      @Size(max = 300, message = TOO_LONG) @Nullable String place,
      @Size(max = 500, message = TOO_LONG) @URL(regexp = WEB_ADDRESS, message = URL_ERROR)
          @Nullable String onlineUrl,
      @NotBlank(message = CAPACITY) @Range(min = 1, max = 10_000, message = CAPACITY)
          @Nullable String capacity,
      @Nullable String correction) {

    static EventForm empty() {
      return new EventForm(null, null, null, null, null, null, "50", null);
    }

    static EventForm of(EventDetails d) {
      return new EventForm(
          d.title(),
          d.agenda(),
          local(d.start()),
          local(d.end()),
          d.place(),
          d.onlineUrl(),
          Integer.toString(d.capacity()),
          null);
    }

    /** The organisers marked the change a correction: a changed agenda tells nobody. */
    boolean isCorrection() {
      return "true".equals(correction);
    }

    private static String local(Instant instant) {
      return instant.atZone(ForumController.HELSINKI).toLocalDateTime().toString();
    }

    /**
     * The event as stored, or null with the problems put in {@code binding}: times that are real
     * and within five years of {@code now}, the start ahead, the end after it, a place or a link.
     */
    @Nullable EventDetails details(Instant now, BindingResult binding) {
      Instant start = time("starts", starts, now, binding);
      Instant end = time("ends", ends, now, binding);
      if (start != null && !start.isAfter(now)) {
        reject(binding, "starts", starts, "future");
      }
      if (start != null && end != null && !end.isAfter(start)) {
        reject(binding, "ends", ends, "endsBeforeStart");
      }
      String where = ForumController.stripped(place);
      String online = ForumController.stripped(onlineUrl);
      if (where == null && online == null) {
        reject(binding, "place", place, "placeNeeded");
      }
      if (binding.hasErrors() || start == null || end == null) {
        return null;
      }
      return new EventDetails(
          Objects.requireNonNull(ForumController.stripped(eventTitle)),
          Objects.requireNonNullElse(agenda, "").strip(),
          start,
          end,
          where,
          online,
          Integer.parseInt(Objects.requireNonNull(capacity).strip()));
    }

    private static @Nullable Instant time(
        String field, @Nullable String value, Instant now, BindingResult binding) {
      if (value == null || binding.hasFieldErrors(field)) {
        return null;
      }
      try {
        Instant instant =
            LocalDateTime.parse(value.strip()).atZone(ForumController.HELSINKI).toInstant();
        if (Duration.between(now, instant).abs().compareTo(HORIZON) <= 0) {
          return instant;
        }
        reject(binding, field, value, "horizon");
      } catch (DateTimeParseException e) {
        reject(binding, field, value, "dateTime");
      }
      return null;
    }
  }

  /** Cancelling an event: the organisers' reason, and the language they wrote it in. */
  record CancelForm(
      @NotBlank(message = ERROR + "reasonRequired") @Size(max = 2_000, message = TOO_LONG)
          @Nullable String reason,
      @NotBlank(message = ERROR + "reasonLanguage")
          @Pattern(regexp = "fi|sv|en|no", message = ERROR + "reasonLanguage")
          @Nullable String reasonLanguage) {

    /** An empty reason, in the editor's own language. */
    static CancelForm in(Locale locale) {
      return new CancelForm(null, Language.of(locale).code());
    }
  }

  /** A material: a title and either a link or Markdown text. */
  record MaterialForm(
      @NotBlank(message = ERROR + "materialTitleRequired") @Size(max = 200, message = TOO_LONG)
          @Nullable String materialTitle,
      @Size(max = 500, message = TOO_LONG) @URL(regexp = WEB_ADDRESS, message = URL_ERROR)
          @Nullable String url,
      @Size(max = 50_000, message = TOO_LONG) @Nullable String markdown) {}

  /** The forum's published results, in Markdown. */
  record ResultsForm(@Size(max = 50_000, message = TOO_LONG) @Nullable String results) {}

  /** The four forms of a forum's page, as stored unless one comes back with its problems. */
  record Forms(ForumForm forum, EventForm event, MaterialForm material, ResultsForm results) {

    static Forms of(Forum stored) {
      return new Forms(
          ForumForm.of(stored.details()),
          EventForm.empty(),
          new MaterialForm(null, null, null),
          new ResultsForm(stored.results()));
    }

    Forms with(ForumForm form) {
      return new Forms(form, event, material, results);
    }

    Forms with(EventForm form) {
      return new Forms(forum, form, material, results);
    }

    Forms with(MaterialForm form) {
      return new Forms(forum, event, form, results);
    }

    Forms with(ResultsForm form) {
      return new Forms(forum, event, material, form);
    }
  }

  /** A change to one of the organisation's forums, made once its form's own rules are met. */
  @FunctionalInterface
  private interface Change {
    /**
     * The page to go to, or null when the change put problems in {@code binding}.
     *
     * @throws Forums.Refused when the service refuses a value, naming its field
     */
    @Nullable String apply(Forum forum, Developer developer, BindingResult binding);
  }

  @GetMapping
  String list(Authentication auth, Model model, Locale locale) {
    Developer developer = developer(auth);
    return listPage(developer, ForumForm.empty(), Map.of(), model, locale);
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("forumForm") ForumForm form,
      BindingResult binding,
      Authentication auth,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Developer developer = developer(auth);
    Map<String, String> errors = new LinkedHashMap<>();
    if (!binding.hasErrors()) {
      try {
        UUID id = forums.create(developer.organisation(), form.details());
        return "redirect:/regional-forums/manage/" + id + "?created";
      } catch (Forums.Refused refused) {
        errors.put(refused.field(), ERROR + refused.code());
      }
    }
    errors.putAll(errors(binding));
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return listPage(developer, form, errors, model, locale);
  }

  @GetMapping("/{id}")
  String edit(@PathVariable String id, Authentication auth, Model model, Locale locale) {
    Forum forum = owned(developer(auth), id);
    return editPage(forum, Forms.of(forum), Map.of(), model, locale);
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable String id,
      @Valid @ModelAttribute("forumForm") ForumForm form,
      BindingResult binding,
      Authentication auth,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    return change(
        id,
        binding,
        forms -> forms.with(form),
        auth,
        model,
        locale,
        response,
        (forum, developer, b) -> {
          forums.update(forum.id(), developer.organisation(), form.details());
          return "redirect:/regional-forums/manage/" + forum.id() + "?saved";
        });
  }

  @PostMapping("/{id}/events")
  String addEvent(
      @PathVariable String id,
      @Valid @ModelAttribute("eventForm") EventForm form,
      BindingResult binding,
      Authentication auth,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    // Every problem at once: the two-field and clock rules join the fields' own.
    EventDetails details = form.details(clock.instant(), binding);
    return change(
        id,
        binding,
        forms -> forms.with(form),
        auth,
        model,
        locale,
        response,
        (forum, developer, b) ->
            "redirect:/regional-forums/"
                + forum.id()
                + "/events/"
                + forums.addEvent(forum.id(), Objects.requireNonNull(details)));
  }

  /** An event's own page for its owners: its details to change, who has a place, who waits. */
  @GetMapping("/{id}/events/{event}")
  String editEvent(
      @PathVariable String id,
      @PathVariable String event,
      @RequestParam Map<String, String> query,
      Authentication auth,
      Model model,
      Locale locale) {
    Forum forum = owned(developer(auth), id);
    ForumEvent e = ownedEvent(forum, event);
    model.addAttribute("saved", query.containsKey("saved"));
    model.addAttribute("cancelled", query.containsKey("cancelled"));
    return eventPage(forum, e, EventForm.of(e.details()), CancelForm.in(locale), Map.of(), model);
  }

  /**
   * Changes the event. A capacity below the places already taken is refused on its field (nobody
   * loses a place they were given); a larger one gives places to the waiting list.
   */
  @PostMapping("/{id}/events/{event}")
  String updateEvent(
      @PathVariable String id,
      @PathVariable String event,
      @Valid @ModelAttribute("eventForm") EventForm form,
      BindingResult binding,
      Authentication auth,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Developer developer = developer(auth);
    Forum forum = owned(developer, id);
    ForumEvent e = standing(ownedEvent(forum, event));
    EventDetails details = form.details(clock.instant(), binding);
    return eventChange(
        forum,
        e,
        binding,
        form,
        CancelForm.in(locale),
        model,
        response,
        () -> {
          forums.updateEvent(
              forum.id(),
              e.id(),
              developer.organisation(),
              Objects.requireNonNull(details),
              form.isCorrection());
          return "?saved";
        });
  }

  /**
   * Cancels the event with the organisers' reason: those with a place are told, and the waiting
   * list is emptied with a notice to each. An event that has started is refused on the reason; one
   * cancelled already is a conflict (409).
   */
  @PostMapping("/{id}/events/{event}/cancel")
  String cancelEvent(
      @PathVariable String id,
      @PathVariable String event,
      @Valid @ModelAttribute("cancelForm") CancelForm form,
      BindingResult binding,
      Authentication auth,
      Model model,
      HttpServletResponse response) {
    Developer developer = developer(auth);
    Forum forum = owned(developer, id);
    ForumEvent e = standing(ownedEvent(forum, event));
    return eventChange(
        forum,
        e,
        binding,
        EventForm.of(e.details()),
        form,
        model,
        response,
        () -> {
          if (!forums.cancelEvent(
              forum.id(),
              e.id(),
              developer.organisation(),
              Objects.requireNonNull(ForumController.stripped(form.reason())),
              Language.require(Objects.requireNonNull(form.reasonLanguage())))) {
            throw new ResponseStatusException(
                HttpStatus.CONFLICT, "The event is cancelled already");
          }
          return "?cancelled";
        });
  }

  /**
   * What both forms of an event's page do: a form whose rules are met is applied and the page shown
   * again with the outcome ({@code change} answers its query); else (or when the service refuses a
   * value) the page comes back with 400, the forms as sent and each problem by its field.
   */
  private String eventChange(
      Forum forum,
      ForumEvent event,
      BindingResult binding,
      EventForm eventForm,
      CancelForm cancelForm,
      Model model,
      HttpServletResponse response,
      Supplier<String> change) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (!binding.hasErrors()) {
      try {
        String outcome = change.get();
        return "redirect:/regional-forums/manage/" + forum.id() + "/events/" + event.id() + outcome;
      } catch (Forums.Refused refused) {
        errors.put(refused.field(), ERROR + refused.code());
      }
    }
    errors.putAll(errors(binding));
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    model.addAttribute("saved", false);
    model.addAttribute("cancelled", false);
    return eventPage(forum, event, eventForm, cancelForm, errors, model);
  }

  @PostMapping("/{id}/materials")
  String addMaterial(
      @PathVariable String id,
      @Valid @ModelAttribute("materialForm") MaterialForm form,
      BindingResult binding,
      Authentication auth,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    return change(
        id,
        binding,
        forms -> forms.with(form),
        auth,
        model,
        locale,
        response,
        (forum, developer, b) -> {
          String url = ForumController.stripped(form.url());
          String text = ForumController.stripped(form.markdown());
          if ((url == null) == (text == null)) {
            reject(b, "url", form.url(), "linkOrText");
            return null;
          }
          store.addMaterial(
              forum.id(),
              Objects.requireNonNull(ForumController.stripped(form.materialTitle())),
              url,
              text);
          return "redirect:/regional-forums/manage/" + forum.id() + "?materialAdded";
        });
  }

  @PostMapping("/{id}/materials/{material}/delete")
  String deleteMaterial(
      @PathVariable String id, @PathVariable String material, Authentication auth) {
    Forum forum = owned(developer(auth), id);
    UUID which =
        uuid(material).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if (!store.deleteMaterial(forum.id(), which)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return "redirect:/regional-forums/manage/" + forum.id() + "?materialDeleted";
  }

  @PostMapping("/{id}/results")
  String saveResults(
      @PathVariable String id,
      @Valid @ModelAttribute("resultsForm") ResultsForm form,
      BindingResult binding,
      Authentication auth,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    return change(
        id,
        binding,
        forms -> forms.with(form),
        auth,
        model,
        locale,
        response,
        (forum, developer, b) -> {
          String results = Objects.requireNonNullElse(form.results(), "").strip();
          store.saveResults(forum.id(), developer.organisation(), results);
          return "redirect:/regional-forums/manage/" + forum.id() + "?resultsSaved";
        });
  }

  /**
   * What every form of a forum's page does: only the owning organisation's developer reaches the
   * forum; a form whose own rules are met is applied; else (or when the change or the service
   * refuses a value) the page comes back with 400, the form as sent and each problem by its field.
   */
  private String change(
      String id,
      BindingResult binding,
      UnaryOperator<Forms> sent,
      Authentication auth,
      Model model,
      Locale locale,
      HttpServletResponse response,
      Change change) {
    Developer developer = developer(auth);
    Forum forum = owned(developer, id);
    Map<String, String> errors = new LinkedHashMap<>();
    if (!binding.hasErrors()) {
      try {
        String next = change.apply(forum, developer, binding);
        if (next != null) {
          return next;
        }
      } catch (Forums.Refused refused) {
        errors.put(refused.field(), ERROR + refused.code());
      }
    }
    errors.putAll(errors(binding));
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return editPage(forum, sent.apply(Forms.of(forum)), errors, model, locale);
  }

  /**
   * Adds a problem that needs more than the field (its message key {@code ERROR + code}). Not
   * {@code rejectValue}: that reads the value through bean getters, which form records lack.
   */
  private static void reject(
      BindingResult binding, String field, @Nullable String value, String code) {
    binding.addError(
        new FieldError(
            binding.getObjectName(), field, value, false, new String[] {code}, null, ERROR + code));
  }

  /**
   * Each field's first problem as a message key: the constraints' messages are keys; a value that
   * cannot be bound at all is the field's own key.
   */
  private static Map<String, String> errors(BindingResult binding) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError e : binding.getFieldErrors()) {
      String field = e.getField().replaceAll("\\[.*", "");
      String message = e.getDefaultMessage();
      errors.putIfAbsent(
          field,
          e.isBindingFailure() || message == null || !message.startsWith(ERROR)
              ? ERROR + field
              : message);
    }
    return errors;
  }

  // --- pages ---

  private String listPage(
      Developer developer, ForumForm form, Map<String, String> errors, Model model, Locale locale) {
    model.addAttribute("organisation", developer.organisation());
    model.addAttribute("forums", store.ownedBy(developer.organisation()));
    choices(form, errors, model, locale);
    return "regionalintelligence/forums-manage";
  }

  private String editPage(
      Forum forum, Forms forms, Map<String, String> errors, Model model, Locale locale) {
    model.addAttribute("organisation", forum.organisation());
    model.addAttribute("forum", forum);
    List<ForumStore.ForumEvent> events = store.events(forum.id());
    Map<UUID, List<ForumStore.Participant>> participants = new LinkedHashMap<>();
    events.forEach(e -> participants.put(e.id(), store.participants(e.id())));
    model.addAttribute("events", events);
    model.addAttribute("participants", participants);
    model.addAttribute("materials", store.materials(forum.id()));
    model.addAttribute("helsinki", ForumController.HELSINKI);
    model.addAttribute("eventForm", forms.event());
    model.addAttribute("materialForm", forms.material());
    model.addAttribute("resultsForm", forms.results());
    choices(forms.forum(), errors, model, locale);
    return "regionalintelligence/forum-edit";
  }

  private String eventPage(
      Forum forum,
      ForumEvent event,
      EventForm form,
      CancelForm cancel,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("forum", forum);
    model.addAttribute("event", event);
    model.addAttribute("participants", store.participants(event.id()));
    model.addAttribute("helsinki", ForumController.HELSINKI);
    model.addAttribute("eventForm", form);
    model.addAttribute("cancelForm", cancel);
    model.addAttribute("languages", Language.UI);
    model.addAttribute("errors", errors);
    return "regionalintelligence/forum-event-edit";
  }

  /** The forum form and what it offers: regions, sub-regions, published surveys, projects. */
  private void choices(ForumForm form, Map<String, String> errors, Model model, Locale locale) {
    Language language = Language.of(locale);
    Map<String, String> regionChoices = new LinkedHashMap<>();
    regions
        .areas(AreaLevel.REGION)
        .forEach(r -> regionChoices.put(r.code(), r.code() + " " + r.name(language).text()));
    Map<String, String> subRegionChoices = new LinkedHashMap<>();
    regions
        .areas(AreaLevel.SUB_REGION)
        .forEach(r -> subRegionChoices.put(r.code(), r.code() + " " + r.name(language).text()));
    Map<String, String> surveyChoices = new LinkedHashMap<>();
    surveys
        .publishedSurveys()
        .forEach(
            s ->
                surveyChoices.put(
                    s.id().toString(),
                    s.titles()
                        .getOrDefault(
                            language.code(),
                            s.titles().values().stream().findFirst().orElse(s.id().toString()))));
    model.addAttribute("forumForm", form);
    model.addAttribute("errors", errors);
    model.addAttribute("regionChoices", regionChoices);
    model.addAttribute("subRegionChoices", subRegionChoices);
    model.addAttribute("surveyChoices", surveyChoices);
    model.addAttribute("projectChoices", store.allProjects());
  }

  static Optional<UUID> uuid(String text) {
    try {
      return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Forum owned(Developer developer, String id) {
    return uuid(id)
        .flatMap(store::forum)
        .filter(f -> f.organisation().equals(developer.organisation()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private ForumEvent ownedEvent(Forum forum, String id) {
    return uuid(id)
        .flatMap(e -> store.event(forum.id(), e))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  /** A cancelled event is not changed or cancelled again: 409, the page says why. */
  private static ForumEvent standing(ForumEvent event) {
    if (event.cancelled()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "The event is cancelled");
    }
    return event;
  }

  private Developer developer(Authentication auth) {
    return developers
        .developer(auth)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only regional developers keep forums"));
  }
}
