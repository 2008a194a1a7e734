package fi.osaava.opportunities.internal.engine;

import fi.osaava.opportunities.OpportunityKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * The scoring model of {@code docs/matching.md} over one {@link MatchIndex}: scores every
 * occupation, job ad and offering that passes the filters, keeps the page asked for with a bounded
 * heap, and explains the page's items.
 */
public final class Matcher {

  /** Essential requirements weigh twice an optional one. */
  static final double ESSENTIAL_WEIGHT = 2;

  static final double OPTIONAL_WEIGHT = 1;

  /** The skill term: this share from covering the requirements, the rest from using the profile. */
  static final double COVERAGE_SHARE = 0.85;

  /** An offering teaching a skill the person already holds counts this much of a new near skill. */
  static final double ALREADY_HELD_VALUE = 0.5;

  /** Liking an occupation of the same ISCO unit group counts this much of liking the occupation. */
  static final double SAME_GROUP_VALUE = 0.6;

  private final MatchIndex index;

  public Matcher(MatchIndex index) {
    this.index = index;
  }

  public MatchIndex index() {
    return index;
  }

  /** Ranks everything for one person and returns the page the query asks for. */
  public RankedPage rank(MatchProfile profile, MatchQuery query) {
    Context context = new Context(profile);
    int keep = (query.page() + 1) * query.size();
    Comparator<Ranked> order = order(query.sort());
    PriorityQueue<Ranked> heap = new PriorityQueue<>(keep + 1, order);
    int total = 0;
    if (query.kinds().contains(OpportunityKind.OCCUPATION)) {
      List<OccupationEntry> occupations = index.occupations();
      for (int i = 0; i < occupations.size(); i++) {
        total++;
        offer(heap, keep, order, scoreOccupation(context, i, query));
      }
    }
    if (query.kinds().contains(OpportunityKind.JOB_AD)) {
      List<JobAdEntry> ads = index.jobAds();
      for (int i = 0; i < ads.size(); i++) {
        if (Filters.passes(ads.get(i), query)) {
          total++;
          offer(heap, keep, order, scoreJobAd(context, i, query));
        }
      }
    }
    if (query.kinds().contains(OpportunityKind.EDUCATION)) {
      List<OfferingEntry> offerings = index.offerings();
      for (int i = 0; i < offerings.size(); i++) {
        if (Filters.passes(offerings.get(i), query)) {
          total++;
          offer(heap, keep, order, scoreOffering(context, i, query));
        }
      }
    }
    List<Ranked> best = new ArrayList<>(heap);
    best.sort(order.reversed());
    int from = Math.min(query.page() * query.size(), best.size());
    return new RankedPage(List.copyOf(best.subList(from, best.size())), total);
  }

  /** The score of every occupation, by table position: for evaluations that need full ranks. */
  public double[] occupationScores(MatchProfile profile, MatchQuery query) {
    Context context = new Context(profile);
    double[] out = new double[index.occupations().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = scoreOccupation(context, i, query).score();
    }
    return out;
  }

  /**
   * The 1-based rank of {@code target} in {@code scores}, ties broken as the ranking breaks them
   * (lower table position first).
   */
  public static int rankOf(double[] scores, int target) {
    int rank = 1;
    for (int i = 0; i < scores.length; i++) {
      if (scores[i] > scores[target] || (scores[i] == scores[target] && i < target)) {
        rank++;
      }
    }
    return rank;
  }

  private static void offer(
      PriorityQueue<Ranked> heap, int keep, Comparator<Ranked> order, Ranked candidate) {
    if (heap.size() < keep) {
      heap.add(candidate);
    } else if (order.compare(candidate, heap.peek()) > 0) {
      heap.poll();
      heap.add(candidate);
    }
  }

  /**
   * Ascending order, worst first (the heap's head is the one to drop); ties by kind, position. The
   * score order ranks by fit first: an occupation the person has worked in before one that needs
   * their skills, and that before one that needs none of them, whatever interests and demand say.
   */
  private static Comparator<Ranked> order(MatchQuery.Sort sort) {
    Comparator<Ranked> key =
        switch (sort) {
          case SCORE -> Comparator.comparingInt(Ranked::tier).thenComparingDouble(Ranked::score);
          case SKILLS -> Comparator.comparingDouble(Ranked::skills);
          case INTEREST -> Comparator.comparingDouble(Ranked::interest);
          case DEMAND ->
              Comparator.comparingDouble(r -> Double.isNaN(r.demand()) ? -1 : r.demand());
        };
    return key.thenComparing(Ranked::score)
        .thenComparing(Comparator.comparing(Ranked::kind).reversed())
        .thenComparing(Comparator.comparingInt(Ranked::position).reversed());
  }

  /** Per-request state derived from the profile once. */
  private final class Context {
    final MatchProfile profile;
    final BitSet likedOccupationSkills = new BitSet();
    final @Nullable String[] likedGroups;

