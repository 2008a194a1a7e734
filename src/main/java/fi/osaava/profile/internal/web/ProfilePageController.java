package fi.osaava.profile.internal.web;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.profile.ConsentPurpose;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.Proficiency;
import fi.osaava.profile.internal.CompetenceProfile;
import fi.osaava.profile.internal.Consents;
import fi.osaava.profile.internal.DataRights;
import fi.osaava.profile.internal.EditConflictException;
import fi.osaava.profile.internal.Experience;
import fi.osaava.profile.internal.ExperienceInput;
import fi.osaava.profile.internal.ExperienceKind;
import fi.osaava.profile.internal.Interests;
import fi.osaava.profile.internal.LearnerRecords;
import fi.osaava.profile.internal.RiasecQuestionnaire;
import fi.osaava.profile.internal.SuggestionEntry;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.Suggestion;
import fi.osaava.taxonomy.TaxonomyApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.ObjectMapper;

/**
 * The profile pages under {@code /profile}: plain forms that work without JavaScript (each post
 * redirects back, so reloading does not post again); htmx only swaps the changed part. Edits carry
 * the version they started from in a hidden field, and a stale one shows the current state with a
 * conflict message instead of overwriting it.
 */
@Controller
class ProfilePageController {

  private final SignedInPerson signedIn;
  private final CompetenceProfile competence;
  private final Interests interests;
  private final LearnerRecords records;
  private final Consents consents;
  private final DataRights rights;
  private final TaxonomyApi taxonomy;
  private final ObjectMapper json;
  private final ProfileOverview overview;

  ProfilePageController(
      SignedInPerson signedIn,
      CompetenceProfile competence,
      Interests interests,
      LearnerRecords records,
      Consents consents,
      DataRights rights,
      TaxonomyApi taxonomy,
      ObjectMapper json,
      ProfileOverview overview) {
    this.signedIn = signedIn;
    this.competence = competence;
    this.interests = interests;
    this.records = records;
    this.consents = consents;
    this.rights = rights;
    this.taxonomy = taxonomy;
    this.json = json;
    this.overview = overview;
  }

  @GetMapping("/profile")
  String overview(
      @RequestParam(required = false) String confirmed,
      @RequestParam(required = false) String entries,
      Authentication auth,
      Locale locale,
      Model model) {
    model.addAllAttributes(overview.model(signedIn.require(auth), Language.of(locale)));
    // The count comes back in the redirect's query; only a plain number is shown.
    if (confirmed != null && confirmed.matches("[0-9]{1,4}")) {
      model.addAttribute("confirmedCount", Integer.valueOf(confirmed));
    }
    if (entries != null && entries.matches("[1-9][0-9]{0,3}")) {
      model.addAttribute("entriesCount", Integer.valueOf(entries));
    }
    return "profile/overview";
  }

