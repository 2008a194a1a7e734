package fi.osaava.opportunities.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.ReferenceData;
import fi.osaava.opportunities.OpportunitiesSlice;
import fi.osaava.opportunities.OpportunityKind;
import fi.osaava.taxonomy.ConceptUri;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine over the real ESCO 1.1.1 graph (read through the taxonomy's API, which the module
 * slice answers from the published files) and a seeded synthetic catalogue: a reduced evaluation
 * whose targets can fail, and the properties of gaps, rankings and paths.
 */
class MatchingEngineTest extends OpportunitiesSlice {

  private static final Logger log = LoggerFactory.getLogger(MatchingEngineTest.class);
  private static final ConceptUri SOFTWARE_DEVELOPER =
      ConceptUri.of("http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1");

  private static MatchIndex index;

  @BeforeEach
  void loadOnce() {
    if (index == null) {
      RiasecCodes riasec =
          RiasecCodes.read(
              ReferenceData.directory().resolve("labour-market/ammattitieto-avo-2023-02-17.jsonl"));
      EscoTables tables = EscoTables.load(taxonomy, riasec, uri -> Double.NaN);
      List<OfferingEntry> offerings =
          SyntheticOfferings.generate(tables.occupations(), 4_000, 11, LocalDate.of(2026, 11, 22));
      index =
          new MatchIndex(
              tables.graph(),
              tables.occupations(),
              List.of(),
              offerings,
              new float[tables.graph().size()]);
    }
  }

  @Test
  void occupationRecallMeetsTargetAndBeatsOverlap() {
    MatchingEvaluator evaluator =
        new MatchingEvaluator(index, new PathComposer(index, Duration.ofMillis(100)));
    MatchingEvaluator.RecallResult recall = evaluator.occupationRecall(150, 42, log::info);
    log.info("{}", recall);
    assertThat(recall.recall10()).as(recall.toString()).isGreaterThanOrEqualTo(0.9);
    assertThat(recall.mrr()).as(recall.toString()).isGreaterThan(recall.baselineMrr());
  }

  @Test
  void pathCoversAtLeastTheGreedyBaselineForFewerCredits() {
    MatchingEvaluator evaluator =
        new MatchingEvaluator(index, new PathComposer(index, Duration.ofMillis(100)));
    MatchingEvaluator.PathResult path = evaluator.pathQuality(30, 60, 43, log::info);
    assertThat(path.coverage()).as(path.toString()).isGreaterThanOrEqualTo(path.baselineCoverage());
    assertThat(path.credits()).as(path.toString()).isLessThanOrEqualTo(path.baselineCredits());
    assertThat(path.shareNotLowerAtBaselineCredits())
        .as(path.toString())
        .isGreaterThanOrEqualTo(0.95);
  }

  /** Where the budget binds, optimisation must beat greedy selection often, not just tie it. */
  @Test
  void underATightBudgetThePathCoversMoreInManyGoals() {
    MatchingEvaluator evaluator =
        new MatchingEvaluator(index, new PathComposer(index, Duration.ofMillis(100)));
    MatchingEvaluator.PathResult path = evaluator.pathQuality(30, 10, 44, log::info);
    assertThat(path.shareHigherCoverage()).as(path.toString()).isGreaterThanOrEqualTo(0.3);
    assertThat(path.credits()).as(path.toString()).isLessThanOrEqualTo(10);
  }

  @Test
  void alternativesRespectTheBudgetAndStateWhatIsUncovered() {
    OccupationEntry goal = index.occupations().get(index.occupation(SOFTWARE_DEVELOPER));
    MatchProfile nobody =
        MatchProfile.of(index.graph(), new int[0], new int[0], new int[0], Map.of());
    var gap = new GapFinder(index).gap(goal.essential(), goal.optional(), nobody, null);
    PathComposer.PathResult result =
        new PathComposer(index, Duration.ofMillis(100)).compose(gap, PathConstraints.credits(30));
    for (PathComposer.PathPlan plan : List.of(result.best(), result.cheapest(), result.fastest())) {
      assertThat(plan.credits()).isLessThanOrEqualTo(30);
      assertThat(plan.coverage().size() + plan.uncovered().size()).isEqualTo(gap.size());
    }
    assertThat(result.cheapest().weightCovered())
        .isGreaterThanOrEqualTo((int) Math.floor(0.9 * result.best().weightCovered()));
    assertThat(result.cheapest().cost()).isLessThanOrEqualTo(result.best().cost());
  }

