package fi.osaava.opportunities.internal;

import fi.osaava.education.CatalogueChanged;
import fi.osaava.education.EducationApi;
import fi.osaava.education.MatchableOffering;
import fi.osaava.labourmarket.JobAdIngestReport;
import fi.osaava.labourmarket.LabourMarketApi;
import fi.osaava.labourmarket.MatchableJobAd;
import fi.osaava.labourmarket.OccupationIndicators;
import fi.osaava.labourmarket.StatisticsImportReport;
import fi.osaava.opportunities.internal.engine.EscoTables;
import fi.osaava.opportunities.internal.engine.JobAdEntry;
import fi.osaava.opportunities.internal.engine.MatchIndex;
import fi.osaava.opportunities.internal.engine.OccupationEntry;
import fi.osaava.opportunities.internal.engine.OfferingEntry;
import fi.osaava.opportunities.internal.engine.RiasecCodes;
import fi.osaava.opportunities.internal.engine.SkillGraph;
import fi.osaava.platform.DataChanged;
import fi.osaava.platform.Directories;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.EscoImported;
import fi.osaava.taxonomy.TaxonomyApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Holds the current {@link MatchIndex}: ESCO's graph and occupations with RIASEC codes and demand,
 * the catalogue's offerings and the open job ads, as compact int-indexed arrays. Built in the
 * background when the web application starts, else on first use, and again after ESCO is imported
 * or the catalogue changes; requests keep the old snapshot until the new one is ready.
 */
@Component
class MatchingData {

  /** The career-guidance file with RIASEC codes, relative to the reference-data directory. */
  static final String RIASEC_FILE = "labour-market/ammattitieto-avo-2023-02-17.jsonl";

  private static final Logger log = LoggerFactory.getLogger(MatchingData.class);

  private final TaxonomyApi taxonomy;
  private final EducationApi education;
  private final LabourMarketApi labourMarket;
  private final Directories directories;
  // Absent until first built and again while a changed dataset waits for the next build.
  private volatile @Nullable MatchIndex index;
  private volatile @Nullable EscoTables esco;

  MatchingData(
      TaxonomyApi taxonomy,
      EducationApi education,
      LabourMarketApi labourMarket,
      Directories directories) {
    this.taxonomy = taxonomy;
    this.education = education;
    this.labourMarket = labourMarket;
    this.directories = directories;
  }

  @EventListener(ApplicationReadyEvent.class)
  void buildInBackground(ApplicationReadyEvent event) {
    if (event.getApplicationContext()
        instanceof org.springframework.boot.web.server.context.WebServerApplicationContext) {
      // Even the check for ESCO runs in the background: on the event's thread, a database
      // restarting while the node started made it throw and stopped the node.
      Thread.ofVirtual()
          .name("opportunities-build")
          .start(
              () -> {
                try {
                  if (taxonomy.imported()) {
                    current();
                  }
                } catch (RuntimeException e) {
                  log.warn(
                      "Matching data not built at start-up; the first request builds it: {}",
                      e.toString());
                }
              });
    }
  }

  @ApplicationModuleListener
  void escoImported(EscoImported event) {
    synchronized (this) {
      esco = null;
      index = null;
    }
  }

  @ApplicationModuleListener
  void catalogueChanged(CatalogueChanged event) {
    synchronized (this) {
      index = null;
    }
  }

