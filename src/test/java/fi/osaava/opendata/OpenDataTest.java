package fi.osaava.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.osaava.web.WebTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The open data: the DCAT-AP catalogue names every dataset with its licence and distributions; the
 * skill demand adds up the labour market's aggregates over occupation groups and leaves out small
 * cells; every download carries the licence; the page is there in fi, sv and en.
 */
class OpenDataTest extends WebTestBase {

  @Autowired JdbcClient jdbc;

  private final ObjectMapper json = new ObjectMapper();

  private MockHttpServletResponse fetch(String path, String language) throws Exception {
    return mvc.perform(get(path).header("Accept-Language", language)).andReturn().getResponse();
  }

  @Test
  void theCatalogueDescribesEveryDatasetWithItsLicenceAndDistributions() throws Exception {
    MockHttpServletResponse response = fetch("/api/v1/open-data/catalog", "en");
    assertThat(response.getContentType()).startsWith("application/ld+json");
    JsonNode catalog = json.readTree(response.getContentAsString());
    assertThat(catalog.path("@type").asString()).isEqualTo("dcat:Catalog");
    JsonNode datasets = catalog.path("dcat:dataset");
    assertThat(datasets).hasSize(5);
    for (JsonNode dataset : datasets) {
      assertThat(dataset.path("dct:license").path("@id").asString())
          .isEqualTo("https://creativecommons.org/licenses/by/4.0/");
      assertThat(dataset.path("dct:title")).as("fi, sv and en titles").hasSize(3);
      assertThat(dataset.path("dcat:distribution")).isNotEmpty();
      for (JsonNode distribution : dataset.path("dcat:distribution")) {
        assertThat(distribution.path("dcat:downloadURL").path("@id").asString())
            .startsWith("http://localhost");
      }
    }
    JsonNode changes = datasets.get(4);
    assertThat(changes.path("dct:identifier").asString()).isEqualTo("changes");
    assertThat(changes.path("dcat:distribution").findValuesAsString("dcat:mediaType"))
        .containsExactly("application/feed+json", "application/atom+xml");
    assertThat(datasets.get(0).path("dct:identifier").asString()).isEqualTo("skill-demand");
    assertThat(datasets.get(0).path("dct:rights").asString()).contains("ESCO");
    assertThat(datasets.get(0).path("dct:title").get(0).path("@value").asString())
        .isEqualTo("Osaamisten kysyntä alueittain ja kuukausittain");
  }

  @Test
  void skillDemandAddsUpOccupationGroupsAndLeavesOutSmallCells() throws Exception {
    String kept = "http://data.europa.eu/esco/skill/od-test-kept-" + UUID.randomUUID();
    String small = "http://data.europa.eu/esco/skill/od-test-small-" + UUID.randomUUID();
    LocalDate month = LocalDate.of(2026, 5, 1);
    for (Object[] row : new Object[][] {{kept, "2512", 2}, {kept, "2511", 2}, {small, "2512", 2}}) {
      jdbc.sql(
              "insert into lm_demand_skill (month, region_code, isco_code, skill_uri, ads)"
                  + " values (?, '01', ?, ?, ?)")
          .params(month, row[1], row[0], row[2])
          .update();
    }
    MockHttpServletResponse csv = fetch("/api/v1/open-data/skill-demand.csv", "en");
    assertThat(csv.getHeader("Link")).contains("creativecommons.org/licenses/by/4.0", "license");
    assertThat(csv.getContentAsString())
        .startsWith("month,region,skill,ads\n")
        .contains("2026-05,01,\"" + kept + "\",4\n")
        .doesNotContain(small);
    JsonNode body =
        json.readTree(fetch("/api/v1/open-data/skill-demand.json", "en").getContentAsString());
    assertThat(body.path("license").asString()).contains("by/4.0");
    assertThat(body.path("attribution").asString()).contains("ESCO");
    assertThat(body.path("items").toString()).contains(kept).doesNotContain(small);

    JsonNode supply =
        json.readTree(fetch("/api/v1/open-data/education-supply.json", "en").getContentAsString());
    assertThat(supply.path("dataset").asString()).isEqualTo("education-supply");
    for (JsonNode cell : supply.path("items")) {
      assertThat(cell.path("offerings").asLong()).isPositive();
    }
    assertThat(fetch("/api/v1/open-data/surveys.csv", "en").getContentAsString())
        .startsWith("id,organisation,title_fi,title_sv,title_en,respondents,published,results\n");
  }

  @Test
  void eachTabularDatasetHasTheSameColumnsInItsCsvAndItsJson() throws Exception {
    for (String dataset : List.of("skill-demand", "education-supply", "surveys")) {
      String header =
          fetch("/api/v1/open-data/" + dataset + ".csv", "en")
              .getContentAsString()
              .lines()
              .findFirst()
              .orElseThrow();
      JsonNode body =
          json.readTree(fetch("/api/v1/open-data/" + dataset + ".json", "en").getContentAsString());
      assertThat(body.path("dataset").asString()).isEqualTo(dataset);
      for (JsonNode item : body.path("items")) {
        assertThat(String.join(",", item.propertyNames())).as(dataset).isEqualTo(header);
      }
    }
    assertThat(fetch("/api/v1/open-data/catalog.csv", "en").getStatus()).isEqualTo(404);
    assertThat(fetch("/api/v1/open-data/services.json", "en").getStatus()).isEqualTo(404);
  }

  @Test
  void thePageIsInEachLanguageWithTheLicenceAndEscoAttribution() throws Exception {
    assertThat(fetch("/open-data", "fi").getContentAsString())
        .contains("Avoin data", "Osaamisten kysyntä alueittain", "CC BY 4.0", "ESCO");
    assertThat(fetch("/open-data", "sv").getContentAsString())
        .contains("Öppna data", "Utbildningsutbud per kompetens och region");
    assertThat(fetch("/open-data", "en").getContentAsString())
        .contains("Open data", "Service directory", "/api/v1/open-data/catalog");
  }
}
