package fi.osaava.servicenetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service search on the real general descriptions, written as a contract like the education
 * search's, for every backend the services index can live in (the education backend): so far run by
 * {@link ServicesWebTest} on Lucene. On the OpenSearch node the facets hold, but the Finnish
 * inflection case does not (its Finnish analysis differs from Voikko's), so it is not joined there
 * yet (docs/services.md).
 */
public interface ServiceSearchContract {

  ServiceDirectory serviceDirectory();

  MockMvc mvc();

  @BeforeEach
  default void importGeneralServiceDescriptions() {
    ServicesTestData.ensureImported(serviceDirectory());
  }

  private JsonNode search(MockHttpServletRequestBuilder request) throws Exception {
    return JsonMapper.shared()
        .readTree(
            mvc()
                .perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
  }

  @Test
  default void servicesAreFoundByInflectedFinnishSwedishAndEnglishWords() throws Exception {
    // Finnish inflection and compounds: "oppisopimuksella" (adessive) finds Oppisopimuskoulutus;
    // Swedish and English stems: a definite form and a plural find their names.
    JsonNode fi = search(get("/api/v1/services").param("q", "oppisopimuksella"));
    assertThat(fi.get("items").get(0).get("name").get("fi").asString())
        .as(names(fi, "fi").toString())
        .isEqualTo("Oppisopimuskoulutus");
    JsonNode sv = search(get("/api/v1/services").param("q", "läroavtalsutbildningen"));
    assertThat(names(sv, "sv")).contains("Läroavtalsutbildning");
    JsonNode en = search(get("/api/v1/services").param("q", "apprenticeships"));
    assertThat(names(en, "en")).contains("Apprenticeship training");
    // A base form finds the inflected name: "työtön palveluohjaus" finds Työttömien palveluohjaus.
    JsonNode lemma = search(get("/api/v1/services").param("q", "työtön palveluohjaus"));
    assertThat(names(lemma, "fi").getFirst()).isEqualTo("Työttömien palveluohjaus");
  }

  @Test
  default void serviceFacetsCountAndNarrow() throws Exception {
    JsonNode all = search(get("/api/v1/services"));
    assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(458);
    long training = facetCount(all, "type", "TRAINING");
    assertThat(training).as(all.get("facets").toString()).isGreaterThanOrEqualTo(22);
    JsonNode narrowed =
        search(
            get("/api/v1/services")
                .param("type", "TRAINING")
                .param("situation", "CHANGING_CAREER"));
    assertThat(narrowed.get("total").asLong()).isPositive().isLessThan(training);
    for (JsonNode item : narrowed.get("items")) {
      assertThat(item.get("type").asString()).isEqualTo("TRAINING");
      assertThat(item.get("lifeSituations").toString()).contains("CHANGING_CAREER");
    }
    // Each facet is counted under the other facets' choices: the type facet still offers others.
    assertThat(narrowed.get("facets").get("type").size()).isGreaterThan(1);
    assertThat(facetCount(all, "language", "sv")).isGreaterThanOrEqualTo(337);
    assertThat(facetCount(all, "situation", "ENTREPRENEUR")).isPositive();
    mvc()
        .perform(get("/api/v1/services").param("type", "NO_SUCH_TYPE"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("type"));
  }

  private static List<String> names(JsonNode result, String language) {
    List<String> names = new ArrayList<>();
    result.get("items").forEach(i -> names.add(i.get("name").path(language).asString("")));
    return names;
  }

  private static long facetCount(JsonNode result, String facet, String value) {
    for (JsonNode v : result.get("facets").get(facet)) {
      if (v.get("value").asString().equals(value)) {
        return v.get("count").asLong();
      }
    }
    return 0;
  }
}
