package fi.osaava.servicenetwork;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.platform.GradedMetrics;
import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.servicenetwork.internal.Recommendations;
import fi.osaava.servicenetwork.internal.Recommendations.Reason;
import fi.osaava.servicenetwork.internal.Recommendations.Recommendation;
import fi.osaava.servicenetwork.internal.bench.ServiceJudgements.JudgedQuery;
import fi.osaava.servicenetwork.internal.bench.ServiceRecommendationEvaluation;
import fi.osaava.servicenetwork.internal.bench.ServiceRecommendationEvaluation.Engine;
import fi.osaava.servicenetwork.internal.bench.ServiceRecommendationEvaluation.Result;
import fi.osaava.servicenetwork.internal.search.ServiceQuery;
import fi.osaava.servicenetwork.internal.search.ServiceSearch;
import fi.osaava.servicenetwork.internal.search.ServiceSearch.Scored;
import fi.osaava.web.WebTestBase;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The recommendations' goal rule on the real general descriptions, and the judged set of {@code
 * ./osaava evaluate service-recommendations} against the catalogue it judges.
 */
class ServiceRecommendationEvaluationTest extends WebTestBase {

  @Autowired ServiceDirectory directory;
  @Autowired Recommendations recommendations;
  @Autowired ServiceRecommendationEvaluation evaluation;
  @Autowired ServiceSearch search;
  @Autowired RegionsApi regions;

  @BeforeEach
  void catalogue() {
    ServicesTestData.ensureImported(directory);
  }

  @Test
  void theGoalOrdersTheSituationsServicesAndNeverDropsOne() {
    List<Recommendation> plain =
        recommendations.recommend(LifeSituation.UNEMPLOYED, null, Language.FI, 1_000);
    List<Recommendation> withGoal =
        recommendations.recommend(
            LifeSituation.UNEMPLOYED, "kuntouttava työtoiminta", null, Language.FI, 1_000);
    // Other tests push providers' services, which rank above the general descriptions (rank 1):
    // the goal orders within a rank, so it is checked among the general descriptions.
    List<Recommendation> general =
        withGoal.stream()
            .filter(r -> r.service().generalDescription())
            .filter(r -> serves(r, LifeSituation.UNEMPLOYED))
            .toList();
    assertThat(general.getFirst().service().name().get(Language.FI))
        .isEqualTo("Kuntouttava työtoiminta");
    assertThat(reasonKeys(general.getFirst())).containsExactly("situation", "goal", "general");
    // Every service of the situation is still there; the goal only reorders them.
    assertThat(ids(withGoal.stream().filter(r -> serves(r, LifeSituation.UNEMPLOYED)).toList()))
        .isEqualTo(ids(plain));
    // Those the goal finds come before those it does not.
    List<Boolean> found = general.stream().map(r -> reasonKeys(r).contains("goal")).toList();
    assertThat(found.indexOf(false)).isGreaterThan(0);
    assertThat(found.subList(found.indexOf(false), found.size())).doesNotContain(true);
  }

  @Test
  void servicesTheGoalFindsOutsideTheSituationComeAfterAllOfItsOwn() {
    List<Recommendation> found =
        recommendations.recommend(
            LifeSituation.AT_RISK_OF_UNEMPLOYMENT,
            "talous- ja velkaneuvonta",
            null,
            Language.FI,
            1_000);
    int debt =
        found.stream()
            .map(r -> r.service().name().get(Language.FI))
            .toList()
            .indexOf("Talous- ja velkaneuvonta");
    assertThat(debt).isPositive();
    // Debt advice serves no such situation, but the goal names it: the best, so a strong, match.
    assertThat(reasonKeys(found.get(debt))).containsExactly("goal", "general");
    // All of the situation's own services come first, strong matches from outside after them.
    List<Boolean> serving =
        found.stream().map(r -> serves(r, LifeSituation.AT_RISK_OF_UNEMPLOYMENT)).toList();
    int firstOther = serving.indexOf(false);
    assertThat(firstOther).isPositive().isLessThanOrEqualTo(debt);
    assertThat(serving.subList(firstOther, serving.size())).doesNotContain(true);
  }

