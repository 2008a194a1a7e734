package fi.osaava.recommendations.internal;

import fi.osaava.opportunities.ClientOutlook;
import fi.osaava.opportunities.GoalOutlook;
import fi.osaava.opportunities.GoalOutlook.Gap;
import fi.osaava.opportunities.GoalOutlook.Skill;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.profile.CompetenceSnapshot;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.profile.ProfileSkill;
import fi.osaava.recommendations.internal.CombinedRanking.Kind;
import fi.osaava.recommendations.internal.Handovers.Summary;
import fi.osaava.recommendations.internal.Handovers.SummarySkill;
import fi.osaava.recommendations.internal.SituationPreferences.Preference;
import fi.osaava.servicenetwork.ServiceRecommendations;
import fi.osaava.servicenetwork.ServiceRecommendations.RecommendedService;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A signed-in person's services, offerings and occupations in one list, each with why it is shown,
 * in the order of {@link CombinedRanking}. The situation and municipality are what the person chose
 * here ({@link SituationPreferences}); the goal is that of their newest saved learning plan; the
 * skills are their profile's accepted ones. Nothing is ranked anew: each kind comes from its own
 * module's API in that module's order.
 */
@Service
public class PersonalRecommendations {

  /** How many of each kind enter the list at most. */
  static final int SERVICES = 8;

  static final int OFFERINGS = 6;
  static final int OCCUPATIONS = 5;

  /** How many skills a reason names before it says how many more there are. */
  static final int NAMED_SKILLS = 5;

  /** Why an item is shown: the message key and the reason as text in the asked language. */
  public record Why(String key, String text) {}

  /**
   * One recommendation.
   *
   * @param id a service's or offering's UUID, or an ESCO occupation's UUID
   * @param href the page it links to
   * @param detail a service's type or provider, or null
   */
  public record Item(
      Kind kind,
      int tier,
      String id,
      String title,
      String href,
      @Nullable String detail,
      boolean general,
      boolean synthetic,
      List<Why> reasons)
      implements CombinedRanking.Ranked {}

  /**
   * What the page and API show.
   *
   * @param preference the chosen situation and municipality, or null until the person chooses
   * @param gap the gap to the goal, or null without a goal
   * @param skills how many accepted skills the profile has (none: no offerings or occupations)
   */
  public record Result(
      @Nullable Preference preference,
      @Nullable String municipalityName,
      @Nullable Gap gap,
      int skills,
      List<Item> items) {}

  private final ProfileApi profile;
  private final ClientOutlook plans;
  private final GoalOutlook outlook;
  private final ServiceRecommendations services;
  private final SituationPreferences preferences;
  private final TaxonomyApi taxonomy;
  private final MessageSource messages;

  PersonalRecommendations(
      ProfileApi profile,
      ClientOutlook plans,
      GoalOutlook outlook,
      ServiceRecommendations services,
      SituationPreferences preferences,
      TaxonomyApi taxonomy,
      MessageSource messages) {
    this.profile = profile;
    this.plans = plans;
    this.outlook = outlook;
    this.services = services;
    this.preferences = preferences;
    this.taxonomy = taxonomy;
    this.messages = messages;
  }

  public Result recommend(PersonId person, Language language) {
    Locale locale = language.locale();
    CompetenceSnapshot snapshot = profile.competence(person);
    Preference preference = preferences.find(person).orElse(null);
    Gap gap = gap(person, snapshot, language).orElse(null);
    List<Item> items = new ArrayList<>();
    String municipalityName = null;
    if (preference != null) {
      for (RecommendedService s :
          services.recommend(
              preference.situation(), preference.municipalityCode(), language, SERVICES)) {
        items.add(service(s, locale));
        for (ServiceRecommendations.Reason r : s.reasons()) {
          if (r.key().equals("municipality")) {
            municipalityName = r.argument();
          }
        }
      }
    }
    if (!snapshot.skills().isEmpty()) {
      for (GoalOutlook.Offering o :
          outlook.offerings(snapshot, gap == null ? null : gap.goalId(), OFFERINGS, language)) {
        items.add(offering(o, gap, locale));
      }
      for (GoalOutlook.Occupation o : outlook.occupations(snapshot, OCCUPATIONS, language)) {
        items.add(occupation(o, locale));
      }
    }
    return new Result(
        preference, municipalityName, gap, snapshot.skills().size(), CombinedRanking.rank(items));
  }

