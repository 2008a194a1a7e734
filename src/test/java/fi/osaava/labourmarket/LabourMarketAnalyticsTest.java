package fi.osaava.labourmarket;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.ReferenceData;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.web.WebTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Forecast backtest on the real statistics series. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabourMarketAnalyticsTest extends WebTestBase {

  @Autowired LabourMarketImports imports;
  @Autowired List<Benchmark> benchmarks;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  void importStatistics() {
    Integer datasets = jdbc.queryForObject("select count(*) from lm_dataset", Integer.class);
    if (datasets == null || datasets == 0) {
      imports.importStatistics(ReferenceData.directory(), ImportProgress.silent());
    }
  }

  @Test
  void forecastBacktestScoresModelAndBaselineOnTheSameSeries() {
    Benchmark forecasts =
        benchmarks.stream().filter(b -> b.name().equals("forecasts")).findFirst().orElseThrow();
    Benchmark.Report report = forecasts.run(Map.of(), ImportProgress.silent());
    Map<String, Object> m = report.metrics();
    assertThat((Integer) m.get("series")).isGreaterThan(100);
    assertThat((Double) m.get("mase_model")).isPositive();
    assertThat((Double) m.get("mase_seasonal_naive")).isPositive();
    assertThat(report.markdown()).contains("seasonal naive").contains("SARIMA");
    // The bar: the model must beat the baseline on aggregate.
    assertThat((Double) m.get("mase_model")).isLessThan((Double) m.get("mase_seasonal_naive"));
  }
}