  @PostMapping("/profile/experiences")
  String addExperience(
      @RequestParam Map<String, String> form,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    PersonId person = signedIn.require(auth);
    try {
      Experience created = competence.addExperience(person, input(form), Language.of(locale));
      return "redirect:/profile/experiences/" + created.id() + "#suggestions";
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e.field());
      model.addAttribute("form", form);
      model.addAttribute("kinds", ExperienceKind.values());
      return "profile/experience";
    }
  }

  @GetMapping("/profile/experiences/{id}")
  String experience(@PathVariable UUID id, Authentication auth, Model model) {
    PersonId person = signedIn.require(auth);
    Experience e = competence.experience(person, id);
    return experiencePage(person, e, formOf(e), model);
  }

  private String experiencePage(
      PersonId person, Experience e, Map<String, String> form, Model model) {
    List<SuggestionEntry> suggestions = competence.suggestions(person, e.id());
    model.addAttribute("experience", e);
    model.addAttribute("form", form);
    model.addAttribute("kinds", ExperienceKind.values());
    model.addAttribute(
        "pending", suggestions.stream().filter(s -> s.decision().equals("PENDING")).toList());
    model.addAttribute(
        "decided", suggestions.stream().filter(s -> !s.decision().equals("PENDING")).toList());
    return "profile/experience";
  }

  @PostMapping("/profile/experiences/{id}")
  String updateExperience(
      @PathVariable UUID id,
      @RequestParam Map<String, String> form,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    PersonId person = signedIn.require(auth);
    try {
      competence.updateExperience(person, id, input(form), versionOf(form), Language.of(locale));
      return "redirect:/profile/experiences/" + id + "?saved#suggestions";
    } catch (EditConflictException conflict) {
      // The current state, with what this tab tried to save still in the form to copy from.
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      Experience current = competence.experience(person, id);
      Map<String, String> mine = new LinkedHashMap<>(form);
      mine.put("version", Long.toString(current.version()));
      model.addAttribute("conflict", true);
      model.addAttribute("current", current);
      return experiencePage(person, current, mine, model);
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", e.field());
      return experiencePage(person, competence.experience(person, id), form, model);
    }
  }

  @PostMapping("/profile/experiences/{id}/delete")
  String deleteExperience(@PathVariable UUID id, Authentication auth) {
    competence.deleteExperience(signedIn.require(auth), id);
    return "redirect:/profile#experiences";
  }

  @PostMapping("/profile/experiences/{id}/decisions")
  String decide(
      @PathVariable UUID id,
      @RequestParam String skill,
      @RequestParam String decision,
      Authentication auth) {
    if (!decision.equals("accept") && !decision.equals("reject")) {
      throw new fi.osaava.profile.internal.ProfileInputException("decision", "accept or reject");
    }
    competence.decide(signedIn.require(auth), id, skill, decision.equals("accept"));
    return "redirect:/profile/experiences/" + id + "#suggestions";
  }

  @PostMapping("/profile/skills/{id}")
  String assess(
      @PathVariable UUID id,
      @RequestParam String proficiency,
      @RequestParam(defaultValue = "") String lastUsed,
      @RequestParam long version,
      Authentication auth) {
    Proficiency level;
    try {
      level = Proficiency.valueOf(proficiency);
    } catch (IllegalArgumentException e) {
      throw new fi.osaava.profile.internal.ProfileInputException("proficiency", "unknown level");
    }
    try {
      competence.assess(signedIn.require(auth), id, level, date("lastUsed", lastUsed), version);
    } catch (EditConflictException conflict) {
      return "redirect:/profile?conflict=skill#skills";
    }
    return "redirect:/profile?saved#skill-" + id;
  }

  @PostMapping("/profile/skills/{id}/delete")
  String deleteSkill(@PathVariable UUID id, Authentication auth) {
    competence.deleteSkill(signedIn.require(auth), id);
    return "redirect:/profile#skills";
  }

  @PostMapping("/profile/credentials")
  String importCredential(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletResponse response)
      throws IOException {
    PersonId person = signedIn.require(auth);
    try {
      if (file == null || file.isEmpty()) {
        throw new fi.osaava.profile.internal.ProfileInputException("file", "choose a file");
      }
      records.importCredential(
          person,
          file.getOriginalFilename() == null ? "file" : file.getOriginalFilename(),
          file.getBytes());
      return "redirect:/profile?imported#credentials";
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("importError", e.problem());
      return overview(null, null, auth, locale, model);
    }
  }

  @PostMapping("/profile/credentials/{id}/delete")
  String deleteCredential(@PathVariable UUID id, Authentication auth) {
    records.delete(signedIn.require(auth), id);
    return "redirect:/profile#credentials";
  }

  @PostMapping("/profile/languages")
  String setLanguage(
      @RequestParam String language, @RequestParam String level, Authentication auth) {
    interests.setLanguage(signedIn.require(auth), language, level);
    return "redirect:/profile#languages";
  }

  @PostMapping("/profile/languages/delete")
  String removeLanguage(@RequestParam String language, Authentication auth) {
    interests.removeLanguage(signedIn.require(auth), language);
    return "redirect:/profile#languages";
  }

  @PostMapping("/profile/consents")
  String decideConsent(
      @RequestParam ConsentPurpose purpose, @RequestParam boolean granted, Authentication auth) {
    consents.decide(signedIn.require(auth), purpose, granted);
    return "redirect:/profile#consents";
  }

  @GetMapping("/profile/interests")
  String interestsPage(
      Authentication auth, Model model, @RequestParam(required = false) String conflict) {
    PersonId person = signedIn.require(auth);
    model.addAttribute("personal", interests.personal(person));
    model.addAttribute("liked", interests.liked(person));
    model.addAttribute("statements", RiasecQuestionnaire.STATEMENTS);
    model.addAttribute("letters", RiasecQuestionnaire.LETTERS);
    model.addAttribute("conflict", conflict != null);
    return "profile/interests";
  }

  @PostMapping("/profile/interests")
  String saveInterests(@RequestParam Map<String, String> form, Authentication auth) {
    PersonId person = signedIn.require(auth);
    Map<String, Integer> answers = new LinkedHashMap<>();
    for (String statement : RiasecQuestionnaire.STATEMENTS) {
      String answer = form.getOrDefault("riasec-" + statement, "");
      if (!answer.isBlank()) {
        try {
          answers.put(statement, Integer.parseInt(answer));
        } catch (NumberFormatException e) {
          throw new fi.osaava.profile.internal.ProfileInputException(
              "riasec-" + statement, "0, 1 or 2");
        }
      }
    }
    try {
      interests.savePersonal(
          person, form.getOrDefault("interestText", ""), answers, versionOf(form));
    } catch (EditConflictException e) {
      return "redirect:/profile/interests?conflict";
    }
    return "redirect:/profile/interests?saved#results";
  }

  @PostMapping("/profile/interests/like")
  String like(@RequestParam String text, Authentication auth, Locale locale) {
    PersonId person = signedIn.require(auth);
    List<Suggestion> hits =
        taxonomy.autocomplete(
            text, Language.of(locale), EnumSet.of(ConceptType.SKILL, ConceptType.OCCUPATION), 1);
    if (hits.isEmpty()) {
      return "redirect:/profile/interests?notFound#liked";
    }
    Suggestion hit = hits.getFirst();
    interests.like(person, hit.uri(), hit.type(), hit.label().text());
    return "redirect:/profile/interests#liked";
  }

  @PostMapping("/profile/interests/unlike")
  String unlike(@RequestParam String uri, Authentication auth) {
    interests.unlike(signedIn.require(auth), uri);
    return "redirect:/profile/interests#liked";
  }

  @GetMapping("/profile/export")
  ResponseEntity<byte[]> export(Authentication auth) {
    byte[] body =
        json.writerWithDefaultPrettyPrinter()
            .writeValueAsBytes(rights.export(signedIn.require(auth)));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"osaava-export.json\"")
        .body(body);
  }

  @GetMapping("/profile/europass")
  ResponseEntity<byte[]> europass(Authentication auth) {
    byte[] body =
        json.writerWithDefaultPrettyPrinter()
            .writeValueAsBytes(rights.europass(signedIn.require(auth)));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/ld+json"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"osaava-europass.jsonld\"")
        .body(body);
  }

  @GetMapping("/profile/delete")
  String confirmDelete(Authentication auth) {
    signedIn.require(auth);
    return "profile/delete";
  }

  @PostMapping("/profile/delete")
  String deleteAccount(
      Authentication auth, HttpServletRequest request, HttpServletResponse response) {
    rights.deleteAccount(signedIn.require(auth));
    new SecurityContextLogoutHandler().logout(request, response, auth);
    return "redirect:/sign-in?deleted";
  }

  private static ExperienceInput input(Map<String, String> form) {
    ExperienceKind kind;
    try {
      kind = ExperienceKind.valueOf(form.getOrDefault("kind", ""));
    } catch (IllegalArgumentException e) {
      throw new fi.osaava.profile.internal.ProfileInputException("kind", "unknown kind");
    }
    return new ExperienceInput(
        kind,
        form.get("organisation"),
        form.get("title"),
        date("start", form.getOrDefault("start", "")),
        date("end", form.getOrDefault("end", "")),
        form.get("description"),
        null);
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new fi.osaava.profile.internal.ProfileInputException(field, "a date as YYYY-MM-DD");
    }
  }

  private static long versionOf(Map<String, String> form) {
    try {
      return Long.parseLong(form.getOrDefault("version", ""));
    } catch (NumberFormatException e) {
      throw new fi.osaava.profile.internal.ProfileInputException("version", "missing");
    }
  }

  private static Map<String, String> formOf(Experience e) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("kind", e.kind().name());
    form.put("organisation", e.organisation());
    form.put("title", e.title());
    form.put("start", e.start() == null ? "" : e.start().toString());
    form.put("end", e.end() == null ? "" : e.end().toString());
    form.put("description", e.description());
    form.put("version", Long.toString(e.version()));
    return form;
  }
}
