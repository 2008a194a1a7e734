package fi.osaava.regionalintelligence.internal.overview;

import fi.osaava.education.CatalogueChanged;
import fi.osaava.education.EducationApi;
import fi.osaava.labourmarket.AdDemand;
import fi.osaava.labourmarket.LabourMarketApi;
import fi.osaava.labourmarket.StatisticsImportReport;
import fi.osaava.platform.DataChanged;
import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.internal.QuestionKind;
import fi.osaava.regionalintelligence.internal.Survey;
import fi.osaava.regionalintelligence.internal.SurveyResults;
import fi.osaava.regionalintelligence.internal.SurveyService;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The aggregates behind the regional overview, computed in one pass over the other modules' APIs
 * and kept in memory, so that a region's page only looks them up: job-ad demand by area and skill
 * or occupation group (two 12-month windows), education supply by area and skill, and the skills
 * that published surveys' respondents named. Rebuilt after statistics or catalogue changes (the
 * next page waits), and in the background when older than {@link #MAX_AGE} (job-ad ingestion
 * publishes no event).
 */
@Component
public class OverviewAggregates {

  static final Duration MAX_AGE = Duration.ofMinutes(15);

  /** The whole country's key in the tables, beside region and sub-region codes. */
  public static final String COUNTRY = "FI";

  /** Ads in the current and previous window. */
  public record Count(int current, int previous) {
    Count plus(int c, int p) {
      return new Count(current + c, previous + p);
    }
  }

  /**
   * Education offerings that teach a skill: taught on site in the area, online (anywhere), and the
   * known upcoming start dates of both.
   */
  public record Supply(int onSite, int online, int starts) {
    public int offerings() {
      return onSite + online;
    }
  }

  /**
   * One offering as the providers' view needs it.
   *
   * @param areas the region and sub-region codes where it is taught on site
   */
  public record OfferingSupply(
      String title, Set<String> areas, boolean online, Set<String> skills) {}

  /** A published survey's figure for a skill: companies naming it, of respondents. */
  public record SurveyMention(
      String surveyId, Map<Language, String> titles, long companies, long respondents) {

    public String title(Language language) {
      return titles.getOrDefault(language, titles.getOrDefault(Language.EN, ""));
    }
  }

  /**
   * @param ads area key → kind → item → count
   * @param onSite area key → skill → offerings taught there
   * @param online skill → offerings taught online
   * @param onSiteStarts area key → skill → upcoming starts on site
   * @param onlineStarts skill → upcoming starts online
   * @param surveys area key → skill → mentions in published surveys that area's companies answered
   */
  public record Snapshot(
      Instant builtAt,
      LocalDate from,
      LocalDate to,
      LocalDate previousFrom,
      boolean synthetic,
      Map<String, Map<AdDemand.Kind, Map<String, Count>>> ads,
      Map<String, Map<String, Integer>> onSite,
      Map<String, Integer> online,
      Map<String, Map<String, Integer>> onSiteStarts,
      Map<String, Integer> onlineStarts,
      int offerings,
      Map<String, Map<String, List<SurveyMention>>> surveys,
      Map<String, List<OfferingSupply>> providers) {

    public Count ads(String area, AdDemand.Kind kind, String item) {
      return ads.getOrDefault(area, Map.of())
          .getOrDefault(kind, Map.of())
          .getOrDefault(item, new Count(0, 0));
    }

    public Map<String, Count> items(String area, AdDemand.Kind kind) {
      return ads.getOrDefault(area, Map.of()).getOrDefault(kind, Map.of());
    }

    public Supply supply(String area, String skill) {
      return new Supply(
          onSite.getOrDefault(area, Map.of()).getOrDefault(skill, 0),
          online.getOrDefault(skill, 0),
          onSiteStarts.getOrDefault(area, Map.of()).getOrDefault(skill, 0)
              + onlineStarts.getOrDefault(skill, 0));
    }

    public List<SurveyMention> mentions(String area, String skill) {
      return surveys.getOrDefault(area, Map.of()).getOrDefault(skill, List.of());
    }
  }