    Context(MatchProfile profile) {
      this.profile = profile;
      likedGroups = new String[profile.likedOccupations().length];
      for (int k = 0; k < profile.likedOccupations().length; k++) {
        OccupationEntry liked = index.occupations().get(profile.likedOccupations()[k]);
        likedGroups[k] = liked.iscoGroup();
        Arrays.stream(liked.essential()).forEach(likedOccupationSkills::set);
        Arrays.stream(liked.optional()).forEach(likedOccupationSkills::set);
      }
    }

    double occupationLiking(int occupation) {
      if (Arrays.binarySearch(profile.likedOccupations(), occupation) >= 0) {
        return 1;
      }
      String group = index.occupations().get(occupation).iscoGroup();
      for (String liked : likedGroups) {
        if (liked != null && liked.equals(group)) {
          return SAME_GROUP_VALUE;
        }
      }
      return 0;
    }
  }

  private Ranked scoreOccupation(Context context, int position, MatchQuery query) {
    OccupationEntry o = index.occupations().get(position);
    double skills = requirementScore(context.profile, o.essential(), o.optional());
    double interest = interest(context, position, o.essential(), o.optional(), o.riasec());
    int tier =
        context.profile.experienced(position)
            ? Ranked.EXPERIENCED
            : overlaps(context.profile, o.essential(), o.optional());
    return combine(OpportunityKind.OCCUPATION, position, skills, interest, o.demand(), tier, query);
  }

  private Ranked scoreJobAd(Context context, int position, MatchQuery query) {
    JobAdEntry ad = index.jobAds().get(position);
    double skills = requirementScore(context.profile, ad.skills(), new int[0]);
    double[] riasec =
        ad.occupation() >= 0 ? index.occupations().get(ad.occupation()).riasec() : null;
    double interest = interest(context, ad.occupation(), ad.skills(), new int[0], riasec);
    int tier =
        context.profile.experienced(ad.occupation())
            ? Ranked.EXPERIENCED
            : overlaps(context.profile, ad.skills(), new int[0]);
    return combine(OpportunityKind.JOB_AD, position, skills, interest, ad.demand(), tier, query);
  }

  private Ranked scoreOffering(Context context, int position, MatchQuery query) {
    OfferingEntry offering = index.offerings().get(position);
    double skills = offeringScore(context.profile, offering.skills());
    double interest = interest(context, -1, offering.skills(), new int[0], null);
    int tier = skills > 0 ? Ranked.OVERLAPPING : Ranked.UNRELATED;
    return combine(
        OpportunityKind.EDUCATION, position, skills, interest, offering.demand(), tier, query);
  }

  private static Ranked combine(
      OpportunityKind kind,
      int position,
      double skills,
      double interest,
      double demand,
      int tier,
      MatchQuery query) {
    double base = (1 - query.interestWeight()) * skills + query.interestWeight() * interest;
    double signal = Double.isNaN(demand) ? 0 : demand;
    double score = (1 - query.demandWeight()) * base + query.demandWeight() * signal;
    return new Ranked(kind, position, score, skills, interest, demand, tier);
  }

  /** Whether the requirements name a skill the person holds (not merely one near theirs). */
  private static int overlaps(MatchProfile profile, int[] essential, int[] optional) {
    float[] credit = profile.credit();
    for (int s : essential) {
      if (credit[s] >= SkillGraph.HELD) {
        return Ranked.OVERLAPPING;
      }
    }
    for (int s : optional) {
      if (credit[s] >= SkillGraph.HELD) {
        return Ranked.OVERLAPPING;
      }
    }
    return Ranked.UNRELATED;
  }

  /**
   * Weighted coverage of the requirements by the person's credit (held 1, near partial), blended
   * with how much of the profile the opportunity uses, so that of two equally covered occupations
   * the one that needs more of what the person does ranks first.
   */
  static double requirementScore(MatchProfile profile, int[] essential, int[] optional) {
    if (essential.length + optional.length == 0) {
      return 0;
    }
    float[] credit = profile.credit();
    double got = 0;
    int exact = 0;
    for (int s : essential) {
      got += ESSENTIAL_WEIGHT * credit[s];
      if (credit[s] >= SkillGraph.HELD) {
        exact++;
      }
    }
    for (int s : optional) {
      got += OPTIONAL_WEIGHT * credit[s];
      if (credit[s] >= SkillGraph.HELD) {
        exact++;
      }
    }
    double coverage =
        got / (ESSENTIAL_WEIGHT * essential.length + OPTIONAL_WEIGHT * optional.length);
    double used = profile.held().length == 0 ? 0 : (double) exact / profile.held().length;
    return COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * used;
  }

