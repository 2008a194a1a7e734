package fi.osaava.taxonomy.internal.search;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.internal.ConceptAutocomplete;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code ./osaava bench autocomplete}: server-side latency of {@link ConceptAutocomplete#suggest}
 * against the approach of the service people use today, PostgreSQL {@code ILIKE 'prefix%'} plus
 * {@code pg_trgm} similarity over the same labels, on the same queries in the same run.
 *
 * <p>Queries are prefixes (2 to 12 characters) of real labels in fi, sv, en and no, drawn with a
 * fixed seed, and typo variants of the longer ones (one swap, substitution, deletion or insertion).
 * Each approach runs the whole set once to warm up, then once measured, one query at a time.
 * Besides latency it reports how often the concept whose label the query came from is among the 10
 * suggestions, so speed is not bought with worse answers.
 *
 * <p>Options: {@code queries=N} per language (default 1000), {@code runs=N} (default 3), {@code
 * seed=S}, {@code rebuild=false} to skip timing an index rebuild, {@code baseline=false} to skip
 * PostgreSQL.
 */
@Component
class AutocompleteBenchmark implements Benchmark {

  private static final int LIMIT = 10;

  private static final int WARM_UP_SQL = 1000;

  /**
   * Per-query CPU time of the calling thread, reported beside wall-clock time: on a machine shared
   * with other work, wall-clock percentiles mostly measure waiting for a core.
   */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static final List<Language> LANGUAGES =
      List.of(Language.FI, Language.SV, Language.EN, Language.NO);

  private final ConceptAutocomplete autocomplete;
  private final LabelIndexAutocomplete index;
  private final JdbcTemplate jdbc;

  AutocompleteBenchmark(
      ConceptAutocomplete autocomplete, LabelIndexAutocomplete index, JdbcTemplate jdbc) {
    this.autocomplete = autocomplete;
    this.index = index;
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "autocomplete";
  }

  @Override
  public String description() {
    return "ESCO label autocomplete p50/p95/p99 vs PostgreSQL ILIKE + pg_trgm on the same queries";
  }

  record Query(Language language, String text, String kind, String conceptUri) {}

  /** One measured pass and the load average when it started. */
  record Run(double load, Stats stats) {}

  record Stats(
      String approach,
      int queries,
      double p50,
      double p95,
      double p99,
      double max,
      double perSecond,
      double cpuP50,
      double cpuP95,
      double cpuP99,
      Map<String, Double> recall,
      Map<String, Double> p95ByGroup,
      Map<String, Double> cpuP95ByGroup,
      boolean inProcess) {}

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    int perLanguage = Integer.parseInt(options.getOrDefault("queries", "1000"));
    long seed = Long.parseLong(options.getOrDefault("seed", "20261122"));
    boolean rebuild = Boolean.parseBoolean(options.getOrDefault("rebuild", "true"));
    boolean baseline = Boolean.parseBoolean(options.getOrDefault("baseline", "true"));
    int slowest = Integer.parseInt(options.getOrDefault("slowest", "0"));
    int runs = Math.max(1, Integer.parseInt(options.getOrDefault("runs", "3")));

    Long labels = jdbc.queryForObject("select count(*) from taxonomy_label", Long.class);
    if (labels == null || labels == 0) {
      throw new IllegalStateException("No ESCO labels in the database; run './osaava import esco'");
    }
    long buildMillis = -1;
    if (rebuild) {
      progress.report("rebuilding the label index");
      long started = System.nanoTime();
      autocomplete.rebuild();
      buildMillis = (System.nanoTime() - started) / 1_000_000;
    }
    long documents = index.documentCount();
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    List<Query> queries = sample(perLanguage, seed);
    progress.report(queries.size() + " queries; warming up");

    Function<Query, List<String>> target =
        q ->
            autocomplete.suggest(q.text(), q.language(), Set.of(), LIMIT).stream()
                .map(s -> s.uri().value())
                .toList();
    List<Stats> results = new ArrayList<>();
    measure("warm-up", queries, target, true);
    List<Run> indexRuns = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      progress.report("measuring the label index, run " + run + " of " + runs);
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      indexRuns.add(
          new Run(load, measure("Hibernate Search label index (this)", queries, target, true)));
    }
    // The run with the median p95 stands for the index: on a shared machine one run can fall
    // on a burst of other work; every run is listed below the table.
    List<Run> byP95 =
        indexRuns.stream()
            .sorted((a, b) -> Double.compare(a.stats().p95(), b.stats().p95()))
            .toList();
    results.add(byP95.get(byP95.size() / 2).stats());
    if (slowest > 0) {
      reportSlowest(queries, target, slowest, progress);
    }

    if (baseline) {
      progress.report("preparing pg_trgm");
      boolean created = prepareTrigramIndex();
      try {
        Function<Query, List<String>> sql = this::trigramQuery;
        // PostgreSQL warms its caches in a few hundred queries; a full pass would take minutes.
        measure("warm-up", queries.subList(0, Math.min(queries.size(), WARM_UP_SQL)), sql, false);
        progress.report("measuring PostgreSQL ILIKE + pg_trgm");
        results.add(measure("PostgreSQL ILIKE + pg_trgm (baseline)", queries, sql, false));
      } finally {
        if (created) {
          jdbc.execute("drop index if exists taxonomy_label_bench_trgm");
        }
      }
    }
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return report(
        results,
        indexRuns,
        queries,
        documents,
        buildMillis,
        perLanguage,
        seed,
        loadBefore,
        loadAfter);
  }

  /** Prefixes of labels drawn per language, plus one typo variant of each prefix of 5 or more. */
  List<Query> sample(int perLanguage, long seed) {
    List<Query> queries = new ArrayList<>();
    for (Language language : LANGUAGES) {
      List<Map<String, Object>> rows =
          jdbc.queryForList(
              """
              select l.concept_uri, l.label
              from taxonomy_label l join taxonomy_concept c on c.uri = l.concept_uri
              where l.language = ? and not c.obsolete
              order by l.concept_uri, l.kind, l.label""",
              language.code());
      if (rows.isEmpty()) {
        continue;
      }
      Random random = new Random(seed * 31 + language.ordinal());
      for (int i = 0; i < perLanguage; i++) {
        Map<String, Object> row = rows.get(random.nextInt(rows.size()));
        String label = (String) row.get("label");
        String uri = (String) row.get("concept_uri");
        int length = Math.min(label.length(), 2 + random.nextInt(11));
        String prefix = label.substring(0, length).stripTrailing();
        if (prefix.length() < 2) {
          continue;
        }
        queries.add(new Query(language, prefix, "prefix", uri));
        if (prefix.length() >= 5) {
          queries.add(new Query(language, typo(prefix, random), "typo", uri));
        }
      }
    }
    Collections.shuffle(queries, new Random(seed));
    return queries;
  }

  /** One edit away from {@code word}, never in its first letter. */
  static String typo(String word, Random random) {
    char[] chars = word.toCharArray();
    int at = 1 + random.nextInt(chars.length - 2);
    String letters = "abcdefghijklmnopqrstuvwxyzäö";
    return switch (random.nextInt(4)) {
      case 0 -> {
        char c = chars[at];
        chars[at] = chars[at + 1];
        chars[at + 1] = c;
        yield new String(chars);
      }
      case 1 -> {
        chars[at] = letters.charAt(random.nextInt(letters.length()));
        yield new String(chars);
      }
      case 2 -> word.substring(0, at) + word.substring(at + 1);
      default ->
          word.substring(0, at)
              + letters.charAt(random.nextInt(letters.length()))
              + word.substring(at);
    };
  }

  private Stats measure(
      String approach, List<Query> queries, Function<Query, List<String>> run, boolean inProcess) {
    long[] nanos = new long[queries.size()];
    long[] cpu = new long[queries.size()];
    Map<String, int[]> found = new LinkedHashMap<>();
    long total = 0;
    for (int i = 0; i < queries.size(); i++) {
      Query query = queries.get(i);
      long cpuStarted = THREADS.getCurrentThreadCpuTime();
      long started = System.nanoTime();
      List<String> uris = run.apply(query);
      nanos[i] = System.nanoTime() - started;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStarted;
      total += nanos[i];
      int[] counts = found.computeIfAbsent(query.kind(), k -> new int[2]);
      counts[1]++;
      if (uris.contains(query.conceptUri())) {
        counts[0]++;
      }
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    long[] cpuSorted = cpu.clone();
    Arrays.sort(cpuSorted);
    Map<String, Double> recall = new LinkedHashMap<>();
    found.forEach((kind, c) -> recall.put(kind, c[1] == 0 ? 0 : (double) c[0] / c[1]));
    Map<String, Double> p95ByGroup = p95ByGroup(queries, nanos);
    Map<String, Double> cpuP95ByGroup = p95ByGroup(queries, cpu);
    return new Stats(
        approach,
        queries.size(),
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted[sorted.length - 1] / 1e6,
        queries.size() / (total / 1e9),
        percentile(cpuSorted, 50),
        percentile(cpuSorted, 95),
        percentile(cpuSorted, 99),
        recall,
        p95ByGroup,
        cpuP95ByGroup,
        inProcess);
  }

  private static Map<String, Double> p95ByGroup(List<Query> queries, long[] nanos) {
    Map<String, List<Long>> groups = new java.util.TreeMap<>();
    for (int i = 0; i < queries.size(); i++) {
      for (String group : groups(queries.get(i))) {
        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(nanos[i]);
      }
    }
    Map<String, Double> p95 = new LinkedHashMap<>();
    groups.forEach(
        (group, values) ->
            p95.put(
                group,
                percentile(values.stream().mapToLong(Long::longValue).sorted().toArray(), 95)));
    return p95;
  }

  /** The groups a query's latency is also reported in: language, kind and length. */
  private static List<String> groups(Query query) {
    int length = query.text().length();
    String bucket = length <= 3 ? "2–3 chars" : length <= 7 ? "4–7 chars" : "8–12 chars";
    return List.of(query.language().code(), query.kind(), bucket);
  }

  private static double percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.clamp(rank, 0, sorted.length - 1)] / 1e6;
  }

  /** Times every query again and names the slowest, to see what the tail is made of. */
  private static void reportSlowest(
      List<Query> queries, Function<Query, List<String>> run, int count, ImportProgress progress) {
    record Timed(Query query, long nanos) {}
    List<Timed> timed = new ArrayList<>();
    for (Query query : queries) {
      long started = THREADS.getCurrentThreadCpuTime();
      run.apply(query);
      timed.add(new Timed(query, THREADS.getCurrentThreadCpuTime() - started));
    }
    timed.sort((a, b) -> Long.compare(b.nanos(), a.nanos()));
    for (Timed t : timed.subList(0, Math.min(count, timed.size()))) {
      progress.report(
          String.format(
              Locale.ROOT,
              "slowest (CPU): %.2f ms %s %s '%s'",
              t.nanos() / 1e6,
              t.query().language().code(),
              t.query().kind(),
              t.query().text()));
    }
  }

  private String escoVersion() {
    List<String> versions =
        jdbc.queryForList(
            "select version from taxonomy_import order by id desc limit 1", String.class);
    return versions.isEmpty() ? "(not imported)" : versions.getFirst();
  }

  /**
   * @return whether this run created the trigram index (and so drops it afterwards)
   */
  private boolean prepareTrigramIndex() {
    jdbc.execute("create extension if not exists pg_trgm");
    Integer existing =
        jdbc.queryForObject(
            "select count(*) from pg_indexes where indexname = 'taxonomy_label_bench_trgm'",
            Integer.class);
    if (existing != null && existing > 0) {
      return false;
    }
    jdbc.execute(
        "create index taxonomy_label_bench_trgm on taxonomy_label using gin (label gin_trgm_ops)");
    jdbc.execute("analyze taxonomy_label");
    return true;
  }

  /** The peer service's approach: a case-insensitive prefix, else trigram similarity. */
  private List<String> trigramQuery(Query query) {
    String like = query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc.queryForList(
        """
        select l.concept_uri
        from taxonomy_label l join taxonomy_concept c on c.uri = l.concept_uri
        where l.language = ? and not c.obsolete and (l.label ilike ? or l.label % ?)
        order by l.label ilike ? desc, similarity(l.label, ?) desc, length(l.label)
        limit ?""",
        String.class, query.language().code(), like, query.text(), like, query.text(), LIMIT);
  }

  private Report report(
      List<Stats> results,
      List<Run> indexRuns,
      List<Query> queries,
      long documents,
      long buildMillis,
      int perLanguage,
      long seed,
      double loadBefore,
      double loadAfter) {
    long typos = queries.stream().filter(q -> q.kind().equals("typo")).count();
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "%d queries (%d prefixes of 2–12 characters of real fi/sv/en/no labels, %d typo"
                + " variants; %d drawn per language, seed %d), %d suggestions each, all concept"
                + " types, one thread, after a warm-up (the index: the whole set; PostgreSQL: its first"
                + " 1000 queries). Server-side: the time of the Java"
                + " call in the service process (for PostgreSQL, the JDBC round trip on"
                + " localhost). Index: %,d label documents%s.%n%n",
            queries.size(),
            queries.size() - typos,
            typos,
            perLanguage,
            seed,
            LIMIT,
            documents,
            buildMillis < 0
                ? ""
                : String.format(Locale.ROOT, ", rebuilt in %.1f s", buildMillis / 1000.0)));
    long memory =
        ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getTotalMemorySize()
            : 0;
    md.append(
        String.format(
            Locale.ROOT,
            "Data: ESCO %s. Machine: %d cores, %.1f GiB memory (JVM heap at most %.1f GiB), load"
                + " average %.1f before and %.1f after the run (other work shares the cores; the"
                + " CPU columns are the calling thread's CPU time per query, which waiting for a"
                + " core does not inflate). The index: %d measured runs, the table shows the run"
                + " with the median p95; PostgreSQL: one run.%n%n",
            escoVersion(),
            Runtime.getRuntime().availableProcessors(),
            memory / (double) (1L << 30),
            Runtime.getRuntime().maxMemory() / (double) (1L << 30),
            loadBefore,
            loadAfter,
            indexRuns.size()));
    md.append(
        "| approach | p50 ms | p95 ms | p99 ms | max ms | queries/s | CPU p50 ms | CPU p95 ms |"
            + " CPU p99 ms | source concept in top 10: prefix | typo |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Stats s : results) {
      String cpu =
          s.inProcess()
              ? String.format(Locale.ROOT, "%.2f | %.2f | %.2f", s.cpuP50(), s.cpuP95(), s.cpuP99())
              : "n/a | n/a | n/a";
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %.2f | %.2f | %.1f | %.0f | %s | %.1f %% | %.1f %% |%n",
              s.approach(),
              s.p50(),
              s.p95(),
              s.p99(),
              s.max(),
              s.perSecond(),
              cpu,
              100 * s.recall().getOrDefault("prefix", 0.0),
              100 * s.recall().getOrDefault("typo", 0.0)));
    }
    md.append(
        "\nEvery run of the index:\n\n| run | load average at start | p50 ms | p95 ms | p99 ms |");
    md.append(
        " CPU p50 ms | CPU p95 ms | CPU p99 ms |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < indexRuns.size(); i++) {
      Stats r = indexRuns.get(i).stats();
      md.append(
          String.format(
              Locale.ROOT,
              "| %d | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
              i + 1,
              indexRuns.get(i).load(),
              r.p50(),
              r.p95(),
              r.p99(),
              r.cpuP50(),
              r.cpuP95(),
              r.cpuP99()));
    }
    md.append("\np95 ms by group (the median run):\n\n| approach | time |");
    List<String> groupNames = new ArrayList<>(results.getFirst().p95ByGroup().keySet());
    groupNames.forEach(g -> md.append(' ').append(g).append(" |"));
    md.append("\n|---|---|");
    groupNames.forEach(g -> md.append("---:|"));
    md.append('\n');
    for (Stats s : results) {
      groupRow(md, s.approach(), "wall", s.p95ByGroup(), groupNames);
      if (s.inProcess()) {
        groupRow(md, s.approach(), "CPU", s.cpuP95ByGroup(), groupNames);
      }
    }
    if (results.size() > 1) {
      md.append(
          "\nCPU n/a: the baseline's work happens in the PostgreSQL server process, not in the"
              + " calling thread.\n");
    }
    Stats ours = results.getFirst();
    md.append(
        String.format(
            Locale.ROOT, "%nTarget: p95 ≤ 5 ms — %s.%n", ours.p95() <= 5 ? "met" : "**not met**"));
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("queries", queries.size());
    metrics.put("documents", documents);
    metrics.put("rebuildMillis", buildMillis);
    metrics.put("p50Ms", round(ours.p50()));
    metrics.put("p95Ms", round(ours.p95()));
    metrics.put("p99Ms", round(ours.p99()));
    metrics.put("queriesPerSecond", Math.round(ours.perSecond()));
    metrics.put("cpuP95Ms", round(ours.cpuP95()));
    metrics.put("loadAverage", round(loadBefore));
    if (results.size() > 1) {
      Stats base = results.get(1);
      metrics.put("baselineP50Ms", round(base.p50()));
      metrics.put("baselineP95Ms", round(base.p95()));
      metrics.put("baselineP99Ms", round(base.p99()));
    }
    return new Report(md.toString(), metrics);
  }

  private static void groupRow(
      StringBuilder md,
      String approach,
      String time,
      Map<String, Double> p95,
      List<String> groupNames) {
    md.append("| ").append(approach).append(" | ").append(time).append(" |");
    groupNames.forEach(
        g -> md.append(String.format(Locale.ROOT, " %.2f |", p95.getOrDefault(g, 0.0))));
    md.append('\n');
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