  /**
   * A dataset the index is built from changed, here, beside the service or on another node: builds
   * a new index in the background while requests keep the old one. Demand comes from the
   * labour-market statistics, so those reload the ESCO tables as ESCO does.
   */
  @EventListener
  void dataChanged(DataChanged event) {
    boolean tables =
        event.concerns(EscoImported.DATASET) || event.concerns(StatisticsImportReport.DATASET);
    if (!tables
        && !event.concerns(CatalogueChanged.DATASET)
        && !event.concerns(JobAdIngestReport.DATASET)) {
      return;
    }
    synchronized (this) {
      if (tables) {
        esco = null;
      }
      if (index == null) {
        return; // Nobody has asked yet: built on first use, from the new data.
      }
    }
    Thread.ofVirtual().name("opportunities-refresh").start(this::refreshQuietly);
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      log.warn(
          "The matching index could not be rebuilt; it is built on next use: {}", e.toString());
      synchronized (this) {
        index = null;
      }
    }
  }

  /** The current snapshot, built now when there is none. */
  MatchIndex current() {
    MatchIndex current = index;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      MatchIndex built = index;
      if (built == null) {
        built = build();
        index = built;
      }
      return built;
    }
  }

  /** Forces a rebuild of the catalogue and job-ad part, for benchmarks and after ad ingestion. */
  synchronized MatchIndex refresh() {
    MatchIndex built = build();
    index = built;
    return built;
  }

  private MatchIndex build() {
    long start = System.nanoTime();
    EscoTables loaded = esco;
    if (loaded == null) {
      loaded = EscoTables.load(taxonomy, riasec(), this::demand);
      esco = loaded;
    }
    EscoTables tables = loaded;
    SkillGraph graph = tables.graph();
    Map<ConceptUri, Integer> occupations = new HashMap<>();
    for (int i = 0; i < tables.occupations().size(); i++) {
      occupations.put(tables.occupations().get(i).uri(), i);
    }
    List<OfferingEntry> offerings = new ArrayList<>();
    education.forEachMatchableOffering(
        Language.EN, offering -> offerings.add(offering(graph, offering)));
    List<JobAdEntry> ads = new ArrayList<>();
    labourMarket.forEachOpenJobAd(ad -> ads.add(jobAd(graph, tables, occupations, ad)));
    MatchIndex built =
        new MatchIndex(graph, tables.occupations(), ads, offerings, new float[graph.size()]);
    log.info(
        "Matching index: {} skills, {} occupations, {} offerings, {} job ads in {} ms",
        graph.size(),
        tables.occupations().size(),
        offerings.size(),
        ads.size(),
        (System.nanoTime() - start) / 1_000_000);
    return built;
  }

  private RiasecCodes riasec() {
    Optional<Path> file =
        directories.referenceData().map(d -> d.resolve(RIASEC_FILE)).filter(Files::isRegularFile);
    if (file.isEmpty()) {
      log.warn("No {} in the reference data: occupations get no RIASEC codes", RIASEC_FILE);
      return RiasecCodes.none();
    }
    RiasecCodes codes = RiasecCodes.read(file.get());
    log.info("RIASEC codes for {} ISCO groups from {}", codes.groups(), file.get());
    return codes;
  }

  /**
   * The demand signal of an occupation, 0–1: the mean of its vacancy rate and labour-shortage
   * share, each scaled by a ceiling (10% vacancies, 50% shortage) above which demand counts as
   * full. NaN when the indicators do not cover the occupation.
   */
  private double demand(ConceptUri occupation) {
    return labourMarket.indicators(occupation).map(MatchingData::demandOf).orElse(Double.NaN);
  }

  static double demandOf(OccupationIndicators indicators) {
    double sum = 0;
    int parts = 0;
    if (indicators.vacancyRate() != null) {
      sum += Math.min(1, Math.max(0, indicators.vacancyRate() / 0.10));
      parts++;
    }
    if (indicators.labourShortageShare() != null) {
      sum += Math.min(1, Math.max(0, indicators.labourShortageShare() / 0.50));
      parts++;
    }
    return parts == 0 ? Double.NaN : sum / parts;
  }

  private static OfferingEntry offering(SkillGraph graph, MatchableOffering offering) {
    int mask = 0;
    for (Language language : offering.teachingLanguages()) {
      mask |= 1 << language.ordinal();
    }
    int[] starts =
        offering.startDates().stream().mapToInt(d -> (int) d.toEpochDay()).sorted().toArray();
    return new OfferingEntry(
        offering.id(),
        offering.level(),
        offering.fieldCode(),
        graph.ids(offering.skills()),
        offering.extentCredits() == null ? Double.NaN : offering.extentCredits().doubleValue(),
        offering.durationMonths() == null ? -1 : offering.durationMonths(),
        offering.cost() == null ? Double.NaN : offering.cost().doubleValue(),
        offering.online(),
        offering.municipalityCodes(),
        mask,
        starts,
        offering.synthetic(),
        Double.NaN);
  }

  private static JobAdEntry jobAd(
      SkillGraph graph,
      EscoTables tables,
      Map<ConceptUri, Integer> occupations,
      MatchableJobAd ad) {
    int occupation = ad.occupation() == null ? -1 : occupations.getOrDefault(ad.occupation(), -1);
    int[] skills = graph.ids(ad.skills());
    if (skills.length == 0 && occupation >= 0) {
      OccupationEntry o = tables.occupations().get(occupation);
      skills = Arrays.copyOf(o.essential(), o.essential().length);
    }
    double demand = occupation >= 0 ? tables.occupations().get(occupation).demand() : Double.NaN;
    return new JobAdEntry(
        ad.id(),
        ad.title(),
        ad.language(),
        occupation,
        skills,
        ad.municipalityCode(),
        ad.remote(),
        ad.synthetic(),
        demand);
  }
}
