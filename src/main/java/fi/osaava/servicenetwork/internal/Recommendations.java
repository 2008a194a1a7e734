package fi.osaava.servicenetwork.internal;

import fi.osaava.platform.Language;
import fi.osaava.regions.Area;
import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.internal.search.ServiceDocument;
import fi.osaava.servicenetwork.internal.search.ServiceSearch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Services for a person's life situation and municipality, each with why it is shown. The rule
 * (docs/services.md, "Recommendations"):
 *
 * <ol>
 *   <li>Only services that serve the situation are candidates.
 *   <li>A provider's service must reach the municipality: given there (rank 4), in its region (3),
 *       in the whole country (2) or online (2); one that does not is left out. Without a
 *       municipality every provider's service counts as rank 2.
 *   <li>General descriptions come after the providers' services (rank 1): they say what exists, and
 *       that a local provider gives it.
 *   <li>Within a rank, a service of fewer situations (more focused on this one) comes first, then
 *       by name.
 * </ol>
 */
@Component
public class Recommendations {

  /** Candidates read at most; the directory holds a few hundred services. */
  static final int MAX_CANDIDATES = 2_000;

  /** Why a service is shown: a message key under {@code svc.why.} and its argument, if any. */
  public record Reason(String key, @Nullable String argument) {}

  /** One recommended service, its rank and reasons. */
  public record Recommendation(ServiceDocument service, int rank, List<Reason> reasons) {}

  private final ServiceSearch search;

  Recommendations(ServiceSearch search) {
    this.search = search;
  }

  /**
   * @param municipality the person's municipality, or null
   * @param regionName the name of the municipality's region, in the page's language, or null
   */
  public List<Recommendation> recommend(
      LifeSituation situation,
      @Nullable Area municipality,
      @Nullable String municipalityName,
      @Nullable String regionName,
      Language language,
      int max) {
    List<Recommendation> found = new ArrayList<>();
    for (ServiceDocument service : search.forSituations(Set.of(situation.name()), MAX_CANDIDATES)) {
      List<Reason> reasons = new ArrayList<>();
      reasons.add(new Reason("situation", situation.name()));
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
        Comparator.comparingInt(Recommendation::rank)
            .reversed()
            .thenComparingInt(r -> r.service().lifeSituationCodes().size())
            .thenComparing(r -> r.service().sortKey(language)));
    return found.size() > max ? found.subList(0, max) : found;
  }
}
