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
import fi.osaava.profile.internal.ExperienceKind;
import fi.osaava.profile.internal.Interests;
import fi.osaava.profile.internal.LearnerRecords;
import fi.osaava.profile.internal.ProfileInputException;
import fi.osaava.profile.internal.RiasecQuestionnaire;
import fi.osaava.profile.internal.SuggestionEntry;
import fi.osaava.regions.MunicipalityOptions;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.Suggestion;
import fi.osaava.taxonomy.TaxonomyApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
  private final MessageSource messages;
  private final SpringValidatorAdapter validator;
  private final MunicipalityOptions municipalities;

  ProfilePageController(
      SignedInPerson signedIn,
      CompetenceProfile competence,
      Interests interests,
      LearnerRecords records,
      Consents consents,
      DataRights rights,
      TaxonomyApi taxonomy,
      ObjectMapper json,
      ProfileOverview overview,
      MessageSource messages,
      Validator validator,
      MunicipalityOptions municipalities) {
    this.municipalities = municipalities;
    this.signedIn = signedIn;
    this.competence = competence;
    this.interests = interests;
    this.records = records;
    this.consents = consents;
    this.rights = rights;
    this.taxonomy = taxonomy;
    this.json = json;
    this.overview = overview;
    this.messages = messages;
    this.validator = new SpringValidatorAdapter(validator);
  }

  /** The choices of an entry's municipality, on every page that shows the entry form. */
  @ModelAttribute("municipalities")
  List<MunicipalityOptions.Option> municipalities(Locale locale) {
    return municipalities.inOrder(Language.of(locale));
  }

  @GetMapping("/profile")
  String overview(
      @RequestParam(required = false) @Nullable String confirmed,
      @RequestParam(required = false) @Nullable String entries,
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
      @Valid @ModelAttribute("form") ExperienceForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    PersonId person = signedIn.require(auth);
    form = bound(form, binding);
    model.addAttribute("form", form);
    if (checked(form, binding)) {
      try {
        Experience created = competence.addExperience(person, form.input(), Language.of(locale));
        return "redirect:/profile/experiences/" + created.id() + "#suggestions";
      } catch (InvalidInputException e) {
        reject(binding, e);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("errors", errors(binding, locale));
    model.addAttribute("kinds", ExperienceKind.values());
    return "profile/experience";
  }

  @GetMapping("/profile/experiences/{id}")
  String experience(@PathVariable UUID id, Authentication auth, Model model) {
    PersonId person = signedIn.require(auth);
    Experience e = competence.experience(person, id);
    return experiencePage(person, e, ExperienceForm.of(e), Map.of(), model);
  }

  private String experiencePage(
      PersonId person, Experience e, ExperienceForm form, Map<String, String> errors, Model model) {
    List<SuggestionEntry> suggestions = competence.suggestions(person, e.id());
    model.addAttribute("experience", e);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
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
      @Valid @ModelAttribute("form") ExperienceForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    PersonId person = signedIn.require(auth);
    form = bound(form, binding);
    if (form.version() == null) {
      // Only a hand-made post lacks the hidden field: refused as before, with no page to fix it on.
      throw new ProfileInputException("version", "missing");
    }
    if (checked(form, binding)) {
      try {
        competence.updateExperience(person, id, form.input(), form.version(), Language.of(locale));
        return "redirect:/profile/experiences/" + id + "?saved#suggestions";
      } catch (EditConflictException conflict) {
        // The current state, with what this tab tried to save still in the form to copy from.
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        Experience current = competence.experience(person, id);
        model.addAttribute("conflict", true);
        model.addAttribute("current", current);
        return experiencePage(
            person, current, form.withVersion(current.version()), Map.of(), model);
      } catch (InvalidInputException e) {
        reject(binding, e);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return experiencePage(
        person, competence.experience(person, id), form, errors(binding, locale), model);
  }

  /**
   * The form as bound. Where binding refused a value (a date that is no date, an unknown kind),
   * Spring makes an empty form and validates nothing; then the form as typed stands in, validated
   * here, so the page names every problem and keeps what was typed.
   */
  private ExperienceForm bound(ExperienceForm form, BindingResult binding) {
    if (binding.getFieldErrors().stream().noneMatch(FieldError::isBindingFailure)) {
      return form;
    }
    ExperienceForm typed = ExperienceForm.asTyped(binding);
    validator.validate(typed, binding);
    return typed;
  }

  /**
   * Whether the bound form is good to save: no binding or Bean Validation error, and an end not
   * before the start (a rule across two fields, recorded against the end date).
   */
  private static boolean checked(ExperienceForm form, BindingResult binding) {
    if (form.start() != null && form.end() != null && form.end().isBefore(form.start())) {
      binding.rejectValue("end", "endBeforeStart");
    }
    return !binding.hasErrors();
  }

  /** A rule of the entry itself that the form's bounds did not catch, against its field. */
  private static void reject(BindingResult binding, InvalidInputException e) {
    if (e.field() != null && ExperienceForm.FIELDS.contains(e.field())) {
      binding.rejectValue(e.field(), "invalid");
    } else {
      throw e;
    }
  }

  /**
   * The form's errors by field in page order, one message each in the reader's language, naming the
   * field by its label: shown in the error summary and beside the field.
   */
  private Map<String, String> errors(BindingResult binding, Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (String field : ExperienceForm.FIELDS) {
      FieldError error = binding.getFieldError(field);
      if (error != null) {
        String label = messages.getMessage("profile.experience." + field, null, locale);
        errors.put(
            field, messages.getMessage(messageKey(field, error), arguments(label, error), locale));
      }
    }
    return errors;
  }

  private static String messageKey(String field, FieldError error) {
    String code = error.getCode() == null ? "" : error.getCode();
    return switch (code) {
      case "NotNull", "NotBlank" -> "profile.error.required";
      case "Size" -> "profile.error.tooLong";
      case "endBeforeStart" -> "profile.error.endBeforeStart";
      case "typeMismatch" ->
          field.equals("start") || field.equals("end") ? "profile.error.date" : "profile.invalid";
      default -> "profile.invalid";
    };
  }

  /**
   * The label, then for {@code @Size} its maximum: Bean Validation's arguments after the field are
   * the constraint's attributes by name ({@code max}, {@code min}).
   */
  private static Object[] arguments(String label, FieldError error) {
    Object[] constraint = error.getArguments();
    Object max =
        "Size".equals(error.getCode()) && constraint != null && constraint.length > 1
            ? constraint[1]
            : "";
    return new Object[] {label, max};
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
      throw new ProfileInputException("decision", "accept or reject");
    }
    competence.decide(signedIn.require(auth), id, skill, decision.equals("accept"));
    return "redirect:/profile/experiences/" + id + "#suggestions";
  }

  @PostMapping("/profile/skills/{id}")
  String assess(
      @PathVariable UUID id,
      @RequestParam String proficiency,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate lastUsed,
      @RequestParam long version,
      Authentication auth) {
    Proficiency level;
    try {
      level = Proficiency.valueOf(proficiency);
    } catch (IllegalArgumentException e) {
      throw new ProfileInputException("proficiency", "unknown level");
    }
    try {
      competence.assess(signedIn.require(auth), id, level, lastUsed, version);
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
        throw new ProfileInputException("file", "choose a file");
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

  /**
   * The interests form: the text, the version it started from, and an answer (0, 1 or 2) by RIASEC
   * statement, posted as {@code riasec[R1]} and so on. The questionnaire checks the answers.
   */
  record InterestsForm(String interestText, @NotNull Long version, Map<String, Integer> riasec) {}

  @PostMapping("/profile/interests")
  String saveInterests(
      @Valid @ModelAttribute InterestsForm form, BindingResult binding, Authentication auth) {
    PersonId person = signedIn.require(auth);
    FieldError invalid = binding.getFieldError();
    if (invalid != null) {
      // Radio buttons and a hidden field: only a hand-made post gets here, and gets the 400 page.
      throw new ProfileInputException(
          invalid.getField(), invalid.getField().equals("version") ? "missing" : "0, 1 or 2");
    }
    Map<String, Integer> answers = new LinkedHashMap<>();
    if (form.riasec() != null) {
      for (String statement : RiasecQuestionnaire.STATEMENTS) {
        Integer answer = form.riasec().get(statement);
        if (answer != null) {
          answers.put(statement, answer);
        }
      }
    }
    try {
      interests.savePersonal(person, form.interestText(), answers, form.version());
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
}
