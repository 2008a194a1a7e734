package fi.osaava.opportunities.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.education.EducationLevel;
import fi.osaava.education.OfferingId;
import fi.osaava.taxonomy.ConceptUri;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The path composer on small catalogues whose best path can be found by trying every set of
 * offerings: the relevance floor keeps out offerings that only brush the goal, every stated limit
 * holds, and within them the path covers as much as any admissible set does.
 */
class PathComposerTest {

  private static final Duration SOLVE = Duration.ofSeconds(5);

  private static SkillGraph graph(int skills) {
    SkillGraph.Builder builder = SkillGraph.builder();
    for (int i = 0; i < skills; i++) {
      builder.add(ConceptUri.of("http://data.europa.eu/esco/skill/test-" + i));
    }
    return builder.build();
  }

  private static OfferingEntry offering(
      String name,
      EducationLevel level,
      int[] skills,
      double credits,
      int months,
      double cost,
      boolean online) {
    return new OfferingEntry(
        new OfferingId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8))),
        level,
        null,
        skills,
        credits,
        months,
        cost,
        online,
        Set.of(),
        0,
        new int[0],
        false,
        Double.NaN);
  }

  private static GapSkill gapSkill(int skill, boolean essential, double importance) {
    return new GapSkill(skill, essential, importance, 0, List.of());
  }

  /**
   * Occupations that all require skill 5 (as every occupation requires customer service) and each
   * one skill of its own.
   */
  private static List<OccupationEntry> occupationsSharing(int skill, int count) {
    List<OccupationEntry> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      out.add(
          new OccupationEntry(
              ConceptUri.of("http://data.europa.eu/esco/occupation/test-" + k),
              null,
              new int[] {skill},
              new int[0],
              null,
              Double.NaN));
    }
    return out;
  }

  /**
   * A cook's gap: three essential skills (0, 1 and the transversal 5) and three optional ones (2,
   * 3, 4); skills 10 and up belong to other fields. A spare-parts store unit teaches one optional
   * skill among two of its own, a hiking unit one among one of its own, a vehicle sales unit only
   * the transversal skill: none is a step towards the goal, though each is the only offering
   * teaching its skill and fits the budget.
   */
  @Test
  void theFloorKeepsOutOfferingsThatOnlyBrushTheGoal() {
    SkillGraph graph = graph(20);
    List<GapSkill> gap =
        List.of(
            gapSkill(0, true, 1),
            gapSkill(1, true, 1),
            gapSkill(5, true, 1),
            gapSkill(2, false, 0.5),
            gapSkill(3, false, 0.5),
            gapSkill(4, false, 0.5));
    OfferingEntry spareParts =
        offering(
            "spare-parts",
            EducationLevel.QUALIFICATION_UNIT,
            new int[] {2, 10, 11},
            5,
            -1,
            0,
            false);
    OfferingEntry hiking =
        offering("hiking", EducationLevel.QUALIFICATION_UNIT, new int[] {3, 12}, 5, -1, 0, false);
    OfferingEntry cooking =
        offering(
            "cooking",
            EducationLevel.QUALIFICATION_UNIT,
            new int[] {0, 13, 14, 15, 16, 17},
            10,
            -1,
            0,
            false);
    OfferingEntry menus =
        offering("menus", EducationLevel.COMPETENCE_BADGE, new int[] {3, 4}, 1, -1, 0, true);
    OfferingEntry vehicleSales =
        offering(
            "vehicle-sales", EducationLevel.QUALIFICATION_UNIT, new int[] {5}, 5, -1, 0, false);
    List<OfferingEntry> offerings = List.of(spareParts, hiking, cooking, menus, vehicleSales);
    MatchIndex index =
        new MatchIndex(graph, occupationsSharing(5, 40), List.of(), offerings, new float[20]);
    PathConstraints limits = PathConstraints.credits(30);
    assertThat(offerings).allMatch(limits::admits);

    PathComposer composer = new PathComposer(index, SOLVE);
    PathComposer.PathResult result = composer.compose(gap, limits);

    // The floor: the cooking unit (an essential skill among many of its own) and the menu badge
    // (only what the goal misses) enter; the three units from other fields do not.
    assertThat(result.candidates()).isEqualTo(2);
    for (PathComposer.PathPlan plan : List.of(result.best(), result.cheapest(), result.fastest())) {
      assertThat(plan.offerings()).doesNotContain(0, 1, 4);
    }
    assertThat(result.best().offerings()).containsExactlyInAnyOrder(2, 3);
    assertThat(result.best().uncovered()).containsExactlyInAnyOrder(1, 5, 2);
    assertThat(composer.greedyRatio(gap, limits).offerings()).doesNotContain(0, 1, 4);
  }

  @Test
  void relevanceNeedsASpecificMissingEssentialSkillOrMostlyMissingOnes() {
    assertThat(PathComposer.relevant(true, 1, 20)).isTrue();
    assertThat(PathComposer.relevant(false, 2, 3)).isTrue();
    assertThat(PathComposer.relevant(false, 1, 2)).isFalse();
    assertThat(PathComposer.relevant(false, 1, 3)).isFalse();
    assertThat(PathComposer.relevant(false, 0, 0)).isFalse();
    assertThat(PathComposer.relevant(true, 0, 1)).isFalse();
  }

  /**
   * Random small catalogues (seeded): the oracle tries every set of the offerings that touch the
   * gap, keeping those it finds relevant by its own count and within every limit, and the path must
   * cover the best weight any of them covers, with no more credits than the cheapest such set in
   * credits; its alternatives keep the limits and the floor too.
   */
  @Test
  void thePathIsTheBestRelevantSetWithinEveryLimit() {
    EducationLevel[] levels = {
      EducationLevel.QUALIFICATION_UNIT,
      EducationLevel.COMPETENCE_BADGE,
      EducationLevel.SHORT_COURSE,
      EducationLevel.MOOC,
      EducationLevel.DEGREE,
      EducationLevel.VOCATIONAL_QUALIFICATION
    };
    int floorFired = 0;
    for (long seed = 1; seed <= 40; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      int skills = 40;
      SkillGraph graph = graph(skills);
      List<GapSkill> gap = new ArrayList<>();
      boolean[] inGap = new boolean[skills];
      boolean[] essential = new boolean[skills];
      int gapSize = 6 + random.nextInt(7);
      while (gap.size() < gapSize) {
        int s = random.nextInt(skills);
        if (!inGap[s]) {
          inGap[s] = true;
          essential[s] = random.nextInt(3) == 0;
          gap.add(gapSkill(s, essential[s], 0.1 + 0.9 * random.nextDouble()));
        }
      }
      List<OfferingEntry> offerings = new ArrayList<>();
      int count = 8 + random.nextInt(7);
      for (int j = 0; j < count; j++) {
        int taught = 1 + random.nextInt(6);
        int[] teaches = random.ints(taught, 0, skills).distinct().sorted().toArray();
        offerings.add(
            offering(
                "o" + seed + "-" + j,
                levels[random.nextInt(levels.length)],
                teaches,
                random.nextInt(5) == 0 ? Double.NaN : 1 + random.nextInt(20),
                random.nextInt(4) == 0 ? -1 : 1 + random.nextInt(8),
                random.nextInt(4) == 0 ? Double.NaN : random.nextInt(300),
                random.nextBoolean()));
      }
      PathConstraints limits =
          new PathConstraints(
              (double) (5 + random.nextInt(30)),
              random.nextBoolean() ? null : 2 + random.nextInt(10),
              random.nextInt(3) == 0 ? (double) random.nextInt(500) : null,
              null,
              false,
              null,
              null,
              null,
              false);
      // Forty occupations, each requiring one or two of a few common skills and one of its own.
      List<OccupationEntry> occupations = new ArrayList<>();
      int[] requiredBy = new int[skills];
      for (int k = 0; k < 40; k++) {
        int[] required =
            java.util.stream.IntStream.of(random.nextInt(3), random.nextInt(3), 3 + k % 37)
                .distinct()
                .sorted()
                .toArray();
        for (int s : required) {
          requiredBy[s]++;
        }
        occupations.add(
            new OccupationEntry(
                ConceptUri.of("http://data.europa.eu/esco/occupation/r" + k),
                null,
                required,
                new int[0],
                null,
                Double.NaN));
      }
      MatchIndex index =
          new MatchIndex(graph, occupations, List.of(), offerings, new float[skills]);

      // The oracle's own view of which offerings may enter: a skill that more than one of the
      // forty occupations require (2.5%) is transversal and makes nothing relevant.
      List<Integer> allowed = new ArrayList<>();
      for (int j = 0; j < offerings.size(); j++) {
        OfferingEntry o = offerings.get(j);
        int missing = 0;
        int specific = 0;
        boolean teachesEssential = false;
        for (int s : o.skills()) {
          if (inGap[s]) {
            missing++;
            if (requiredBy[s] <= 1) {
              specific++;
              teachesEssential |= essential[s];
            }
          }
        }
        boolean relevant = teachesEssential || (specific > 0 && 2 * specific > o.skills().length);
        if (missing > 0 && !relevant && limits.admits(o)) {
          floorFired++;
        }
        if (relevant && limits.admits(o)) {
          allowed.add(j);
        }
      }
      int bestWeight = 0;
      double bestCredits = 0;
      for (int mask = 0; mask < 1 << allowed.size(); mask++) {
        double credits = 0;
        double cost = 0;
        int months = 0;
        boolean[] covered = new boolean[skills];
        for (int b = 0; b < allowed.size(); b++) {
          if ((mask & 1 << b) != 0) {
            OfferingEntry o = offerings.get(allowed.get(b));
            credits += o.budgetCredits();
            cost += o.costOrZero();
            months += o.budgetMonths();
            for (int s : o.skills()) {
              covered[s] = true;
            }
          }
        }
        if (credits > limits.maxCredits() + 1e-9
            || (limits.maxMonths() != null && months > limits.maxMonths())
            || (limits.maxCost() != null && cost > limits.maxCost())) {
          continue;
        }
        int weight = gap.stream().filter(g -> covered[g.skill()]).mapToInt(GapSkill::weight).sum();
        if (weight > bestWeight || (weight == bestWeight && credits < bestCredits)) {
          bestWeight = weight;
          bestCredits = credits;
        }
      }

      PathComposer.PathResult result = new PathComposer(index, SOLVE).compose(gap, limits);
      String why = "seed " + seed + ", allowed " + allowed + ", limits " + limits;
      assertThat(result.best().weightCovered()).as(why).isEqualTo(bestWeight);
      assertThat(result.best().credits()).as(why).isCloseTo(bestCredits, Offset.offset(1e-9));
      for (PathComposer.PathPlan plan :
          List.of(result.best(), result.cheapest(), result.fastest())) {
        assertThat(allowed).as(why + ", " + plan.label()).containsAll(plan.offerings());
        assertThat(plan.credits()).as(why).isLessThanOrEqualTo(limits.maxCredits());
        if (limits.maxMonths() != null) {
          assertThat(plan.months()).as(why).isLessThanOrEqualTo(limits.maxMonths());
        }
        if (limits.maxCost() != null) {
          assertThat(plan.cost()).as(why).isLessThanOrEqualTo(limits.maxCost());
        }
        assertThat(plan.weightCovered())
            .as(why + ", " + plan.label())
            .isGreaterThanOrEqualTo(
                (int) Math.ceil(bestWeight * PathComposer.ALTERNATIVE_COVERAGE));
      }
    }
    // The random catalogues must exercise the floor, or the test proves nothing about it.
    assertThat(floorFired).isGreaterThan(10);
  }
}
