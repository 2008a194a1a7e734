package fi.osaava.education.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationTestData;
import fi.osaava.platform.Benchmark;
import fi.osaava.web.WebTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs {@code education-search} inside the shared test context (real catalogue imported there, the
 * service listening on its random port for wrk) when {@code -Dedu.bench=count=N,...} is given;
 * skipped otherwise, so the suite never runs it. Writes the report to {@code
 * target/education-search-benchmark.md}.
 */
class EducationSearchBenchmarkRun extends WebTestBase {

  private static final Logger log = LoggerFactory.getLogger(EducationSearchBenchmarkRun.class);

  @Autowired EducationCatalogue catalogue;
  @Autowired List<Benchmark> benchmarks;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void run() throws Exception {
    String spec = System.getProperty("edu.bench");
    assumeTrue(spec != null, "set -Dedu.bench=count=N to run the education search benchmark");
    EducationTestData.ensureImported(catalogue);
    // The skill backfill of the real catalogue runs after the import; measuring next to it would
    // measure the backfill.
    long deadline = System.nanoTime() + 900_000_000_000L;
    while (System.nanoTime() < deadline
        && jdbc.queryForObject(
                "select count(*) from education_offering where active and skills_identified_at"
                    + " is null",
                Long.class)
            > 0) {
      Thread.sleep(2_000);
    }
    Map<String, String> options = new LinkedHashMap<>();
    options.put("url", url(""));
    // The service at that address is this process: generate, reindex and search here as well.
    options.put("inProcess", "true");
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", 2);
      options.put(kv[0], kv[1]);
    }
    Benchmark bench =
        benchmarks.stream()
            .filter(b -> b.name().equals("education-search"))
            .findFirst()
            .orElseThrow();
    Benchmark.Report report = bench.run(options, message -> log.info("bench: {}", message));
    Files.writeString(
        Path.of("target/education-search-benchmark.md"),
        report.markdown() + "\n" + report.metrics());
    assertThat((Long) report.metrics().get("synthetic")).isPositive();
  }
}
