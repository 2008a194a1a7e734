package fi.osaava.programmes.internal.web;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.NotFoundException;
import fi.osaava.platform.StorableText;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.programmes.PackageLinks;
import fi.osaava.programmes.internal.Learning;
import fi.osaava.programmes.internal.PackageContent;
import fi.osaava.programmes.internal.PackageContent.Module;
import fi.osaava.programmes.internal.PackageContent.ModuleKind;
import fi.osaava.programmes.internal.ProgrammeStore;
import fi.osaava.programmes.internal.ProgrammeStore.PackageVersion;
import fi.osaava.programmes.internal.QuizScoring;
import fi.osaava.web.PublishingEditors;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The learners' pages: {@code /programmes} lists the programmes and their open packages (by level
 * and target group), a package's page shows what it teaches and where the learner stands, and each
 * module is a page of its own. Reading needs no sign-in; progress, quiz attempts and reflections
 * are kept for a signed-in learner, and only ever their own.
 */
@Controller
@RequestMapping("/programmes")
class ProgrammePageController {

  /** A package's name in its address; anything else is no package (and never reaches SQL). */
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

  private final ProgrammeStore store;
  private final Learning learning;
  private final PackageViews views;
  private final ProfileApi profile;
  private final PublishingEditors editors;
  private final List<PackageLinks> links;

  ProgrammePageController(
      ProgrammeStore store,
      Learning learning,
      PackageViews views,
      ProfileApi profile,
      PublishingEditors editors,
      List<PackageLinks> links) {
    this.links = links;
    this.store = store;
    this.learning = learning;
    this.views = views;
    this.profile = profile;
    this.editors = editors;
  }

  @GetMapping
  String index(
      @RequestParam(required = false) String level,
      @RequestParam(required = false) String group,
      Authentication auth,
      Locale locale,
      Model model) {
    Language language = Language.of(locale);
    Optional<PackageContent.Level> wantedLevel = choice(PackageContent.Level.class, "level", level);
    Optional<PackageContent.TargetGroup> wantedGroup =
        choice(PackageContent.TargetGroup.class, "group", group);
    List<PackageVersion> packages =
        store.latestPublished().stream()
            .filter(v -> wantedLevel.map(l -> v.content().level() == l).orElse(true))
            .filter(v -> wantedGroup.map(g -> v.content().targetGroups().contains(g)).orElse(true))
            // Basic before advanced: where a learner starts comes first.
            .sorted(Comparator.comparing((PackageVersion v) -> v.content().level()))
            .toList();
    Map<PackageViews.ProgrammeView, List<PackageViews.PackageView>> byProgramme =
        new LinkedHashMap<>();
    for (ProgrammeStore.Programme p : store.programmes()) {
      List<PackageViews.PackageView> cards =
          packages.stream()
              .filter(v -> v.programmeId().equals(p.id()))
              .map(v -> views.view(v, language))
              .toList();
      if (!cards.isEmpty()) {
        byProgramme.put(views.programme(p, language), cards);
      }
    }
    model.addAttribute("programmes", byProgramme);
    model.addAttribute("language", language);
    model.addAttribute("levels", PackageContent.Level.values());
    model.addAttribute("groups", PackageContent.TargetGroup.values());
    model.addAttribute("level", wantedLevel.orElse(null));
    model.addAttribute("group", wantedGroup.orElse(null));
    model.addAttribute("editor", editors.editor(auth).isPresent());
    model.addAttribute("signedIn", person(auth).isPresent());
    return "programmes/index";
  }

  @GetMapping("/packages/{slug}")
  String packagePage(@PathVariable String slug, Authentication auth, Locale locale, Model model) {
    Optional<PersonId> person = person(auth);
    PackageVersion latest = latest(slug);
    PackageVersion version = learning.studiedVersion(person.orElse(null), latest);
    Language language = Language.of(locale);
    model.addAttribute("pkg", views.view(version, language));
    model.addAttribute(
        "programme",
        views.programme(store.programme(version.programmeId()).orElseThrow(), language));
    model.addAttribute("language", language);
    model.addAttribute("outcomes", views.outcomes(version.content(), language));
    model.addAttribute(
        "newerVersion",
        person
            .flatMap(p -> learning.newerVersion(p, latest))
            .map(n -> views.newer(n, language))
            .orElse(null));
    // Pages elsewhere (the knowledge platform's articles) that link to this package.
    model.addAttribute(
        "linkedFrom",
        links.stream().flatMap(l -> l.linksTo(version.packageSlug(), language).stream()).toList());
    model.addAttribute("signedIn", person.isPresent());
    model.addAttribute("progress", person.map(p -> learning.progress(p, version)).orElse(null));
    // Not "package.html": the jar plugin leaves every package.html out of the jar by default.
    return "programmes/package-page";
  }

