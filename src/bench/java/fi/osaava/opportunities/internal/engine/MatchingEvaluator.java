package fi.osaava.opportunities.internal.engine;

import fi.osaava.opportunities.OpportunityKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The matching evaluation on ground truth derived from ESCO, Osaava and the baselines in one run.
 *
 * <p>Occupation recall: for each sampled occupation a synthetic person holds 70% of its essential
 * skills plus noise skills (30% as many, at least two, drawn from all occupations' skills); every
 * occupation is ranked and the true one's rank gives Recall@10 and MRR. The baseline ranks by plain
 * overlap (how many of the occupation's skills the person holds).
 *
 * <p>Path quality: for each sampled goal a person holds 50% of its essential skills; the gap is the
 * other half. Under a credit budget, Osaava's path (CP-SAT) is compared with the peer's greedy
 * selection by missing skills covered ÷ the offering's skills; Osaava is also run with the budget
 * set to what the greedy path used, to compare coverage at no more credits.
 */
public final class MatchingEvaluator {

  /** Share of a goal's essential skills the synthetic person holds in the recall task. */
  public static final double RECALL_HELD = 0.7;

  /** Share of the goal's essential skills held in the path task. */
  public static final double PATH_HELD = 0.5;

  private final Matcher matcher;
  private final GapFinder gaps;
  private final PathComposer composer;

  public MatchingEvaluator(MatchIndex index, PathComposer composer) {
    this.matcher = new Matcher(index);
    this.gaps = new GapFinder(index);
    this.composer = composer;
  }

  /** Recall@10 and MRR for Osaava and the overlap baseline. */
  public record RecallResult(
      int occupations, double recall10, double mrr, double baselineRecall10, double baselineMrr) {}

  /** Mean coverage, credits and offerings per goal for both methods, and the per-goal outcomes. */
  public record PathResult(
      int goals,
      double budget,
      double coverage,
      double credits,
      double offerings,
      double baselineCoverage,
      double baselineCredits,
      double baselineOfferings,
      double coverageAtBaselineCredits,
      double creditsAtBaselineCredits,
      double shareHigherCoverage,
      double shareNotLowerAtBaselineCredits,
      double shareSolverTimeLimit,
      double p95Millis) {}

  public RecallResult occupationRecall(int count, long seed, Consumer<String> progress) {
    MatchIndex index = matcher.index();
    List<OccupationEntry> occupations = index.occupations();
    SplittableRandom random = new SplittableRandom(seed);
    int[] eligible =
        IntStream.range(0, occupations.size())
            .filter(i -> occupations.get(i).essential().length >= 2)
            .toArray();
    int[] noisePool =
        occupations.stream()
            .flatMapToInt(
                o -> IntStream.concat(Arrays.stream(o.essential()), Arrays.stream(o.optional())))
            .distinct()
            .toArray();
    int[] goals = SyntheticOfferings.sample(eligible, Math.min(count, eligible.length), random);
    MatchQuery query = MatchQuery.skillsOnly(java.util.Set.of(OpportunityKind.OCCUPATION), 10);
    int hits = 0;
    int baselineHits = 0;
    double reciprocal = 0;
    double baselineReciprocal = 0;
    for (int g = 0; g < goals.length; g++) {
      OccupationEntry goal = occupations.get(goals[g]);
      int keep = Math.max(1, (int) Math.round(goal.essential().length * RECALL_HELD));
      int[] held = SyntheticOfferings.sample(goal.essential(), keep, random);
      int noise = Math.max(2, (int) Math.round(keep * 0.3));
      int[] noisy = Arrays.copyOf(held, held.length + noise);
      for (int k = 0; k < noise; k++) {
        noisy[held.length + k] = noisePool[random.nextInt(noisePool.length)];
      }
      MatchProfile profile =
          MatchProfile.of(index.graph(), noisy, new int[0], new int[0], Map.of());
      int rank = Matcher.rankOf(matcher.occupationScores(profile, query), goals[g]);
      int baselineRank = Matcher.rankOf(overlap(profile), goals[g]);
      hits += rank <= 10 ? 1 : 0;
      baselineHits += baselineRank <= 10 ? 1 : 0;
      reciprocal += 1.0 / rank;
      baselineReciprocal += 1.0 / baselineRank;
      if ((g + 1) % 100 == 0) {
        progress.accept("occupation recall: " + (g + 1) + "/" + goals.length);
      }
    }
    int n = goals.length;
    return new RecallResult(
        n, hits / (double) n, reciprocal / n, baselineHits / (double) n, baselineReciprocal / n);
  }

  /** The plain overlap baseline: the number of the occupation's skills the person holds. */
  double[] overlap(MatchProfile profile) {
    List<OccupationEntry> occupations = matcher.index().occupations();
    double[] out = new double[occupations.size()];
    for (int i = 0; i < out.length; i++) {
      OccupationEntry o = occupations.get(i);
      int count = 0;
      for (int s : o.essential()) {
        count += profile.holds(s) ? 1 : 0;
      }
      for (int s : o.optional()) {
        count += profile.holds(s) ? 1 : 0;
      }
      out[i] = count;
    }
    return out;
  }

  public PathResult pathQuality(int count, double budget, long seed, Consumer<String> progress) {
    MatchIndex index = matcher.index();
    List<OccupationEntry> occupations = index.occupations();
    SplittableRandom random = new SplittableRandom(seed);
    int[] eligible =
        IntStream.range(0, occupations.size())
            .filter(i -> occupations.get(i).essential().length >= 4)
            .toArray();
    int[] goals = SyntheticOfferings.sample(eligible, Math.min(count, eligible.length), random);
    double coverage = 0;
    double credits = 0;
    double offerings = 0;
    double baseCoverage = 0;
    double baseCredits = 0;
    double baseOfferings = 0;
    double tightCoverage = 0;
    double tightCredits = 0;
    int higher = 0;
    int notLower = 0;
    int timeLimits = 0;
    List<Double> millis = new ArrayList<>();
    for (int g = 0; g < goals.length; g++) {
      OccupationEntry goal = occupations.get(goals[g]);
      int keep = Math.max(1, (int) Math.round(goal.essential().length * PATH_HELD));
      int[] held = SyntheticOfferings.sample(goal.essential(), keep, random);
      MatchProfile profile = MatchProfile.of(index.graph(), held, new int[0], new int[0], Map.of());
      List<GapSkill> gap = gaps.gap(goal.essential(), new int[0], profile, null);
      long start = System.nanoTime();
      PathComposer.PathPlan path = composer.compose(gap, PathConstraints.credits(budget)).best();
      millis.add((System.nanoTime() - start) / 1e6);
      PathComposer.PathPlan greedy = composer.greedyRatio(gap, PathConstraints.credits(budget));
      PathComposer.PathPlan tight =
          composer.compose(gap, PathConstraints.credits(greedy.credits())).best();
      double share = path.coverageShare(gap.size());
      double baseShare = greedy.coverageShare(gap.size());
      double tightShare = tight.coverageShare(gap.size());
      coverage += share;
      credits += path.credits();
      offerings += path.offerings().size();
      baseCoverage += baseShare;
      baseCredits += greedy.credits();
      baseOfferings += greedy.offerings().size();
      tightCoverage += tightShare;
      tightCredits += tight.credits();
      higher += share > baseShare + 1e-9 ? 1 : 0;
      notLower +=
          tightShare >= baseShare - 1e-9 && tight.credits() <= greedy.credits() + 1e-9 ? 1 : 0;
      timeLimits += path.outcome().timeLimitHit() ? 1 : 0;
      if ((g + 1) % 50 == 0) {
        progress.accept("path quality: " + (g + 1) + "/" + goals.length);
      }
    }
    int n = Math.max(1, goals.length);
    return new PathResult(
        goals.length,
        budget,
        coverage / n,
        credits / n,
        offerings / n,
        baseCoverage / n,
        baseCredits / n,
        baseOfferings / n,
        tightCoverage / n,
        tightCredits / n,
        higher / (double) n,
        notLower / (double) n,
        timeLimits / (double) n,
        percentile(millis, 0.95));
  }

  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  /** Gap coverage bought per ten credits, from the averages; "–" when no credits were used. */
  static String perTenCredits(double coverage, double credits) {
    return credits <= 0 ? "–" : String.format(Locale.ROOT, "%.4f", 10 * coverage / credits);
  }

  /** The markdown section for {@code docs/benchmarks.md}. */
  public static String markdown(RecallResult recall, PathResult path, String catalogue, long seed) {
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            """
            Occupation recall (%d ESCO occupations, person holds %.0f%% of essential skills plus \
            noise skills, seed %d):

            | method | Recall@10 | MRR |
            |---|---|---|
            | Osaava (coverage with ESCO proximity) | %.3f | %.3f |
            | plain overlap baseline | %.3f | %.3f |

            """,
            recall.occupations(),
            RECALL_HELD * 100,
            seed,
            recall.recall10(),
            recall.mrr(),
            recall.baselineRecall10(),
            recall.baselineMrr()));
    if (path == null) {
      md.append("Path quality: not run (no offerings with skills in the catalogue).\n");
      return md.toString();
    }
    md.append(
        String.format(
            Locale.ROOT,
            """
            Path quality (%d goals, person holds %.0f%% of essential skills, %.0f-credit budget, \
            catalogue: %s; an offering enters a path only when it teaches a missing essential \
            skill or mostly missing skills):

            | method | gap coverage | credits used | offerings | coverage per 10 credits |
            |---|---|---|---|---|
            | Osaava (CP-SAT), %.0f credits | %.3f | %.1f | %.2f | %s |
            | Osaava (CP-SAT), budget = credits the greedy path used | %.3f | %.1f | – | %s |
            | greedy by peer ratio (missing covered ÷ total skills), %.0f credits | %.3f | %.1f | %.2f | %s |

            Goals where Osaava covers more than the greedy baseline: %.1f%%. Goals where Osaava, \
            held to the greedy path's credits, covers at least as much: %.1f%%. Solver stopped by \
            its time limit in %.1f%% of goals; path p95 %.1f ms.
            """,
            path.goals(),
            PATH_HELD * 100,
            path.budget(),
            catalogue,
            path.budget(),
            path.coverage(),
            path.credits(),
            path.offerings(),
            perTenCredits(path.coverage(), path.credits()),
            path.coverageAtBaselineCredits(),
            path.creditsAtBaselineCredits(),
            perTenCredits(path.coverageAtBaselineCredits(), path.creditsAtBaselineCredits()),
            path.budget(),
            path.baselineCoverage(),
            path.baselineCredits(),
            path.baselineOfferings(),
            perTenCredits(path.baselineCoverage(), path.baselineCredits()),
            path.shareHigherCoverage() * 100,
            path.shareNotLowerAtBaselineCredits() * 100,
            path.shareSolverTimeLimit() * 100,
            path.p95Millis()));
    return md.toString();
  }
}
