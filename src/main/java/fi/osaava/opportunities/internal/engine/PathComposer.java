package fi.osaava.opportunities.internal.engine;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Learning-path composition as weighted set cover under budget with CP-SAT: choose offerings that
 * together cover as much of the gap's weight as the constraints allow, then, at that coverage, the
 * fewest credits (the path), and at 90% of it the lowest cost and the shortest study time (the two
 * alternatives); among equals, fewer offerings and online ones first. Offerings are pre-filtered to
 * those that pass the constraints and are relevant to the goal (they teach a missing essential
 * skill, or mostly what the goal misses, transversal skills aside; see {@link #relevant}), kept to
 * the best few per gap skill, and dominated ones (another covers at least the same gap skills for
 * no more credits, cost and time) are removed, so the model stays small even over a very large
 * catalogue.
 */
public final class PathComposer {

  /** The alternatives may give up this much of the best weighted coverage. */
  public static final double ALTERNATIVE_COVERAGE = 0.9;

  /** Candidates kept per gap skill by weighted coverage per credit. */
  static final int PER_SKILL_BY_RATIO = 25;

  /** Candidates kept per gap skill by cost and by study time. */
  static final int PER_SKILL_BY_PRICE_AND_TIME = 5;

  /**
   * A skill that more than this share of the occupations require is transversal (customer service,
   * manage staff, order supplies: about the 1% most widely shared ESCO skills): every field teaches
   * it, so teaching it makes no offering a step towards a particular goal.
   */
  static final double TRANSVERSAL_SHARE = 0.025;

  /**
   * An offering that teaches none of the goal's missing essential skills (transversal ones aside)
   * enters a path only when more than this share of what it teaches is missing for the goal.
   */
  static final double MIN_OPTIONAL_SHARE = 0.5;

  static {
    Loader.loadNativeLibraries();
  }

  private final MatchIndex index;
  private final Duration solveLimit;
  private final boolean[] transversal;

  public PathComposer(MatchIndex index, Duration solveLimit) {
    this.index = index;
    this.solveLimit = solveLimit;
    int[] shared = index.occupationsPerSkill();
    double limit = TRANSVERSAL_SHARE * index.occupations().size();
    transversal = new boolean[shared.length];
    for (int s = 0; s < shared.length; s++) {
      transversal[s] = shared[s] > limit;
    }
  }

  /** An offering that covers part of the gap, with integer costs for the model. */
  record Candidate(
      int offering,
      long[] cover,
      int credits10,
      int cost,
      int months,
      int skillCount,
      boolean online) {

    boolean covers(long[] other) {
      for (int w = 0; w < cover.length; w++) {
        if ((other[w] & ~cover[w]) != 0) {
          return false;
        }
      }
      return true;
    }

    int weight(List<GapSkill> gap) {
      int sum = 0;
      for (int i = 0; i < gap.size(); i++) {
        if ((cover[i >> 6] & (1L << i)) != 0) {
          sum += gap.get(i).weight();
        }
      }
      return sum;
    }
  }

  /** How the solver ended. {@code relativeGap} is 0 when optimality was proven. */
  public record SolverOutcome(String status, boolean timeLimitHit, long objective, long bound) {

    public double relativeGap() {
      return objective == 0 ? 0 : Math.abs(bound - objective) / (double) Math.abs(objective);
    }
  }

  /**
   * One path.
   *
   * @param coverage for each covered gap skill id, the offering positions that teach it
   * @param uncovered gap skill ids the path cannot cover
   */
  public record PathPlan(
      String label,
      List<Integer> offerings,
      Map<Integer, List<Integer>> coverage,
      List<Integer> uncovered,
      double credits,
      int months,
      double cost,
      int weightCovered,
      int weightTotal,
      SolverOutcome outcome) {

    public double coverageShare(int gapSize) {
      return gapSize == 0 ? 1 : coverage.size() / (double) gapSize;
    }
  }

  /** The path and its two alternatives, with how far the catalogue was narrowed. */
  public record PathResult(
      PathPlan best, PathPlan cheapest, PathPlan fastest, int candidates, int afterPruning) {}

  /** Composes the path and its alternatives. */
  public PathResult compose(List<GapSkill> gap, PathConstraints constraints) {
    List<Candidate> all = candidates(gap, constraints);
    List<Candidate> kept = prune(gap, all);
    if (kept.isEmpty()) {
      PathPlan empty = plan("best", gap, kept, new boolean[0], outcome("NO_CANDIDATES", 0, 0));
      return new PathResult(
          empty, relabel(empty, "cheapest"), relabel(empty, "fastest"), all.size(), 0);
    }
    boolean[] hint = greedy(gap, kept, constraints);
    Solved coverage = solve(gap, kept, constraints, null, 0, hint);
    long best = coverage.objective();
    boolean[] start = coverage.chosen();
    Solved path =
        solve(gap, kept, constraints, Candidate::credits10, best, start).withBound(coverage);
    // When the first solve stopped at its time limit, the path may cover more than it found.
    long reached = Math.max(best, path.coveredWeight());
    long alternativeFloor = (long) Math.ceil(reached * ALTERNATIVE_COVERAGE);
    Solved cheapest = solve(gap, kept, constraints, Candidate::cost, alternativeFloor, start);
    Solved fastest = solve(gap, kept, constraints, Candidate::months, alternativeFloor, start);
    return new PathResult(
        plan("best", gap, kept, path.chosen(), path.outcome()),
        plan("cheapest", gap, kept, cheapest.chosen(), cheapest.outcome()),
        plan("fastest", gap, kept, fastest.chosen(), fastest.outcome()),
        all.size(),
        kept.size());
  }

  /** The peer's method: greedy by missing skills covered ÷ the offering's total skills. */
  public PathPlan greedyRatio(List<GapSkill> gap, PathConstraints constraints) {
    List<Candidate> all = candidates(gap, constraints);
    return plan("greedy-ratio", gap, all, greedy(gap, all, constraints), outcome("GREEDY", 0, 0));
  }

  private static PathPlan relabel(PathPlan plan, String label) {
    return new PathPlan(
        label,
        plan.offerings(),
        plan.coverage(),
        plan.uncovered(),
        plan.credits(),
        plan.months(),
        plan.cost(),
        plan.weightCovered(),
        plan.weightTotal(),
        plan.outcome());
  }

  private static SolverOutcome outcome(String status, long objective, long bound) {
    return new SolverOutcome(status, false, objective, bound);
  }

  List<Candidate> candidates(List<GapSkill> gap, PathConstraints constraints) {
    int[] gapPosition = new int[index.graph().size()];
    Arrays.fill(gapPosition, -1);
    for (int i = 0; i < gap.size(); i++) {
      gapPosition[gap.get(i).skill()] = i;
    }
    int words = Math.max(1, (gap.size() + 63) >> 6);
    List<Candidate> out = new ArrayList<>();
    List<OfferingEntry> offerings = index.offerings();
    for (int j = 0; j < offerings.size(); j++) {
      OfferingEntry offering = offerings.get(j);
      long[] cover = null;
      int specific = 0;
      boolean essential = false;
      for (int s : offering.skills()) {
        int p = gapPosition[s];
        if (p >= 0) {
          if (cover == null) {
            cover = new long[words];
          }
          cover[p >> 6] |= 1L << p;
          if (!transversal[s]) {
            specific++;
            essential |= gap.get(p).essential();
          }
        }
      }
      if (cover != null
          && relevant(essential, specific, offering.skills().length)
          && constraints.admits(offering)) {
        out.add(
            new Candidate(
                j,
                cover,
                (int) Math.round(offering.creditsOrZero() * 10),
                (int) Math.ceil(offering.costOrZero()),
                offering.monthsOrZero(),
                offering.skills().length,
                offering.online()));
      }
    }
    return out;
  }

  /**
   * Whether an offering is a step towards the goal: it teaches a skill the goal requires and the
   * person misses, or more than {@link #MIN_OPTIONAL_SHARE} of the skills it teaches are missing
   * for the goal. Transversal skills count for neither: a spare-parts sales unit that teaches
   * customer service is no step towards home care, which requires it too.
   *
   * @param essential whether it teaches a missing essential skill that is not transversal
   * @param specific how many of its skills are missing for the goal and not transversal
   * @param taught how many skills it teaches
   */
  static boolean relevant(boolean essential, int specific, int taught) {
    return specific > 0 && (essential || specific > MIN_OPTIONAL_SHARE * taught);
  }

  /** The best few per gap skill, then without dominated candidates. */
  static List<Candidate> prune(List<GapSkill> gap, List<Candidate> all) {
    BitSet keep = new BitSet(all.size());
    int[] weights = all.stream().mapToInt(c -> c.weight(gap)).toArray();
    for (int i = 0; i < gap.size(); i++) {
      int word = i >> 6;
      long bit = 1L << i;
      List<Integer> teaching = new ArrayList<>();
      for (int k = 0; k < all.size(); k++) {
        if ((all.get(k).cover()[word] & bit) != 0) {
          teaching.add(k);
        }
      }
      teaching.stream()
          .sorted(
              Comparator.comparingDouble(
                  (Integer k) -> -weights[k] / (all.get(k).credits10() + 10.0)))
          .limit(PER_SKILL_BY_RATIO)
          .forEach(keep::set);
      teaching.stream()
          .sorted(
              Comparator.comparingInt((Integer k) -> all.get(k).cost())
                  .thenComparing(k -> -weights[k]))
          .limit(PER_SKILL_BY_PRICE_AND_TIME)
          .forEach(keep::set);
      teaching.stream()
          .sorted(
              Comparator.comparingInt((Integer k) -> all.get(k).months())
                  .thenComparing(k -> -weights[k]))
          .limit(PER_SKILL_BY_PRICE_AND_TIME)
          .forEach(keep::set);
    }
    List<Candidate> selected = new ArrayList<>();
    keep.stream().forEach(k -> selected.add(all.get(k)));
    selected.sort(
        Comparator.comparingInt(Candidate::credits10)
            .thenComparingInt(Candidate::cost)
            .thenComparingInt(Candidate::months)
            .thenComparingInt(c -> -Long.bitCount(c.cover()[0])));
    List<Candidate> kept = new ArrayList<>();
    for (Candidate candidate : selected) {
      boolean dominated = false;
      for (Candidate other : kept) {
        if (other.covers(candidate.cover())
            && other.credits10() <= candidate.credits10()
            && other.cost() <= candidate.cost()
            && other.months() <= candidate.months()) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        kept.add(candidate);
      }
    }
    return kept;
  }

  /** Greedy by the peer's ratio within the budget; also the solver's starting hint. */
  static boolean[] greedy(List<GapSkill> gap, List<Candidate> candidates, PathConstraints limits) {
    boolean[] chosen = new boolean[candidates.size()];
    long[] open = new long[Math.max(1, (gap.size() + 63) >> 6)];
    for (int i = 0; i < gap.size(); i++) {
      open[i >> 6] |= 1L << i;
    }
    long credits = 0;
    long cost = 0;
    long months = 0;
    while (true) {
      int pick = -1;
      double pickRatio = 0;
      for (int k = 0; k < candidates.size(); k++) {
        Candidate c = candidates.get(k);
        if (chosen[k]
            || !fits(limits, credits + c.credits10(), cost + c.cost(), months + c.months())) {
          continue;
        }
        int fresh = 0;
        for (int w = 0; w < open.length; w++) {
          fresh += Long.bitCount(c.cover()[w] & open[w]);
        }
        if (fresh == 0) {
          continue;
        }
        double ratio = fresh / (double) Math.max(1, c.skillCount());
        if (ratio > pickRatio
            || (ratio == pickRatio
                && pick >= 0
                && c.credits10() < candidates.get(pick).credits10())) {
          pick = k;
          pickRatio = ratio;
        }
      }
      if (pick < 0) {
        return chosen;
      }
      Candidate c = candidates.get(pick);
      chosen[pick] = true;
      credits += c.credits10();
      cost += c.cost();
      months += c.months();
      for (int w = 0; w < open.length; w++) {
        open[w] &= ~c.cover()[w];
      }
    }
  }

  private static boolean fits(PathConstraints limits, long credits10, long cost, long months) {
    return (limits.maxCredits() == null || credits10 <= Math.floor(limits.maxCredits() * 10 + 1e-9))
        && (limits.maxCost() == null || cost <= limits.maxCost())
        && (limits.maxMonths() == null || months <= limits.maxMonths());
  }

  private record Solved(
      boolean[] chosen, long objective, long coveredWeight, SolverOutcome outcome) {
    Solved withBound(Solved coverage) {
      if (!coverage.outcome().timeLimitHit()) {
        return this;
      }
      return new Solved(chosen, objective, coveredWeight, coverage.outcome());
    }
  }

  /**
   * With {@code secondary} null: maximise the covered weight. Otherwise: keep the covered weight at
   * least {@code floor} and minimise the secondary measure, then the number of offerings.
   */
  private Solved solve(
      List<GapSkill> gap,
      List<Candidate> candidates,
      PathConstraints limits,
      @Nullable ToIntFunction<Candidate> secondary,
      long floor,
      boolean[] hint) {
    CpModel model = new CpModel();
    int n = candidates.size();
    BoolVar[] x = new BoolVar[n];
    for (int k = 0; k < n; k++) {
      x[k] = model.newBoolVar("x" + k);
      model.addHint(x[k], hint[k] ? 1 : 0);
    }
    LinearExprBuilder covered = LinearExpr.newBuilder();
    for (int i = 0; i < gap.size(); i++) {
      List<BoolVar> teaching = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        if ((candidates.get(k).cover()[i >> 6] & (1L << i)) != 0) {
          teaching.add(x[k]);
        }
      }
      if (teaching.isEmpty()) {
        continue;
      }
      BoolVar y = model.newBoolVar("y" + i);
      model.addLessOrEqual(y, LinearExpr.sum(teaching.toArray(BoolVar[]::new)));
      covered.addTerm(y, gap.get(i).weight());
    }
    limit(
        model,
        x,
        candidates,
        Candidate::credits10,
        limits.maxCredits() == null ? null : (long) Math.floor(limits.maxCredits() * 10 + 1e-9));
    limit(
        model,
        x,
        candidates,
        Candidate::cost,
        limits.maxCost() == null ? null : (long) Math.floor(limits.maxCost()));
    limit(
        model,
        x,
        candidates,
        Candidate::months,
        limits.maxMonths() == null ? null : limits.maxMonths().longValue());
    LinearExpr coverage = covered.build();
    if (secondary == null) {
      model.maximize(coverage);
    } else {
      model.addGreaterOrEqual(coverage, floor);
      // The secondary measure first; then fewer offerings, an online one counting less than one
      // on site (the tie terms of all offerings together stay below one unit of the measure).
      LinearExprBuilder objective = LinearExpr.newBuilder();
      for (int k = 0; k < n; k++) {
        Candidate c = candidates.get(k);
        objective.addTerm(
            x[k], (long) secondary.applyAsInt(c) * (2L * n + 1) + (c.online() ? 1 : 2));
      }
      model.minimize(objective);
    }
    CpSolver solver = new CpSolver();
    solver.getParameters().setMaxTimeInSeconds(solveLimit.toMillis() / 1000.0);
    solver.getParameters().setNumWorkers(1);
    solver.getParameters().setRandomSeed(7);
    CpSolverStatus status = solver.solve(model);
    boolean[] chosen = new boolean[n];
    if (status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE) {
      for (int k = 0; k < n; k++) {
        chosen[k] = solver.booleanValue(x[k]);
      }
    } else {
      System.arraycopy(hint, 0, chosen, 0, n);
    }
    long objective = Math.round(solver.objectiveValue());
    long bound = Math.round(solver.bestObjectiveBound());
    long coveredWeight = 0;
    for (int i = 0; i < gap.size(); i++) {
      for (int k = 0; k < n; k++) {
        if (chosen[k] && (candidates.get(k).cover()[i >> 6] & (1L << i)) != 0) {
          coveredWeight += gap.get(i).weight();
          break;
        }
      }
    }
    SolverOutcome outcome =
        new SolverOutcome(status.name(), status != CpSolverStatus.OPTIMAL, objective, bound);
    return new Solved(
        chosen, secondary == null ? coveredWeight : objective, coveredWeight, outcome);
  }

  private static void limit(
      CpModel model,
      BoolVar[] x,
      List<Candidate> candidates,
      ToIntFunction<Candidate> measure,
      @Nullable Long max) {
    if (max == null) {
      return;
    }
    LinearExprBuilder sum = LinearExpr.newBuilder();
    for (int k = 0; k < x.length; k++) {
      sum.addTerm(x[k], measure.applyAsInt(candidates.get(k)));
    }
    model.addLessOrEqual(sum, max);
  }

  private PathPlan plan(
      String label,
      List<GapSkill> gap,
      List<Candidate> candidates,
      boolean[] chosen,
      SolverOutcome outcome) {
    List<Integer> offerings = new ArrayList<>();
    double credits = 0;
    int months = 0;
    double cost = 0;
    for (int k = 0; k < chosen.length; k++) {
      if (chosen[k]) {
        OfferingEntry offering = index.offerings().get(candidates.get(k).offering());
        offerings.add(candidates.get(k).offering());
        credits += offering.creditsOrZero();
        months += offering.monthsOrZero();
        cost += offering.costOrZero();
      }
    }
    Map<Integer, List<Integer>> coverage = new LinkedHashMap<>();
    List<Integer> uncovered = new ArrayList<>();
    int weightCovered = 0;
    int weightTotal = 0;
    for (int i = 0; i < gap.size(); i++) {
      List<Integer> teaching = new ArrayList<>();
      for (int k = 0; k < chosen.length; k++) {
        if (chosen[k] && (candidates.get(k).cover()[i >> 6] & (1L << i)) != 0) {
          teaching.add(candidates.get(k).offering());
        }
      }
      int skill = gap.get(i).skill();
      weightTotal += gap.get(i).weight();
      if (teaching.isEmpty()) {
        uncovered.add(skill);
      } else {
        coverage.put(skill, List.copyOf(teaching));
        weightCovered += gap.get(i).weight();
      }
    }
    return new PathPlan(
        label,
        List.copyOf(offerings),
        coverage,
        List.copyOf(uncovered),
        credits,
        months,
        cost,
        weightCovered,
        weightTotal,
        outcome);
  }
}