  @PostMapping("/packages/{slug}/enrol")
  String enrol(@PathVariable String slug, Authentication auth) {
    PersonId person = signedIn(auth);
    PackageVersion version = learning.studiedVersion(person, latest(slug));
    learning.enrol(person, version);
    Learning.Progress progress = learning.progress(person, version);
    String resume =
        Optional.ofNullable(progress.enrolment())
            .map(Learning.Enrolment::lastModule)
            .filter(k -> version.content().module(k).isPresent())
            .orElseGet(
                () ->
                    version.content().modules().stream()
                        .map(Module::key)
                        .filter(k -> !progress.isDone(k))
                        .findFirst()
                        .orElse(version.content().modules().getFirst().key()));
    return "redirect:/programmes/packages/" + slug + "/modules/" + resume;
  }

  /**
   * Moves the learner to the newest version, at their request and only when it adds nothing they
   * have not done. The form names the version the learner saw: if an even newer one has been
   * published since, the page is shown again with what that one changes.
   */
  @PostMapping("/packages/{slug}/move")
  String move(
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String version,
      Authentication auth) {
    PersonId person = signedIn(auth);
    PackageVersion latest = latest(slug);
    if (!version.equals(Integer.toString(latest.version()))) {
      return "redirect:/programmes/packages/" + slug;
    }
    return switch (learning.moveTo(person, latest)) {
      case MOVED -> "redirect:/programmes/packages/" + slug + "?moved";
      case MOVED_AND_COMPLETED -> "redirect:/programmes/packages/" + slug + "?completed";
      case NOTHING_TO_MOVE -> "redirect:/programmes/packages/" + slug;
      case REFUSED ->
          throw new ResponseStatusException(
              HttpStatus.CONFLICT, "The newer version adds something you have not done");
    };
  }

  @GetMapping("/packages/{slug}/modules/{key}")
  String module(
      @PathVariable String slug,
      @PathVariable String key,
      Authentication auth,
      Locale locale,
      Model model) {
    Optional<PersonId> person = person(auth);
    PackageVersion version = learning.studiedVersion(person.orElse(null), latest(slug));
    Module module = module(version, key);
    person.ifPresent(p -> learning.opened(p, version, key));
    return modulePage(version, module, person, null, locale, model);
  }

  @PostMapping("/packages/{slug}/modules/{key}/done")
  String done(@PathVariable String slug, @PathVariable String key, Authentication auth) {
    PersonId person = signedIn(auth);
    PackageVersion version = learning.studiedVersion(person, latest(slug));
    Module module = module(version, key);
    if (module.kind() == ModuleKind.QUIZ || module.kind() == ModuleKind.REFLECTION) {
      throw new InvalidInputException("module", 0, "key", "a quiz is passed, a reflection written");
    }
    boolean completed = learning.markDone(person, version, module);
    return next(slug, version, module, completed);
  }

  @PostMapping("/packages/{slug}/modules/{key}/quiz")
  String quiz(
      @PathVariable String slug,
      @PathVariable String key,
      @RequestParam Map<String, String> form,
      Authentication auth,
      Locale locale,
      Model model) {
    PersonId person = signedIn(auth);
    PackageVersion version = learning.studiedVersion(person, latest(slug));
    Module module = module(version, key);
    Map<String, String> answers = new LinkedHashMap<>();
    form.forEach(
        (name, value) -> {
          if (name.startsWith("answer.")) {
            answers.put(name.substring("answer.".length()), value);
          }
        });
    QuizScoring.Result result;
    try {
      result = QuizScoring.score(module, answers, version.content().passPercent());
    } catch (QuizScoring.InvalidAnswerException e) {
      throw new InvalidInputException("quiz", 0, e.field(), e.problem());
    }
    boolean completed = learning.recordAttempt(person, version, module, result);
    model.addAttribute("result", result);
    model.addAttribute("completedNow", completed);
    return modulePage(version, module, Optional.of(person), result, locale, model);
  }

