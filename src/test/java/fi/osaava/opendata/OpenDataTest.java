package fi.osaava.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.web.WebTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
    assertThat(changes.path("dcat:keyword").toString()).contains("job ads");
    assertThat(changes.path("dct:description").toString())
        .contains("job ads published, changed and closed");
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
    // The aggregates as ingestion keeps them: per occupation group, and the regional rollup
    // over the groups (the open data reads the rollup; labourmarket's tests check the two agree).
    for (Object[] row : new Object[][] {{kept, "2512", 2}, {kept, "2511", 2}, {small, "2512", 2}}) {
      jdbc.sql(
              "insert into lm_demand_skill (month, region_code, isco_code, skill_uri, ads)"
                  + " values (?, '01', ?, ?, ?)")
          .params(month, row[1], row[0], row[2])
          .update();
      jdbc.sql(
              "insert into lm_demand_skill_region (month, region_code, skill_uri, ads)"
                  + " values (?, '01', ?, ?) on conflict (region_code, month, skill_uri)"
                  + " do update set ads = lm_demand_skill_region.ads + excluded.ads")
          .params(month, row[0], row[2])
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
    for (String dataset : List.of("skill-demand", "education-supply", "surveys", "services")) {
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
    assertThat(fetch("/api/v1/open-data/changes.json", "en").getStatus()).isEqualTo(404);
  }

  @Test
  void theServiceDirectoryIsACsvFileAndAJsonDumpOfTheSameServices() throws Exception {
    String word = "avoindata" + UUID.randomUUID().toString().substring(0, 8);
    String service =
        """
        [{"id": "od-%1$s", "organisation": {"businessId": "0211675-2",
          "name": {"fi": "Tampereen kaupunki"}},
          "name": {"fi": "Ohjaamo %1$s", "en": "Guidance, \\"%1$s\\""},
          "type": "GUIDANCE", "lifeSituations": ["YOUNG_WITHOUT_DEGREE", "UNEMPLOYED"],
          "targetGroups": ["=maahanmuuttajat", "alle 30-vuotiaat"],
          "areas": ["country", "online"], "languages": ["fi", "en"],
          "cost": {"type": "FREE", "info": {"fi": "Maksuton"}},
          "channels": [{"type": "WEB_PAGE", "url": "https://ohjaamo.example.fi/%1$s"},
                       {"type": "PHONE", "phone": "+358 40 123 4567"}]}]
        """
            .formatted(word);
    assertThat(
            mvc.perform(
                    post("/api/v1/services")
                        .header("Authorization", "Bearer " + servicesClientToken("0211675-2"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(service))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    String id =
        jdbc.sql("select id::text from services_service where source_id like ?")
            .param("%/od-" + word)
            .query(String.class)
            .single();

    MockHttpServletResponse csv = fetch("/api/v1/open-data/services.csv", "en");
    assertThat(csv.getHeader("Link")).contains("creativecommons.org/licenses/by/4.0");
    String row =
        csv.getContentAsString().lines().filter(l -> l.contains(word)).findFirst().orElseThrow();
    assertThat(row)
        .startsWith(
            "\"" + id + "\",\"SERVICE\",\"provider\",\"\",\"0211675-2\",\"Tampereen kaupunki\"")
        .contains("\"Guidance, \"\"" + word + "\"\"\"")
        // Life situations as stored: in the order of the list of situations.
        .contains("\"UNEMPLOYED; YOUNG_WITHOUT_DEGREE\"")
        // A leading formula character is defused in the CSV.
        .contains("\"'=maahanmuuttajat; alle 30-vuotiaat\"")
        .contains("\"country; online\",\"fi; en\",\"FREE\",\"Maksuton\"")
        .contains("https://ohjaamo.example.fi/" + word)
        .contains("\"http://localhost/services/" + id + "\"");

    JsonNode body =
        json.readTree(fetch("/api/v1/open-data/services.json", "en").getContentAsString());
    assertThat(body.path("license").asString()).contains("by/4.0");
    assertThat(body.path("source").asString()).contains("Suomi.fi");
    JsonNode item = null;
    for (JsonNode candidate : body.path("items")) {
      if (candidate.path("id").asString().equals(id)) {
        item = candidate;
      }
    }
    assertThat(item).as("the pushed service in the JSON dump").isNotNull();
    assertThat(item.path("name_en").asString()).isEqualTo("Guidance, \"" + word + "\"");
    assertThat(item.path("life_situations").isArray()).isTrue();
    assertThat(item.path("life_situations").get(0).asString()).isEqualTo("UNEMPLOYED");
    assertThat(item.path("target_groups").get(0).asString()).isEqualTo("=maahanmuuttajat");
    assertThat(item.path("channels").get(0).path("url").asString())
        .isEqualTo("https://ohjaamo.example.fi/" + word);
    assertThat(item.path("channels").get(1).path("type").asString()).isEqualTo("PHONE");

    JsonNode catalog = json.readTree(fetch("/api/v1/open-data/catalog", "en").getContentAsString());
    JsonNode services = catalog.path("dcat:dataset").get(2);
    assertThat(services.path("dct:identifier").asString()).isEqualTo("services");
    assertThat(services.path("dcat:distribution").findValuesAsString("dcat:mediaType"))
        .containsExactly("text/csv", "application/json", "application/json");
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