  private final LabourMarketApi labourMarket;
  private final EducationApi education;
  private final RegionsApi regions;
  private final SurveyService surveys;
  private final Clock clock;
  private volatile @Nullable Snapshot snapshot;
  private final java.util.concurrent.atomic.AtomicBoolean refreshing =
      new java.util.concurrent.atomic.AtomicBoolean();

  OverviewAggregates(
      LabourMarketApi labourMarket,
      EducationApi education,
      RegionsApi regions,
      SurveyService surveys,
      Clock clock) {
    this.labourMarket = labourMarket;
    this.education = education;
    this.regions = regions;
    this.surveys = surveys;
    this.clock = clock;
  }

  /**
   * The current aggregates: built now if there are none (the first page after a start or a change
   * waits for them); when they are only older than {@link #MAX_AGE}, the stale ones while one
   * background thread rebuilds them. A rebuild is a pass over every ad of two years (over a minute
   * at a million ads), which no page should wait for just because time passed.
   */
  public Snapshot snapshot() {
    Snapshot s = snapshot;
    if (s == null) {
      synchronized (this) {
        s = snapshot;
        if (s == null) {
          s = compute();
          snapshot = s;
        }
      }
    } else if (s.builtAt().plus(MAX_AGE).isBefore(Instant.now())
        && refreshing.compareAndSet(false, true)) {
      Snapshot stale = s;
      Thread.ofVirtual()
          .name("regional-overview-refresh")
          .start(
              () -> {
                try {
                  Snapshot fresh = compute();
                  synchronized (this) {
                    // An invalidation meanwhile wins: its next page builds from the newer data.
                    if (snapshot == stale) {
                      snapshot = fresh;
                    }
                  }
                } finally {
                  refreshing.set(false);
                }
              });
    }
    return s;
  }

  /** Forgets the aggregates, so that the next page computes them from the new data. */
  public void invalidate() {
    synchronized (this) {
      snapshot = null;
    }
  }

  @EventListener
  void statisticsImported(StatisticsImportReport report) {
    invalidate();
  }

  @EventListener
  void catalogueChanged(CatalogueChanged event) {
    invalidate();
  }

  @EventListener
  void dataChanged(DataChanged event) {
    invalidate();
  }

