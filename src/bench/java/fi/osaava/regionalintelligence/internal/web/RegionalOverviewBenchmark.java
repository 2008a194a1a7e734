package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.regionalintelligence.SyntheticSurveys;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;

/**
 * {@code ./osaava bench regional-overview [ads=N] [responses=M] [seedAds=S] [runs=R]
 * [baselineRuns=B]}: the regional overview page's model (every table, the map, the context) for
 * random regions and sub-regions from the cached aggregates (the target), against the same page
 * computing its aggregates on demand (the baseline: the aggregates forgotten before each page), in
 * the same run. First the database is brought to the size asked: up to {@code ads} job ads by the
 * {@code job-ads} benchmark ({@code count=seedAds} ads ingested with identification, then copied in
 * SQL up to {@code scale=ads}), and up to {@code responses} submitted survey responses by {@code
 * generate survey-responses}' generator (one synthetic published survey). Sizes already reached are
 * kept. Thymeleaf's rendering is not included in either figure.
 */
@Component
class RegionalOverviewBenchmark implements Benchmark {

  private final RegionalOverviewController controller;
  private final OverviewAggregates aggregates;
  private final RegionsApi regions;
  private final JdbcTemplate jdbc;
  private final SyntheticSurveys surveys;
  private final ListableBeanFactory beans;

  RegionalOverviewBenchmark(
      RegionalOverviewController controller,
      OverviewAggregates aggregates,
      RegionsApi regions,
      JdbcTemplate jdbc,
      SyntheticSurveys surveys,
      ListableBeanFactory beans) {
    this.controller = controller;
    this.aggregates = aggregates;
    this.regions = regions;
    this.jdbc = jdbc;
    this.surveys = surveys;
    this.beans = beans;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** Brings the ads up to {@code ads} through the job-ad benchmark (the labour market's own). */
  private String fillAds(long ads, int seedAds, ImportProgress progress) {
    long before = jdbc.queryForObject("select count(*) from lm_job_ad", Long.class);
    if (ads <= before) {
      return "";
    }
    Benchmark jobAds =
        beans.getBeansOfType(Benchmark.class).values().stream()
            .filter(b -> b.name().equals("job-ads"))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("The job-ads benchmark is missing"));
    progress.report("Filling the ads from " + before + " to " + ads + " (bench job-ads)");
    long t0 = System.nanoTime();
    jobAds.run(
        Map.of(
            "count",
            Integer.toString(seedAds),
            "scale",
            Long.toString(ads),
            "runs",
            "5",
            "seed",
            "18"),
        progress);
    return String.format(
        Locale.ROOT,
        "The ads were brought from %,d to %,d by `bench job-ads count=%d scale=%d` (%,d ingested"
            + " with identification, the rest copied in SQL) in %.0f s. ",
        before,
        ads,
        seedAds,
        ads,
        seedAds,
        (System.nanoTime() - t0) / 1e9);
  }

  /** Brings the submitted survey responses up to {@code responses}: one synthetic survey. */
  private String fillResponses(long responses, ImportProgress progress) {
    long before =
        jdbc.queryForObject(
            "select count(*) from ri_response where submitted_at is not null", Long.class);
    if (responses <= before) {
      return "";
    }
    progress.report("Generating " + (responses - before) + " survey responses");
    long t0 = System.nanoTime();
    surveys.generateSurveyResponses(
        Math.toIntExact(responses - before), 18, "https://bench.example.fi");
    return String.format(
        Locale.ROOT,
        "%,d synthetic responses were added in one published survey (`generate survey-responses`:"
            + " stored, closed, results computed with suppression and published) in %.0f s. ",
        responses - before,
        (System.nanoTime() - t0) / 1e9);
  }

  @Override
  public String name() {
    return "regional-overview";
  }

  @Override
  public String description() {
    return "Regional overview page latency (p95): cached aggregates against computing on demand";
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    int runs = Integer.parseInt(options.getOrDefault("runs", "200"));
    int baselineRuns = Integer.parseInt(options.getOrDefault("baselineRuns", "5"));
    double loadBefore = load();
    String filled =
        fillAds(
                Long.parseLong(options.getOrDefault("ads", "0")),
                Integer.parseInt(options.getOrDefault("seedAds", "2000")),
                progress)
            + fillResponses(Long.parseLong(options.getOrDefault("responses", "0")), progress);
    Long ads = jdbc.queryForObject("select count(*) from lm_job_ad", Long.class);
    Long responses =
        jdbc.queryForObject(
            "select count(*) from ri_response where submitted_at is not null", Long.class);
    double loadMeasured = load();
    List<String> areas = new ArrayList<>();
    regions.areas(AreaLevel.REGION).stream().map(Area::code).forEach(areas::add);
    regions.areas(AreaLevel.SUB_REGION).stream().map(Area::code).forEach(areas::add);
    if (areas.isEmpty()) {
      throw new IllegalStateException("No regions imported");
    }
    Locale locale = Locale.forLanguageTag("fi");
    java.util.SplittableRandom random = new java.util.SplittableRandom(42);

    progress.report("Building the aggregates once");
    aggregates.invalidate();
    long b0 = System.nanoTime();
    aggregates.snapshot();
    double buildMs = (System.nanoTime() - b0) / 1e6;

    progress.report("Target: " + runs + " pages from the cached aggregates");
    double[] target = new double[runs];
    for (int i = 0; i < runs; i++) {
      String area = areas.get(random.nextInt(areas.size()));
      long t0 = System.nanoTime();
      controller.overview(area, null, null, new ExtendedModelMap(), locale);
      target[i] = (System.nanoTime() - t0) / 1e6;
    }

    progress.report("Baseline: " + baselineRuns + " pages computing on demand");
    double[] baseline = new double[baselineRuns];
    for (int i = 0; i < baselineRuns; i++) {
      String area = areas.get(random.nextInt(areas.size()));
      aggregates.invalidate();
      long t0 = System.nanoTime();
      controller.overview(area, null, null, new ExtendedModelMap(), locale);
      baseline[i] = (System.nanoTime() - t0) / 1e6;
    }

    double loadAfter = load();
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("ads", ads);
    metrics.put("responses", responses);
    metrics.put("load_before", loadBefore);
    metrics.put("load_after", loadAfter);
    metrics.put("build_ms", Math.round(buildMs));
    metrics.put("target_p50_ms", percentile(target, 50));
    metrics.put("target_p95_ms", percentile(target, 95));
    metrics.put("baseline_p50_ms", percentile(baseline, 50));
    metrics.put("baseline_p95_ms", percentile(baseline, 95));
    String markdown =
        String.format(
            Locale.ROOT,
            """
            %,d job ads and %,d submitted survey responses in the database; the page model of random regions and sub-regions. %sLoad average (%d cores): %.1f at the start, %.1f before the measurements, %.1f after.

            | | pages | p50 ms | p95 ms |
            |---|---:|---:|---:|
            | target: cached aggregates | %d | %.1f | %.1f |
            | baseline: computed on demand | %d | %.0f | %.0f |

            Building the aggregates once took %.0f ms. Target p95 ≤ 150 ms: **%s**.
            """,
            ads,
            responses,
            filled,
            Runtime.getRuntime().availableProcessors(),
            loadBefore,
            loadMeasured,
            loadAfter,
            runs,
            percentile(target, 50),
            percentile(target, 95),
            baselineRuns,
            percentile(baseline, 50),
            percentile(baseline, 95),
            buildMs,
            percentile(target, 95) <= 150 ? "met" : "not met");
    return new Report(markdown, metrics);
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
