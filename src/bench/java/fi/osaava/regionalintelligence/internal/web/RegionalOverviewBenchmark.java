package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;

/**
 * {@code ./osaava bench regional-overview [runs=R] [baselineRuns=B]}: the regional overview page's
 * model (every table, the map, the context) for random regions and sub-regions from the cached
 * aggregates (the target), against the same page computing its aggregates on demand (the baseline:
 * the aggregates forgotten before each page). Run it on the data to measure: {@code ./osaava bench
 * job-ads scale=1000000} first brings the database to a million ads. Thymeleaf's rendering is not
 * included in either.
 */
@Component
class RegionalOverviewBenchmark implements Benchmark {

  private final RegionalOverviewController controller;
  private final OverviewAggregates aggregates;
  private final RegionsApi regions;
  private final JdbcTemplate jdbc;

  RegionalOverviewBenchmark(
      RegionalOverviewController controller,
      OverviewAggregates aggregates,
      RegionsApi regions,
      JdbcTemplate jdbc) {
    this.controller = controller;
    this.aggregates = aggregates;
    this.regions = regions;
    this.jdbc = jdbc;
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
    Long ads = jdbc.queryForObject("select count(*) from lm_job_ad", Long.class);
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

    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("ads", ads);
    metrics.put("build_ms", Math.round(buildMs));
    metrics.put("target_p50_ms", percentile(target, 50));
    metrics.put("target_p95_ms", percentile(target, 95));
    metrics.put("baseline_p50_ms", percentile(baseline, 50));
    metrics.put("baseline_p95_ms", percentile(baseline, 95));
    String markdown =
        String.format(
            Locale.ROOT,
            """
            ### `regional-overview`

            %,d job ads in the database; the page model of random regions and sub-regions.

            | | pages | p50 ms | p95 ms |
            |---|---:|---:|---:|
            | target: cached aggregates | %d | %.1f | %.1f |
            | baseline: computed on demand | %d | %.0f | %.0f |

            Building the aggregates once took %.0f ms.
            """,
            ads,
            runs,
            percentile(target, 50),
            percentile(target, 95),
            baselineRuns,
            percentile(baseline, 50),
            percentile(baseline, 95),
            buildMs);
    return new Report(markdown, metrics);
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
