package fi.osaava.opportunities.internal;

import fi.osaava.opportunities.ClientOutlook;
import fi.osaava.opportunities.OpportunityKind;
import fi.osaava.opportunities.internal.engine.MatchQuery;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.CompetenceSnapshot;
import fi.osaava.profile.PersonId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * {@link ClientOutlook} over the service behind the person's own opportunities and goal pages, with
 * the plain request's defaults (all kinds, default weights, no filters), so what another module
 * shows is what the person would see for the same input.
 */
@Service
class ClientOutlookService implements ClientOutlook {

  private final OpportunityService opportunities;
  private final PlanStore plans;

  ClientOutlookService(OpportunityService opportunities, PlanStore plans) {
    this.opportunities = opportunities;
    this.plans = plans;
  }

  @Override
  public Optional<Goal> goalOf(PersonId person) {
    return plans.plans(person).stream().findFirst().map(p -> new Goal(p.goalId(), p.goalTitle()));
  }

  @Override
  public Map<PersonId, Goal> goalsOf(Collection<PersonId> people) {
    return plans.newestGoals(people);
  }

  @Override
  public Map<String, Object> outlook(
      CompetenceSnapshot snapshot, @Nullable String goal, Language language) {
    PersonInput person = PersonInput.of(snapshot);
    Map<String, Object> model = new HashMap<>();
    model.put(
        "cards",
        opportunities.opportunities(
            person,
            MatchQuery.defaults(Set.of(OpportunityKind.values()), OPPORTUNITIES),
            language));
    if (goal != null) {
      try {
        model.put("gap", opportunities.gap(goal, person, null, language));
      } catch (NotFoundException e) {
        // A plan outlives its goal when ESCO or the ads move on: the page then shows no gap.
      }
    }
    return model;
  }
}
