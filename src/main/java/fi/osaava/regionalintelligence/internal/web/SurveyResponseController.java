package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.regionalintelligence.internal.Industries;
import fi.osaava.regionalintelligence.internal.QuestionKind;
import fi.osaava.regionalintelligence.internal.SizeClass;
import fi.osaava.regionalintelligence.internal.Survey;
import fi.osaava.regionalintelligence.internal.Survey.Question;
import fi.osaava.regionalintelligence.internal.SurveyResponse;
import fi.osaava.regionalintelligence.internal.SurveyService;
import fi.osaava.regionalintelligence.internal.SurveyStore;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.Suggestion;
import fi.osaava.taxonomy.TaxonomyApi;
import jakarta.servlet.http.HttpServletResponse;
import java.text.Collator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Companies answer here without signing in. A response is reached only by its own token (256 random
 * bits), from the company's invitation link or from a response started on the open link; the token
 * gives that one response and nothing else. A response is saved to continue later, or submitted,
 * after which it is final.
 */
@Controller
class SurveyResponseController {

  static final String LINK = "/surveys/r/";
  static final String ANSWER = "/surveys/answer";
  static final String START = "/surveys/start";

  /** How many skills or occupations the picker offers for what was typed. */
  private static final int OPTIONS = 8;

  private final SurveyStore store;
  private final SurveyService surveys;
  private final Industries industries;
  private final RegionsApi regions;
  private final TaxonomyApi taxonomy;
  private final Clock clock;

  SurveyResponseController(
      SurveyStore store,
      SurveyService surveys,
      Industries industries,
      RegionsApi regions,
      TaxonomyApi taxonomy,
      Clock clock) {
    this.clock = clock;
    this.store = store;
    this.surveys = surveys;
    this.industries = industries;
    this.regions = regions;
    this.taxonomy = taxonomy;
  }

  @GetMapping(LINK + "{token}")
  String response(@PathVariable String token, Locale locale, Model model) {
    SurveyResponse response = responseOf(token);
    Survey survey = surveyOf(response);
    return page(survey, response, Map.of(), Map.of(), locale, model);
  }

  @PostMapping(ANSWER)
  String answer(
      @RequestParam MultiValueMap<String, String> form,
      Locale locale,
      Model model,
      HttpServletResponse http) {
    SurveyResponse stored = responseOf(form.getFirst("token"));
    Survey survey = surveyOf(stored);
    if (stored.submitted() || !survey.answering(clock.instant())) {
      // A submitted response is final, and a survey closed or past its closing date takes no more
      // answers: its page says so.
      return "redirect:" + LINK + stored.token();
    }
    String action = String.valueOf(form.getFirst("action"));
    boolean submit = action.equals("submit");
    Language language = Language.of(locale);
    SurveyService.Reading reading =
        surveys.read(stored, survey, form, language, submit, action.startsWith("identify"));
    Map<String, String> searches = new LinkedHashMap<>();
    for (Question q : survey.questions()) {
      String search = form.getFirst("s-" + q.id());
      if (search != null && !search.isBlank() && search.length() <= 100) {
        searches.put(q.id().toString(), search.strip());
      }
    }
    if (!reading.errors().isEmpty()) {
      http.setStatus(HttpStatus.BAD_REQUEST.value());
      return page(survey, reading.response(), reading.errors(), searches, locale, model);
    }
    if (!store.save(reading.response(), submit)) {
      // Closed between the check above and the write: the page says so.
      return "redirect:" + LINK + stored.token();
    }
    if (submit) {
      return "redirect:" + LINK + stored.token() + "?submitted";
    }
    if (!searches.isEmpty() || action.startsWith("identify")) {
      // A search without JavaScript, or skills to confirm: the page again, with the options.
      model.addAttribute("notice", "ri.answer.saved");
      return page(survey, reading.response(), Map.of(), searches, locale, model);
    }
    return "redirect:" + LINK + stored.token() + "?saved";
  }

  @GetMapping("/surveys/open/{token}")
  String open(@PathVariable String token, Locale locale, Model model) {
    Survey survey =
        store.byOpenToken(token).orElseThrow(() -> new NotFoundException("No open survey"));
    model.addAttribute("survey", survey);
    model.addAttribute("token", token);
    model.addAttribute("language", Language.of(locale));
    model.addAttribute("answering", survey.answering(clock.instant()));
    return "regionalintelligence/open";
  }

