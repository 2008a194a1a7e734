package fi.osaava.taxonomy.internal.importer;

import com.zaxxer.hikari.HikariDataSource;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.Directories;
import fi.osaava.platform.ImportProgress;
import fi.osaava.taxonomy.EscoImportOptions;
import fi.osaava.taxonomy.EscoImportReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;

/**
 * {@code ./osaava bench esco-import}: the full ESCO import (every language and the relations) into
 * an empty schema of the service's own database, written with COPY, against the baseline of the
 * same import written with JDBC batched INSERTs. Each run migrates a fresh scratch schema, so runs
 * do not see each other's data, and drops it afterwards.
 */
@Component
class EscoImportBenchmark implements Benchmark {

  private final DataSource dataSource;
  private final Directories directories;

  EscoImportBenchmark(DataSource dataSource, Directories directories) {
    this.dataSource = dataSource;
    this.directories = directories;
  }

  @Override
  public String name() {
    return "esco-import";
  }

  @Override
  public String description() {
    return "Full ESCO import (all languages + relations): COPY vs JDBC batched INSERT."
        + " Options: runs=3 path=<release dir>";
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
    Path release =
        options.containsKey("path")
            ? Path.of(options.get("path"))
            : directories
                .referenceData()
                .map(EscoDatasetImporter::newestRelease)
                .orElseThrow(
                    () -> new IllegalArgumentException("No ESCO release found; pass path=DIR"));
    Map<CopyRows.Mode, List<Double>> seconds = new LinkedHashMap<>();
    EscoImportReport last = null;
    // One unmeasured run warms the JIT; then the writers alternate, so that load from other
    // processes falls on both alike.
    progress.report("warm-up run");
    timeOne(release, CopyRows.Mode.COPY);
    for (int run = 1; run <= runs; run++) {
      for (CopyRows.Mode mode : CopyRows.Mode.values()) {
        progress.report(mode + " run " + run + " of " + runs);
        long started = System.nanoTime();
        last = timeOne(release, mode);
        double s = (System.nanoTime() - started) / 1e9;
        seconds.computeIfAbsent(mode, k -> new ArrayList<>()).add(s);
        progress.report(String.format(Locale.ROOT, "  %.1f s", s));
      }
    }
    double copyMedian = median(seconds.get(CopyRows.Mode.COPY));
    double batchMedian = median(seconds.get(CopyRows.Mode.BATCHED_INSERT));
    StringBuilder md = new StringBuilder();
    md.append("Full import of ESCO ")
        .append(last.version())
        .append(" from `")
        .append(release)
        .append("`: ")
        .append(last.files().size())
        .append(" files, ")
        .append(last.concepts())
        .append(" concepts, ")
        .append(last.labels())
        .append(" labels, ")
        .append(last.relations())
        .append(" relations, into an empty schema of the running database (fsync on), ")
        .append(runs)
        .append(" runs each. Target: at most 60 s.\n\n")
        .append("| writer | median s | min s | max s |\n|---|---|---|---|\n");
    seconds.forEach(
        (mode, values) ->
            md.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %.1f | %.1f |%n",
                    mode == CopyRows.Mode.COPY
                        ? "Osaava: PostgreSQL COPY"
                        : "baseline: JDBC batched INSERT (1,000 rows a batch)",
                    median(values),
                    values.stream().mapToDouble(d -> d).min().orElse(0),
                    values.stream().mapToDouble(d -> d).max().orElse(0))));
    md.append(
        String.format(
            Locale.ROOT,
            "%nBatched INSERT takes %.2f× the time of COPY; the target of 60 s is %s.%n",
            batchMedian / copyMedian,
            copyMedian <= 60 ? "met" : "missed"));
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("copy_median_s", round(copyMedian));
    metrics.put("batched_insert_median_s", round(batchMedian));
    metrics.put("concepts", last.concepts());
    metrics.put("labels", last.labels());
    metrics.put("relations", last.relations());
    return new Report(md.toString(), metrics);
  }

  private EscoImportReport timeOne(Path release, CopyRows.Mode mode) {
    ScratchSchema scratch = ScratchSchema.create(dataSource, "bench_esco");
    try {
      EscoImporter importer =
          new EscoImporter(
              scratch.dataSource(),
              new DataSourceTransactionManager(scratch.dataSource()),
              event -> {},
              dataset -> {},
              mode);
      return importer.importEsco(List.of(release), EscoImportOptions.defaults(), m -> {});
    } finally {
      scratch.drop();
    }
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** A fresh schema with the taxonomy's migrations, reached through its own small pool. */
  private record ScratchSchema(HikariDataSource dataSource, JdbcTemplate admin, String schema) {

    static ScratchSchema create(DataSource main, String name) {
      if (!(main instanceof HikariDataSource hikari)) {
        throw new IllegalStateException("The benchmark needs the Hikari data source");
      }
      String schema = name + "_" + Long.toHexString(System.nanoTime());
      JdbcTemplate admin = new JdbcTemplate(main);
      admin.execute("create schema " + schema);
      HikariDataSource scratch = new HikariDataSource();
      String url = hikari.getJdbcUrl();
      scratch.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
      scratch.setUsername(hikari.getUsername());
      scratch.setPassword(hikari.getPassword());
      scratch.setMaximumPoolSize(2);
      Flyway.configure()
          .dataSource(scratch)
          .schemas(schema)
          .locations("classpath:db/migration/taxonomy")
          .load()
          .migrate();
      return new ScratchSchema(scratch, admin, schema);
    }

    void drop() {
      dataSource.close();
      admin.execute("drop schema " + schema + " cascade");
    }
  }
}
