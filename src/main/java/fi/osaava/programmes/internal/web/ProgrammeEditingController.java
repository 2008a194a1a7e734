package fi.osaava.programmes.internal.web;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.platform.StorableText;
import fi.osaava.programmes.internal.Authoring;
import fi.osaava.programmes.internal.PackageContent;
import fi.osaava.programmes.internal.ProgrammeStore;
import fi.osaava.programmes.internal.ProgrammeStore.PackageVersion;
import fi.osaava.web.PublishingEditors;
import fi.osaava.web.PublishingEditors.Editor;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * {@code /programmes/edit}: an organisation's editors (recognised by their sign-in claims, {@link
 * PublishingEditors}) start programmes and packages, write a package's draft as its JSON document
 * (the format of {@code docs/programmes.md}), preview it as learners would see it, and publish it.
 * A published version is never edited: saving after publishing drafts the next version beside it.
 * Everyone else signed in gets 403; another organisation's package is not found (404).
 */
@Controller
@RequestMapping("/programmes/edit")
class ProgrammeEditingController {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,79}");

  private final PublishingEditors editors;
  private final ProgrammeStore store;
  private final Authoring authoring;
  private final PackageViews views;
  private final ObjectMapper json;

  ProgrammeEditingController(
      PublishingEditors editors,
      ProgrammeStore store,
      Authoring authoring,
      PackageViews views,
      ObjectMapper json) {
    this.editors = editors;
    this.store = store;
    this.authoring = authoring;
    this.views = views;
    this.json = json;
  }

  @GetMapping
  String list(Authentication auth, Locale locale, Model model) {
    Editor editor = editor(auth);
    return listPage(editor, Map.of(), Map.of(), locale, model);
  }

  @PostMapping("/programmes")
  String createProgramme(
      @RequestParam(defaultValue = "") String slug,
      @RequestParam(defaultValue = "") String titleFi,
      @RequestParam(defaultValue = "") String titleSv,
      @RequestParam(defaultValue = "") String titleEn,
      @RequestParam(defaultValue = "") String summaryFi,
      Authentication auth,
      Locale locale,
      Model model) {
    Editor editor = editor(auth);
    Map<String, String> errors = new LinkedHashMap<>();
    String s = slug.strip();
    if (!SLUG.matcher(s).matches()) {
      errors.put("programmeSlug", "programmes.edit.error.slug");
    } else if (store.programmeBySlug(s).isPresent()) {
      errors.put("programmeSlug", "programmes.edit.error.slugTaken");
    }
    if (titleFi.isBlank() || titleFi.length() > 200 || !StorableText.isStorable(titleFi)) {
      errors.put("titleFi", "programmes.edit.error.title");
    }
    for (String text : List.of(titleSv, titleEn, summaryFi)) {
      if (text.length() > 2000 || !StorableText.isStorable(text)) {
        errors.put("titleFi", "programmes.edit.error.title");
      }
    }
    if (!errors.isEmpty()) {
      Map<String, String> values = Map.of("programmeSlug", slug, "titleFi", titleFi);
      return listPage(editor, errors, values, locale, model);
    }
    Map<String, String> title = new LinkedHashMap<>();
    title.put("fi", titleFi.strip());
    putIfPresent(title, "sv", titleSv);
    putIfPresent(title, "en", titleEn);
    Map<String, String> summary = new LinkedHashMap<>();
    putIfPresent(summary, "fi", summaryFi);
    store.createProgramme(s, editor.organisation(), title, summary, false);
    return "redirect:/programmes/edit?programmeCreated";
  }

  @PostMapping("/packages")
  String createPackage(
      @RequestParam(defaultValue = "") String programme,
      @RequestParam(defaultValue = "") String slug,
      Authentication auth,
      Locale locale,
      Model model) {
    Editor editor = editor(auth);
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<ProgrammeStore.Programme> owned =
        uuid(programme)
            .flatMap(store::programme)
            .filter(p -> p.owner().equals(editor.organisation()));
    if (owned.isEmpty()) {
      errors.put("programme", "programmes.edit.error.programme");
    }
    String s = slug.strip();
    if (!SLUG.matcher(s).matches()) {
      errors.put("packageSlug", "programmes.edit.error.slug");
    } else if (store.packageIdBySlug(s).isPresent()) {
      errors.put("packageSlug", "programmes.edit.error.slugTaken");
    }
    if (!errors.isEmpty()) {
      return listPage(editor, errors, Map.of("packageSlug", slug), locale, model);
    }
    PackageContent starter =
        new PackageContent(
            Map.of(),
            Map.of(),
            PackageContent.Level.BASIC,
            List.of(PackageContent.TargetGroup.EVERYONE),
            List.of(Language.of(locale) == Language.NO ? "no" : Language.of(locale).code()),
            BigDecimal.ONE,
            List.of(),
            PackageContent.DEFAULT_LICENCE,
            70,
            List.of());
    UUID id = authoring.createPackage(editor.organisation(), owned.get().id(), s, starter, false);
    return "redirect:/programmes/edit/packages/" + id;
  }

  @GetMapping("/packages/{id}")
  String edit(@PathVariable String id, Authentication auth, Model model) {
    Editor editor = editor(auth);
    List<PackageVersion> versions = owned(editor, id);
    PackageVersion newest = versions.getFirst();
    return editPage(versions, pretty(newest.content()), Map.of(), null, model);
  }

  @PostMapping("/packages/{id}")
  String save(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String content,
      Authentication auth,
      Model model) {
    Editor editor = editor(auth);
    List<PackageVersion> versions = owned(editor, id);
    PackageContent parsed;
    try {
      if (content.length() > 500_000) {
        throw new InvalidInputException("draft", 0, "content", "longer than 500 000 characters");
      }
      if (!StorableText.isStorable(content)) {
        throw new InvalidInputException("draft", 0, "content", StorableText.PROBLEM);
      }
      // JSON may spell a NUL as an escape, which the database cannot store either.
      Optional<String> unstorable = StorableText.unstorableField(json.readTree(content));
      if (unstorable.isPresent()) {
        throw new InvalidInputException("draft", 0, unstorable.get(), StorableText.PROBLEM);
      }
      parsed = json.readValue(content, PackageContent.class);
    } catch (JacksonException | InvalidInputException | IllegalArgumentException e) {
      String where =
          e instanceof JacksonException j && j.getLocation() != null
              ? String.valueOf(j.getLocation().getLineNr())
              : "1";
      return editPage(
          versions,
          content,
          Map.of("content", "line " + where),
          "programmes.edit.error.json",
          model);
    }
    authoring.saveDraft(editor.organisation(), versions.getFirst().packageId(), parsed);
    return "redirect:/programmes/edit/packages/" + versions.getFirst().packageId() + "?saved";
  }

  @PostMapping("/packages/{id}/publish")
  String publish(@PathVariable String id, Authentication auth, Model model) {
    Editor editor = editor(auth);
    List<PackageVersion> versions = owned(editor, id);
    UUID packageId = versions.getFirst().packageId();
    if (authoring.draft(packageId).isEmpty()) {
      return "redirect:/programmes/edit/packages/" + packageId + "?nothingToPublish";
    }
    try {
      authoring.publish(editor.organisation(), packageId);
    } catch (Authoring.NotPublishableException e) {
      return editPage(
          versions,
          pretty(versions.getFirst().content()),
          e.problems(),
          "programmes.edit.error.notPublishable",
          model);
    }
    return "redirect:/programmes/edit/packages/" + packageId + "?published";
  }

  @GetMapping("/packages/{id}/preview/{key}")
  String preview(
      @PathVariable String id,
      @PathVariable String key,
      Authentication auth,
      Locale locale,
      Model model) {
    Editor editor = editor(auth);
    PackageVersion newest = owned(editor, id).getFirst();
    PackageContent.Module module =
        newest
            .content()
            .module(key)
            .orElseThrow(() -> new NotFoundException("No such module in this draft"));
    Language language = Language.of(locale);
    int index = newest.content().modules().indexOf(module);
    model.addAttribute("pkg", views.view(newest, language));
    model.addAttribute("module", views.module(newest.content(), module, language));
    model.addAttribute("index", index);
    model.addAttribute("previous", null);
    model.addAttribute("next", null);
    model.addAttribute("signedIn", true);
    model.addAttribute("preview", true);
    model.addAttribute("packageId", newest.packageId());
    model.addAttribute("progress", null);
    return "programmes/module";
  }

  private String listPage(
      Editor editor,
      Map<String, String> errors,
      Map<String, String> values,
      Locale locale,
      Model model) {
    Language language = Language.of(locale);
    model.addAttribute("organisation", editor.organisation());
    model.addAttribute(
        "programmes",
        store.programmes().stream().filter(p -> p.owner().equals(editor.organisation())).toList());
    model.addAttribute(
        "packages",
        store.newestOwnedBy(editor.organisation()).stream()
            .map(v -> new Row(v.packageId(), views.view(v, language), v.status()))
            .toList());
    model.addAttribute("errors", errors);
    model.addAttribute("values", values);
    return "programmes/edit-list";
  }

  /** A package in the editor's list: its newest version and whether that is a draft. */
  record Row(UUID id, PackageViews.PackageView view, ProgrammeStore.Status status) {}

  private String editPage(
      List<PackageVersion> versions,
      String content,
      Map<String, String> problems,
      @Nullable String problemKey,
      Model model) {
    PackageVersion newest = versions.getFirst();
    model.addAttribute("versions", versions);
    model.addAttribute("newest", newest);
    model.addAttribute("draft", !newest.published());
    // Not "content": the layout's fragment parameter of that name would hide it.
    model.addAttribute("document", content);
    model.addAttribute("problems", problems);
    model.addAttribute("problemKey", problemKey);
    model.addAttribute(
        "draftProblems", newest.published() ? Map.of() : newest.content().problems());
    return "programmes/edit-package";
  }

  private String pretty(PackageContent content) {
    return json.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(content);
  }

  private Editor editor(Authentication auth) {
    return editors.requireEditor(auth, "Only an organisation's editors edit programmes");
  }

  private List<PackageVersion> owned(Editor editor, String id) {
    UUID uuid = uuid(id).orElseThrow(() -> new NotFoundException("No package of yours"));
    return authoring.owned(editor.organisation(), uuid);
  }

  private static Optional<UUID> uuid(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void putIfPresent(Map<String, String> texts, String code, String text) {
    if (!text.isBlank()) {
      texts.put(code, text.strip());
    }
  }
}
