package fi.osaava.labourmarket.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import fi.osaava.labourmarket.LabourMarketImports;
import fi.osaava.labourmarket.LabourMarketTestData;
import fi.osaava.web.BrowserTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The occupation and trends pages in a browser: charts, maps, their tables, and axe. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabourMarketBrowserTest extends BrowserTestBase {

  @Autowired LabourMarketImports imports;
  @Autowired JdbcTemplate jdbc;

  @BeforeAll
  void data() {
    LabourMarketTestData.ensure(imports, jdbc);
  }

  @Test
  void occupationPageShowsChartMapAndTheirTables() {
    Page page = newPage("fi-FI", false);
    page.navigate("/labour-market/occupation?code=2512");
    assertThat(page.locator("h1").textContent()).isNotBlank();
    assertThat(page.locator("svg#demand-chart path.lm-line").count()).isEqualTo(2);
    assertThat(page.locator("svg#demand-chart title").first().textContent()).isNotBlank();
    // The table alternative holds every month of the series (2006-01 to 2020-07).
    assertThat(page.locator("#demand-table tbody tr").count()).isEqualTo(175);
    assertThat(page.locator("svg#ads-map path.lm-area").count()).isEqualTo(19);
    assertThat(page.locator("#map-table tbody tr").count()).isEqualTo(19);
    assertThat(page.locator("svg#forecast-chart path.lm-band").count()).isEqualTo(1);
    assertThat(page.locator("#forecast-table tbody tr").count()).isEqualTo(12);
    assertThat(page.locator(".notice").first().textContent()).contains("synteettisi");
    check(page);

    page.navigate("/labour-market/occupation?code=2512&areas=sub-region");
    assertThat(page.locator("svg#ads-map path.lm-area").count()).isGreaterThan(300);
    assertThat(page.locator("#map-table tbody tr").count()).isGreaterThan(60);
    check(page);
  }

  @Test
  void trendsPageShowsForecastWithBandAndBacktest() {
    Page page = newPage("en-GB", false);
    page.navigate("/labour-market/trends?region=01");
    assertThat(page.locator("h1").textContent()).isEqualTo("Trends and forecasts");
    assertThat(page.locator("svg#forecast-chart path.lm-line").count()).isEqualTo(2);
    assertThat(page.locator("#forecast-table tbody tr").count()).isEqualTo(12);
    assertThat(page.locator(".lm-backtest").textContent())
        .contains("MASE")
        .contains("seasonal naive");
    assertThat(page.locator("a[href*='trends.csv']").count()).isEqualTo(2);
    check(page);
  }

  @Test
  void indexAndSwedishTrendsAreAccessible() {
    Page page = newPage("sv-FI", false);
    page.navigate("/labour-market");
    assertThat(page.locator("table.lm-table tbody tr").count()).isGreaterThan(100);
    check(page);
    page.navigate("/labour-market/trends");
    assertThat(page.locator("h1").textContent()).isEqualTo("Trender och prognoser");
    check(page);
  }
}
