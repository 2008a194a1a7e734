package fi.osaava.opportunities;

import fi.osaava.platform.Language;
import fi.osaava.profile.CompetenceSnapshot;
import fi.osaava.profile.PersonId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A person's goal gap and best opportunities for another module's page (the guidance counsellor's
 * client view), computed by the same service and explained by the same template fragments as the
 * person's own pages. The caller decides what it may read: it passes a snapshot holding only what
 * the person let it see, and asks for the goal only after its own consent check.
 */
public interface ClientOutlook {

  /** How many opportunities {@link #outlook} ranks. */
  int OPPORTUNITIES = 5;

  /**
   * A goal as saved with a plan.
   *
   * @param id an ESCO occupation UUID or a job ad's id
   * @param title the title in the language the plan was saved in
   */
  record Goal(String id, String title) {}

  /** The goal of the person's newest saved learning plan, or empty when they have saved none. */
  Optional<Goal> goalOf(PersonId person);

  /** {@link #goalOf} for many people in one read; those who have saved no plan are absent. */
  Map<PersonId, Goal> goalsOf(Collection<PersonId> people);

  /**
   * Model entries for the fragments {@code opportunities/opportunities :: cards(cards, null)} and
   * {@code opportunities/goal :: gapItems(gap)}: {@code cards} (the {@link #OPPORTUNITIES} best
   * opportunities for the snapshot, always present) and {@code gap} (the gap to {@code goal}, only
   * when a goal is given and still known).
   */
  Map<String, Object> outlook(
      CompetenceSnapshot snapshot, @Nullable String goal, Language language);
}
