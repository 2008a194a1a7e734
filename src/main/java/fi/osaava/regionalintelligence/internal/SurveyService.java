package fi.osaava.regionalintelligence.internal;

import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifiedConcept;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.PublishedSurvey;
import fi.osaava.regionalintelligence.RegionalSurveysApi;
import fi.osaava.regionalintelligence.internal.ResultsCalculator.Background;
import fi.osaava.regionalintelligence.internal.Survey.Question;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The surveys' rules: what a valid answer is for each kind of question, how a response's background
 * maps to regions and industries, and how results are computed and published.
 */
@Service
public class SurveyService implements RegionalSurveysApi {

  /** The most characters a free-text answer or a "3 years" text may have. */
  public static final int MAX_TEXT = 2000;

  /** The most concepts one answer may name. */
  public static final int MAX_CONCEPTS = 20;

  private final SurveyStore store;
  private final RegionsApi regions;
  private final Industries industries;
  private final TaxonomyApi taxonomy;
  private final IdentificationApi identification;
  private final JsonMapper json = JsonMapper.shared();

  SurveyService(
      SurveyStore store,
      RegionsApi regions,
      Industries industries,
      TaxonomyApi taxonomy,
      IdentificationApi identification) {
    this.store = store;
    this.regions = regions;
    this.industries = industries;
    this.taxonomy = taxonomy;
    this.identification = identification;
  }

  /**
   * A response read from a form, and what is wrong with it.
   *
   * @param errors message keys by form field, in the order of the form
   */
  public record Reading(SurveyResponse response, Map<String, String> errors) {}

  /** The form field of a question's answer. */
  public static String field(Question q) {
    return "a-" + q.id();
  }

  /**
   * Reads a response from the form's fields. Formats are checked always; whether the required
   * questions are answered only when {@code complete} (submitting, not saving to continue later).
   */
  public Reading read(
      SurveyResponse stored,
      Survey survey,
      MultiValueMap<String, String> form,
      Language language,
      boolean complete,
      boolean identify) {
    Map<String, String> errors = new LinkedHashMap<>();
    String industry = blankToNull(form.getFirst("industry"));
    if (industry != null && industries.division(industry).isEmpty()) {
      errors.put("industry", "ri.answer.error.industry");
      industry = null;
    }
    String size = blankToNull(form.getFirst("sizeClass"));
    if (size != null && SizeClass.of(size).isEmpty()) {
      errors.put("sizeClass", "ri.answer.error.sizeClass");
      size = null;
    }
    String municipality = blankToNull(form.getFirst("municipality"));
    if (municipality != null
        && (municipality.length() > 10
            || regions.area(AreaLevel.MUNICIPALITY, municipality).isEmpty())) {
      errors.put("municipality", "ri.answer.error.municipality");
      municipality = null;
    }
    if (complete) {
      if (industry == null) {
        errors.putIfAbsent("industry", "ri.answer.error.industry");
      }
      if (size == null) {
        errors.putIfAbsent("sizeClass", "ri.answer.error.sizeClass");
      }
      if (municipality == null) {
        errors.putIfAbsent("municipality", "ri.answer.error.municipality");
      }
    }
    Map<String, List<String>> answers = new LinkedHashMap<>();
    for (Question q : survey.questions()) {
      String field = field(q);
      List<String> values =
          form.getOrDefault(field, List.of()).stream()
              .map(String::strip)
              .filter(v -> !v.isEmpty())
              .distinct()
              .toList();
      String problem = null;
      List<String> kept = new ArrayList<>();
      switch (q.kind()) {
        case SCALE, SINGLE_CHOICE -> {
          int points = q.kind() == QuestionKind.SCALE ? 5 : q.optionCount();
          int first = q.kind() == QuestionKind.SCALE ? 1 : 0;
          if (values.size() > 1 || !values.stream().allMatch(v -> inRange(v, first, points))) {
            problem = "ri.answer.error.choice";
          } else {
            kept.addAll(values);
          }
        }
        case MULTIPLE_CHOICE -> {
          if (!values.stream().allMatch(v -> inRange(v, 0, q.optionCount()))) {
            problem = "ri.answer.error.choice";
          } else {
            kept.addAll(values);
          }
        }
        case NUMBER -> {
          if (values.size() > 1 || !values.stream().allMatch(SurveyService::wholeNumber)) {
            problem = "ri.answer.error.number";
          } else {
            values.forEach(v -> kept.add(new BigDecimal(v).toBigInteger().toString()));
          }
        }
        case FREE_TEXT -> {
          String text = String.join("\n", values);
          if (text.length() > MAX_TEXT) {
            problem = "ri.answer.error.tooLong";
          } else if (!text.isEmpty()) {
            kept.add(text);
          }
        }
        case ESCO_SKILL, ESCO_OCCUPATION, FUTURE_SKILLS -> {
          ConceptType type =
              q.kind() == QuestionKind.ESCO_OCCUPATION ? ConceptType.OCCUPATION : ConceptType.SKILL;
          if (values.size() > MAX_CONCEPTS || !values.stream().allMatch(v -> v.length() <= 300)) {
            problem = "ri.answer.error.concepts";
          } else {
            Set<String> known = known(values, type);
            if (!known.containsAll(values)) {
              problem = "ri.answer.error.concepts";
            }
            kept.addAll(values.stream().filter(known::contains).toList());
          }
        }
      }
      if (q.kind() == QuestionKind.FUTURE_SKILLS) {
        String text = String.join("\n", form.getOrDefault("t-" + q.id(), List.of())).strip();
        if (text.length() > MAX_TEXT) {
          problem = "ri.answer.error.tooLong";
          text = text.substring(0, MAX_TEXT);
        }
        answers.put(q.id() + "/text", text.isEmpty() ? List.of() : List.of(text));
        List<String> suggested =
            new ArrayList<>(stored.answers().getOrDefault(q.id() + "/suggested", List.of()));
        if (identify && !text.isEmpty()) {
          suggested = new ArrayList<>(suggest(text, language));
        }
        // Confirmed skills stay on offer when the text is identified again.
        Set<String> offered = new LinkedHashSet<>(suggested);
        offered.addAll(kept);
        answers.put(q.id() + "/suggested", List.copyOf(offered));
      }
      if (problem == null && complete && q.kind().required() && kept.isEmpty()) {
        problem = "ri.answer.error.required";
      }
      if (problem != null) {
        errors.put(field, problem);
      }
      answers.put(q.id().toString(), kept);
    }
    return new Reading(
        new SurveyResponse(
            stored.id(),
            stored.surveyId(),
            stored.token(),
            industry,
            size,
            municipality,
            language.code(),
            answers,
            stored.submittedAt()),
        errors);
  }

