package fi.osaava.labourmarket.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.ReferenceData;
import fi.osaava.labourmarket.LabourMarketImports;
import fi.osaava.labourmarket.LabourMarketTestData;
import fi.osaava.web.WebTestBase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The June 2026 snapshot of the employment-service statistics is shown as the current state, with
 * its month, beside the long series that ends in 2020; the figures are the source file's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabourMarketCurrentStateTest extends WebTestBase {

  @Autowired LabourMarketImports imports;
  @Autowired JdbcTemplate jdbc;

  JsonNode source;

  @BeforeAll
  void data() {
    LabourMarketTestData.ensure(imports, jdbc);
    Integer rows = jdbc.queryForObject("select count(*) from lm_current_area", Integer.class);
    if (rows == null || rows == 0) {
      // A context that imported the statistics before the snapshot table existed.
      imports.importStatistics(
          ReferenceData.directory(), fi.osaava.platform.ImportProgress.silent());
    }
    Path file =
        ReferenceData.directory()
            .resolve("labour-market/statfi/pxweb-2026/tyonv_12r5_2026M06.json");
    source = JsonMapper.builder().build().readTree(file.toFile());
  }

  /** The source's value of a measure for an area code, as written in the file. */
  private String sourceValue(String area, String measure) {
    int column = -1;
    for (int i = 0; i < source.path("columns").size(); i++) {
      if (source.path("columns").get(i).path("code").asString().equals(measure)) {
        column = i - 2;
      }
    }
    for (JsonNode row : source.path("data")) {
      if (row.path("key").get(0).asString().equals(area)) {
        return row.path("values").get(column).asString();
      }
    }
    throw new AssertionError("no " + area + " in the source");
  }

  @Test
  void apiGivesTheSnapshotMonthAndTheSourcesFigures() throws Exception {
    String country =
        mvc.perform(get("/api/v1/labour-market/current"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode json = JsonMapper.builder().build().readTree(country);
    assertThat(json.path("month").asString()).isEqualTo("2026-06-01");
    JsonNode figures = json.path("areas").get(0).path("figures");
    assertThat(figures.path("HAKIJALOPUSSA").asDouble())
        .isEqualTo(Double.parseDouble(sourceValue("SSS", "HAKIJALOPUSSA")));
    assertThat(figures.path("TYOTOSUUS").asDouble())
        .isEqualTo(Double.parseDouble(sourceValue("SSS", "TYOTOSUUS")));
    double services = 0;
    for (String m :
        new String[] {
          "TYOLLISTETTYLOP",
          "TYOHARJOITTELULOP",
          "KOKEILULOP",
          "TVKOULUTUSLOP",
          "VALMENNUSLOP",
          "MTPPALVELUTLOP"
        }) {
      services += Double.parseDouble(sourceValue("SSS", m));
    }
    assertThat(figures.path("IN_SERVICES").asDouble()).isEqualTo(services);

    JsonNode regions =
        JsonMapper.builder()
            .build()
            .readTree(
                mvc.perform(get("/api/v1/labour-market/current").param("level", "region"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
    // Every region of the classification, and none of the source's "unknown area" rows.
    assertThat(regions.path("areas").size())
        .isEqualTo(
            jdbc.queryForObject(
                "select count(distinct area_code) from lm_current_area where level = 'REGION'"
                    + " and area_code in (select code from regions_area where level = 'REGION')",
                Integer.class));
    JsonNode uusimaa = regions.path("areas").get(0);
    assertThat(uusimaa.path("code").asString()).isEqualTo("01");
    assertThat(uusimaa.path("figures").path("AVPAIKATLOPUSSA").asDouble())
        .isEqualTo(Double.parseDouble(sourceValue("MK01", "AVPAIKATLOPUSSA")));

    mvc.perform(get("/api/v1/labour-market/current").param("level", "galaxy"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void pageNamesTheSnapshotMonthAndTheLongSeriesMonthInThePageLanguage() throws Exception {
    LocalDate seriesEnd =
        jdbc.queryForObject("select max(month) from lm_occupation_series", LocalDate.class);
    for (String lang : new String[] {"fi", "sv", "en"}) {
      Locale locale = Locale.forLanguageTag(lang);
      String html =
          mvc.perform(get("/labour-market").header("Accept-Language", lang))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(html)
          .contains(LabourMarketPageController.monthName(LocalDate.of(2026, 6, 1), locale))
          .contains(LabourMarketPageController.monthName(seriesEnd, locale))
          .contains("id=\"current-regions\"")
          .contains("KEHA");
    }
    assertThat(LabourMarketPageController.monthName(LocalDate.of(2026, 6, 1), new Locale("fi")))
        .isEqualTo("kesäkuu 2026");
  }
}
