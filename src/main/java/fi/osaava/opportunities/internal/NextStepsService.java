package fi.osaava.opportunities.internal;

import fi.osaava.education.EducationApi;
import fi.osaava.education.MatchableOffering;
import fi.osaava.education.OfferingId;
import fi.osaava.opportunities.OpportunityKind;
import fi.osaava.opportunities.internal.OpportunityViews.Card;
import fi.osaava.opportunities.internal.engine.MatchQuery;
import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.profile.ProfileProgress;
import fi.osaava.web.NextStep;
import fi.osaava.web.NextSteps;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * A signed-in person's next steps, from their real state: a profile without skills starts from
 * their own words or CV; suggestions waiting for a decision come first, because matching uses
 * confirmed skills only; without a saved plan the occupations that fit best are named, each leading
 * to its goal page where a path within the person's limits is built; with a plan, its next offering
 * with its extent and start date. Matching and plans live here, the profile's state comes through
 * {@link ProfileApi}.
 */
@Service
class NextStepsService implements NextSteps {

  /** How many occupations the "see what fits" step names. */
  static final int TOP_OCCUPATIONS = 3;

  private final ProfileApi profile;
  private final PlanStore plans;
  private final OpportunityService opportunities;
  private final EducationApi education;
  private final MessageSource messages;
  private final Clock clock;

  NextStepsService(
      ProfileApi profile,
      PlanStore plans,
      OpportunityService opportunities,
      EducationApi education,
      MessageSource messages,
      Clock clock) {
    this.profile = profile;
    this.plans = plans;
    this.opportunities = opportunities;
    this.education = education;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public List<NextStep> forPerson(Authentication authentication, Locale locale) {
    Optional<PersonId> signedIn = profile.currentPerson(authentication);
    if (signedIn.isEmpty()) {
      return List.of();
    }
    PersonId person = signedIn.get();
    ProfileProgress progress = profile.progress(person);
    List<NextStep> steps = new ArrayList<>();
    if (progress.pendingSuggestions() > 0) {
      steps.add(
          new NextStep(
              "confirm",
              List.of(progress.pendingSuggestions()),
              // ProfileProgress names a review page whenever a suggestion waits.
              Objects.requireNonNull(progress.pendingReviewPath(), "pendingReviewPath")));
    }
    if (progress.skills() == 0) {
      steps.add(new NextStep("identify", List.of(), "/identify"));
      steps.add(new NextStep("cv", List.of(), "/profile#cv-heading"));
      return steps;
    }
    Language language = Language.of(locale);
    Optional<NextStep> planStep = planStep(person, language, locale);
    if (planStep.isPresent()) {
      steps.add(planStep.get());
    } else {
      steps.add(occupations(person, progress, language));
    }
    if (!progress.interestsAnswered()) {
      steps.add(new NextStep("interests", List.of(), "/profile/interests"));
    }
    return steps;
  }

  /** The occupations that fit best, each leading to its goal page where a path is built. */
  private NextStep occupations(PersonId person, ProfileProgress progress, Language language) {
    PersonInput input = PersonInput.of(profile.competence(person));
    Set<String> workedIn =
        input.experience().stream().map(OpportunityService::goalId).collect(Collectors.toSet());
    List<Card> top =
        opportunities
            .opportunities(
                input,
                MatchQuery.defaults(Set.of(OpportunityKind.OCCUPATION), TOP_OCCUPATIONS),
                language)
            .items();
    List<NextStep.Item> items =
        top.stream()
            .map(
                c ->
                    new NextStep.Item(
                        c.title(),
                        "/opportunities/goals/" + c.id(),
                        // An occupation the person has worked in ranks first even when none of
                        // the skills confirmed so far is one it names; the step says why.
                        workedIn.contains(c.id())
                            ? "next.occupations.worked"
                            : "next.occupations.fit",
                        List.<Object>of(
                            c.matched().size(), (int) Math.round(c.skillMatch() * 100))))
            .toList();
    return new NextStep(
        "occupations", List.of(progress.skills()), "/opportunities?kind=OCCUPATION", items);
  }

  /**
   * The first step not yet done in the newest plan that has one; when every plan is done, a step
   * saying so; empty without plans.
   */
  private Optional<NextStep> planStep(PersonId person, Language language, Locale locale) {
    List<PlanStore.Plan> saved = plans.plans(person);
    if (saved.isEmpty()) {
      return Optional.empty();
    }
    for (PlanStore.Plan plan : saved) {
      for (PlanStore.Step step : plan.steps()) {
        if (step.doneAt() == null) {
          return Optional.of(
              new NextStep(
                  "offering",
                  List.of(
                      step.title(),
                      step.position() + 1,
                      plan.steps().size(),
                      plan.goalTitle(),
                      extent(step.credits(), locale),
                      start(step.offeringId(), language, locale)),
                  "/opportunities/plans#plan-" + plan.id()));
        }
      }
    }
    return Optional.of(
        new NextStep(
            "planDone", List.of(saved.getFirst().goalTitle()), "/opportunities?kind=OCCUPATION"));
  }

  private String extent(@Nullable BigDecimal credits, Locale locale) {
    if (credits == null) {
      return messages.getMessage("opportunities.path.creditsUnknown", null, locale);
    }
    String figure = NumberFormat.getNumberInstance(locale).format(credits.stripTrailingZeros());
    return messages.getMessage("opportunities.path.credits", new Object[] {figure}, locale);
  }

  /** The first start date from today on, as the catalogue has it, or a note that none is known. */
  private String start(String offeringId, Language language, Locale locale) {
    LocalDate today = LocalDate.now(clock);
    return education
        .matchableOffering(OfferingId.of(offeringId), language)
        .map(MatchableOffering::startDates)
        .flatMap(dates -> dates.stream().filter(d -> !d.isBefore(today)).findFirst())
        .map(d -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(d))
        .orElseGet(() -> messages.getMessage("next.offering.noDate", null, locale));
  }
}
