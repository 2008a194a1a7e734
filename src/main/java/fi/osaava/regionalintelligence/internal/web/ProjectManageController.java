package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.internal.RegionalDevelopers;
import fi.osaava.regionalintelligence.internal.RegionalDevelopers.Developer;
import fi.osaava.regionalintelligence.internal.projects.ActorKind;
import fi.osaava.regionalintelligence.internal.projects.ProjectChecks;
import fi.osaava.regionalintelligence.internal.projects.ProjectChecks.Bad;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.RawActor;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.RawPartner;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.RawProject;
import fi.osaava.regionalintelligence.internal.projects.ProjectRegistry;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore.StoredPartner;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore.StoredProject;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * {@code /regional-projects/manage}: a regional developer's organisation keeps its actors and
 * projects (the same owners as for surveys, {@link RegionalDevelopers}). Anyone else signed in gets
 * 403; another organisation's project is not found (404). Bulk entry is the command-line import.
 */
@Controller
@RequestMapping("/regional-projects/manage")
class ProjectManageController {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final RegionalDevelopers developers;
  private final ProjectStore store;
  private final ProjectRegistry registry;
  private final RegionsApi regions;

  ProjectManageController(
      RegionalDevelopers developers,
      ProjectStore store,
      ProjectRegistry registry,
      RegionsApi regions) {
    this.developers = developers;
    this.store = store;
    this.registry = registry;
    this.regions = regions;
  }

  /** The new actor form. */
  /** Its name field is {@code actorName}: the project form on the same page has a {@code name}. */
  record ActorForm(
      @Size(max = 300) @Nullable String actorName,
      @Size(max = 40) @Nullable String kind,
      @Size(max = 20) @Nullable String businessId) {}

  /** The project form; themes one per line, partners one per line as "actor id; role". */
  record ProjectForm(
      @Size(max = 300) @Nullable String name,
      @Size(max = 10) @Nullable String start,
      @Size(max = 10) @Nullable String end,
      @Size(max = 15) @Nullable String funding,
      @Size(max = 200) @Nullable String fundingSource,
      @Size(max = 10) @Nullable String region,
      @Size(max = 10_000) @Nullable String themes,
      @Size(max = 10_000) @Nullable String partners) {

    static ProjectForm empty() {
      return new ProjectForm(null, null, null, null, null, null, null, null);
    }

    static ProjectForm of(StoredProject p) {
      StringBuilder partners = new StringBuilder();
      for (StoredPartner sp : p.partners()) {
        partners.append(sp.actor().key()).append("; ").append(sp.role()).append('\n');
      }
      return new ProjectForm(
          p.name(),
          p.start().toString(),
          p.end().toString(),
          Long.toString(p.fundingEur()),
          p.fundingSource(),
          p.region(),
          String.join("\n", p.themes()),
          partners.toString().strip());
    }

    RawProject raw(String key) {
      List<String> themeLines = lines(themes);
      List<RawPartner> partnerLines =
          lines(partners).stream()
              .map(
                  l -> {
                    String[] parts = l.split(";", 2);
                    return new RawPartner(parts[0], parts.length > 1 ? parts[1] : null);
                  })
              .toList();
      return new RawProject(
          0, key, name, start, end, funding, fundingSource, region, themeLines, partnerLines);
    }
  }

