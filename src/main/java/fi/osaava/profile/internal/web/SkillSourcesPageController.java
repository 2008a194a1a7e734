package fi.osaava.profile.internal.web;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.Proficiency;
import fi.osaava.profile.internal.CompetenceProfile;
import fi.osaava.profile.internal.CompetenceProfile.ConfirmedOccupation;
import fi.osaava.profile.internal.CompetenceProfile.ConfirmedSkill;
import fi.osaava.profile.internal.Experience;
import fi.osaava.profile.internal.ProfileInputException;
import fi.osaava.profile.internal.SuggestionEntry;
import fi.osaava.profile.internal.cv.CvFileException;
import fi.osaava.profile.internal.cv.CvImports;
import fi.osaava.profile.internal.cv.CvReader;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.Suggestion;
import fi.osaava.taxonomy.TaxonomyApi;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ways skills come into the profile besides an entry written by hand: a CV file read into
 * entries whose suggested skills the person confirms on one page ({@code /profile/cv}), skills
 * confirmed on the identify page ({@code /profile/identified}, which that page's form posts to when
 * the person is signed in), and a skill added by hand from ESCO with its level ({@code
 * /profile/skills}). Plain forms that work without JavaScript; htmx only fetches the skill options
 * while the person types.
 */
@Controller
class SkillSourcesPageController {

  /** Skill options shown while typing, and on the page without JavaScript. */
  static final int OPTIONS = 8;

  private final SignedInPerson signedIn;
  private final CompetenceProfile competence;
  private final CvImports imports;
  private final TaxonomyApi taxonomy;
  private final ProfileOverview overview;

  SkillSourcesPageController(
      SignedInPerson signedIn,
      CompetenceProfile competence,
      CvImports imports,
      TaxonomyApi taxonomy,
      ProfileOverview overview) {
    this.signedIn = signedIn;
    this.competence = competence;
    this.imports = imports;
    this.taxonomy = taxonomy;
    this.overview = overview;
  }

  // --- CV upload -----------------------------------------------------------------------------

  @PostMapping("/profile/cv")
  String uploadCv(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletResponse response)
      throws IOException {
    PersonId person = signedIn.require(auth);
    String name = file == null ? "" : String.valueOf(file.getOriginalFilename());
    try {
      if (file == null || name.isBlank() || name.equals("null")) {
        throw new ProfileInputException("file", "choose a file");
      }
      if (file.isEmpty()) {
        return refused(person, locale, model, response, name, "empty", List.of());
      }
      if (file.getSize() > CvReader.MAX_BYTES) {
        return refused(person, locale, model, response, name, "tooLarge", List.of());
      }
      CvImports.CvImport created =
          imports.importCv(person, name, file.getBytes(), Language.of(locale));
      return "redirect:/profile/cv/" + created.id();
    } catch (CvFileException e) {
      return refused(person, locale, model, response, name, e.reason(), e.arguments());
    } catch (InvalidInputException e) {
      return refused(person, locale, model, response, name, "missing", List.of());
    }
  }

  /** A file over the container's own upload limit never reaches the handler's checks. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(Authentication auth, Locale locale, Model model, HttpServletResponse response) {
    return refused(signedIn.require(auth), locale, model, response, "", "tooLarge", List.of());
  }

  private String refused(
      PersonId person,
      Locale locale,
      Model model,
      HttpServletResponse response,
      String fileName,
      String reason,
      List<Object> arguments) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAllAttributes(overview.model(person, Language.of(locale)));
    List<Object> args = new ArrayList<>();
    args.add(fileName.isBlank() ? "CV" : fileName);
    args.addAll(arguments);
    args.add(CvReader.MAX_BYTES / (1024 * 1024));
    model.addAttribute("cvError", "profile.cv.error." + reason);
    model.addAttribute("cvErrorArgs", args.toArray());
    return "profile/overview";
  }

  @GetMapping("/profile/cv/{id}")
  String cvImport(@PathVariable UUID id, Authentication auth, Locale locale, Model model) {
    PersonId person = signedIn.require(auth);
    model.addAttribute("cvImport", imports.find(person, id));
    List<ImportedEntry> entries = new ArrayList<>();
    for (Experience e : competence.importedEntries(person, id)) {
      List<SuggestionEntry> suggestions = competence.suggestions(person, e.id());
      entries.add(
          new ImportedEntry(
              e,
              suggestions.stream().filter(s -> s.decision().equals("PENDING")).toList(),
              suggestions.stream().filter(s -> !s.decision().equals("PENDING")).toList()));
    }
    model.addAttribute("entries", entries);
    model.addAttribute("pendingCount", entries.stream().mapToInt(e -> e.pending().size()).sum());
    return "profile/cv";
  }

  /** An entry read from the CV with its suggestions. */
  record ImportedEntry(
      Experience experience, List<SuggestionEntry> pending, List<SuggestionEntry> decided) {}

