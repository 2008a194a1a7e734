package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.regionalintelligence.internal.RegionalDevelopers;
import fi.osaava.regionalintelligence.internal.Survey;
import fi.osaava.regionalintelligence.internal.SurveyResults;
import fi.osaava.regionalintelligence.internal.SurveyService;
import fi.osaava.regionalintelligence.internal.SurveyStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The published results, open to everyone without signing in: a page per survey with charts and
 * tables, and the same figures as CSV under CC BY 4.0. Only what the owner published is here,
 * frozen at publishing; an unpublished survey is not found.
 */
@Controller
class SurveyResultsController {

  private final SurveyStore store;
  private final SurveyService surveys;
  private final ResultsView view;
  private final RegionalDevelopers developers;
  private final SkillComparison comparison;

  SurveyResultsController(
      SurveyStore store,
      SurveyService surveys,
      ResultsView view,
      RegionalDevelopers developers,
      SkillComparison comparison) {
    this.developers = developers;
    this.comparison = comparison;
    this.store = store;
    this.surveys = surveys;
    this.view = view;
  }

  @GetMapping("/surveys/results")
  String list(Authentication auth, Locale locale, Model model) {
    model.addAttribute("developer", developers.developer(auth).isPresent());
    model.addAttribute("surveys", store.published());
    model.addAttribute("language", Language.of(locale));
    return "regionalintelligence/published";
  }

  @GetMapping("/surveys/results/{id}")
  String results(@PathVariable String id, Locale locale, Model model) {
    Survey survey = published(id);
    model.addAttribute("survey", survey);
    model.addAttribute("language", Language.of(locale));
    model.addAttribute("owner", false);
    SurveyResults results = frozen(survey);
    model.addAttribute("results", view.of(survey, results, locale));
    model.addAttribute("comparison", comparison.of(results, locale));
    return "regionalintelligence/results";
  }

  @GetMapping(path = "/surveys/results/{id}/results.csv", produces = "text/csv")
  ResponseEntity<String> csv(@PathVariable String id, Locale locale) {
    Survey survey = published(id);
    String csv = view.csv(view.of(survey, frozen(survey), locale), locale);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"survey-results-" + survey.id() + ".csv\"")
        .header("Link", "<" + LICENCE + ">; rel=\"license\"")
        .body(csv);
  }

  /**
   * The same figures as the CSV, as JSON: the survey, when and by whom it was published, its
   * licence, and one row per figure with {@code value} null where a cell is suppressed.
   */
  @GetMapping(path = "/surveys/results/{id}/results.json", produces = "application/json")
  ResponseEntity<PublishedResults> json(@PathVariable String id, Locale locale) {
    Survey survey = published(id);
    Language language = Language.of(locale);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header("Link", "<" + LICENCE + ">; rel=\"license\"")
        .body(
            new PublishedResults(
                survey.id().toString(),
                survey.title(language),
                language.code(),
                survey.organisation(),
                String.valueOf(survey.publishedAt()),
                LICENCE,
                view.rows(view.of(survey, frozen(survey), locale), locale)));
  }

  /** A published survey's results as the JSON download gives them. */
  record PublishedResults(
      String survey,
      String title,
      String language,
      String publishedBy,
      String publishedAt,
      String licence,
      List<ResultsView.ResultRow> rows) {}

  private static final String LICENCE = "https://creativecommons.org/licenses/by/4.0/";

  private SurveyResults frozen(Survey survey) {
    return surveys.published(survey).orElseThrow(() -> new NotFoundException("Not published"));
  }

  private Survey published(String id) {
    return store
        .find(SurveyBuilderController.uuid(id))
        .filter(s -> s.published() != null)
        .orElseThrow(() -> new NotFoundException("No published survey has this id"));
  }
}
