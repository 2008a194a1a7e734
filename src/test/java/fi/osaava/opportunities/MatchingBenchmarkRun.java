package fi.osaava.opportunities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationTestData;
import fi.osaava.platform.Benchmark;
import fi.osaava.web.WebTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs {@code evaluate matching} at full size and {@code bench matching} inside the shared test
 * context (ESCO and the national catalogue files imported there) when {@code -Dmatching.bench} is
 * given, e.g. {@code -Dmatching.bench=offerings=100000,profiles=300,paths=60}; skipped otherwise,
 * so the suite never runs it. Writes {@code target/matching-benchmark.md}.
 */
class MatchingBenchmarkRun extends WebTestBase {

  @Autowired MatchingEvaluation evaluation;
  @Autowired EducationCatalogue catalogue;
  @Autowired List<Benchmark> benchmarks;

  @Test
  void run() throws Exception {
    String spec = System.getProperty("matching.bench");
    assumeTrue(spec != null, "set -Dmatching.bench=offerings=N,... to run the matching benchmark");
    EducationTestData.ensureImported(catalogue);
    Map<String, String> options = new HashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", 2);
      options.put(kv[0], kv[1]);
    }
    Benchmark.Report evaluated = evaluation.evaluate(500, 200, 60, 20261122, message -> {});
    Benchmark bench =
        benchmarks.stream().filter(b -> b.name().equals("matching")).findFirst().orElseThrow();
    Benchmark.Report report = bench.run(options, message -> {});
    Files.writeString(
        Path.of("target/matching-benchmark.md"),
        evaluated.markdown()
            + "\n"
            + evaluated.metrics()
            + "\n\n"
            + report.markdown()
            + "\n"
            + report.metrics());
    assertThat((Double) report.metrics().get("rankingP95Ms")).isPositive();
  }
}