  @Test
  void gapPutsEssentialFirstAndFindsNearSkillsInTheGraph() {
    OccupationEntry goal = index.occupations().get(index.occupation(SOFTWARE_DEVELOPER));
    int[] held = java.util.Arrays.copyOf(goal.essential(), goal.essential().length / 2);
    MatchProfile person = MatchProfile.of(index.graph(), held, new int[0], new int[0], Map.of());
    var gap = new GapFinder(index).gap(goal.essential(), goal.optional(), person, null);
    assertThat(gap).isNotEmpty();
    int firstOptional = -1;
    for (int i = 0; i < gap.size(); i++) {
      if (!gap.get(i).essential() && firstOptional < 0) {
        firstOptional = i;
      }
      if (gap.get(i).essential()) {
        assertThat(firstOptional).as("essential after optional at %d", i).isEqualTo(-1);
      }
      assertThat(person.holds(gap.get(i).skill())).isFalse();
    }
    assertThat(gap.stream().filter(g -> !g.near().isEmpty()).count()).isPositive();
  }

  @Test
  void interestsMoveTheRankingWhenTheSliderMovesToThem() {
    int developer = index.occupation(SOFTWARE_DEVELOPER);
    OccupationEntry goal = index.occupations().get(developer);
    int other = (developer + 1) % index.occupations().size();
    MatchProfile person =
        MatchProfile.of(
            index.graph(),
            index.occupations().get(other).essential(),
            new int[0],
            new int[] {developer},
            Map.of());
    Matcher matcher = new Matcher(index);
    java.util.Set<OpportunityKind> kinds = java.util.Set.of(OpportunityKind.OCCUPATION);
    MatchQuery skillsOnly = MatchQuery.skillsOnly(kinds, 10);
    MatchQuery interestsOnly =
        new MatchQuery(
            kinds,
            1,
            0,
            null,
            false,
            null,
            java.util.Set.of(),
            java.util.Set.of(),
            null,
            null,
            MatchQuery.Sort.SCORE,
            0,
            10);
    int bySkills = Matcher.rankOf(matcher.occupationScores(person, skillsOnly), developer);
    int byInterests = Matcher.rankOf(matcher.occupationScores(person, interestsOnly), developer);
    assertThat(byInterests).isEqualTo(1);
    assertThat(bySkills).isGreaterThan(byInterests);
    assertThat(goal.essential()).isNotEmpty();
  }

  /**
   * Seeded random profiles (a few held skills, liked occupations, RIASEC codes, any weights) with
   * an oracle computed here: in the score order, every occupation the person worked in comes first,
   * then every one that needs a held skill, and no interest or demand lifts an occupation needing
   * none of them above one that needs some.
   */
  @Test
  void fitComesBeforeInterestsAndDemandInTheScoreOrder() {
    long seed = new java.util.Random().nextLong();
    java.util.Random random = new java.util.Random(seed);
    Matcher matcher = new Matcher(index);
    List<OccupationEntry> occupations = index.occupations();
    for (int round = 0; round < 25; round++) {
      OccupationEntry source = occupations.get(random.nextInt(occupations.size()));
      int[] held =
          java.util.stream.IntStream.concat(
                  java.util.Arrays.stream(source.essential()).limit(1 + random.nextInt(3)),
                  java.util.stream.IntStream.of(random.nextInt(index.graph().size())))
              .toArray();
      int[] liked = {random.nextInt(occupations.size())};
      int experienced = random.nextInt(occupations.size());
      MatchProfile person =
          MatchProfile.of(index.graph(), held, new int[0], liked, Map.of('S', 1.0, 'A', 0.5))
              .withExperience(new int[] {experienced});
      MatchQuery query =
          new MatchQuery(
              java.util.Set.of(OpportunityKind.OCCUPATION),
              random.nextDouble(),
              random.nextDouble(),
              null,
              false,
              null,
              java.util.Set.of(),
              java.util.Set.of(),
              null,
              null,
              MatchQuery.Sort.SCORE,
              0,
              50);
      List<Ranked> ranked = matcher.rank(person, query).items();
      assertThat(ranked.getFirst().position()).as("seed %d", seed).isEqualTo(experienced);
      boolean seenUnrelated = false;
      for (Ranked r : ranked.subList(1, ranked.size())) {
        OccupationEntry o = occupations.get(r.position());
        boolean overlaps =
            java.util.stream.IntStream.concat(
                    java.util.Arrays.stream(o.essential()), java.util.Arrays.stream(o.optional()))
                .anyMatch(person::holds);
        if (!overlaps) {
          seenUnrelated = true;
        } else {
          assertThat(seenUnrelated)
              .as("seed %d: overlapping %s after an unrelated one", seed, o.uri())
              .isFalse();
        }
      }
    }
  }
}
