package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.regionalintelligence.internal.QuestionKind;
import fi.osaava.regionalintelligence.internal.RegionalDevelopers;
import fi.osaava.regionalintelligence.internal.RegionalDevelopers.Developer;
import fi.osaava.regionalintelligence.internal.Survey;
import fi.osaava.regionalintelligence.internal.SurveyMailings;
import fi.osaava.regionalintelligence.internal.SurveyMailings.AutoReminders;
import fi.osaava.regionalintelligence.internal.SurveyService;
import fi.osaava.regionalintelligence.internal.SurveyStore;
import fi.osaava.regionalintelligence.internal.web.SurveyForms.AutoReminderForm;
import fi.osaava.regionalintelligence.internal.web.SurveyForms.ClosingForm;
import fi.osaava.regionalintelligence.internal.web.SurveyForms.InvitationForm;
import fi.osaava.regionalintelligence.internal.web.SurveyForms.QuestionForm;
import fi.osaava.regionalintelligence.internal.web.SurveyForms.SurveyForm;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /surveys/manage}: a regional developer's organisation builds its competence-needs surveys,
 * invites companies, closes a survey, sees its results and publishes them. Owners are recognised by
 * the sign-in claims ({@link RegionalDevelopers}); anyone else signed in gets 403, and another
 * organisation's survey is not found (404).
 */
