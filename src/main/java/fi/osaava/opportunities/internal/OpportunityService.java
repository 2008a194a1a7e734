package fi.osaava.opportunities.internal;

import fi.osaava.education.EducationApi;
import fi.osaava.education.MatchableOffering;
import fi.osaava.labourmarket.LabourMarketApi;
import fi.osaava.opportunities.OpportunityKind;
import fi.osaava.opportunities.internal.OpportunityViews.Card;
import fi.osaava.opportunities.internal.OpportunityViews.CardPage;
import fi.osaava.opportunities.internal.OpportunityViews.GapItem;
import fi.osaava.opportunities.internal.OpportunityViews.GapView;
import fi.osaava.opportunities.internal.OpportunityViews.NearSkill;
import fi.osaava.opportunities.internal.OpportunityViews.PathOption;
import fi.osaava.opportunities.internal.OpportunityViews.PathStep;
import fi.osaava.opportunities.internal.OpportunityViews.PathView;
import fi.osaava.opportunities.internal.OpportunityViews.SkillRef;
import fi.osaava.opportunities.internal.OpportunityViews.Solver;
import fi.osaava.opportunities.internal.engine.Explanation;
import fi.osaava.opportunities.internal.engine.GapFinder;
import fi.osaava.opportunities.internal.engine.GapSkill;
import fi.osaava.opportunities.internal.engine.JobAdEntry;
import fi.osaava.opportunities.internal.engine.MatchIndex;
import fi.osaava.opportunities.internal.engine.MatchProfile;
import fi.osaava.opportunities.internal.engine.MatchQuery;
import fi.osaava.opportunities.internal.engine.Matcher;
import fi.osaava.opportunities.internal.engine.OccupationEntry;
import fi.osaava.opportunities.internal.engine.OfferingEntry;
import fi.osaava.opportunities.internal.engine.PathComposer;
import fi.osaava.opportunities.internal.engine.PathConstraints;
import fi.osaava.opportunities.internal.engine.Ranked;
import fi.osaava.opportunities.internal.engine.RankedPage;
import fi.osaava.opportunities.internal.engine.SkillGraph;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.NotFoundException;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Opportunities, gaps and paths for one person, explained in the reader's language. Goals are named
 * by a UUID: the last segment of an ESCO occupation URI, or a job ad's id.
 */
@Service
public class OpportunityService {

  /** Each CP-SAT solve of a path stops after this long; four solves make one path request. */
  static final Duration SOLVE_LIMIT = Duration.ofMillis(100);

  private final MatchingData data;
  private final TaxonomyApi taxonomy;
  private final EducationApi education;
  private final LabourMarketApi labourMarket;

  OpportunityService(
      MatchingData data,
      TaxonomyApi taxonomy,
      EducationApi education,
      LabourMarketApi labourMarket) {
    this.data = data;
    this.taxonomy = taxonomy;
    this.education = education;
    this.labourMarket = labourMarket;
  }

  MatchProfile profile(MatchIndex index, PersonInput person) {
    SkillGraph graph = index.graph();
    Map<ConceptUri, Integer> positions = index.occupationPositions();
    int[] liked =
        person.likedOccupations().stream()
            .mapToInt(uri -> positions.getOrDefault(uri, -1))
            .filter(i -> i >= 0)
            .toArray();
    int[] experience =
        person.experience().stream()
            .mapToInt(uri -> positions.getOrDefault(uri, -1))
            .filter(i -> i >= 0)
            .toArray();
    return MatchProfile.of(
            graph,
            graph.ids(person.skills()),
            graph.ids(person.likedSkills()),
            liked,
            person.interestCodes())
        .withExperience(experience);
  }

  /** One page of ranked, explained opportunities. */
  public CardPage opportunities(PersonInput person, MatchQuery query, Language language) {
    MatchIndex index = data.current();
    Matcher matcher = new Matcher(index);
    MatchProfile profile = profile(index, person);
    RankedPage page = matcher.rank(profile, query);
    List<Explanation> explanations = new ArrayList<>();
    Set<Integer> skillIds = new LinkedHashSet<>();
    Set<ConceptUri> occupations = new LinkedHashSet<>();
    for (Ranked ranked : page.items()) {
      Explanation e = matcher.explain(profile, ranked);
      explanations.add(e);
      e.matched().forEach(m -> skillIds.add(m.skill()));
      e.near().forEach(m -> skillIds.add(m.skill()));
      e.missing().forEach(m -> skillIds.add(m.skill()));
      skillIds.addAll(e.likedSkills());
      if (ranked.kind() == OpportunityKind.OCCUPATION) {
        occupations.add(index.occupations().get(ranked.position()).uri());
      }
    }
    Labels labels = labels(index, skillIds, occupations, language);
    List<Card> cards = new ArrayList<>();
    for (int i = 0; i < page.items().size(); i++) {
      cards.add(card(index, page.items().get(i), explanations.get(i), labels, language));
    }
    return new CardPage(cards, query.page(), query.size(), page.total());
  }

