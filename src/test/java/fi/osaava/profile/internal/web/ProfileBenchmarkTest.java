package fi.osaava.profile.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.web.WebTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The profile benchmark on a small scale: it renders the real page and leaves nothing behind. */
class ProfileBenchmarkTest extends WebTestBase {

  @Autowired ProfileBenchmark benchmark;
  @Autowired JdbcClient jdbc;

  @Test
  void measuresThePageAndTheExportAndCleansUp() {
    long before = jdbc.sql("SELECT count(*) FROM profile_person").query(Long.class).single();
    Benchmark.Report report =
        benchmark.run(
            Map.of("profiles", "30", "skills", "60", "iterations", "5"), ImportProgress.silent());
    assertThat(report.markdown())
        .contains("profile page, 60 skills (this)", "export, empty profile (baseline)")
        .contains("Load test not run");
    assertThat((Double) report.metrics().get("pageP95Ms")).isPositive();
    assertThat((Double) report.metrics().get("exportP95Ms")).isPositive();
    assertThat(jdbc.sql("SELECT count(*) FROM profile_person").query(Long.class).single())
        .isEqualTo(before);
  }
}
