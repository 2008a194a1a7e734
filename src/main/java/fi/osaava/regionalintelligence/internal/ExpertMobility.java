package fi.osaava.regionalintelligence.internal;

import fi.osaava.profile.AnonymisedWorkMoves;
import fi.osaava.profile.WorkMove;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.TaxonomyApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The moves of experts between regions from the work histories of people who consented to
 * anonymised statistics (through the profile module's {@link AnonymisedWorkMoves}, the only way to
 * them), by ISCO group of the occupation they moved to, published with {@link MobilityFlows}.
 * Results are kept for a minute per period: the suppression is not free, and a minute is as long as
 * a revoked consent can still count.
 */
@Component
public class ExpertMobility {

  /** The smallest published figure, as in the surveys. */
  public static final int MINIMUM = 5;

  static final Duration KEPT = Duration.ofMinutes(1);

  /** A period's published figures, when they were read, and whether synthetic people count. */
  public record Figures(
      MobilityFlows.Published published,
      LocalDate from,
      LocalDate to,
      Instant readAt,
      boolean synthetic,
      int regionMoves) {}

  private final AnonymisedWorkMoves moves;
  private final RegionsApi regions;
  private final TaxonomyApi taxonomy;
  private final Clock clock;
  private final Map<String, Figures> kept = new ConcurrentHashMap<>();
  private volatile Map<String, String> iscoOf = Map.of();

  ExpertMobility(AnonymisedWorkMoves moves, RegionsApi regions, TaxonomyApi taxonomy) {
    this.moves = moves;
    this.regions = regions;
    this.taxonomy = taxonomy;
    this.clock = Clock.systemUTC();
  }

  /** The published figures of the moves whose new job started from {@code from} to {@code to}. */
  public Figures figures(LocalDate from, LocalDate to) {
    String key = from + "/" + to;
    Instant now = clock.instant();
    Figures f = kept.get(key);
    if (f != null && f.readAt().plus(KEPT).isAfter(now)) {
      return f;
    }
    Map<String, String> regionOf = new HashMap<>();
    for (Area m : regions.areas(AreaLevel.MUNICIPALITY)) {
      regionOf.put(m.code(), m.regionCode());
    }
    Map<String, String> isco = isco();
    List<MobilityFlows.Move> between = new ArrayList<>();
    boolean synthetic = false;
    for (WorkMove move : moves.consentedWorkMoves(from, to)) {
      String a = regionOf.get(move.fromMunicipality());
      String b = regionOf.get(move.toMunicipality());
      if (a == null || b == null || a.equals(b)) {
        continue; // within a region, or a municipality no longer in the classification
      }
      String code = move.occupationUri() == null ? null : isco.get(move.occupationUri());
      between.add(
          new MobilityFlows.Move(
              a, b, code == null ? MobilityFlows.UNKNOWN_SUB_MAJOR : code.substring(0, 2)));
      synthetic |= move.synthetic();
    }
    f =
        new Figures(
            MobilityFlows.publish(between, MINIMUM), from, to, now, synthetic, between.size());
    kept.put(key, f);
    return f;
  }

  /** ESCO occupation URI to its ISCO-08 code (four digits), read once ESCO is imported. */
  private Map<String, String> isco() {
    Map<String, String> map = iscoOf;
    if (map.isEmpty() && taxonomy.imported()) {
      Map<String, String> read = new HashMap<>();
      taxonomy.forEachConcept(
          Set.of(ConceptType.OCCUPATION),
          c -> {
            String code = c.iscoCode() == null ? "" : c.iscoCode().replaceAll("[^0-9]", "");
            if (code.length() >= 2) {
              read.put(c.uri().value(), code);
            }
          });
      map = Map.copyOf(read);
      iscoOf = map;
    }
    return map;
  }
}