@Controller
@RequestMapping("/surveys/manage")
class SurveyBuilderController {

  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s;,<>]{1,64}@[^@\\s;,<>]{1,190}\\.[^@\\s;,<>.]{2,}");

  private final RegionalDevelopers developers;
  private final SurveyStore store;
  private final SurveyService surveys;
  private final ResultsView resultsView;

  private final fi.osaava.regionalintelligence.internal.overview.OverviewAggregates overview;
  private final SurveyMailings mailings;
  private final SkillComparison comparison;
  private final Clock clock;

  SurveyBuilderController(
      RegionalDevelopers developers,
      SurveyStore store,
      SurveyService surveys,
      ResultsView resultsView,
      fi.osaava.regionalintelligence.internal.overview.OverviewAggregates overview,
      SurveyMailings mailings,
      SkillComparison comparison,
      Clock clock) {
    this.clock = clock;
    this.comparison = comparison;
    this.overview = overview;
    this.mailings = mailings;
    this.developers = developers;
    this.store = store;
    this.surveys = surveys;
    this.resultsView = resultsView;
  }

  @GetMapping
  String list(Authentication auth, Locale locale, Model model) {
    Developer developer = developer(auth);
    return listPage(developer, SurveyForm.empty(), Map.of(), locale, model);
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") SurveyForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    Developer developer = developer(auth);
    Map<String, String> errors = errors(binding, SurveyForm.FIELDS, "ri.builder.error.");
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return listPage(developer, form, errors, locale, model);
    }
    UUID id = store.create(developer.organisation(), form.titles());
    return "redirect:/surveys/manage/" + id;
  }

  /** What the last action did, named by the query parameter it redirected with. */
  private static final List<String> DONE =
      List.of("added", "opened", "invited", "scheduled", "dated", "undated", "closed", "copied");

  @GetMapping("/{id}")
  String survey(
      @PathVariable String id,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletRequest request) {
    Survey survey = owned(auth, id);
    DONE.stream()
        .filter(request.getParameterMap()::containsKey)
        .findFirst()
        .ifPresent(done -> model.addAttribute("done", done));
    // How many mails the last mailing queued, as its redirect said.
    for (String mailing : List.of("mailed", "reminded")) {
      String count = request.getParameter(mailing);
      if (count != null && count.matches("\\d{1,6}")) {
        model.addAttribute(mailing, Integer.parseInt(count));
      }
    }
    return surveyPage(survey, QuestionForm.empty(), Map.of(), locale, model);
  }

  @PostMapping("/{id}/questions")
  String addQuestion(
      @PathVariable String id,
      @Valid @ModelAttribute("question") QuestionForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    Survey survey = owned(auth, id);
    if (!survey.draft()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "A survey that is open or closed is not changed; copy it instead");
    }
    Map<String, String> errors = errors(binding, QuestionForm.FIELDS, "ri.question.error.");
    if (form.kind() != null && form.kind().hasOptions() && !binding.hasFieldErrors("optionsFi")) {
      var options = form.options();
      // options() fills every language for a kind with options.
      int count = options.getOrDefault(Language.FI, List.of()).size();
      if (count < 2 || count > QuestionForm.MAX_OPTIONS) {
        errors.put("optionsFi", "ri.question.error.optionsCount");
      } else {
        if (options.getOrDefault(Language.SV, List.of()).size() != count) {
          errors.put("optionsSv", "ri.question.error.optionsSame");
        }
        if (options.getOrDefault(Language.EN, List.of()).size() != count) {
          errors.put("optionsEn", "ri.question.error.optionsSame");
        }
        if (options.values().stream().flatMap(List::stream).anyMatch(o -> o.length() > 200)) {
          errors.put("optionsFi", "ri.question.error.optionsLong");
        }
      }
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return surveyPage(survey, form, ordered(errors, QuestionForm.FIELDS), locale, model);
    }
    store.addQuestion(survey.id(), form.kind(), form.texts(), form.options());
    return "redirect:/surveys/manage/" + survey.id() + "?added#questions";
  }

  @PostMapping("/{id}/questions/{question}/delete")
  String deleteQuestion(
      @PathVariable String id, @PathVariable String question, Authentication auth) {
    Survey survey = owned(auth, id);
    if (!survey.draft()) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Only a draft's questions change");
    }
    UUID q = uuid(question);
    if (!store.deleteQuestion(survey.id(), q)) {
      throw new NotFoundException("No such question in this survey");
    }
    return "redirect:/surveys/manage/" + survey.id() + "#questions";
  }

  @PostMapping("/{id}/open")
  String open(
      @PathVariable String id,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    Survey survey = owned(auth, id);
    if (!survey.draft() || survey.questions().isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Only a draft with questions is opened");
    }
    if (survey.pastClosingDate(clock.instant())) {
      // Opened so, it would be closed at once: the owner moves or removes the date first.
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return surveyPage(
          survey,
          QuestionForm.empty(),
          Map.of(ClosingForm.FIELD, "ri.closing.error.passed"),
          locale,
          model);
    }
    store.open(survey.id());
    return "redirect:/surveys/manage/" + survey.id() + "?opened";
  }

  @PostMapping("/{id}/invitations")
  String invite(
      @PathVariable String id,
      @Valid @ModelAttribute("invitations") InvitationForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    Survey survey = openOwned(auth, id, "Invitations go out while open");
    String problem = null;
    List<String[]> companies = new ArrayList<>();
    if (binding.hasErrors()) {
      problem = "ri.invite.error.companies";
    } else {
      for (String line : QuestionForm.lines(form.companies())) {
        String[] parts = line.split(";", 3);
        String company = parts[0].strip();
        String email = parts.length > 1 ? parts[1].strip() : "";
        String language = parts.length > 2 ? parts[2].strip().toLowerCase(Locale.ROOT) : "";
        if (company.isEmpty() || company.length() > 300) {
          problem = "ri.invite.error.company";
        } else if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
          problem = "ri.invite.error.email";
        } else if (!language.isEmpty()
            && Survey.LANGUAGES.stream().noneMatch(l -> l.code().equals(language))) {
          problem = "ri.invite.error.language";
        }
        companies.add(
            new String[] {
              company, email.isEmpty() ? null : email, language.isEmpty() ? null : language
            });
      }
      if (companies.size() > InvitationForm.MAX_COMPANIES) {
        problem = "ri.invite.error.tooMany";
      }
    }
    if (problem != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("invitations", form);
      return surveyPage(survey, QuestionForm.empty(), Map.of("companies", problem), locale, model);
    }
    for (String[] c : companies) {
      store.invite(survey.id(), c[0], c[1], c[2]);
    }
    return "redirect:/surveys/manage/" + survey.id() + "?invited#invitations";
  }

  /** Mails their invitation to the invited companies with an address not mailed one yet. */
  @PostMapping("/{id}/invitations/mail")
  String mailInvitations(@PathVariable String id, Authentication auth, Locale locale) {
    return mailing(
        owned(auth, id), "mailed", survey -> mailings.invite(survey, Language.of(locale)));
  }

  /**
   * Reminds the invited companies that have not sent their response, each at most once in the
   * reminder interval.
   */
  @PostMapping("/{id}/reminders")
  String remind(@PathVariable String id, Authentication auth, Locale locale) {
    return mailing(
        owned(auth, id), "reminded", survey -> mailings.remind(survey, Language.of(locale)));
  }

  /**
   * Turns the automatic reminders on (with the days between two mails to one company and the most
   * reminders in all) or off. {@code SurveyReminderSchedule} sends them through the same {@link
   * SurveyMailings#remind} rules as the button above.
   */
  @PostMapping("/{id}/reminders/automatic")
  String autoReminders(
      @PathVariable String id,
      @Valid @ModelAttribute("auto") AutoReminderForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    Survey survey = openOwned(auth, id, "Reminders go out while it is open");
    Map<String, String> errors = errors(binding, AutoReminderForm.FIELDS, "ri.auto.error.");
    if (form.on()) {
      if (form.autoDays() == null) {
        errors.putIfAbsent("autoDays", "ri.auto.error.autoDays");
      }
      if (form.autoMost() == null) {
        errors.putIfAbsent("autoMost", "ri.auto.error.autoMost");
      }
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("auto", form);
      return surveyPage(
          survey, QuestionForm.empty(), ordered(errors, AutoReminderForm.FIELDS), locale, model);
    }
    mailings.setAutoReminders(
        survey.id(),
        form.on()
            ? new AutoReminders(
                java.util.Objects.requireNonNull(form.autoDays()),
                java.util.Objects.requireNonNull(form.autoMost()))
            : null);
    return "redirect:/surveys/manage/" + survey.id() + "?scheduled#auto-reminders";
  }

  /**
   * Sets the survey's closing date (a day after today), or removes it when the three fields are
   * empty. A draft's or an open survey's date changes; at the date's end the survey closes itself
   * ({@code SurveyReminderSchedule}), and its companies get one reminder before it.
   */
  @PostMapping("/{id}/closing")
  String closing(
      @PathVariable String id,
      @Valid @ModelAttribute("closing") ClosingForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    Survey survey = owned(auth, id);
    if (survey.state(clock.instant()) == Survey.Status.CLOSED) {
      // Past its date it is closed, though the job has not yet closed it: a new date would reopen
      // it.
      throw new ResponseStatusException(HttpStatus.CONFLICT, "A closed survey has no closing date");
    }
    String problem = null;
    if (binding.hasErrors()) {
      problem = "ri.closing.error.closesOn";
    } else if (!form.blank()) {
      var date = form.date();
      if (date.isEmpty()) {
        problem = "ri.closing.error.closesOn";
      } else if (!date.get().isAfter(mailings.today())) {
        problem = "ri.closing.error.future";
      }
    }
    if (problem != null) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("closing", form);
      return surveyPage(
          survey, QuestionForm.empty(), Map.of(ClosingForm.FIELD, problem), locale, model);
    }
    store.setClosingDate(survey.id(), form.date().orElse(null));
    return "redirect:/surveys/manage/"
        + survey.id()
        + (form.blank() ? "?undated" : "?dated")
        + "#closing";
  }

  /** Mails go out while the survey is open; the page then says how many were queued. */
  private String mailing(
      Survey survey, String done, java.util.function.ToIntFunction<Survey> mailing) {
    if (survey.state(clock.instant()) != Survey.Status.OPEN) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Mails go out while it is open");
    }
    int queued = mailing.applyAsInt(survey);
    return "redirect:/surveys/manage/" + survey.id() + "?" + done + "=" + queued + "#invitations";
  }

  /** The invited companies' links as CSV, for a mail merge or to remind those yet to answer. */
  @GetMapping(path = "/{id}/links.csv", produces = "text/csv")
  ResponseEntity<String> links(
      @PathVariable String id, Authentication auth, HttpServletRequest request) {
    Survey survey = owned(auth, id);
    String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    StringBuilder csv = new StringBuilder("company,email,link,answered\r\n");
    for (SurveyStore.Invitation i : store.invitations(survey.id())) {
      csv.append(Csv.quote(i.company()))
          .append(',')
          .append(Csv.quote(i.email() == null ? "" : i.email()))
          .append(',')
          .append(Csv.quote(base + SurveyResponseController.LINK + i.token()))
          .append(',')
          .append(i.submitted() ? "yes" : "no")
          .append("\r\n");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"survey-links-" + survey.id() + ".csv\"")
        .body(csv.toString());
  }

  /**
   * Closes an open survey; one past its closing date that the hourly job has not closed yet is
   * closed now (the contacts deleted and the waiting mails withdrawn) all the same.
   */
  @PostMapping("/{id}/close")
  String close(@PathVariable String id, Authentication auth) {
    Survey survey = owned(auth, id);
    if (survey.status() != Survey.Status.OPEN) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "Only an open survey is closed");
    }
    store.close(survey.id());
    return "redirect:/surveys/manage/" + survey.id() + "?closed";
  }

  @PostMapping("/{id}/copy")
  String copy(@PathVariable String id, Authentication auth) {
    Survey survey = owned(auth, id);
    UUID copy = store.copy(survey);
    return "redirect:/surveys/manage/" + copy + "?copied";
  }

  @GetMapping("/{id}/results")
  String results(@PathVariable String id, Authentication auth, Locale locale, Model model) {
    Survey survey = owned(auth, id);
    model.addAttribute("survey", survey);
    model.addAttribute("language", Language.of(locale));
    model.addAttribute("owner", true);
    var results = surveys.results(survey);
    model.addAttribute("results", resultsView.of(survey, results, locale));
    model.addAttribute("comparison", comparison.of(results, locale));
    return "regionalintelligence/results";
  }

  @PostMapping("/{id}/publish")
  String publish(@PathVariable String id, Authentication auth) {
    Survey survey = owned(auth, id);
    if (survey.state(clock.instant()) != Survey.Status.CLOSED) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "Results are published once the survey is closed");
    }
    if (survey.status() == Survey.Status.OPEN) {
      // Past its closing date, not yet closed by the hourly job: closed first, as the job would,
      // so that no contact outlives the results' publishing.
      store.close(survey.id());
    }
    surveys.publish(survey);
    // The regional overview shows what published surveys' companies named.
    overview.invalidate();
    return "redirect:/surveys/results/" + survey.id() + "?published";
  }

  private String listPage(
      Developer developer,
      SurveyForm form,
      Map<String, String> errors,
      Locale locale,
      Model model) {
    model.addAttribute("organisation", developer.organisation());
    model.addAttribute("surveys", store.listOf(developer.organisation()));
    model.addAttribute("now", clock.instant());
    model.addAttribute("form", form);
    model.addAttribute("errors", ordered(errors, SurveyForm.FIELDS));
    model.addAttribute("language", Language.of(locale));
    return "regionalintelligence/surveys";
  }

  private String surveyPage(
      Survey survey, QuestionForm form, Map<String, String> errors, Locale locale, Model model) {
    model.addAttribute("survey", survey);
    // The status shown and the sections offered: closed at once past the closing date.
    model.addAttribute("state", survey.state(clock.instant()).name());
    model.addAttribute("language", Language.of(locale));
    model.addAttribute("question", form);
    if (!model.containsAttribute("invitations")) {
      model.addAttribute("invitations", new InvitationForm(""));
    }
    model.addAttribute("errors", errors);
    model.addAttribute(
        "base", ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
    model.addAttribute("kinds", QuestionKind.values());
    model.addAttribute("languages", Survey.LANGUAGES);
    model.addAttribute("invited", store.invitations(survey.id()));
    model.addAttribute("invitationsDue", mailings.invitationsDue(survey.id()));
    model.addAttribute("remindersDue", mailings.remindersDue(survey.id()));
    model.addAttribute("reminderDays", mailings.reminderInterval().toDays());
    var schedule = mailings.autoReminders(survey.id());
    model.addAttribute("autoReminders", schedule);
    if (!model.containsAttribute("auto")) {
      model.addAttribute(
          "auto",
          AutoReminderForm.of(schedule, (int) Math.max(1, mailings.reminderInterval().toDays())));
    }
    if (!model.containsAttribute("closing")) {
      model.addAttribute("closing", ClosingForm.of(survey.closesOn()));
    }
    model.addAttribute("closingReminderDays", mailings.closingReminderDays());
    model.addAttribute("saved", store.responseCount(survey.id(), false));
    model.addAttribute("submitted", store.responseCount(survey.id(), true));
    return "regionalintelligence/survey";
  }

  private static Map<String, String> errors(
      BindingResult binding, List<String> fields, String prefix) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError error : binding.getFieldErrors()) {
      if (fields.contains(error.getField())) {
        errors.putIfAbsent(error.getField(), prefix + error.getField());
      }
    }
    return errors;
  }

  private static Map<String, String> ordered(Map<String, String> errors, List<String> fields) {
    Map<String, String> ordered = new LinkedHashMap<>();
    fields.forEach(
        f -> {
          if (errors.containsKey(f)) {
            ordered.put(f, errors.get(f));
          }
        });
    errors.forEach(ordered::putIfAbsent);
    return ordered;
  }

  private Developer developer(Authentication auth) {
    return developers
        .developer(auth)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only regional developers' survey owners work here"));
  }

  /** The organisation's survey, which must be open (else 409, with {@code refusal}). */
  private Survey openOwned(Authentication auth, String id, String refusal) {
    Survey survey = owned(auth, id);
    if (survey.state(clock.instant()) != Survey.Status.OPEN) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, refusal);
    }
    return survey;
  }

  private Survey owned(Authentication auth, String id) {
    Developer developer = developer(auth);
    return store
        .owned(uuid(id), developer.organisation())
        .orElseThrow(() -> new NotFoundException("No survey of yours has this id"));
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No survey has this id");
    }
  }
}
