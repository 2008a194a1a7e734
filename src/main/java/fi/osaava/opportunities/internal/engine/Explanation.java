package fi.osaava.opportunities.internal.engine;

import java.util.List;

/**
 * Why an opportunity ranks where it does, in terms a card can show: never a bare score.
 *
 * @param matched required skills the person holds (for education: held skills the offering builds
 *     on), each with whether it is essential
 * @param near required skills the person does not hold but holds something near to (partial credit)
 * @param missing essential skills the person lacks entirely (for education: skills new to the
 *     person)
 * @param likedOccupation the opportunity is, or belongs to, an occupation the person likes
 * @param likedSkills skills of the opportunity the person said they are interested in
 * @param riasecSimilarity cosine similarity of interest codes, NaN when either side has none
 * @param demand the labour-market signal 0–1, NaN when there is none
 */
public record Explanation(
    List<SkillMark> matched,
    List<SkillMark> near,
    List<SkillMark> missing,
    boolean likedOccupation,
    List<Integer> likedSkills,
    double riasecSimilarity,
    double demand) {

  /** A skill id and whether the opportunity marks it essential. */
  public record SkillMark(int skill, boolean essential) {}
}
