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
import java.time.Year;
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
 * them), by ISCO group of the occupation they moved to, published with {@link MobilityFlows}. The
 * national system also splits each region's arrivals and departures by its sub-regions (the same
 * people, so the same suppression). Each region's moves between its own sub-regions are a second
 * kind of system, published alike.
 *
 * <p>Figures exist for <b>one complete calendar year</b> at a time only, never for the current year
 * or for a span of years. Suppression protects the cells of one table; a reader who could also have
 * the table of an overlapping period (2021–2025 beside 2022–2025) or of a period that is still
 * growing (the same page a day later) would subtract the two and see the few people who make the
 * difference, however large both figures are. Separate complete years are tables of separate moves
 * that no published figure adds up, and they stop growing when the year ends. Results are kept for
 * a minute per year: the suppression is not free, and a minute is as long as a revoked consent can
 * still count.
 */
@Component
public class ExpertMobility {

  /** The smallest published figure, as in the surveys. */
  public static final int MINIMUM = 5;

  static final Duration KEPT = Duration.ofMinutes(1);

  /** The first year published: there are no work histories with municipalities before it. */
  public static final Year FIRST_YEAR = Year.of(2000);

  /** A year's published figures, when they were read, and whether synthetic people count. */
  public record Figures(
      MobilityFlows.Published published,
      Year year,
      Instant readAt,
      boolean synthetic,
      int counted) {}

  private final AnonymisedWorkMoves moves;
  private final RegionsApi regions;
  private final TaxonomyApi taxonomy;
  private final Clock calendar;
  private final Clock timer;
  private final Map<Year, Read> kept = new ConcurrentHashMap<>();
  private volatile Map<String, String> iscoOf = Map.of();

  ExpertMobility(
      AnonymisedWorkMoves moves, RegionsApi regions, TaxonomyApi taxonomy, Clock calendar) {
    this.moves = moves;
    this.regions = regions;
    this.taxonomy = taxonomy;
    this.calendar = calendar;
    // The minute a result is kept is time that passes, not the calendar: the application's clock
    // may be fixed (in tests it is), and a fixed clock would keep a year's first result for ever.
    this.timer = Clock.systemUTC();
  }

  /** The newest year published: the last complete calendar year by the application's clock. */
  public Year lastCompleteYear() {
    return Year.now(calendar).minusYears(1);
  }

  /** Whether {@code year} is published: complete, and not before {@link #FIRST_YEAR}. */
  public boolean publishable(Year year) {
    return !year.isBefore(FIRST_YEAR) && !year.isAfter(lastCompleteYear());
  }

  /**
   * One read of the period's moves, split once into the two kinds of system it feeds: the moves
   * between regions (the national system, each move with the sub-regions it left and arrived in)
   * and, per region, the moves between two of its sub-regions. Every person is in the read once
   * (their latest move of the period), so each lands in one list at most: the systems count
   * disjoint sets of people and no sum joins them.
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
          between.add(
              new MobilityFlows.Move(
                  a.regionCode(), b.regionCode(), subMajor, a.subRegionCode(), b.subRegionCode()));
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

  /** A year's read and its national figures; the regions' own figures are added on demand. */
  private record Read(Split split, Figures national, Map<String, Figures> regions) {}

  /**
   * The published figures of the moves whose new job started in {@code year}.
   *
   * @throws IllegalArgumentException when the year is not {@link #publishable}
   */
  public Figures figures(Year year) {
    return read(year).national();
  }

  /**
   * The published figures of the moves within {@code region} between two of its sub-regions (the
   * areas of the figures are sub-region codes), from the same read as {@link #figures}: a person
   * counted here is in none of the national figures, and the other way round.
   */
  public Figures withinRegion(String region, Year year) {
    Read read = read(year);
    Figures national = read.national();
    return read.regions()
        .computeIfAbsent(
            region,
            r -> {
              List<MobilityFlows.Move> within = read.split().within().getOrDefault(r, List.of());
              return new Figures(
                  MobilityFlows.publish(within, MINIMUM),
                  year,
                  national.readAt(),
                  read.split().withinSynthetic().contains(r),
                  within.size());
            });
  }

  private Read read(Year year) {
    if (!publishable(year)) {
      throw new IllegalArgumentException(
          year + " is not published: only complete years from " + FIRST_YEAR + " are");
    }
    Instant now = timer.instant();
    Read r = kept.get(year);
    if (r != null && r.national().readAt().plus(KEPT).isAfter(now)) {
      return r;
    }
    Map<String, Area> municipalities = new HashMap<>();
    for (Area m : regions.areas(AreaLevel.MUNICIPALITY)) {
      municipalities.put(m.code(), m);
    }
    Split split =
        Split.of(
            moves.consentedWorkMoves(year.atDay(1), year.atMonth(12).atEndOfMonth()),
            municipalities,
            isco());
    Figures national =
        new Figures(
            MobilityFlows.publish(split.between(), MINIMUM, true),
            year,
            now,
            split.betweenSynthetic(),
            split.between().size());
    r = new Read(split, national, new ConcurrentHashMap<>());
    kept.put(year, r);
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
