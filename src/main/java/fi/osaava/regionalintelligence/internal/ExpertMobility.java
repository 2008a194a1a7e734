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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The moves of experts between regions from the work histories of people who consented to
 * anonymised statistics (through the profile module's {@link AnonymisedWorkMoves}, the only way to
 * them), by ISCO group of the occupation they moved to, published with {@link MobilityFlows}. Each
 * region's moves between its own sub-regions are a second kind of system, published alike. Results
 * are kept for a minute per period: the suppression is not free, and a minute is as long as a
 * revoked consent can still count.
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
      int counted) {}

  private final AnonymisedWorkMoves moves;
  private final RegionsApi regions;
  private final TaxonomyApi taxonomy;
  private final Clock clock;
  private final Map<String, Read> kept = new ConcurrentHashMap<>();
  private volatile Map<String, String> iscoOf = Map.of();

  ExpertMobility(AnonymisedWorkMoves moves, RegionsApi regions, TaxonomyApi taxonomy) {
    this.moves = moves;
    this.regions = regions;
    this.taxonomy = taxonomy;
    this.clock = Clock.systemUTC();
  }

  /**
   * One read of the period's moves, split once into the two kinds of system it feeds: the moves
   * between regions (the national system) and, per region, the moves between two of its
   * sub-regions. Every person is in the read once (their latest move of the period), so each lands
   * in one list at most: the systems count disjoint sets of people and no sum joins them.
   */
  record Split(
      List<MobilityFlows.Move> between,
      boolean betweenSynthetic,
      Map<String, List<MobilityFlows.Move>> within,
      Set<String> withinSynthetic) {

    /**
     * Splits {@code read} by the region and sub-region of each move's two municipalities. A move
     * within one sub-region, or with a municipality no longer in the classification, is in neither.
     */
    static Split of(
        List<WorkMove> read, Map<String, Area> municipalities, Map<String, String> isco) {
      List<MobilityFlows.Move> between = new ArrayList<>();
      Map<String, List<MobilityFlows.Move>> within = new TreeMap<>();
      Set<String> withinSynthetic = new HashSet<>();
      boolean synthetic = false;
      for (WorkMove move : read) {
        Area a = municipalities.get(move.fromMunicipality());
        Area b = municipalities.get(move.toMunicipality());
        if (a == null || b == null) {
          continue; // a municipality no longer in the classification
        }
        String code = move.occupationUri() == null ? null : isco.get(move.occupationUri());
        String subMajor = code == null ? MobilityFlows.UNKNOWN_SUB_MAJOR : code.substring(0, 2);
        if (!a.regionCode().equals(b.regionCode())) {
          between.add(new MobilityFlows.Move(a.regionCode(), b.regionCode(), subMajor));
          synthetic |= move.synthetic();
        } else if (a.subRegionCode() != null
            && b.subRegionCode() != null
            && !a.subRegionCode().equals(b.subRegionCode())) {
          within
              .computeIfAbsent(a.regionCode(), r -> new ArrayList<>())
              .add(new MobilityFlows.Move(a.subRegionCode(), b.subRegionCode(), subMajor));
          if (move.synthetic()) {
            withinSynthetic.add(a.regionCode());
          }
        }
      }
      return new Split(between, synthetic, within, withinSynthetic);
    }
  }

  /** A period's read and its national figures; the regions' own figures are added on demand. */
  private record Read(Split split, Figures national, Map<String, Figures> regions) {}

  /** The published figures of the moves whose new job started from {@code from} to {@code to}. */
  public Figures figures(LocalDate from, LocalDate to) {
    return read(from, to).national();
  }

  /**
   * The published figures of the moves within {@code region} between two of its sub-regions (the
   * areas of the figures are sub-region codes), from the same read as {@link #figures}: a person
   * counted here is in none of the national figures, and the other way round.
   */
  public Figures withinRegion(String region, LocalDate from, LocalDate to) {
    Read read = read(from, to);
    Figures national = read.national();
    return read.regions()
        .computeIfAbsent(
            region,
            r -> {
              List<MobilityFlows.Move> within = read.split().within().getOrDefault(r, List.of());
              return new Figures(
                  MobilityFlows.publish(within, MINIMUM),
                  from,
                  to,
                  national.readAt(),
                  read.split().withinSynthetic().contains(r),
                  within.size());
            });
  }

  private Read read(LocalDate from, LocalDate to) {
    String key = from + "/" + to;
    Instant now = clock.instant();
    Read r = kept.get(key);
    if (r != null && r.national().readAt().plus(KEPT).isAfter(now)) {
      return r;
    }
    Map<String, Area> municipalities = new HashMap<>();
    for (Area m : regions.areas(AreaLevel.MUNICIPALITY)) {
      municipalities.put(m.code(), m);
    }
    Split split = Split.of(moves.consentedWorkMoves(from, to), municipalities, isco());
    Figures national =
        new Figures(
            MobilityFlows.publish(split.between(), MINIMUM),
            from,
            to,
            now,
            split.betweenSynthetic(),
            split.between().size());
    r = new Read(split, national, new ConcurrentHashMap<>());
    kept.put(key, r);
    return r;
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
