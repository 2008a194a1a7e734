package fi.osaava.labourmarket.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.labourmarket.LabourMarketImports;
import fi.osaava.labourmarket.LabourMarketTestData;
import fi.osaava.web.ApiWriteAccess;
import fi.osaava.web.WebTestBase;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/** The labour-market read API: JSON, CSV and 400s that name the parameter. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabourMarketApiTest extends WebTestBase {

  @Autowired LabourMarketImports imports;
  @Autowired JdbcTemplate jdbc;
  @Autowired List<ApiWriteAccess> writeAccess;

  @BeforeAll
  void data() {
    LabourMarketTestData.ensure(imports, jdbc);
  }

  @Test
  void occupationGroupHasSeriesAndAdDemand() throws Exception {
    mvc.perform(get("/api/v1/labour-market/occupation-groups/2512").param("lang", "en"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.series.length()").value(175))
        .andExpect(jsonPath("$.jobAds.synthetic").value(true));
  }

  @Test
  void badParametersAre400NamingThem() throws Exception {
    mvc.perform(get("/api/v1/labour-market/occupation-groups/25x2"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("code")));
    mvc.perform(get("/api/v1/labour-market/trends").param("region", "99"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("region")));
    mvc.perform(get("/api/v1/labour-market/forecast").param("series", "nonsense"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("series")));
    mvc.perform(get("/labour-market/occupation").param("code", "abc"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void forecastCsvHasTwelveMonthsWithBands() throws Exception {
    String csv =
        mvc.perform(get("/api/v1/labour-market/forecast.csv").param("series", "region:01"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> lines = csv.lines().toList();
    assertThat(lines.getFirst()).isEqualTo("month,forecast,lower95,upper95");
    assertThat(lines).hasSize(13);
    for (String line : lines.subList(1, 13)) {
      String[] f = line.split(",");
      assertThat(Double.parseDouble(f[2])).isLessThanOrEqualTo(Double.parseDouble(f[1]));
      assertThat(Double.parseDouble(f[3])).isGreaterThanOrEqualTo(Double.parseDouble(f[1]));
    }
    mvc.perform(get("/api/v1/labour-market/trends.csv").param("kind", "occupation"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.startsWith("direction,item,label")));
  }

  @Test
  void escoOccupationPageShowsItsGroupsFiguresAndIndicators() throws Exception {
    String html =
        mvc.perform(
                get("/labour-market/occupation")
                    .param(
                        "uri",
                        "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34")
                    .header("Accept-Language", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html).contains("id=\"demand-chart\"").contains("2654 Ohjaajat ja tuottajat");
    assertThat(html).contains("21.01 €");
    assertThat(html).doesNotContain("style=");
  }

  /** The statistics end in 2020; the test clock is in 2026: the forecast must not pass for now. */
  @Test
  void aForecastNamesItsMonthsAndSaysWhenTheyArePast() throws Exception {
    String html =
        mvc.perform(get("/labour-market/trends").header("Accept-Language", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .doesNotContain("next 12 months")
        .containsPattern("for the 12 months from 20\\d\\d-\\d\\d to 20\\d\\d-\\d\\d")
        .contains("so every month of this forecast is already past");
  }

  @Test
  void pushApiIsDeclaredAsMachineWrite() {
    assertThat(writeAccess)
        .contains(new ApiWriteAccess(HttpMethod.POST, "/api/v1/job-ads", "job-ads.publish"));
  }
}
