package fi.osaava.labourmarket.internal.analytics;

import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.labourmarket.JobAdIngestReport;
import fi.osaava.labourmarket.LabourMarketImports;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./osaava bench job-ads [count=N] [scale=M] [runs=R]}: ingestion with skill identification
 * against identification alone (the baseline: what ingestion adds to it), then, after optionally
 * copying the ingested ads up to {@code scale} ads in SQL (copies with shifted months and their
 * skills, chunk by chunk, each chunk adding what it counts to the aggregates and their rollups in
 * its own transaction, as ingestion does: the aggregates are never rebuilt), the dashboard queries'
 * latency from the aggregates against the same figures computed from the raw ad tables.
 */
@Component
class JobAdBenchmark implements Benchmark {

  private final LabourMarketImports imports;
  private final IdentificationApi identification;
  private final JdbcTemplate jdbc;
  private final JsonMapper json = JsonMapper.builder().build();

  private final Clock clock;
  private final Trends trends;
  private final TransactionTemplate transaction;

  JobAdBenchmark(
      LabourMarketImports imports,
      IdentificationApi identification,
      JdbcTemplate jdbc,
      Clock clock,
      Trends trends,
      TransactionTemplate transaction) {
    this.clock = clock;
    this.trends = trends;
    this.transaction = transaction;
    this.imports = imports;
    this.identification = identification;
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "job-ads";
  }

