package fi.osaava.opportunities.internal.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The gap between a person and a goal: the goal's skills the person does not hold, essential ones
 * first, each group ordered by importance. Importance blends whether ESCO marks the skill
 * essential, how specific it is to few occupations (a skill every occupation asks for says little
 * about this one) and how much job ads ask for it, in the region when known.
 */
public final class GapFinder {

  static final double OPTIONAL_BASE = 0.4;
  static final double SPECIFICITY_SHARE = 0.3;
  static final double DEMAND_SHARE = 0.3;

  private final MatchIndex index;
  private final double[] specificity;

  public GapFinder(MatchIndex index) {
    this.index = index;
    int[] counts = index.occupationsPerSkill();
    int max = 1;
    for (int c : counts) {
      max = Math.max(max, c);
    }
    specificity = new double[counts.length];
    double scale = Math.log1p(max);
    for (int s = 0; s < counts.length; s++) {
      specificity[s] = 1 - Math.log1p(counts[s]) / scale;
    }
  }

  /**
   * @param regionalDemand per skill id, the regional demand share; null to use the national one
   */
  public List<GapSkill> gap(
      int[] essential, int[] optional, MatchProfile profile, float[] regionalDemand) {
    float[] demand = regionalDemand == null ? index.skillDemand() : regionalDemand;
    double maxDemand = 0;
    for (int s : essential) {
      maxDemand = Math.max(maxDemand, demand[s]);
    }
    for (int s : optional) {
      maxDemand = Math.max(maxDemand, demand[s]);
    }
    List<GapSkill> out = new ArrayList<>();
    add(out, essential, true, profile, demand, maxDemand);
    add(out, optional, false, profile, demand, maxDemand);
    out.sort(
        Comparator.comparing((GapSkill g) -> !g.essential())
            .thenComparing(Comparator.comparingDouble(GapSkill::importance).reversed())
            .thenComparingInt(GapSkill::skill));
    return out;
  }

  private void add(
      List<GapSkill> out,
      int[] skills,
      boolean essential,
      MatchProfile profile,
      float[] demand,
      double maxDemand) {
    for (int s : skills) {
      if (profile.holds(s)) {
        continue;
      }
      double base = essential ? 1 : OPTIONAL_BASE;
      double demandTerm = maxDemand > 0 ? demand[s] / maxDemand : 0;
      double importance =
          base * (1 - SPECIFICITY_SHARE - DEMAND_SHARE)
              + base * SPECIFICITY_SHARE * specificity[s]
              + base * DEMAND_SHARE * demandTerm;
      out.add(
          new GapSkill(
              s, essential, importance, demand[s], index.graph().nearHeld(s, profile.held())));
    }
  }
}
