package fi.osaava.labourmarket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.osaava.platform.Benchmark;
import fi.osaava.web.WebTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the job-ad benchmark inside the shared test context (ESCO already imported there) when
 * {@code -Dlm.bench=count=N,scale=M} is given; skipped otherwise, so the suite never runs it.
 * Writes the report to {@code target/job-ads-benchmark.md}.
 */
class JobAdBenchmarkRun extends WebTestBase {

  @Autowired LabourMarketImports imports;
  @Autowired JdbcTemplate jdbc;
  @Autowired List<Benchmark> benchmarks;

  @Test
  void run() throws Exception {
    String spec = System.getProperty("lm.bench");
    assumeTrue(spec != null, "set -Dlm.bench=count=N,scale=M to run the job-ad benchmark");
    LabourMarketTestData.ensure(imports, jdbc);
    Map<String, String> options = new java.util.HashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", 2);
      options.put(kv[0], kv[1]);
    }
    Benchmark bench =
        benchmarks.stream().filter(b -> b.name().equals("job-ads")).findFirst().orElseThrow();
    Benchmark.Report report = bench.run(options, message -> {});
    Files.writeString(
        Path.of("target/job-ads-benchmark.md"), report.markdown() + "\n" + report.metrics());
    assertThat((Double) report.metrics().get("ingest_ads_per_s")).isPositive();
  }
}
