package fi.osaava.opportunities;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.profile.CompetenceSnapshot;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A person's gap to a goal, the occupations their skills match and the offerings that teach what
 * they miss, as plain records for another module's page (the combined recommendations). Computed by
 * the same service as the person's own opportunities and goal pages, with the plain request's
 * defaults, so nothing here ranks anew.
 */
public interface GoalOutlook {

  /** An ESCO skill as shown, and whether the goal marks it essential. */
  record Skill(String uri, LocalizedText label, boolean essential) {}

  /**
   * The skills a goal needs that the person lacks, most important first.
   *
   * @param goalId an ESCO occupation UUID or a job ad's id
   */
  record Gap(String goalId, String goalTitle, List<Skill> missing) {}

  /** An occupation in the matcher's order, with the skills that matched and those missing. */
  record Occupation(String id, String title, List<Skill> matched, List<Skill> missing) {}

  /**
   * An education offering.
   *
   * @param teaches with a goal: the missing skills of the goal it teaches (the learning path's
   *     coverage); without one: skills new to the person that it teaches
   * @param forGoal whether {@code teaches} are the goal's gap
   */
  record Offering(
      String id, String title, boolean synthetic, List<Skill> teaches, boolean forGoal) {}

  /** The gap to {@code goalId}, or empty when no occupation or open ad has that id any more. */
  Optional<Gap> gap(CompetenceSnapshot person, String goalId, Language language);

  /** The best matching occupations, at most {@code max}. */
  List<Occupation> occupations(CompetenceSnapshot person, int max, Language language);

  /**
   * With a goal, the offerings of the best learning path for its gap (no limits on credits, time,
   * cost or place; in the path's order); without one, the best matching offerings. At most {@code
   * max}.
   */
  List<Offering> offerings(
      CompetenceSnapshot person, @Nullable String goalId, int max, Language language);
}
