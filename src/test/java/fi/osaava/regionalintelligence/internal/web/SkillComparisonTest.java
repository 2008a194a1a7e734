package fi.osaava.regionalintelligence.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.osaava.education.EducationApi;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationTestData;
import fi.osaava.labourmarket.AdDemand;
import fi.osaava.labourmarket.LabourMarketApi;
import fi.osaava.labourmarket.LabourMarketImports;
import fi.osaava.labourmarket.LabourMarketTestData;
import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.internal.QuestionKind;
import fi.osaava.regionalintelligence.internal.Survey;
import fi.osaava.regionalintelligence.internal.SurveyResponse;
import fi.osaava.regionalintelligence.internal.SurveyResults;
import fi.osaava.regionalintelligence.internal.SurveyService;
import fi.osaava.regionalintelligence.internal.SurveyStore;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.web.WebTestBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A survey's most named skills against its region's job ads and offerings: the figures are those of
 * the labour-market and education APIs, counted here independently of the overview's aggregates; a
 * skill named by fewer than 5 never shows, and when the region's respondent count is hidden (also
 * by complementary suppression) the comparison falls back to the whole country rather than reveal
 * the region.
 */
class SkillComparisonTest extends WebTestBase {

  @Autowired LabourMarketImports labourMarketImports;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired EducationCatalogue catalogue;
  @Autowired EducationApi education;
  @Autowired LabourMarketApi labourMarket;
  @Autowired RegionsApi regions;
  @Autowired OverviewAggregates overview;
  @Autowired SurveyStore store;
  @Autowired SurveyService surveys;
  @Autowired SkillComparison comparison;

  /** Ads and offerings by skill in an area, counted from the two modules' APIs. */
  record Oracle(int totalAds, Map<String, Integer> ads, Map<String, int[]> offerings) {}

  Oracle uusimaa;
  Oracle country;

  @BeforeEach
  void demandAndSupply() {
    LabourMarketTestData.ensure(labourMarketImports, jdbcTemplate);
    EducationTestData.ensureImported(catalogue);
    education.identifyPendingSkills();
    overview.invalidate();
    Set<String> inUusimaa = new HashSet<>();
    for (Area m : regions.areas(AreaLevel.MUNICIPALITY)) {
      if ("01".equals(m.regionCode())) {
        inUusimaa.add(m.code());
      }
    }
    uusimaa = oracle(inUusimaa::contains);
    country = oracle(m -> true);
  }

  private Oracle oracle(Predicate<String> inArea) {
    AdDemand demand = labourMarket.adDemand();
    int total = 0;
    Map<String, Integer> ads = new HashMap<>();
    for (AdDemand.Cell c : demand.cells()) {
      if (!inArea.test(c.municipalityCode())) {
        continue;
      }
      if (c.kind() == AdDemand.Kind.ALL) {
        total += c.current();
      } else if (c.kind() == AdDemand.Kind.SKILL) {
        ads.merge(c.item(), c.current(), Integer::sum);
      }
    }
    // [on site in the area, online]; an offering that is online counts as online only.
    Map<String, int[]> offerings = new HashMap<>();
    education.forEachMatchableOffering(
        Language.FI,
        o -> {
          boolean here = o.municipalityCodes().stream().anyMatch(inArea);
          for (var skill : o.skills()) {
            int[] n = offerings.computeIfAbsent(skill.value(), k -> new int[2]);
            if (o.online()) {
              n[1]++;
            } else if (here) {
              n[0]++;
            }
          }
        });
    return new Oracle(total, ads, offerings);
  }