  private Card card(
      MatchIndex index, Ranked ranked, Explanation e, Labels labels, Language language) {
    String id;
    String title;
    boolean synthetic;
    boolean goal;
    switch (ranked.kind()) {
      case OCCUPATION -> {
        OccupationEntry o = index.occupations().get(ranked.position());
        id = goalId(o.uri());
        title = labels.occupation(o.uri());
        synthetic = false;
        goal = true;
      }
      case JOB_AD -> {
        JobAdEntry ad = index.jobAds().get(ranked.position());
        id = ad.id().toString();
        title = ad.title();
        synthetic = ad.synthetic();
        goal = true;
      }
      default -> {
        OfferingEntry offering = index.offerings().get(ranked.position());
        id = offering.id().toString();
        title =
            education
                .matchableOffering(offering.id(), language)
                .map(m -> m.title().text())
                .orElse(id);
        synthetic = offering.synthetic();
        goal = false;
      }
    }
    return new Card(
        ranked.kind().name(),
        id,
        title,
        synthetic,
        goal,
        labels.skills(e.matched()),
        labels.skills(e.near()),
        labels.skills(e.missing()),
        e.likedOccupation(),
        e.likedSkills().stream().map(s -> labels.skill(s, false)).toList(),
        Double.isNaN(e.riasecSimilarity()) ? null : round(e.riasecSimilarity()),
        Double.isNaN(e.demand()) ? null : round(e.demand()),
        round(ranked.skills()),
        round(ranked.interest()));
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  static String goalId(ConceptUri occupation) {
    String value = occupation.value();
    return value.substring(value.lastIndexOf('/') + 1);
  }

  /** A goal resolved against the index. */
  record Goal(OpportunityKind kind, String id, String title, int[] essential, int[] optional) {}

  Goal goal(MatchIndex index, String id, Language language) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id.strip());
    } catch (IllegalArgumentException e) {
      throw new fi.osaava.platform.InvalidInputException(
          "request", 0, "id", "a goal id is a UUID (ESCO occupation or job ad), got '" + id + "'");
    }
    ConceptUri uri = ConceptUri.escoOccupation(uuid);
    int occupation = index.occupation(uri);
    if (occupation >= 0) {
      OccupationEntry o = index.occupations().get(occupation);
      String title =
          taxonomy.summaries(List.of(uri), language).stream()
              .findFirst()
              .map(s -> s.label().text())
              .orElse(uri.value());
      return new Goal(OpportunityKind.OCCUPATION, id, title, o.essential(), o.optional());
    }
    int ad = index.jobAd(new fi.osaava.labourmarket.JobAdId(uuid));
    if (ad >= 0) {
      JobAdEntry entry = index.jobAds().get(ad);
      return new Goal(OpportunityKind.JOB_AD, id, entry.title(), entry.skills(), new int[0]);
    }
    throw new NotFoundException("No occupation or open job ad has the id " + id);
  }

  /** The gap between the person and a goal; {@code regionCode} orders by regional demand. */
  public GapView gap(
      String goalId, PersonInput person, @Nullable String regionCode, Language language) {
    MatchIndex index = data.current();
    return gapView(index, goal(index, goalId, language), person, regionCode, language).view();
  }

  private record Gap(GapView view, List<GapSkill> skills, MatchProfile profile) {}

  private Gap gapView(
      MatchIndex index,
      Goal goal,
      PersonInput person,
      @Nullable String regionCode,
      Language language) {
    MatchProfile profile = profile(index, person);
    float[] demand = new float[index.graph().size()];
    for (int[] skills : List.of(goal.essential(), goal.optional())) {
      for (int s : skills) {
        if (!profile.holds(s)) {
          OptionalDouble share = labourMarket.skillDemandShare(index.graph().uri(s), regionCode);
          demand[s] = (float) share.orElse(0);
        }
      }
    }
    List<GapSkill> gap =
        new GapFinder(index).gap(goal.essential(), goal.optional(), profile, demand);
    Set<Integer> ids = new LinkedHashSet<>();
    gap.forEach(
        g -> {
          ids.add(g.skill());
          g.near().forEach(n -> ids.add(n.skill()));
        });
    Labels labels = labels(index, ids, Set.of(), language);
    List<GapItem> items =
        gap.stream()
            .map(
                g ->
                    new GapItem(
                        labels.skill(g.skill(), g.essential()),
                        g.essential(),
                        round(g.importance()),
                        round(g.demand()),
                        g.near().stream()
                            .map(
                                n ->
                                    new NearSkill(
                                        labels.skill(n.skill(), false), n.nearness().name()))
                            .toList()))
            .toList();
    int essential = (int) gap.stream().filter(GapSkill::essential).count();
    GapView view =
        new GapView(
            goal.kind().name(),
            goal.id(),
            goal.title(),
            essential,
            gap.size() - essential,
            profile.held().length,
            items);
    return new Gap(view, gap, profile);
  }

  /**
   * A learning path for a goal's gap under the constraints, with two alternatives.
   *
   * @param essentialOnly compose for the missing essential skills only
   */
  public PathView path(
      String goalId,
      PersonInput person,
      PathConstraints constraints,
      boolean essentialOnly,
      @Nullable String regionCode,
      Language language) {
    long start = System.nanoTime();
    MatchIndex index = data.current();
    Gap gap = gapView(index, goal(index, goalId, language), person, regionCode, language);
    List<GapSkill> skills =
        essentialOnly ? gap.skills().stream().filter(GapSkill::essential).toList() : gap.skills();
    PathComposer.PathResult result =
        new PathComposer(index, SOLVE_LIMIT).compose(skills, constraints);
    Set<Integer> ids = new LinkedHashSet<>();
    skills.forEach(g -> ids.add(g.skill()));
    Labels labels = labels(index, ids, Set.of(), language);
    Map<Integer, Boolean> essential = new HashMap<>();
    skills.forEach(g -> essential.put(g.skill(), g.essential()));
    return new PathView(
        gap.view(),
        option(index, result.best(), labels, essential, language),
        option(index, result.cheapest(), labels, essential, language),
        option(index, result.fastest(), labels, essential, language),
        result.candidates(),
        result.afterPruning(),
        (System.nanoTime() - start) / 1_000_000);
  }

  private PathOption option(
      MatchIndex index,
      PathComposer.PathPlan plan,
      Labels labels,
      Map<Integer, Boolean> essential,
      Language language) {
    List<PathStep> steps = new ArrayList<>();
    for (int position : plan.offerings()) {
      OfferingEntry offering = index.offerings().get(position);
      List<SkillRef> covers = new ArrayList<>();
      plan.coverage()
          .forEach(
              (skill, teaching) -> {
                if (teaching.contains(position)) {
                  covers.add(labels.skill(skill, essential.getOrDefault(skill, false)));
                }
              });
      Optional<MatchableOffering> full = education.matchableOffering(offering.id(), language);
      steps.add(
          new PathStep(
              offering.id().toString(),
              full.map(m -> m.title().text()).orElse(offering.id().toString()),
              offering.level().name(),
              Double.isNaN(offering.budgetCredits()) ? null : decimal(offering.budgetCredits()),
              offering.creditsEstimated(),
              offering.months() < 0 ? null : offering.months(),
              Double.isNaN(offering.cost()) ? null : decimal(offering.cost()),
              offering.online(),
              offering.synthetic(),
              covers));
    }
    return new PathOption(
        plan.label(),
        steps,
        plan.uncovered().stream()
            .map(s -> labels.skill(s, essential.getOrDefault(s, false)))
            .toList(),
        plan.coverage().size(),
        decimal(plan.credits()),
        plan.months(),
        decimal(plan.cost()),
        new Solver(
            plan.outcome().status(),
            plan.outcome().timeLimitHit(),
            round(plan.outcome().relativeGap())));
  }

  private static BigDecimal decimal(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
  }

  /** Labels of the skills and occupations on one response, read in one query each. */
  private record Labels(SkillGraph graph, Map<ConceptUri, LocalizedText> localized) {
    SkillRef skill(int id, boolean essential) {
      ConceptUri uri = graph.uri(id);
      LocalizedText label = localized.get(uri);
      return new SkillRef(
          uri.value(),
          label != null ? label : new LocalizedText(uri.value(), Language.FALLBACK, false),
          essential);
    }

    List<SkillRef> skills(Collection<Explanation.SkillMark> marks) {
      return marks.stream().map(m -> skill(m.skill(), m.essential())).toList();
    }

    String occupation(ConceptUri uri) {
      LocalizedText label = localized.get(uri);
      return label != null ? label.text() : uri.value();
    }
  }

  private Labels labels(
      MatchIndex index, Set<Integer> skills, Set<ConceptUri> occupations, Language language) {
    List<ConceptUri> uris = new ArrayList<>();
    skills.forEach(s -> uris.add(index.graph().uri(s)));
    uris.addAll(occupations);
    Map<ConceptUri, LocalizedText> texts = new HashMap<>();
    if (!uris.isEmpty()) {
      for (ConceptSummary summary : taxonomy.summaries(uris, language)) {
        if (summary.label() != null) {
          texts.put(summary.uri(), summary.label());
        }
      }
    }
    return new Labels(index.graph(), texts);
  }
}