  /**
   * What a hand-over would give a service now: the goal, the profile's accepted skills (verified
   * first) and the gap, as labels in the page's language.
   */
  public Summary summary(PersonId person, Language language) {
    CompetenceSnapshot snapshot = profile.competence(person);
    Map<ConceptUri, LocalizedText> labels = new HashMap<>();
    List<ConceptUri> uris = snapshot.skills().stream().map(ProfileSkill::skill).toList();
    if (!uris.isEmpty()) {
      for (ConceptSummary s : taxonomy.summaries(uris, language)) {
        labels.put(s.uri(), s.label());
      }
    }
    List<SummarySkill> skills =
        snapshot.skills().stream()
            .map(
                s -> {
                  LocalizedText label =
                      labels.getOrDefault(
                          s.skill(), new LocalizedText(s.skill().value(), Language.FALLBACK, true));
                  return new SummarySkill(label.text(), label.language().code(), s.verified());
                })
            .sorted(
                Comparator.comparing((SummarySkill s) -> !s.verified())
                    .thenComparing(SummarySkill::label))
            .toList();
    Optional<Gap> gap = gap(person, snapshot, language);
    return new Summary(
        gap.map(Gap::goalTitle).orElse(null),
        skills,
        gap.map(
                g ->
                    g.missing().stream()
                        .map(
                            m ->
                                new SummarySkill(
                                    m.label().text(), m.label().language().code(), false))
                        .toList())
            .orElse(List.of()),
        language.code());
  }

  private Optional<Gap> gap(PersonId person, CompetenceSnapshot snapshot, Language language) {
    return plans.goalOf(person).flatMap(g -> outlook.gap(snapshot, g.id(), language));
  }

  private Item service(RecommendedService s, Locale locale) {
    List<Why> reasons = new ArrayList<>();
    for (ServiceRecommendations.Reason r : s.reasons()) {
      String argument =
          r.key().equals("situation") && r.argument() != null
              ? message("svc.situation." + r.argument(), locale)
              : r.argument();
      reasons.add(why("svc.why." + r.key(), locale, argument));
    }
    return new Item(
        Kind.SERVICE,
        CombinedRanking.serviceTier(s.rank()),
        s.id().toString(),
        s.name() == null ? s.id().toString() : s.name().text(),
        "/services/" + s.id(),
        s.organisation() == null ? null : s.organisation().text(),
        s.generalDescription(),
        false,
        reasons);
  }

  private Item offering(GoalOutlook.Offering o, @Nullable Gap gap, Locale locale) {
    List<Why> reasons = new ArrayList<>();
    List<Skill> essential = o.teaches().stream().filter(Skill::essential).toList();
    if (o.forGoal() && gap != null) {
      reasons.add(why("rec.why.gap", locale, gap.goalTitle(), names(o.teaches(), locale)));
      if (!essential.isEmpty()) {
        reasons.add(why("rec.why.essential", locale, names(essential, locale)));
      }
    } else if (!o.teaches().isEmpty()) {
      reasons.add(why("rec.why.new", locale, names(o.teaches(), locale)));
    }
    return new Item(
        Kind.OFFERING,
        CombinedRanking.offeringTier(o.forGoal() && !essential.isEmpty()),
        o.id(),
        o.title(),
        "/education/offerings/" + o.id(),
        null,
        false,
        o.synthetic(),
        reasons);
  }

  private Item occupation(GoalOutlook.Occupation o, Locale locale) {
    List<Why> reasons = new ArrayList<>();
    if (!o.matched().isEmpty()) {
      reasons.add(why("rec.why.matched", locale, names(o.matched(), locale)));
    }
    if (!o.missing().isEmpty()) {
      reasons.add(why("rec.why.missing", locale, names(o.missing(), locale)));
    }
    return new Item(
        Kind.OCCUPATION,
        CombinedRanking.OCCUPATION_TIER,
        o.id(),
        o.title(),
        "/opportunities/goals/" + o.id(),
        null,
        false,
        false,
        reasons);
  }

  private String names(List<Skill> skills, Locale locale) {
    String named =
        String.join(", ", skills.stream().limit(NAMED_SKILLS).map(s -> s.label().text()).toList());
    return skills.size() > NAMED_SKILLS
        ? message("rec.why.more", locale, named, skills.size() - NAMED_SKILLS)
        : named;
  }

  private Why why(String key, Locale locale, @Nullable Object... arguments) {
    return new Why(key, message(key, locale, arguments));
  }

  private String message(String key, Locale locale, @Nullable Object... arguments) {
    // A missing key shows as itself (I18nMessagesTest keeps every key in every language).
    return java.util.Objects.requireNonNullElse(
        messages.getMessage(key, arguments, key, locale), key);
  }
}
