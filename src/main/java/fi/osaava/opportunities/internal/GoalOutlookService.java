package fi.osaava.opportunities.internal;

import fi.osaava.opportunities.GoalOutlook;
import fi.osaava.opportunities.OpportunityKind;
import fi.osaava.opportunities.internal.OpportunityViews.Card;
import fi.osaava.opportunities.internal.OpportunityViews.SkillRef;
import fi.osaava.opportunities.internal.engine.MatchQuery;
import fi.osaava.opportunities.internal.engine.PathConstraints;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.CompetenceSnapshot;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** {@link GoalOutlook} over {@link OpportunityService}, as {@link ClientOutlookService} is. */
@Service
class GoalOutlookService implements GoalOutlook {

  /** No limits: the recommendations show what teaches the gap, the goal page what fits limits. */
  private static final PathConstraints UNLIMITED =
      new PathConstraints(null, null, null, null, false, null, null, null, false);

  private final OpportunityService opportunities;

  GoalOutlookService(OpportunityService opportunities) {
    this.opportunities = opportunities;
  }

  @Override
  public Optional<Gap> gap(CompetenceSnapshot person, String goalId, Language language) {
    try {
      OpportunityViews.GapView gap =
          opportunities.gap(goalId, PersonInput.of(person), null, language);
      return Optional.of(
          new Gap(
              gap.goalId(),
              gap.goalTitle(),
              gap.items().stream().map(i -> skill(i.skill())).toList()));
    } catch (NotFoundException e) {
      // A saved goal outlives its occupation or ad when ESCO or the ads move on.
      return Optional.empty();
    }
  }

  @Override
  public List<Occupation> occupations(CompetenceSnapshot person, int max, Language language) {
    return cards(person, OpportunityKind.OCCUPATION, max, language).stream()
        .map(c -> new Occupation(c.id(), c.title(), skills(c.matched()), skills(c.missing())))
        .toList();
  }

  @Override
  public List<Offering> offerings(
      CompetenceSnapshot person, @Nullable String goalId, int max, Language language) {
    if (goalId != null) {
      try {
        return opportunities
            .path(goalId, PersonInput.of(person), UNLIMITED, false, null, language)
            .best()
            .steps()
            .stream()
            .limit(max)
            .map(
                s ->
                    new Offering(
                        s.offeringId(), s.title(), s.synthetic(), skills(s.covers()), true))
            .toList();
      } catch (NotFoundException e) {
        // The goal is gone: fall through to the offerings that match the person.
      }
    }
    return cards(person, OpportunityKind.EDUCATION, max, language).stream()
        .map(c -> new Offering(c.id(), c.title(), c.synthetic(), skills(c.missing()), false))
        .toList();
  }

  private List<Card> cards(
      CompetenceSnapshot person, OpportunityKind kind, int max, Language language) {
    return opportunities
        .opportunities(PersonInput.of(person), MatchQuery.defaults(Set.of(kind), max), language)
        .items();
  }

  private static List<Skill> skills(List<SkillRef> refs) {
    return refs.stream().map(GoalOutlookService::skill).toList();
  }

  private static Skill skill(SkillRef ref) {
    return new Skill(ref.uri(), ref.labelText(), ref.essential());
  }
}
