package fi.osaava.notifications.internal;

import fi.osaava.labourmarket.JobAdId;
import fi.osaava.labourmarket.MatchableJobAd;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptUri;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code ./osaava bench saved-searches-job-ads}: the target case, 100,000 saved opportunity
 * filters and goals against a batch of 1,000 new job ads, each side turned into the matcher's form
 * by {@link JobAdAlerts#query} and {@link JobAdAlerts#item} as the listener does, evaluated through
 * the inverted {@link AlertIndex} and, as the baseline, by running every saved search as a query
 * over the batch.
 *
 * <p>The ads and searches are generated here, in memory (synthetic; nothing is stored), so the run
 * needs no imported data: occupations are random UUIDs standing for ESCO's 3,007, ads and goals
 * both drawn towards the same popular occupations, and Uusimaa taking a third of ads and filters,
 * since that is where the density of real matches, and so the work, lies.
 */
@Component
class JobAdAlertMatchingBenchmark implements Benchmark {

  /** The region (maakunta) codes of Finland. */
  private static final List<String> REGIONS =
      List.of(
          "01", "02", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
          "17", "18", "19", "21");

  @Override
  public String name() {
    return "saved-searches-job-ads";
  }

  @Override
  public String description() {
    return "100,000 saved opportunity filters and goals against 1,000 new job ads: inverted index vs"
        + " each search as a query";
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    int searchCount = Integer.parseInt(options.getOrDefault("searches", "100000"));
    int adCount = Integer.parseInt(options.getOrDefault("ads", "1000"));
    double goalShare = Double.parseDouble(options.getOrDefault("goals", "0.5"));
    int occupationCount = Integer.parseInt(options.getOrDefault("occupations", "3007"));
    long seed = Long.parseLong(options.getOrDefault("seed", "17"));
    Random random = new Random(seed);
    List<String> occupations = new ArrayList<>(occupationCount);
    for (int i = 0; i < occupationCount; i++) {
      occupations.add(new UUID(random.nextLong(), random.nextLong()).toString());
    }

    List<AlertIndex.Item> items = new ArrayList<>(adCount);
    for (int i = 0; i < adCount; i++) {
      items.add(JobAdAlerts.item(ad(random, occupations, i)));
    }
    List<SavedQuery> searches = new ArrayList<>(searchCount);
    int goals = 0;
    for (int i = 0; i < searchCount; i++) {
      boolean goal = random.nextDouble() < goalShare;
      goals += goal ? 1 : 0;
      searches.add(JobAdAlerts.query(goal ? goal(random, occupations) : filter(random)));
    }
    progress.report(
        "%,d saved searches (%,d goals), %,d ads, %,d occupations"
            .formatted(searchCount, goals, adCount, occupationCount));

    IndexAgainstQueries run =
        IndexAgainstQueries.run(searches, items, JobAdAlerts.ANCHOR_FACETS, progress);
    String markdown =
        String.format(
                Locale.ROOT,
                """
                %,d saved searches (%,d goals, each an occupation drawn towards the popular ones; \
                %,d opportunity filters of one or two regions, a third in Uusimaa, and sometimes \
                a language or remote only) against %,d new job ads (synthetic, generated in \
                memory: 90 %% with an occupation drawn the same way, 95 %% located, 15 %% remote, \
                85 %% in Finnish), %,d occupations, seed %d.

                """,
                searchCount,
                goals,
                searchCount - goals,
                adCount,
                occupationCount,
                seed)
            + run.markdown("ad")
            + String.format(
                Locale.ROOT,
                """

                Target: the batch within 10 s: **%s** (%.2f s; the baseline took %.2f s, %.1f× \
                the index's time).
                """,
                run.indexSeconds() <= 10 ? "met" : "not met",
                run.indexSeconds(),
                run.baselineSeconds(),
                run.baselineSeconds() / run.indexSeconds());
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("searches", searchCount);
    metrics.put("goals", goals);
    metrics.put("ads", adCount);
    run.addMetrics(metrics);
    return new Report(markdown, metrics);
  }

  private static MatchableJobAd ad(Random random, List<String> occupations, int n) {
    ConceptUri occupation =
        random.nextInt(10) == 0
            ? null
            : new ConceptUri(
                "http://data.europa.eu/esco/occupation/" + popular(random, occupations));
    String region = random.nextInt(20) == 0 ? null : region(random);
    double language = random.nextDouble();
    return new MatchableJobAd(
        new JobAdId(new UUID(0, n + 1L)),
        "Synthetic ad " + n,
        language < 0.85 ? Language.FI : language < 0.9 ? Language.SV : Language.EN,
        occupation,
        Set.of(),
        null,
        region,
        random.nextInt(100) < 15,
        LocalDate.of(2026, 12, 7),
        null,
        true);
  }

  private static SavedSearches.SavedSearch goal(Random random, List<String> occupations) {
    return saved(
        SavedSearches.GOAL, Map.of(SavedSearches.GOAL, Set.of(popular(random, occupations))));
  }

  /** A filter of the opportunities page: one region (70 %) or two, sometimes language or remote. */
  private static SavedSearches.SavedSearch filter(Random random) {
    Map<String, Set<String>> facets = new HashMap<>();
    Set<String> regions = new LinkedHashSet<>();
    regions.add(region(random));
    if (random.nextInt(10) < 3) {
      regions.add(region(random));
    }
    facets.put("region", regions);
    int extra = random.nextInt(10);
    if (extra < 3) {
      facets.put(
          "language", Set.of(random.nextInt(10) < 8 ? "fi" : random.nextBoolean() ? "sv" : "en"));
    } else if (extra == 3) {
      facets.put("remote", Set.of("true"));
    }
    return saved(SavedSearches.OPPORTUNITY, facets);
  }

  private static SavedSearches.SavedSearch saved(String kind, Map<String, Set<String>> facets) {
    return new SavedSearches.SavedSearch(
        UUID.randomUUID(), UUID.randomUUID(), kind, "", facets, Instant.EPOCH);
  }

  /** Uusimaa a third of the time, else any region. */
  private static String region(Random random) {
    return random.nextInt(3) == 0 ? "01" : REGIONS.get(random.nextInt(REGIONS.size()));
  }

  /** An occupation, skewed towards the first ones (squared uniform), as ads and goals are. */
  private static String popular(Random random, List<String> occupations) {
    double u = random.nextDouble();
    return occupations.get((int) (u * u * occupations.size()));
  }
}
