package fi.osaava.opportunities.internal.engine;

import java.util.List;

/**
 * A skill the goal needs and the person lacks.
 *
 * @param importance how much it matters for the goal, 0–1 (essential, specificity, demand)
 * @param demand the demand share used (regional when known, else national), 0 when unknown
 * @param near held skills near it, closest first
 */
public record GapSkill(
    int skill, boolean essential, double importance, double demand, List<SkillGraph.Near> near) {

  /** The integer weight the path solver maximises: importance in tenths, at least one. */
  public int weight() {
    return Math.max(1, (int) Math.round(importance * 10));
  }
}