  private static List<String> lines(@Nullable String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  @GetMapping
  String list(Authentication auth, Model model, Locale locale) {
    Developer developer = developer(auth);
    return listPage(
        developer, new ActorForm(null, null, null), ProjectForm.empty(), Map.of(), model, locale);
  }

  @PostMapping("/actors")
  String addActor(
      @Valid @ModelAttribute("actorForm") ActorForm form,
      BindingResult binding,
      Authentication auth,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Developer developer = developer(auth);
    Map<String, String> errors = new LinkedHashMap<>();
    binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), "ri.pr.error.tooLong"));
    if (errors.isEmpty()) {
      try {
        var actor =
            registry
                .checks("")
                .actor(
                    new RawActor(
                        0, newKey("actor"), form.actorName(), form.kind(), form.businessId()));
        store.saveActor(developer.organisation(), actor, false);
        return "redirect:/regional-projects/manage?actorAdded";
      } catch (Bad bad) {
        errors.put(actorField(bad.field()), "ri.pr.error." + bad.code());
      }
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return listPage(developer, form, ProjectForm.empty(), errors, model, locale);
  }

  @PostMapping("/projects")
  String addProject(
      @Valid @ModelAttribute("projectForm") ProjectForm form,
      BindingResult binding,
      Authentication auth,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Developer developer = developer(auth);
    Map<String, String> errors = save(developer, form, binding, newKey("project"));
    if (errors.isEmpty()) {
      return "redirect:/regional-projects/manage?projectSaved";
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return listPage(developer, new ActorForm(null, null, null), form, errors, model, locale);
  }

  @GetMapping("/projects/{id}")
  String edit(@PathVariable String id, Authentication auth, Model model, Locale locale) {
    Developer developer = developer(auth);
    StoredProject project = owned(developer, id);
    return editPage(developer, project, ProjectForm.of(project), Map.of(), model, locale);
  }

  @PostMapping("/projects/{id}")
  String update(
      @PathVariable String id,
      @Valid @ModelAttribute("projectForm") ProjectForm form,
      BindingResult binding,
      Authentication auth,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    Developer developer = developer(auth);
    StoredProject project = owned(developer, id);
    Map<String, String> errors = save(developer, form, binding, project.key());
    if (errors.isEmpty()) {
      return "redirect:/regional-projects/manage?projectSaved";
    }
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return editPage(developer, project, form, errors, model, locale);
  }

  @PostMapping("/projects/{id}/delete")
  String delete(@PathVariable String id, Authentication auth) {
    Developer developer = developer(auth);
    StoredProject project = owned(developer, id);
    store.delete(project.id(), developer.organisation());
    return "redirect:/regional-projects/manage?projectDeleted";
  }

  private Map<String, String> save(
      Developer developer, ProjectForm form, BindingResult binding, String key) {
    Map<String, String> errors = new LinkedHashMap<>();
    binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), "ri.pr.error.tooLong"));
    if (!errors.isEmpty()) {
      return errors;
    }
    Map<String, UUID> actors = store.actorIds(developer.organisation());
    try {
      ProjectChecks checks = registry.checks(form.themes() == null ? "" : form.themes());
      var project = checks.project(form.raw(key), actors::containsKey);
      store.saveProject(developer.organisation(), project, false);
    } catch (Bad bad) {
      errors.put(projectField(bad.field()), "ri.pr.error." + bad.code());
    }
    return errors;
  }

  private static String actorField(ProjectChecks.Field field) {
    return switch (field) {
      case KIND -> "kind";
      case BUSINESS_ID -> "businessId";
      default -> "actorName";
    };
  }

  private static String projectField(ProjectChecks.Field field) {
    return switch (field) {
      case NAME -> "name";
      case START -> "start";
      case END -> "end";
      case FUNDING -> "funding";
      case FUNDING_SOURCE -> "fundingSource";
      case REGION -> "region";
      case THEMES -> "themes";
      default -> "partners";
    };
  }

  private String listPage(
      Developer developer,
      ActorForm actorForm,
      ProjectForm projectForm,
      Map<String, String> errors,
      Model model,
      Locale locale) {
    model.addAttribute("organisation", developer.organisation());
    model.addAttribute("actors", store.actors(developer.organisation()));
    model.addAttribute("projects", store.projects(developer.organisation()));
    model.addAttribute("actorForm", actorForm);
    model.addAttribute("projectForm", projectForm);
    model.addAttribute("errors", errors);
    model.addAttribute("kinds", Arrays.stream(ActorKind.values()).map(ActorKind::code).toList());
    model.addAttribute("regionChoices", regionChoices(locale));
    return "regionalintelligence/projects-manage";
  }

  private String editPage(
      Developer developer,
      StoredProject project,
      ProjectForm form,
      Map<String, String> errors,
      Model model,
      Locale locale) {
    model.addAttribute("organisation", developer.organisation());
    model.addAttribute("project", project);
    model.addAttribute("actors", store.actors(developer.organisation()));
    model.addAttribute("projectForm", form);
    model.addAttribute("errors", errors);
    model.addAttribute("regionChoices", regionChoices(locale));
    return "regionalintelligence/project-edit";
  }

  private Map<String, String> regionChoices(Locale locale) {
    Map<String, String> choices = new LinkedHashMap<>();
    Language language = Language.of(locale);
    regions
        .areas(AreaLevel.REGION)
        .forEach(r -> choices.put(r.code(), r.code() + " " + r.name(language).text()));
    return choices;
  }

  private StoredProject owned(Developer developer, String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return store
        .project(uuid, developer.organisation())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private Developer developer(Authentication auth) {
    return developers
        .developer(auth)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only regional developers keep actors and projects"));
  }

  private static String newKey(String prefix) {
    byte[] bytes = new byte[5];
    RANDOM.nextBytes(bytes);
    return prefix + "-" + HexFormat.of().formatHex(bytes);
  }
}
