package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.labourmarket.AdDemand;
import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.internal.QuestionKind;
import fi.osaava.regionalintelligence.internal.SurveyResults;
import fi.osaava.regionalintelligence.internal.SurveyResults.Dimension;
import fi.osaava.regionalintelligence.internal.SurveyService;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates.Snapshot;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates.Supply;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A survey's most named skills set against the job ads and the education offerings of its region
 * (issue 18, "the skills most often named, against the skills in job ads and the skills the
 * region's offerings teach"). The demand and supply are the regional overview's own aggregates
 * ({@link OverviewAggregates}, from the labour-market and education modules' APIs), looked up, not
 * recomputed; the survey's side is only what its results publish (skills named by at least 5 and
 * the published respondent counts), so nothing here reveals a suppressed figure.
 */
@Component
class SkillComparison {

  /** How many of the most named skills the table shows. */
  static final int TOP = 15;

  /** The skill questions: ESCO skills chosen, and future skills the respondents confirmed. */
  private static final EnumSet<QuestionKind> SKILL_QUESTIONS =
      EnumSet.of(QuestionKind.ESCO_SKILL, QuestionKind.FUTURE_SKILLS);

  record Row(
      String uri,
      String label,
      long companies,
      double companiesPercent,
      int ads,
      double adsPercent,
      int onSite,
      int online) {}

  /**
   * @param area the region's code, or {@link OverviewAggregates#COUNTRY}
   * @param totalAds the area's ads in the period, the base of the ads' shares
   * @param chart the paired bar chart (SVG), null when there are no rows
   */
  record View(
      String area,
      String areaName,
      String period,
      boolean synthetic,
      long respondents,
      int totalAds,
      List<Row> rows,
      @Nullable String chart) {}

  private final OverviewAggregates aggregates;
  private final SurveyService surveys;
  private final RegionsApi regions;
  private final MessageSource messages;

  SkillComparison(
      OverviewAggregates aggregates,
      SurveyService surveys,
      RegionsApi regions,
      MessageSource messages) {
    this.aggregates = aggregates;
    this.surveys = surveys;
    this.regions = regions;
    this.messages = messages;
  }

  /**
   * The comparison for published (or owner-previewed) results; null when nothing is published or
   * the survey asks no skills.
   */
  @Nullable View of(SurveyResults results, Locale locale) {
    Long respondents = results.respondents();
    if (respondents == null
        || results.questions().stream().noneMatch(q -> SKILL_QUESTIONS.contains(q.kind()))) {
      return null;
    }
    Language language = Language.of(locale);
    String area = region(results);
    String areaName =
        area.equals(OverviewAggregates.COUNTRY)
            ? msg("ri.ov.wholeCountry", locale)
            : regions.area(AreaLevel.REGION, area).map(a -> a.name(language).text()).orElse(area);
    Snapshot s = aggregates.snapshot();
    int totalAds = s.ads(area, AdDemand.Kind.ALL, "").current();
    Map<String, Long> named = results.named(SKILL_QUESTIONS);
    List<Map.Entry<String, Long>> top = named.entrySet().stream().limit(TOP).toList();
    Map<String, String> labels =
        surveys.labels(top.stream().map(Map.Entry::getKey).toList(), language);
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Long> e : top) {
      String uri = e.getKey();
      long companies = e.getValue();
      int ads = s.ads(area, AdDemand.Kind.SKILL, uri).current();
      Supply supply = s.supply(area, uri);
      rows.add(
          new Row(
              uri,
              labels.getOrDefault(uri, uri),
              companies,
              100.0 * companies / respondents,
              ads,
              totalAds == 0 ? 0 : 100.0 * ads / totalAds,
              supply.onSite(),
              supply.online()));
    }
    String period = RegionalOverviewController.period(s);
    String chart =
        rows.isEmpty()
            ? null
            : BarChart.pairs(
                "compare-chart",
                msg("ri.compare.chart.title", locale, areaName),
                msg("ri.compare.chart.description", locale, rows.size(), respondents, totalAds),
                rows.stream().map(Row::label).toList(),
                rows.stream().map(Row::companiesPercent).toList(),
                rows.stream().map(Row::adsPercent).toList());
    return new View(
        area, areaName, period, s.synthetic(), respondents, totalAds, List.copyOf(rows), chart);
  }

  /**
   * The survey's region: the one with the most respondents among the published region counts (ties
   * to the smaller code); the whole country where no region's count is published.
   */
  static String region(SurveyResults results) {
    return results.background().stream()
        .filter(b -> b.dimension() == Dimension.REGION)
        .flatMap(b -> b.groups().stream())
        .filter(g -> g.count() != null)
        .max(
            Comparator.comparing((SurveyResults.GroupCount g) -> Objects.requireNonNull(g.count()))
                .thenComparing(SurveyResults.GroupCount::group, Comparator.reverseOrder()))
        .map(SurveyResults.GroupCount::group)
        .orElse(OverviewAggregates.COUNTRY);
  }

  private String msg(String key, Locale locale, Object... args) {
    return Objects.requireNonNullElse(messages.getMessage(key, args, key, locale), key);
  }
}