  /**
   * The decisions on a CV's suggestions in one go: the ticked ones are accepted, the other shown
   * ones rejected (they do not come back for that entry).
   */
  @PostMapping("/profile/cv/{id}/decisions")
  String decideCv(
      @PathVariable UUID id,
      @RequestParam(name = "shown", required = false) List<String> shown,
      @RequestParam(name = "accept", required = false) List<String> accepted,
      Authentication auth) {
    PersonId person = signedIn.require(auth);
    imports.find(person, id);
    Set<UUID> ofThisImport = new LinkedHashSet<>();
    competence.importedEntries(person, id).forEach(e -> ofThisImport.add(e.id()));
    Set<String> accept = new LinkedHashSet<>(accepted == null ? List.of() : accepted);
    for (String key : new LinkedHashSet<>(shown == null ? List.<String>of() : shown)) {
      int bar = key.indexOf('|');
      if (bar < 0) {
        throw new ProfileInputException("shown", "an entry id and a skill, separated by |");
      }
      UUID entry;
      try {
        entry = UUID.fromString(key.substring(0, bar));
      } catch (IllegalArgumentException e) {
        throw new ProfileInputException("shown", "an entry id and a skill, separated by |");
      }
      if (!ofThisImport.contains(entry)) {
        throw new ProfileInputException("shown", "an entry of this CV");
      }
      competence.decide(person, entry, key.substring(bar + 1), accept.contains(key));
    }
    return "redirect:/profile/cv/" + id + "?saved#entries";
  }

  // --- skills confirmed on the identify page -------------------------------------------------

