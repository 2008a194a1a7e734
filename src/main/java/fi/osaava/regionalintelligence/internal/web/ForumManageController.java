package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.StorableText;
import fi.osaava.regionalintelligence.RegionalSurveysApi;
import fi.osaava.regionalintelligence.internal.RegionalDevelopers;
import fi.osaava.regionalintelligence.internal.RegionalDevelopers.Developer;
import fi.osaava.regionalintelligence.internal.forums.ForumStore;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.EventDetails;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.Forum;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumDetails;
import fi.osaava.regionalintelligence.internal.forums.Forums;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.net.URISyntaxException;
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
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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
      @Size(max = 200) @Nullable String title,
      @Size(max = 20_000) @Nullable String description,
      @Size(max = 10) @Nullable String region,
      @Size(max = 10) @Nullable String subRegion,
      @Size(max = 40) @Nullable String survey,
      @Size(max = 200) @Nullable List<@Size(max = 40) String> projects,
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
  }

  /** An event; times are {@code datetime-local} values in Helsinki time, numbers arrive as text. */
  record EventForm(
      @Size(max = 200) @Nullable String eventTitle,
      @Size(max = 20_000) @Nullable String agenda,
      @Size(max = 40) @Nullable String starts,
      @Size(max = 40) @Nullable String ends,
      @Size(max = 300) @Nullable String place,
      @Size(max = 500) @Nullable String onlineUrl,
      @Size(max = 10) @Nullable String capacity) {

    static EventForm empty() {
      return new EventForm(null, null, null, null, null, null, "50");
    }
  }

  /** A material: a title and either a link or Markdown text. */
  record MaterialForm(
      @Size(max = 200) @Nullable String materialTitle,
      @Size(max = 500) @Nullable String url,
      @Size(max = 50_000) @Nullable String markdown) {}

  /** The forum's published results, in Markdown. */
  record ResultsForm(@Size(max = 50_000) @Nullable String results) {}

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
    Map<String, String> errors =
        errors(binding, "title", form.title(), "description", form.description());
    if (errors.isEmpty()) {
      try {
        UUID id = forums.create(developer.organisation(), details(form));
        return "redirect:/regional-forums/manage/" + id + "?created";
      } catch (Forums.Refused refused) {
        errors.put(refused.field(), ERROR + refused.code());
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return listPage(developer, form, errors, model, locale);
  }

  @GetMapping("/{id}")
  String edit(@PathVariable String id, Authentication auth, Model model, Locale locale) {
    Developer developer = developer(auth);
    Forum forum = owned(developer, id);
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
    Developer developer = developer(auth);
    Forum forum = owned(developer, id);
    Map<String, String> errors =
        errors(binding, "title", form.title(), "description", form.description());
    if (errors.isEmpty()) {
      try {
        forums.update(forum.id(), developer.organisation(), details(form));
        return "redirect:/regional-forums/manage/" + forum.id() + "?saved";
      } catch (Forums.Refused refused) {
        errors.put(refused.field(), ERROR + refused.code());
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return editPage(forum, Forms.of(forum).with(form), errors, model, locale);
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
    Developer developer = developer(auth);
    Forum forum = owned(developer, id);
    Map<String, String> errors =
        errors(
            binding,
            "eventTitle",
            form.eventTitle(),
            "agenda",
            form.agenda(),
            "place",
            form.place());
    EventDetails details = eventDetails(form, errors);
    if (details != null && errors.isEmpty()) {
      UUID event = forums.addEvent(forum.id(), details);
      return "redirect:/regional-forums/" + forum.id() + "/events/" + event;
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return editPage(forum, Forms.of(forum).with(form), errors, model, locale);
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
    Developer developer = developer(auth);
    Forum forum = owned(developer, id);
    Map<String, String> errors =
        errors(binding, "materialTitle", form.materialTitle(), "markdown", form.markdown());
    String title = ForumController.stripped(form.materialTitle());
    String url = url("url", form.url(), errors);
    String text = ForumController.stripped(form.markdown());
    if (title == null) {
      errors.putIfAbsent("materialTitle", ERROR + "materialTitleRequired");
    }
    if ((url == null) == (text == null) && !errors.containsKey("url")) {
      errors.putIfAbsent("url", ERROR + "linkOrText");
    }
    if (errors.isEmpty()) {
      store.addMaterial(forum.id(), Objects.requireNonNull(title), url, text);
      return "redirect:/regional-forums/manage/" + forum.id() + "?materialAdded";
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return editPage(forum, Forms.of(forum).with(form), errors, model, locale);
  }

  @PostMapping("/{id}/materials/{material}/delete")
  String deleteMaterial(
      @PathVariable String id, @PathVariable String material, Authentication auth) {
    Developer developer = developer(auth);
    Forum forum = owned(developer, id);
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
    Developer developer = developer(auth);
    Forum forum = owned(developer, id);
    Map<String, String> errors = errors(binding, "results", form.results());
    if (errors.isEmpty()) {
      String results = Objects.requireNonNullElse(form.results(), "").strip();
      store.saveResults(forum.id(), developer.organisation(), results);
      return "redirect:/regional-forums/manage/" + forum.id() + "?resultsSaved";
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return editPage(forum, Forms.of(forum).with(form), errors, model, locale);
  }

  // --- the form's values ---

  /**
   * Bean Validation's problems (all of them lengths) by field, and text that cannot be stored (NUL
   * and other control characters) in any of {@code fieldsAndValues} (a field's name, then its
   * value).
   */
  private static Map<String, String> errors(
      BindingResult binding, @Nullable String... fieldsAndValues) {
    Map<String, String> errors = new LinkedHashMap<>();
    binding
        .getFieldErrors()
        .forEach(e -> errors.putIfAbsent(e.getField().replaceAll("\\[.*", ""), ERROR + "tooLong"));
    for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
      String value = fieldsAndValues[i + 1];
      if (value != null && !StorableText.isStorable(value)) {
        errors.putIfAbsent(Objects.requireNonNull(fieldsAndValues[i]), ERROR + "unstorable");
      }
    }
    return errors;
  }

  /** The form as details for the service to check; a malformed id is refused here already. */
  private static ForumDetails details(ForumForm form) {
    UUID survey = null;
    String surveyText = ForumController.stripped(form.survey());
    if (surveyText != null) {
      survey = uuid(surveyText).orElseThrow(() -> new Forums.Refused("survey", "survey"));
    }
    Set<UUID> projects = new HashSet<>();
    for (String p : Objects.requireNonNullElse(form.projects(), List.<String>of())) {
      projects.add(uuid(p.strip()).orElseThrow(() -> new Forums.Refused("projects", "project")));
    }
    return new ForumDetails(
        Objects.requireNonNullElse(form.title(), ""),
        Objects.requireNonNullElse(form.description(), ""),
        Objects.requireNonNullElse(form.region(), ""),
        ForumController.stripped(form.subRegion()),
        survey,
        projects,
        "true".equals(form.published()));
  }

  private @Nullable EventDetails eventDetails(EventForm form, Map<String, String> errors) {
    String title = ForumController.stripped(form.eventTitle());
    if (title == null) {
      errors.putIfAbsent("eventTitle", ERROR + "eventTitleRequired");
    }
    Instant now = clock.instant();
    Instant start = time("starts", form.starts(), now, errors);
    Instant end = time("ends", form.ends(), now, errors);
    if (start != null && !start.isAfter(now)) {
      errors.putIfAbsent("starts", ERROR + "future");
    }
    if (start != null && end != null && !end.isAfter(start)) {
      errors.putIfAbsent("ends", ERROR + "endsBeforeStart");
    }
    String place = ForumController.stripped(form.place());
    String online = url("onlineUrl", form.onlineUrl(), errors);
    if (place == null && online == null && !errors.containsKey("onlineUrl")) {
      errors.putIfAbsent("place", ERROR + "placeNeeded");
    }
    Integer capacity = null;
    try {
      capacity = Integer.parseInt(Objects.requireNonNullElse(form.capacity(), "").strip());
    } catch (NumberFormatException e) {
      // Told below, as a number out of range is.
    }
    if (capacity == null || capacity < 1 || capacity > 10_000) {
      errors.putIfAbsent("capacity", ERROR + "capacity");
    }
    if (!errors.isEmpty() || title == null || start == null || end == null || capacity == null) {
      return null;
    }
    return new EventDetails(
        title,
        Objects.requireNonNullElse(form.agenda(), "").strip(),
        start,
        end,
        place,
        online,
        capacity);
  }

  private @Nullable Instant time(
      String field, @Nullable String value, Instant now, Map<String, String> errors) {
    String text = ForumController.stripped(value);
    if (errors.containsKey(field)) {
      return null;
    }
    if (text == null) {
      errors.put(field, ERROR + field + "Required");
      return null;
    }
    try {
      Instant instant = LocalDateTime.parse(text).atZone(ForumController.HELSINKI).toInstant();
      if (Duration.between(now, instant).abs().compareTo(HORIZON) <= 0) {
        return instant;
      }
      errors.put(field, ERROR + "horizon");
    } catch (DateTimeParseException e) {
      errors.put(field, ERROR + "dateTime");
    }
    return null;
  }

  private static @Nullable String url(
      String field, @Nullable String value, Map<String, String> errors) {
    String text = ForumController.stripped(value);
    if (text == null || errors.containsKey(field)) {
      return null;
    }
    try {
      URI uri = new URI(text);
      if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return text;
      }
    } catch (URISyntaxException e) {
      // Told below, as another scheme is.
    }
    errors.put(field, ERROR + "url");
    return null;
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

  private Developer developer(Authentication auth) {
    return developers
        .developer(auth)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only regional developers keep forums"));
  }
}