  @Test
  void onlyMatchesScoredNearTheBestAreSaidToMatchTheGoal() {
    // The oracle: the directory search's own scores for the goal, against the documented share.
    List<String> goals =
        List.of(
            "haluan ryhtyä yrittäjäksi",
            "jag vill starta ett företag",
            "I want to learn Finnish and find a job",
            "kuntouttava työtoiminta",
            "oppisopimus");
    int weakSeen = 0;
    for (String goal : goals) {
      List<Scored> hits =
          search.ranked(
              new ServiceQuery(goal, java.util.Map.of(), Paging.first(1), Language.FI), 2_000);
      assertThat(hits).as(goal).isNotEmpty();
      float best = hits.getFirst().score();
      Set<UUID> strong =
          hits.stream()
              .filter(h -> h.score() >= Recommendations.STRONG_SHARE * best)
              .map(h -> h.service().id())
              .collect(Collectors.toSet());
      weakSeen += hits.size() - strong.size();
      for (LifeSituation situation : LifeSituation.values()) {
        for (Recommendation r :
            recommendations.recommend(situation, goal, null, Language.FI, 1_000)) {
          assertThat(reasonKeys(r).contains("goal"))
              .as(goal + ", " + situation + ": " + r.service().name())
              .isEqualTo(strong.contains(r.service().id()));
        }
      }
    }
    assertThat(weakSeen).as("matches too weak to be said to match").isPositive();
  }

  @Test
  void aGoalToStartABusinessDoesNotSayApprenticeshipMatchesIt() {
    Area tampere = regions.area(AreaLevel.MUNICIPALITY, "837").orElseThrow();
    for (var goal :
        java.util.Map.of(
                Language.FI,
                "haluan ryhtyä yrittäjäksi",
                Language.SV,
                "jag vill starta ett företag")
            .entrySet()) {
      List<Recommendation> general =
          recommendations
              .recommend(LifeSituation.UNEMPLOYED, goal.getValue(), tampere, goal.getKey(), 1_000)
              .stream()
              .filter(r -> r.service().generalDescription())
              .toList();
      // The goal's strong matches among them are said to match it.
      assertThat(general)
          .as(goal.getValue())
          .anySatisfy(r -> assertThat(reasonKeys(r)).contains("goal"));
      // Apprenticeship shares a word with the goal at most: it is not said to match it.
      assertThat(general)
          .filteredOn(r -> "Apprenticeship training".equals(r.service().name().get(Language.EN)))
          .allSatisfy(r -> assertThat(reasonKeys(r)).as(goal.getValue()).doesNotContain("goal"));
    }
  }

  @Test
  void theJudgedSetCoversEverySituationAndLanguageWithCataloguedServices() {
    Result result = evaluation.run(Path.of("docs/evaluation/service-recommendations.tsv"));
    assertThat(result.missing()).as("judged services missing from the catalogue").isEmpty();
    List<JudgedQuery> queries = result.queries();
    assertThat(queries).hasSizeGreaterThanOrEqualTo(40);
    assertThat(queries.stream().map(JudgedQuery::situation).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(LifeSituation.values());
    assertThat(queries.stream().map(JudgedQuery::language).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(Language.FI, Language.SV, Language.EN);
    for (String split : List.of("dev", "test")) {
      assertThat(queries.stream().filter(q -> q.split().equals(split)).count())
          .as("queries in " + split)
          .isGreaterThanOrEqualTo(queries.size() / 2 - 1);
    }
    // The goal is what the rule adds: without it the ranking must not be the better one.
    GradedMetrics plain = result.scores().get(Engine.RECOMMENDATIONS).get("all");
    GradedMetrics withGoal = result.scores().get(Engine.RECOMMENDATIONS_WITH_GOAL).get("all");
    assertThat(withGoal.ndcg()).isGreaterThan(plain.ndcg());
  }

  private static boolean serves(Recommendation r, LifeSituation situation) {
    return r.service().lifeSituationCodes().contains(situation.name());
  }

  private static List<String> reasonKeys(Recommendation r) {
    return r.reasons().stream().map(Reason::key).toList();
  }

  private static Set<UUID> ids(List<Recommendation> found) {
    return found.stream().map(r -> r.service().id()).collect(Collectors.toSet());
  }
}
