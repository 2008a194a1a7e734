package fi.osaava.servicenetwork;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The explained service recommendations of {@code /services} for another module's page (the
 * signed-in person's combined recommendations), ranked by the rule of docs/services.md,
 * "Recommendations".
 */
public interface ServiceRecommendations {

  /**
   * Why a service is shown: a message key under {@code svc.why.} and its argument: the situation's
   * code for {@code situation}, the municipality's or region's name in the asked language for
   * {@code municipality} and {@code region}, else null.
   */
  record Reason(String key, @Nullable String argument) {}

  /**
   * One active service.
   *
   * @param rank 4 given in the municipality, 3 in its region, 2 country-wide, online or anywhere
   *     when no municipality is known, 1 a general description (0 when not recommended)
   */
  record RecommendedService(
      UUID id,
      @Nullable LocalizedText name,
      @Nullable LocalizedText organisation,
      ServiceType type,
      boolean generalDescription,
      int rank,
      List<Reason> reasons) {}

  /**
   * The services for the situation that reach the municipality, best first.
   *
   * @param municipalityCode three digits such as {@code 091}, or null for anywhere; a code that
   *     names no municipality counts as none
   */
  List<RecommendedService> recommend(
      LifeSituation situation, @Nullable String municipalityCode, Language language, int max);

  /** One active service, unranked (rank 0, no reasons), or empty when unknown or retired. */
  Optional<RecommendedService> find(UUID id, Language language);
}
