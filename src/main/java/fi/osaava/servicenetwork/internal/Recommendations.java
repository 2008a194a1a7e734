package fi.osaava.servicenetwork.internal;

import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.internal.search.ServiceDocument;
import fi.osaava.servicenetwork.internal.search.ServiceQuery;
import fi.osaava.servicenetwork.internal.search.ServiceSearch;
import fi.osaava.servicenetwork.internal.search.ServiceSearch.Scored;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Services for a person's life situation and municipality, each with why it is shown. The rule
 * (docs/services.md, "Recommendations"):
 *
 * <ol>
 *   <li>Services that serve the situation are the candidates; where the person gave a goal, the
 *       services that the goal's words find (the directory search) join them, after all of the
 *       situation's own. Only a <em>strong</em> match (scored at least {@link #STRONG_SHARE} of the
 *       best) is said to match the goal.
 *   <li>A provider's service must reach the municipality: given there (rank 4), in its region (3),
 *       in the whole country (2) or online (2); one that does not is left out. Without a
 *       municipality every provider's service counts as rank 2.
 *   <li>General descriptions come after the providers' services (rank 1): they say what exists, and
 *       that a local provider gives it.
 *   <li>Within a rank, services that the goal's words find come first, best match first; then a
 *       service of fewer situations (more focused on this one), then by name.
 * </ol>
 *
 * <p>The goal orders and adds but never removes: a service of the situation that the goal's words
 * miss is still shown, since people word their goals differently from the catalogue. Measured
 * against a judged set in docs/benchmarks.md ({@code evaluate-service-recommendations}).
 */
@Component
public class Recommendations {

  /** Candidates read at most; the directory holds a few hundred services. */
  static final int MAX_CANDIDATES = 2_000;

  /**
   * A service the goal's words find is a <em>strong</em> match when the search scores it at least
   * this share of the best-scored service for the same goal. Only a strong match is said to match
   * the goal; the rest share a word or two with the goal (a "haluan" or a "työ"), which orders the
   * services but is no reason given to the person. The share labels and does not rank: letting
   * strong matches outside the situation join the situation's own services scored better on the
   * judged set's dev half but worse on its test half (docs/benchmarks.md), so it was not kept.
   */
  public static final double STRONG_SHARE = 0.8;

  /** Why a service is shown: a message key under {@code svc.why.} and its argument, if any. */
  public record Reason(String key, @Nullable String argument) {}

  /** One recommended service, its rank and reasons. */
  public record Recommendation(ServiceDocument service, int rank, List<Reason> reasons) {}

  private final ServiceSearch search;
  private final RegionsApi regions;

  Recommendations(ServiceSearch search, RegionsApi regions) {
    this.search = search;
    this.regions = regions;
  }

  /** Recommendations without a goal: by situation and area alone. */
  public List<Recommendation> recommend(
      LifeSituation situation, @Nullable Area municipality, Language language, int max) {
    return recommend(situation, "", municipality, language, max);
  }

  /**
   * @param goal the person's goal in their own words (any of fi/sv/en), or blank
   * @param municipality the person's municipality, or null; the reasons name it and its region in
   *     {@code language}
   */
  public List<Recommendation> recommend(
      LifeSituation situation,
      String goal,
      @Nullable Area municipality,
      Language language,
      int max) {
    String municipalityName = municipality == null ? null : municipality.name(language).text();
    String regionName =
        municipality == null
            ? null
            : regions
                .area(AreaLevel.REGION, municipality.regionCode())
                .map(r -> r.name(language).text())
                .orElse(null);
    List<Scored> goalHits = goalHits(goal, language);
    float best = goalHits.isEmpty() ? 0f : goalHits.getFirst().score();
    // The search's order of the goal's hits, and which of them are strong (see STRONG_SHARE).
    Map<UUID, Integer> goalOrder = new HashMap<>();
    Set<UUID> strong = new HashSet<>();
    for (Scored hit : goalHits) {
      goalOrder.putIfAbsent(hit.service().id(), goalOrder.size());
      if (hit.score() >= STRONG_SHARE * best) {
        strong.add(hit.service().id());
      }
    }
    Map<UUID, ServiceDocument> candidates = new LinkedHashMap<>();
    search
        .forSituations(Set.of(situation.name()), MAX_CANDIDATES)
        .forEach(s -> candidates.put(s.id(), s));
    goalHits.forEach(hit -> candidates.putIfAbsent(hit.service().id(), hit.service()));
    List<Recommendation> found = new ArrayList<>();
    for (ServiceDocument service : candidates.values()) {
      List<Reason> reasons = new ArrayList<>();
      if (serves(service, situation)) {
        reasons.add(new Reason("situation", situation.name()));
      }
      if (strong.contains(service.id())) {
        reasons.add(new Reason("goal", null));
      }
      int rank;
      if (service.generalDescription()) {
        rank = 1;
        reasons.add(new Reason("general", null));
      } else if (municipality == null) {
        rank = 2;
      } else {
        Set<String> areas = service.matchedAreas();
        if (areas.contains("municipality:" + municipality.code())) {
          rank = 4;
          reasons.add(new Reason("municipality", municipalityName));
        } else if (areas.contains("region:" + municipality.regionCode())) {
          rank = 3;
          reasons.add(new Reason("region", regionName));
        } else if (areas.contains("country")) {
          rank = 2;
          reasons.add(new Reason("country", null));
        } else if (areas.contains("online")) {
          rank = 2;
          reasons.add(new Reason("online", null));
        } else {
          continue;
        }
      }
      found.add(new Recommendation(service, rank, reasons));
    }
    found.sort(
        Comparator.comparing((Recommendation r) -> !serves(r.service(), situation))
            .thenComparing(Comparator.comparingInt(Recommendation::rank).reversed())
            .thenComparingInt(r -> goalOrder.getOrDefault(r.service().id(), Integer.MAX_VALUE))
            .thenComparingInt(r -> r.service().lifeSituationCodes().size())
            .thenComparing(r -> r.service().sortKey(language))
            // The catalogue repeats some names; the id keeps their order the same on every run.
            .thenComparing(r -> r.service().id()));
    return found.size() > max ? found.subList(0, max) : found;
  }

  private static boolean serves(ServiceDocument service, LifeSituation situation) {
    return service.lifeSituationCodes().contains(situation.name());
  }

  /** The active services that the goal's words find, best match first; none without a goal. */
  private List<Scored> goalHits(String goal, Language language) {
    if (goal.isBlank()) {
      return List.of();
    }
    // ranked() reads no page (it takes max instead); the query's paging is only a placeholder.
    return search.ranked(
        new ServiceQuery(goal, Map.of(), Paging.first(1), language), MAX_CANDIDATES);
  }
}