  @PostMapping("/packages/{slug}/modules/{key}/reflection")
  String reflection(
      @PathVariable String slug,
      @PathVariable String key,
      @RequestParam(defaultValue = "") String text,
      Authentication auth,
      Locale locale,
      Model model) {
    PersonId person = signedIn(auth);
    PackageVersion version = learning.studiedVersion(person, latest(slug));
    Module module = module(version, key);
    if (module.kind() != ModuleKind.REFLECTION) {
      throw new InvalidInputException("module", 0, "key", "this module asks for no reflection");
    }
    String written = text.strip();
    if (!StorableText.isStorable(written)) {
      throw new InvalidInputException("reflection", 0, "text", StorableText.PROBLEM);
    }
    if (written.isEmpty() || written.length() > 10_000) {
      model.addAttribute("reflectionError", written.isEmpty() ? "empty" : "tooLong");
      model.addAttribute(
          "reflectionText", text.length() > 10_000 ? text.substring(0, 10_000) : text);
      return modulePage(version, module, Optional.of(person), null, locale, model);
    }
    boolean completed = learning.saveReflection(person, version, module, written);
    return next(slug, version, module, completed);
  }

  private String modulePage(
      PackageVersion version,
      Module module,
      Optional<PersonId> person,
      QuizScoring.@Nullable Result result,
      Locale locale,
      Model model) {
    Language language = Language.of(locale);
    List<Module> modules = version.content().modules();
    int index = modules.indexOf(module);
    model.addAttribute("pkg", views.view(version, language));
    model.addAttribute("module", views.module(version.content(), module, language));
    model.addAttribute("index", index);
    model.addAttribute("previous", index > 0 ? modules.get(index - 1).key() : null);
    model.addAttribute("next", index < modules.size() - 1 ? modules.get(index + 1).key() : null);
    model.addAttribute("signedIn", person.isPresent());
    model.addAttribute("preview", false);
    model.addAttribute("progress", person.map(p -> learning.progress(p, version)).orElse(null));
    if (module.kind() == ModuleKind.REFLECTION && !model.containsAttribute("reflectionText")) {
      model.addAttribute(
          "reflectionText",
          person.flatMap(p -> learning.reflection(p, version, module)).orElse(""));
    }
    if (result != null) {
      Map<String, QuizScoring.Answer> byQuestion = new LinkedHashMap<>();
      result.answers().forEach(a -> byQuestion.put(a.question().key(), a));
      model.addAttribute("answers", byQuestion);
      model.addAttribute("feedback", feedback(version.content(), result, language));
    }
    return "programmes/module";
  }

  /** Each question's feedback in the reader's language, by question key. */
  private static Map<String, LocalizedText> feedback(
      PackageContent content, QuizScoring.Result result, Language language) {
    Map<String, LocalizedText> feedback = new LinkedHashMap<>();
    for (QuizScoring.Answer a : result.answers()) {
      if (a.chosen() != null) {
        feedback.put(a.question().key(), content.text(a.chosen().feedback(), language));
      }
    }
    return feedback;
  }

  private static String next(
      String slug, PackageVersion version, Module module, boolean completed) {
    if (completed) {
      return "redirect:/programmes/packages/" + slug + "?completed";
    }
    List<Module> modules = version.content().modules();
    int index = modules.indexOf(module);
    return index < modules.size() - 1
        ? "redirect:/programmes/packages/" + slug + "/modules/" + modules.get(index + 1).key()
        : "redirect:/programmes/packages/" + slug;
  }

  private PackageVersion latest(String slug) {
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new NotFoundException("No such package");
    }
    return store.latestPublished(slug).orElseThrow(() -> new NotFoundException("No such package"));
  }

  private static Module module(PackageVersion version, String key) {
    return version
        .content()
        .module(key)
        .orElseThrow(() -> new NotFoundException("No such module in this package"));
  }

  private Optional<PersonId> person(Authentication auth) {
    return profile.currentPerson(auth);
  }

  private PersonId signedIn(Authentication auth) {
    return person(auth)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to study"));
  }

  private static <E extends Enum<E>> Optional<E> choice(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return Optional.of(e);
      }
    }
    throw new InvalidInputException("programmes", 0, field, "not one of the listed choices");
  }
}