  /**
   * An offering is a good next step when it teaches skills near what the person has: near skills
   * count fully, skills already held half, skills far from the profile not at all.
   */
  static double offeringScore(MatchProfile profile, int[] skills) {
    if (skills.length == 0) {
      return 0;
    }
    float[] credit = profile.credit();
    double got = 0;
    for (int s : skills) {
      if (credit[s] >= SkillGraph.HELD) {
        got += ALREADY_HELD_VALUE;
      } else if (credit[s] > 0) {
        got += 1;
      }
    }
    return got / skills.length;
  }

  /** The mean of the interest signals the person gave; 0 when they gave none. */
  private double interest(
      Context context,
      int occupation,
      int[] essential,
      int[] optional,
      double @Nullable [] riasec) {
    MatchProfile profile = context.profile;
    int parts = 0;
    double sum = 0;
    if (profile.likedOccupations().length > 0) {
      parts++;
      if (occupation >= 0) {
        sum += context.occupationLiking(occupation);
      } else {
        sum += share(context.likedOccupationSkills, essential);
      }
    }
    if (profile.likedSkills().length > 0) {
      parts++;
      double got = 0;
      for (int s : essential) {
        got += profile.interestCredit()[s];
      }
      for (int s : optional) {
        got += profile.interestCredit()[s];
      }
      int scale = Math.min(profile.likedSkills().length, essential.length + optional.length);
      sum += scale == 0 ? 0 : Math.min(1, got / scale);
    }
    if (profile.riasec() != null && riasec != null) {
      parts++;
      sum += cosine(profile.riasec(), riasec);
    }
    return parts == 0 ? 0 : sum / parts;
  }

  private static double share(BitSet set, int[] skills) {
    if (skills.length == 0) {
      return 0;
    }
    int in = 0;
    for (int s : skills) {
      if (set.get(s)) {
        in++;
      }
    }
    return (double) in / skills.length;
  }

  static double cosine(double @Nullable [] a, double @Nullable [] b) {
    if (a == null || b == null) {
      return Double.NaN;
    }
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** The explanation of one ranked item. */
  public Explanation explain(MatchProfile profile, Ranked ranked) {
    Context context = new Context(profile);
    return switch (ranked.kind()) {
      case OCCUPATION -> {
        OccupationEntry o = index.occupations().get(ranked.position());
        yield requirements(
            context,
            ranked.position(),
            o.essential(),
            o.optional(),
            cosine(profile.riasec(), o.riasec()),
            o.demand());
      }
      case JOB_AD -> {
        JobAdEntry ad = index.jobAds().get(ranked.position());
        double[] riasec =
            ad.occupation() >= 0 ? index.occupations().get(ad.occupation()).riasec() : null;
        yield requirements(
            context,
            ad.occupation(),
            ad.skills(),
            new int[0],
            cosine(profile.riasec(), riasec),
            ad.demand());
      }
      case EDUCATION -> {
        OfferingEntry offering = index.offerings().get(ranked.position());
        List<Explanation.SkillMark> builds = new ArrayList<>();
        List<Explanation.SkillMark> near = new ArrayList<>();
        List<Explanation.SkillMark> fresh = new ArrayList<>();
        for (int s : offering.skills()) {
          float c = profile.credit()[s];
          (c >= SkillGraph.HELD ? builds : c > 0 ? near : fresh)
              .add(new Explanation.SkillMark(s, false));
        }
        yield new Explanation(
            builds,
            near,
            fresh,
            share(context.likedOccupationSkills, offering.skills()) > 0,
            liked(profile, offering.skills(), new int[0]),
            Double.NaN,
            offering.demand());
      }
    };
  }

  private Explanation requirements(
      Context context,
      int occupation,
      int[] essential,
      int[] optional,
      double riasec,
      double demand) {
    MatchProfile profile = context.profile;
    List<Explanation.SkillMark> matched = new ArrayList<>();
    List<Explanation.SkillMark> near = new ArrayList<>();
    List<Explanation.SkillMark> missing = new ArrayList<>();
    for (int s : essential) {
      float c = profile.credit()[s];
      (c >= SkillGraph.HELD ? matched : c > 0 ? near : missing)
          .add(new Explanation.SkillMark(s, true));
    }
    for (int s : optional) {
      float c = profile.credit()[s];
      if (c >= SkillGraph.HELD) {
        matched.add(new Explanation.SkillMark(s, false));
      } else if (c > 0) {
        near.add(new Explanation.SkillMark(s, false));
      }
    }
    boolean likedOccupation = occupation >= 0 && context.occupationLiking(occupation) > 0;
    return new Explanation(
        matched,
        near,
        missing,
        likedOccupation,
        liked(profile, essential, optional),
        riasec,
        demand);
  }

  private static List<Integer> liked(MatchProfile profile, int[] essential, int[] optional) {
    List<Integer> out = new ArrayList<>();
    for (int s : essential) {
      if (Arrays.binarySearch(profile.likedSkills(), s) >= 0) {
        out.add(s);
      }
    }
    for (int s : optional) {
      if (Arrays.binarySearch(profile.likedSkills(), s) >= 0) {
        out.add(s);
      }
    }
    return out;
  }
}
