package fi.osaava.regionalintelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.osaava.ReferenceData;
import fi.osaava.education.EducationApi;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationTestData;
import fi.osaava.labourmarket.LabourMarketImports;
import fi.osaava.labourmarket.LabourMarketTestData;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.regionalintelligence.internal.overview.RegionalContext;
import fi.osaava.web.WebTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the regional overview's benchmark inside the shared test context (ESCO, the regions, the
 * statistics, the education test files and the area statistics there) when {@code
 * -Dri.bench=ads=N,responses=M} is given; skipped otherwise, so the suite never runs it. Writes the
 * report to {@code target/regional-overview-benchmark.md}.
 */
class RegionalOverviewBenchmarkRun extends WebTestBase {

  @Autowired LabourMarketImports imports;
  @Autowired JdbcTemplate jdbc;
  @Autowired List<Benchmark> benchmarks;
  @Autowired RegionalContext regionalContext;
  @Autowired EducationCatalogue catalogue;
  @Autowired EducationApi education;

  @Test
  void run() throws Exception {
    String spec = System.getProperty("ri.bench");
    assumeTrue(spec != null, "set -Dri.bench=ads=N,responses=M to run the overview benchmark");
    // The data of the overview's browser step: statistics, the education files with their
    // skills, the area statistics; the benchmark then adds the ads and responses asked for.
    LabourMarketTestData.ensure(imports, jdbc);
    EducationTestData.ensureImported(catalogue);
    education.identifyPendingSkills();
    if (!regionalContext.isImported()) {
      regionalContext.importFrom(ReferenceData.directory(), ImportProgress.silent());
    }
    Map<String, String> options = new HashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", 2);
      options.put(kv[0], kv[1]);
    }
    Benchmark bench =
        benchmarks.stream()
            .filter(b -> b.name().equals("regional-overview"))
            .findFirst()
            .orElseThrow();
    Benchmark.Report report = bench.run(options, message -> {});
    Files.writeString(
        Path.of("target/regional-overview-benchmark.md"),
        report.markdown() + "\n" + report.metrics());
    assertThat((Double) report.metrics().get("target_p95_ms")).isPositive();
  }
}