  /** Computes every aggregate from the other modules' APIs, without caching (the benchmark's). */
  public Snapshot compute() {
    Map<String, String> regionOf = new HashMap<>();
    Map<String, String> subRegionOf = new HashMap<>();
    for (Area m : regions.areas(AreaLevel.MUNICIPALITY)) {
      regionOf.put(m.code(), m.regionCode());
      if (m.subRegionCode() != null) {
        subRegionOf.put(m.code(), m.subRegionCode());
      }
    }
    AdDemand demand = labourMarket.adDemand();
    Map<String, Map<AdDemand.Kind, Map<String, Count>>> ads = new HashMap<>();
    for (AdDemand.Cell cell : demand.cells()) {
      for (String area : areasOf(cell.municipalityCode(), regionOf, subRegionOf)) {
        ads.computeIfAbsent(area, k -> new java.util.EnumMap<>(AdDemand.Kind.class))
            .computeIfAbsent(cell.kind(), k -> new HashMap<>())
            .merge(
                cell.item(),
                new Count(cell.current(), cell.previous()),
                (a, b) -> a.plus(b.current(), b.previous()));
      }
    }
    Map<String, Map<String, Integer>> onSite = new HashMap<>();
    Map<String, Integer> online = new HashMap<>();
    Map<String, Map<String, Integer>> onSiteStarts = new HashMap<>();
    Map<String, Integer> onlineStarts = new HashMap<>();
    int[] offerings = {0};
    Map<String, String> providerOf = new HashMap<>();
    education
        .offeringsByProvider(Language.FI)
        .forEach(
            (name, ids) ->
                ids.forEach(id -> providerOf.merge(id.value().toString(), name, (a, b) -> a)));
    Map<String, List<OfferingSupply>> providers = new java.util.TreeMap<>();
    LocalDate today = LocalDate.now(clock);
    education.forEachMatchableOffering(
        Language.FI,
        o -> {
          offerings[0]++;
          int starts = (int) o.startDates().stream().filter(d -> !d.isBefore(today)).count();
          Set<String> areas = new HashSet<>();
          for (String municipality : o.municipalityCodes()) {
            areas.addAll(areasOf(municipality, regionOf, subRegionOf));
          }
          String provider = providerOf.get(o.id().value().toString());
          if (provider != null) {
            Set<String> skillUris = new HashSet<>();
            o.skills().forEach(u -> skillUris.add(u.value()));
            providers
                .computeIfAbsent(provider, k -> new ArrayList<>())
                .add(
                    new OfferingSupply(o.title().text(), Set.copyOf(areas), o.online(), skillUris));
          }
          for (var skill : o.skills()) {
            String uri = skill.value();
            if (o.online()) {
              online.merge(uri, 1, Integer::sum);
              onlineStarts.merge(uri, starts, Integer::sum);
            }
            // An online offering also taught on site counts once, as online.
            if (!o.online()) {
              for (String area : areas) {
                onSite.computeIfAbsent(area, k -> new HashMap<>()).merge(uri, 1, Integer::sum);
                onSiteStarts
                    .computeIfAbsent(area, k -> new HashMap<>())
                    .merge(uri, starts, Integer::sum);
              }
            }
          }
        });
    return new Snapshot(
        Instant.now(),
        demand.from(),
        demand.to(),
        demand.previousFrom(),
        demand.synthetic(),
        ads,
        onSite,
        online,
        onSiteStarts,
        onlineStarts,
        offerings[0],
        surveyMentions(),
        providers);
  }

  private static List<String> areasOf(
      String municipality, Map<String, String> regionOf, Map<String, String> subRegionOf) {
    List<String> areas = new ArrayList<>(3);
    areas.add(COUNTRY);
    String region = regionOf.get(municipality);
    if (region != null) {
      areas.add(region);
    }
    String subRegion = subRegionOf.get(municipality);
    if (subRegion != null) {
      areas.add(subRegion);
    }
    return areas;
  }

  /**
   * The skills that published surveys' respondents named (only those named by at least 5, as
   * published), for the whole country and for each region or sub-region whose own respondent count
   * the survey published: the survey's concept counts are not broken down by area, so a survey
   * speaks for the areas its respondents came from.
   */
  private Map<String, Map<String, List<SurveyMention>>> surveyMentions() {
    Map<String, Map<String, List<SurveyMention>>> result = new HashMap<>();
    for (Survey survey : surveys.published()) {
      SurveyResults results = surveys.published(survey).orElse(null);
      if (results == null || results.respondents() == null) {
        continue;
      }
      record Published(Survey survey) {}
      Published published = new Published(survey);
      Set<String> areas = new HashSet<>();
      areas.add(COUNTRY);
      for (SurveyResults.Breakdown b : results.background()) {
        if (b.dimension() == SurveyResults.Dimension.REGION
            || b.dimension() == SurveyResults.Dimension.SUB_REGION) {
          for (SurveyResults.GroupCount g : b.groups()) {
            if (g.count() != null && g.count() > 0) {
              areas.add(g.group());
            }
          }
        }
      }
      Map<String, Long> named = results.named(EnumSet.allOf(QuestionKind.class));
      for (var e : named.entrySet()) {
        SurveyMention mention =
            new SurveyMention(
                published.survey().id().toString(),
                published.survey().titles(),
                e.getValue(),
                results.respondents());
        for (String area : areas) {
          result
              .computeIfAbsent(area, k -> new HashMap<>())
              .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
              .add(mention);
        }
      }
    }
    return result;
  }
}