  /**
   * The identify page's form, posted here by its "save to my profile" button: the text, and per
   * suggestion its concept, the words it was found in and the person's decision. Only accepted ESCO
   * skills are saved; the evidence is kept only where it really is in the text.
   */
  @PostMapping("/profile/identified")
  ResponseEntity<Void> saveIdentified(
      @RequestParam Map<String, String> form,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Authentication auth,
      Locale locale) {
    String target = saveIdentified(form, auth, locale);
    if (htmx != null) {
      // The identify page posts with htmx, which would swap the profile into its results; the
      // person should land on the profile page itself.
      return ResponseEntity.ok().header("HX-Redirect", target).build();
    }
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, target).build();
  }

  private String saveIdentified(Map<String, String> form, Authentication auth, Locale locale) {
    PersonId person = signedIn.require(auth);
    String text = form.getOrDefault("text", "");
    String flatText = text.replaceAll("\\s+", " ");
    Map<ConceptUri, String> evidence = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : form.entrySet()) {
      if (field.getKey().startsWith("decision-") && field.getValue().equals("accept")) {
        String key = field.getKey().substring("decision-".length());
        String uri = form.getOrDefault("uri-" + key, "");
        if (!(ConceptUri.isEscoSkill(uri) || ConceptUri.isEscoOccupation(uri))
            || uri.length() > 200) {
          continue;
        }
        String quote = form.getOrDefault("evidence-" + key, "").replaceAll("\\s+", " ").strip();
        boolean inText =
            !quote.isEmpty()
                && Arrays.stream(quote.split(" … "))
                    .allMatch(q -> flatText.contains(q.replace("…", "").strip()));
        evidence.put(
            ConceptUri.of(uri),
            inText ? (quote.length() > 500 ? quote.substring(0, 500) : quote) : "");
      }
    }
    List<ConfirmedSkill> skills = new ArrayList<>();
    List<ConfirmedOccupation> occupations = new ArrayList<>();
    for (ConceptSummary s :
        taxonomy.summaries(List.copyOf(evidence.keySet()), Language.of(locale))) {
      if (s.type() == ConceptType.SKILL) {
        skills.add(
            new ConfirmedSkill(
                s.uri().value(), s.label().text(), evidence.getOrDefault(s.uri(), "")));
      } else if (s.type() == ConceptType.OCCUPATION
          && !evidence.getOrDefault(s.uri(), "").isEmpty()) {
        // An occupation the text names is work the person has done: it becomes a work entry, which
        // matching ranks first, as it does the titles of a CV's entries.
        occupations.add(
            new ConfirmedOccupation(
                s.uri().value(), s.label().text(), evidence.getOrDefault(s.uri(), "")));
      }
    }
    int entries = occupations.isEmpty() ? 0 : competence.addWorkedAs(person, occupations);
    if (skills.isEmpty()) {
      return entries > 0
          ? "/profile?entries=" + entries + "#experiences"
          : "/profile?nothingConfirmed#skills";
    }
    int added = competence.addFromText(person, "", skills);
    return "/profile?confirmed=" + added + (entries > 0 ? "&entries=" + entries : "") + "#skills";
  }

  // --- a skill added by hand -----------------------------------------------------------------

  /**
   * The form to add a skill by hand.
   *
   * @param q what the person typed; the options come from the taxonomy's autocomplete
   * @param uri the ESCO skill chosen among the options
   */
  record ManualSkillForm(
      @Size(max = 100) String q, @Size(max = 200) String uri, @NotNull Proficiency level) {}

  /** The skill options for what was typed: htmx swaps them in under the field. */
  @GetMapping("/profile/skills/options")
  String skillOptions(
      @RequestParam(defaultValue = "") String q, Authentication auth, Locale locale, Model model) {
    signedIn.require(auth);
    model.addAttribute("options", options(q, locale));
    model.addAttribute("q", q.strip());
    return "profile/skill-options :: options";
  }

  @PostMapping("/profile/skills")
  String addSkill(
      @Valid @ModelAttribute("manual") ManualSkillForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    PersonId person = signedIn.require(auth);
    String uri = form.uri() == null ? "" : form.uri().strip();
    if (!binding.hasErrors() && !uri.isEmpty()) {
      List<ConceptSummary> found =
          taxonomy.summaries(List.of(ConceptUri.of(uri)), Language.of(locale));
      if (!found.isEmpty() && found.getFirst().type() == ConceptType.SKILL) {
        var added =
            competence.addManual(person, uri, found.getFirst().label().text(), form.level());
        return "redirect:/profile?added#skill-" + added.id();
      }
      binding.rejectValue("uri", "profile.skill.add.choose");
    }
    // No skill chosen yet (no JavaScript, or an unknown one): the page again, with the options for
    // what was typed to choose from.
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAllAttributes(overview.model(person, Language.of(locale)));
    model.addAttribute("manualOptions", options(form.q() == null ? "" : form.q(), locale));
    model.addAttribute(
        "manualError",
        binding.hasFieldErrors("level")
            ? "profile.skill.add.level"
            : binding.hasFieldErrors("q")
                ? "profile.skill.add.tooLong"
                : "profile.skill.add.choose");
    return "profile/overview";
  }

  private List<Suggestion> options(String q, Locale locale) {
    String query = q.strip();
    if (query.isEmpty() || query.length() > 100) {
      return List.of();
    }
    return taxonomy.autocomplete(query, Language.of(locale), Set.of(ConceptType.SKILL), OPTIONS);
  }
}