  @Override
  public String description() {
    return "Job-ad ingestion with skill identification (ads/s) and dashboard query latency (p95)";
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    int count = Integer.parseInt(options.getOrDefault("count", "2000"));
    int scale = Integer.parseInt(options.getOrDefault("scale", "0"));
    int runs = Integer.parseInt(options.getOrDefault("runs", "200"));
    long seed =
        Long.parseLong(options.getOrDefault("seed", String.valueOf(System.currentTimeMillis())));
    identification.awaitReady(java.time.Duration.ofMinutes(10));
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    progress.report("Generating " + count + " ads (seed " + seed + ")");
    StringWriter out = new StringWriter();
    imports.generateJobAds(count, seed, out);
    String ads = out.toString();
    List<String> texts = new ArrayList<>();
    for (String line : ads.lines().toList()) {
      JsonNode n = json.readTree(line);
      texts.add(n.path("title").asString() + ".\n" + n.path("description").asString());
    }

    progress.report("Baseline: identification alone");
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    for (int i = 0; i < texts.size(); i += 250) {
      identification.identifyAll(
          texts.subList(i, Math.min(texts.size(), i + 250)),
          null,
          new IdentifyOptions(25, IdentifyOptions.DEFAULT_THRESHOLD, false, true, null));
    }
    double identifySeconds = (System.nanoTime() - t0) / 1e9;
    double identifyCpu = (cpuNanos() - cpu0) / 1e9;

    progress.report("Target: ingestion");
    cpu0 = cpuNanos();
    JobAdIngestReport report =
        imports.ingestJobAds(
            new ByteArrayInputStream(ads.getBytes(StandardCharsets.UTF_8)),
            "benchmark",
            ImportProgress.silent());
    double ingestCpu = (cpuNanos() - cpu0) / 1e9;
    double ingestSeconds = report.millis() / 1000.0;

    String scaleNote = "";
    if (scale > 0) {
      long before = jdbc.queryForObject("select count(*) from lm_job_ad", Long.class);
      if (scale > before) {
        progress.report("Bulk-copying ads in SQL up to " + scale);
        long s0 = System.nanoTime();
        bulkCopy(scale - before, progress);
        scaleNote =
            String.format(
                Locale.ROOT,
                "The ads table was then filled from %,d to %,d ads by copying ingested ads in SQL"
                    + " (new identifiers, months shifted at random within the 24 months, skills"
                    + " copied, reposts not recomputed), chunk by chunk, each chunk's counts added"
                    + " to the aggregates and their rollups in its own transaction (never rebuilt),"
                    + " in %.0f s. ",
                before,
                scale,
                (System.nanoTime() - s0) / 1e9);
      }
    }
    long totalAds = jdbc.queryForObject("select count(*) from lm_job_ad", Long.class);
    long aggregateRows = jdbc.queryForObject("select count(*) from lm_demand_skill", Long.class);

    progress.report("Dashboard queries, " + runs + " runs each");
    List<String> groups =
        jdbc.queryForList(
            "select isco_code from lm_demand_ads where isco_code <> '' group by 1 order by sum(ads)"
                + " desc limit 50",
            String.class);
    List<String> regions =
        jdbc.queryForList(
            "select distinct region_code from lm_demand_ads where region_code <> '' order by 1",
            String.class);
    LocalDate last = jdbc.queryForObject("select max(month) from lm_demand_ads", LocalDate.class);
    Date from = Date.valueOf(last.minusMonths(11));
    Date to = Date.valueOf(last);
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, double[]> target = new LinkedHashMap<>();
    Map<String, double[]> baseline = new LinkedHashMap<>();
    target.put(
        "top skills of a group (aggregates)",
        time(
            runs,
            random,
            r ->
                jdbc.queryForList(
                    "select skill_uri, sum(ads) from lm_demand_skill where month between ? and ?"
                        + " and isco_code = ? group by 1 order by 2 desc limit 15",
                    from,
                    to,
                    groups.get(r.nextInt(groups.size())))));
    baseline.put(
        "top skills of a group (raw ads)",
        time(
            Math.max(5, runs / 10),
            random,
            r ->
                jdbc.queryForList(
                    "select s.skill_uri, count(*) from lm_job_ad a join lm_job_ad_skill s on"
                        + " s.ad_id = a.id where a.duplicate_of is null and a.date_posted >= ?"
                        + " and a.date_posted < ? and a.isco_code = ? group by 1 order by 2 desc"
                        + " limit 15",
                    from,
                    Date.valueOf(last.plusMonths(1)),
                    groups.get(r.nextInt(groups.size())))));
    target.put(
        "ads by region of a group (aggregates)",
        time(
            runs,
            random,
            r ->
                jdbc.queryForList(
                    "select region_code, sum(ads) from lm_demand_ads where month between ? and ?"
                        + " and isco_code = ? group by 1",
                    from,
                    to,
                    groups.get(r.nextInt(groups.size())))));
    target.put(
        "ads by municipality of a group (ads table, index)",
        time(
            runs,
            random,
            r ->
                jdbc.queryForList(
                    "select municipality_code, count(*) from lm_job_ad where duplicate_of is null"
                        + " and date_posted >= ? and date_posted < ? and isco_code = ? group by 1",
                    from,
                    Date.valueOf(last.plusMonths(1)),
                    groups.get(r.nextInt(groups.size())))));
    // The product's own trend computation (rollup query and the test of each skill).
    target.put(
        "skill trends in a region (`Trends`, regional rollup)",
        time(
            Math.max(5, runs / 4),
            random,
            r -> trends.trends(Trends.Kind.SKILL, regions.get(r.nextInt(regions.size())))));
    target.put(
        "skill trends, whole country (`Trends`, national rollup)",
        time(Math.max(5, runs / 4), random, r -> trends.trends(Trends.Kind.SKILL, null)));
    baseline.put(
        "skill trends, whole country (full skill aggregate)",
        time(
            Math.max(5, runs / 10),
            random,
            r ->
                jdbc.queryForList(
                    "select skill_uri, month >= ? as late, sum(ads) from lm_demand_skill where"
                        + " month between ? and ? group by 1, 2",
                    Date.valueOf(last.minusMonths(5)),
                    Date.valueOf(last.minusMonths(11)),
                    to)));

    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            """
            %,d synthetic ads (`generate job-ads`, fi/sv/en), ingested in batches of 250 with lexical \
            skill and occupation identification, MinHash repost detection and the demand \
            aggregates updated with each batch, in the input's one transaction. Machine: %d cores, load average %.1f \
            before and %.1f after (other processes on the machine count in it); CPU seconds are \
            this JVM's.

            | step | ads | wall s | ads/s | CPU s |
            |---|---:|---:|---:|---:|
            | baseline: identification alone (`identifyAll`, batches of 250) | %,d | %.1f | %.0f | %.1f |
            | target: full ingestion (identification + dedup + store + aggregates) | %,d | %.1f | %.0f | %.1f |

            Ingestion result: %,d added, %,d reposts folded, %,d with an occupation, %,d located.

            %sDashboard queries over %,d ads (%,d skill-aggregate rows), latency in ms:

            | query | runs | p50 | p95 | max |
            |---|---:|---:|---:|---:|
            """,
            count,
            Runtime.getRuntime().availableProcessors(),
            loadBefore,
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            texts.size(),
            identifySeconds,
            texts.size() / identifySeconds,
            identifyCpu,
            report.read(),
            ingestSeconds,
            report.read() / ingestSeconds,
            ingestCpu,
            report.added(),
            report.duplicates(),
            report.withOccupation(),
            report.withMunicipality(),
            scaleNote,
            totalAds,
            aggregateRows));
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("ads", count);
    metrics.put("ingest_ads_per_s", report.read() / ingestSeconds);
    metrics.put("identify_only_per_s", texts.size() / identifySeconds);
    metrics.put("total_ads", totalAds);
    double worstP95 = 0;
    for (var e : target.entrySet()) {
      md.append(row(e.getKey(), e.getValue()));
      worstP95 = Math.max(worstP95, percentile(e.getValue(), 0.95));
    }
    for (var e : baseline.entrySet()) {
      md.append(row("baseline: " + e.getKey(), e.getValue()));
      metrics.put("baseline_raw_p95_ms", percentile(e.getValue(), 0.95));
    }
    metrics.put("worst_dashboard_p95_ms", worstP95);
    return new Report(md.toString(), metrics);
  }

  private static String row(String name, double[] ms) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.1f | %.1f | %.1f |%n",
        name,
        ms.length,
        percentile(ms, 0.5),
        percentile(ms, 0.95),
        Arrays.stream(ms).max().orElse(0));
  }

  private static double[] time(
      int runs, SplittableRandom random, Consumer<SplittableRandom> query) {
    for (int i = 0; i < 3; i++) {
      query.accept(random);
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      query.accept(random);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    return ms;
  }

  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.clamp(index, 0, sorted.length - 1)];
  }

  /** Ads copied per chunk, each chunk in one transaction. */
  private static final int CHUNK = 20_000;

  /**
   * Copies the ingested ads (not earlier copies) with new ids and shifted months, chunk by chunk;
   * each chunk adds what its ads count to the aggregates and their rollups with the same upserts
   * ingestion uses, so that the aggregates at the end are what ingestion would have kept up.
   */
  private void bulkCopy(long extra, ImportProgress progress) {
    long base =
        jdbc.queryForObject(
            "select count(*) from lm_job_ad where source_key not like '%-copy-%'", Long.class);
    long perChunk = Math.max(1, CHUNK / base);
    long copied = 0;
    for (long round = 1; copied < extra; round += perChunk) {
      long limit = Math.min(extra - copied, base * perChunk);
      long first = round;
      transaction.executeWithoutResult(status -> copyChunk(first, perChunk, limit));
      copied += limit;
      progress.report(String.format(Locale.ROOT, "%,d of %,d ads copied", copied, extra));
    }
    jdbc.execute("analyze lm_job_ad");
    jdbc.execute("analyze lm_job_ad_skill");
    jdbc.execute("analyze lm_demand_ads");
    jdbc.execute("analyze lm_demand_skill");
    jdbc.execute("analyze lm_demand_skill_region");
    jdbc.execute("analyze lm_demand_skill_national");
  }

  private void copyChunk(long firstRound, long rounds, long limit) {
    jdbc.execute(
        "create temporary table lm_bench_map on commit drop as select a.id as source_id,"
            + " gen_random_uuid() as id, k, (floor(random() * 24) - 12)::int as shift"
            + " from lm_job_ad a cross join generate_series("
            + firstRound
            + ", "
            + (firstRound + rounds - 1)
            + ") k where a.source_key not like '%-copy-%' limit "
            + limit);
    jdbc.execute(
        "insert into lm_job_ad (id, source_key, title, description, language, employer,"
            + " occupation_uri, isco_code, municipality_code, region_code, location_text, remote,"
            + " date_posted, valid_through, synthetic, duplicate_of, minhash, ingested_at)"
            + " select m.id, a.source_key || '-copy-' || m.k, a.title, a.description, a.language,"
            + " a.employer, a.occupation_uri, a.isco_code, a.municipality_code, a.region_code,"
            + " a.location_text, a.remote, least(a.date_posted + make_interval(months => m.shift),"
            + " date '"
            + LocalDate.now(clock)
            + "'), a.valid_through, a.synthetic, null, a.minhash, now()"
            + " from lm_bench_map m join lm_job_ad a on a.id = m.source_id");
    jdbc.execute(
        "insert into lm_job_ad_skill (ad_id, skill_uri, score, evidence) select m.id, s.skill_uri,"
            + " s.score, s.evidence from lm_bench_map m join lm_job_ad_skill s on s.ad_id ="
            + " m.source_id");
    jdbc.execute(
        "create temporary table lm_bench_new on commit drop as select a.id,"
            + " date_trunc('month', a.date_posted)::date as month, coalesce(a.region_code, '') as"
            + " region_code, coalesce(a.isco_code, '') as isco_code from lm_bench_map m join"
            + " lm_job_ad a on a.id = m.id");
    jdbc.execute(
        "insert into lm_demand_ads (month, region_code, isco_code, ads) select month,"
            + " region_code, isco_code, count(*) from lm_bench_new group by 1, 2, 3"
            + " on conflict (month, region_code, isco_code) do update"
            + " set ads = lm_demand_ads.ads + excluded.ads");
    String skills = " from lm_bench_new n join lm_job_ad_skill s on s.ad_id = n.id";
    jdbc.execute(
        "insert into lm_demand_skill (month, region_code, isco_code, skill_uri, ads) select"
            + " n.month, n.region_code, n.isco_code, s.skill_uri, count(*)"
            + skills
            + " group by 1, 2, 3, 4 on conflict (month, region_code, isco_code, skill_uri)"
            + " do update set ads = lm_demand_skill.ads + excluded.ads");
    jdbc.execute(
        "insert into lm_demand_skill_region (region_code, month, skill_uri, ads) select"
            + " n.region_code, n.month, s.skill_uri, count(*)"
            + skills
            + " group by 1, 2, 3 on conflict (region_code, month, skill_uri)"
            + " do update set ads = lm_demand_skill_region.ads + excluded.ads");
    jdbc.execute(
        "insert into lm_demand_skill_national (month, skill_uri, ads) select"
            + " n.month, s.skill_uri, count(*)"
            + skills
            + " group by 1, 2 on conflict (month, skill_uri)"
            + " do update set ads = lm_demand_skill_national.ads + excluded.ads");
  }
}