  @PostMapping(START)
  String start(@RequestParam(required = false) String token) {
    if (token == null || token.length() > 100) {
      throw new NotFoundException("No open survey");
    }
    Survey survey =
        store.byOpenToken(token).orElseThrow(() -> new NotFoundException("No open survey"));
    if (!survey.answering(clock.instant())) {
      // Closed or past its closing date: the open link's page says so.
      return "redirect:/surveys/open/" + token;
    }
    return "redirect:" + LINK + store.start(survey.id());
  }

  /**
   * The skills or occupations that fit what was typed, as checkboxes of the question's answer
   * field: htmx swaps them in under the search field.
   */
  @GetMapping("/surveys/concept-options")
  String conceptOptions(
      @RequestParam(defaultValue = "") String question,
      @RequestParam(defaultValue = "skill") String type,
      @RequestParam(defaultValue = "") String q,
      Locale locale,
      Model model) {
    UUID id = SurveyBuilderController.uuid(question);
    QuestionKind kind =
        type.equals("occupation") ? QuestionKind.ESCO_OCCUPATION : QuestionKind.ESCO_SKILL;
    model.addAttribute("field", "a-" + id);
    model.addAttribute("prefix", "opt-" + id);
    model.addAttribute("options", options(kind, q, locale));
    model.addAttribute("q", q.strip());
    return "regionalintelligence/concept-options :: options";
  }

  private List<Suggestion> options(QuestionKind kind, String q, Locale locale) {
    String query = q == null ? "" : q.strip();
    if (query.isEmpty() || query.length() > 100) {
      return List.of();
    }
    return taxonomy.autocomplete(
        query,
        Language.of(locale),
        Set.of(kind == QuestionKind.ESCO_OCCUPATION ? ConceptType.OCCUPATION : ConceptType.SKILL),
        OPTIONS);
  }

  /** A municipality or industry option of the background questions. */
  record Option(String code, String name) {}

  /** A TOL section with its divisions, an option group of the industry question. */
  record IndustryGroup(String code, String name, List<Option> divisions) {}

  private String page(
      Survey survey,
      SurveyResponse response,
      Map<String, String> errors,
      Map<String, String> searches,
      Locale locale,
      Model model) {
    Language language = Language.of(locale);
    model.addAttribute("survey", survey);
    model.addAttribute("answering", survey.answering(clock.instant()));
    model.addAttribute("response", response);
    model.addAttribute("language", language);
    model.addAttribute("errors", errors);
    model.addAttribute("sizeClasses", SizeClass.values());
    Collator collator = Collator.getInstance(locale);
    model.addAttribute(
        "municipalities",
        regions.areas(AreaLevel.MUNICIPALITY).stream()
            .map(a -> new Option(a.code(), a.name(language).text()))
            .sorted(Comparator.comparing(Option::name, collator))
            .toList());
    List<IndustryGroup> groups = new ArrayList<>();
    for (Industries.Industry section : industries.sections()) {
      groups.add(
          new IndustryGroup(
              section.code(),
              section.name(language),
              industries.divisionsOf(section.code()).stream()
                  .map(d -> new Option(d.code(), d.code() + " " + d.name(language)))
                  .toList()));
    }
    model.addAttribute("industries", groups);
    // Labels of every concept the page shows: chosen, suggested and the options searched for.
    List<String> uris = new ArrayList<>();
    Map<String, List<Suggestion>> options = new LinkedHashMap<>();
    for (Question q : survey.questions()) {
      if (q.kind().concepts()) {
        uris.addAll(response.answer(q.id()));
        uris.addAll(response.answers().getOrDefault(q.id() + "/suggested", List.of()));
      }
      String search = searches.get(q.id().toString());
      if (search != null
          && (q.kind() == QuestionKind.ESCO_SKILL || q.kind() == QuestionKind.ESCO_OCCUPATION)) {
        options.put(q.id().toString(), options(q.kind(), search, locale));
      }
    }
    model.addAttribute("labels", surveys.labels(uris, language));
    model.addAttribute("options", options);
    model.addAttribute("searches", searches);
    return "regionalintelligence/respond";
  }

  private SurveyResponse responseOf(@Nullable String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      throw new NotFoundException("No response has this link");
    }
    return store
        .response(token)
        .orElseThrow(() -> new NotFoundException("No response has this link"));
  }

  private Survey surveyOf(SurveyResponse response) {
    return store
        .find(response.surveyId())
        .orElseThrow(() -> new NotFoundException("No response has this link"));
  }
}