  /** The ESCO skills the identification engine finds in a "3 years" text, best first. */
  List<String> suggest(String text, Language language) {
    return identification
        .identify(
            text,
            null,
            new IdentifyOptions(8, IdentifyOptions.DEFAULT_THRESHOLD, true, false, language, 3))
        .skills()
        .stream()
        .map(IdentifiedConcept::uri)
        .map(ConceptUri::value)
        .toList();
  }

  private Set<String> known(List<String> uris, ConceptType type) {
    if (uris.isEmpty()) {
      return Set.of();
    }
    Set<String> known = new LinkedHashSet<>();
    for (ConceptSummary s :
        taxonomy.summaries(uris.stream().map(ConceptUri::new).toList(), Language.EN)) {
      if (s.type() == type) {
        known.add(s.uri().value());
      }
    }
    return known;
  }

  /** Labels of concepts in {@code language}, by URI. */
  public Map<String, String> labels(List<String> uris, Language language) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (!uris.isEmpty()) {
      for (ConceptSummary s :
          taxonomy.summaries(uris.stream().distinct().map(ConceptUri::new).toList(), language)) {
        labels.put(s.uri().value(), s.label().text());
      }
    }
    return labels;
  }

  /** The results of a survey's submitted responses, suppressed as they would be published. */
  public SurveyResults results(Survey survey) {
    List<SurveyResponse> responses = store.submitted(survey.id());
    return ResultsCalculator.calculate(
        survey.questions(), responses, this::background, MINIMUM_CELL);
  }

  /** The results as published, frozen when the owner published them. */
  public Optional<SurveyResults> published(Survey survey) {
    if (survey.published() == null) {
      return Optional.empty();
    }
    return Optional.of(json.readValue(survey.published(), SurveyResults.class));
  }

  /** Publishes a closed survey's results: computed once, then the same for every reader. */
  public void publish(Survey survey) {
    store.publish(survey.id(), json.writeValueAsString(results(survey)));
  }

  /** Every survey whose results are published, newest first. */
  public List<Survey> published() {
    return store.published();
  }

  @Override
  public List<PublishedSurvey> publishedSurveys() {
    List<PublishedSurvey> list = new ArrayList<>();
    for (Survey s : store.published()) {
      Map<String, String> titles = new LinkedHashMap<>();
      s.titles().forEach((l, t) -> titles.put(l.code(), t));
      list.add(
          new PublishedSurvey(
              s.id(),
              s.organisation(),
              titles,
              published(s).map(SurveyResults::respondents).orElse(null),
              // The store lists only surveys with a publishing time.
              Objects.requireNonNull(s.publishedAt(), "publishedAt")));
    }
    return list;
  }

  private Background background(SurveyResponse r) {
    Optional<Area> municipality =
        r.municipality() == null
            ? Optional.empty()
            : regions.area(AreaLevel.MUNICIPALITY, r.municipality());
    return new Background(
        municipality.map(Area::regionCode).orElse(null),
        municipality.map(Area::subRegionCode).orElse(null),
        industries.division(r.industry()).map(Industries.Industry::section).orElse(null),
        r.sizeClass());
  }

  private static boolean inRange(String value, int first, int count) {
    if (value.length() > 3) {
      return false;
    }
    try {
      int v = Integer.parseInt(value);
      return v >= first && v < first + count;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean wholeNumber(String value) {
    return value.length() <= 12 && value.matches("\\d+");
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