  @Test
  void theMostNamedSkillsStandAgainstTheRegionsAdsAndOfferings() throws Exception {
    // The three skills most asked for in Uusimaa's ads, those some offering teaches first.
    List<String> skills =
        uusimaa.ads().entrySet().stream()
            .sorted(
                Comparator.comparing(
                        (Map.Entry<String, Integer> e) -> taught(uusimaa, e.getKey()) ? 0 : 1)
                    .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
                    .thenComparing(Map.Entry::getKey))
            .map(Map.Entry::getKey)
            .limit(3)
            .toList();
    assertThat(skills).hasSize(3);
    assertThat(taught(uusimaa, skills.getFirst()))
        .as("the test data teaches a wanted skill")
        .isTrue();
    String x = skills.get(0);
    String y = skills.get(1);
    String z = skills.get(2);
    // 11 companies, 6 in Helsinki and 5 in Tampere: both regions' counts are published. x is
    // named by 7 (and by 3 of them again as a future skill), y by 4 only, z confirmed by 5.
    Survey survey =
        survey(
            11,
            i -> i < 6 ? "091" : "837",
            i -> i < 7 ? List.of(x) : i < 11 ? List.of(y) : List.of(),
            i -> i < 3 ? List.of(z, x) : i < 5 ? List.of(z) : List.of());
    SurveyResults results = surveys.results(survey);
    SkillComparison.View view = comparison.of(results, Locale.ENGLISH);
    assertThat(view).isNotNull();
    assertThat(view.area()).isEqualTo("01");
    assertThat(view.areaName()).isEqualTo("Uusimaa");
    assertThat(view.respondents()).isEqualTo(11);
    assertThat(view.totalAds()).isEqualTo(uusimaa.totalAds()).isPositive();
    assertThat(view.rows()).extracting(SkillComparison.Row::uri).containsExactly(x, z);
    assertThat(view.rows()).extracting(SkillComparison.Row::companies).containsExactly(7L, 5L);
    for (SkillComparison.Row r : view.rows()) {
      assertRow(r, uusimaa, 11);
    }
    assertThat(view.chart()).contains("<title id=\"compare-chart-title\">").contains("<desc");

    // Published, the same comparison is on the open results page, with its table and chart, and
    // the skill too few named is nowhere.
    store.close(survey.id());
    surveys.publish(store.find(survey.id()).orElseThrow());
    MockHttpServletResponse page =
        mvc.perform(get("/surveys/results/" + survey.id()).header("Accept-Language", "en"))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString())
        .contains("id=\"compare-table\"", "id=\"compare-chart\"", x, z)
        .doesNotContain(y);
  }

  @Test
  void aRegionWhoseCountIsHiddenIsNotRevealedTheWholeCountryStandsInstead() {
    String x = uusimaa.ads().keySet().stream().sorted().findFirst().orElseThrow();
    // 5 in Helsinki and 1 in Tampere: Tampere's 1 is hidden, and so is Uusimaa's 5, which would
    // reveal it (6 − 5).
    Survey survey = survey(6, i -> i < 5 ? "091" : "837", i -> List.of(x), i -> List.of());
    SurveyResults results = surveys.results(survey);
    assertThat(
            results.background().stream()
                .filter(b -> b.dimension() == SurveyResults.Dimension.REGION)
                .flatMap(b -> b.groups().stream())
                .allMatch(g -> g.count() == null))
        .isTrue();
    SkillComparison.View view = comparison.of(results, Locale.ENGLISH);
    assertThat(view).isNotNull();
    assertThat(view.area()).isEqualTo(OverviewAggregates.COUNTRY);
    assertThat(view.areaName()).isEqualTo("Whole country");
    assertThat(view.totalAds()).isEqualTo(country.totalAds());
    assertThat(view.rows()).singleElement().satisfies(r -> assertRow(r, country, 6));

    // Four companies: nothing is published, so there is nothing to compare.
    Survey few = survey(4, i -> "091", i -> List.of(x), i -> List.of());
    assertThat(comparison.of(surveys.results(few), Locale.ENGLISH)).isNull();
  }

  private static void assertRow(SkillComparison.Row r, Oracle area, long respondents) {
    assertThat(r.companies()).as(r.uri()).isGreaterThanOrEqualTo(5);
    assertThat(r.companiesPercent()).isCloseTo(100.0 * r.companies() / respondents, within());
    assertThat(r.ads()).as(r.uri()).isEqualTo(area.ads().getOrDefault(r.uri(), 0));
    assertThat(r.adsPercent()).isCloseTo(100.0 * r.ads() / area.totalAds(), within());
    int[] offerings = area.offerings().getOrDefault(r.uri(), new int[2]);
    assertThat(r.onSite()).as(r.uri()).isEqualTo(offerings[0]);
    assertThat(r.online()).as(r.uri()).isEqualTo(offerings[1]);
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  private static boolean taught(Oracle area, String skill) {
    int[] n = area.offerings().get(skill);
    return n != null && n[0] + n[1] > 0;
  }

  /** An open survey with an ESCO skill question and a future-skills one, and its responses. */
  private Survey survey(
      int companies,
      java.util.function.IntFunction<String> municipality,
      java.util.function.IntFunction<List<String>> picked,
      java.util.function.IntFunction<List<String>> confirmed) {
    UUID id =
        store.create(
            "https://compare-" + UUID.randomUUID() + ".example.fi",
            Map.of(Language.FI, "Vertailu", Language.SV, "Jämförelse", Language.EN, "Comparison"));
    Map<Language, String> texts =
        Map.of(Language.FI, "Osaamiset", Language.SV, "Kompetenser", Language.EN, "Skills");
    store.addQuestion(id, QuestionKind.ESCO_SKILL, texts, Map.of());
    store.addQuestion(id, QuestionKind.FUTURE_SKILLS, texts, Map.of());
    store.open(id);
    Survey survey = store.find(id).orElseThrow();
    UUID skillQuestion = survey.questions().get(0).id();
    UUID futureQuestion = survey.questions().get(1).id();
    List<SurveyResponse> responses = new ArrayList<>();
    for (int i = 0; i < companies; i++) {
      Map<String, List<String>> answers = new HashMap<>();
      answers.put(skillQuestion.toString(), picked.apply(i));
      answers.put(futureQuestion.toString(), confirmed.apply(i));
      responses.add(
          new SurveyResponse(
              UUID.randomUUID(),
              id,
              "synthetic-" + UUID.randomUUID(),
              "62",
              "SMALL",
              municipality.apply(i),
              "fi",
              answers,
              Instant.now()));
    }
    store.insertSubmitted(responses);
    return survey;
  }
}
