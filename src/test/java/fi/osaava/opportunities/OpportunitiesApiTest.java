package fi.osaava.opportunities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import fi.osaava.taxonomy.RelatedConcept;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.WebTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The opportunities API over the real ESCO data, anonymously from chosen skills. */
class OpportunitiesApiTest extends WebTestBase {

  static final String DEVELOPER_ID = "f2b15a0e-e65a-438a-affb-29b9d50b77d1";
  static final String DEVELOPER = "http://data.europa.eu/esco/occupation/" + DEVELOPER_ID;

  @Autowired TaxonomyApi taxonomy;

  private final JsonMapper json = JsonMapper.builder().build();

  private List<String> essentialSkills() {
    return taxonomy
        .skillsOfOccupation(
            fi.osaava.taxonomy.ConceptUri.of(DEVELOPER),
            RelationType.ESSENTIAL,
            Language.EN,
            new Paging(0, Paging.MAX_SIZE))
        .items()
        .stream()
        .map(RelatedConcept::concept)
        .map(c -> c.uri().value())
        .toList();
  }

  private JsonNode call(MockHttpServletRequestBuilder request) throws Exception {
    MvcResult result = mvc.perform(request).andExpect(status().isOk()).andReturn();
    return json.readTree(result.getResponse().getContentAsString());
  }

  @Test
  void rankedOccupationsExplainThemselves() throws Exception {
    List<String> essential = essentialSkills();
    assertThat(essential).hasSizeGreaterThan(5);
    List<String> held = essential.subList(0, (int) Math.round(essential.size() * 0.7));
    JsonNode page =
        call(
            get("/api/v1/opportunities")
                .param("skill", held.toArray(String[]::new))
                .param("kind", "OCCUPATION")
                .param("interestWeight", "0")
                .param("demandWeight", "0")
                .param("size", "10")
                .param("lang", "en"));
    assertThat(page.path("total").asInt()).isGreaterThan(2000);
    List<String> ids = page.path("items").valueStream().map(i -> i.path("id").asString()).toList();
    assertThat(ids).contains(DEVELOPER_ID);
    JsonNode developer =
        page.path("items")
            .valueStream()
            .filter(i -> i.path("id").asString().equals(DEVELOPER_ID))
            .findFirst()
            .orElseThrow();
    assertThat(developer.path("title").asString()).isEqualTo("software developer");
    assertThat(developer.path("matched").size()).isEqualTo(held.size());
    assertThat(developer.path("matched").get(0).path("essential").asBoolean()).isTrue();
    assertThat(developer.path("missing").size() + developer.path("near").size())
        .isGreaterThanOrEqualTo(essential.size() - held.size());
  }

  @Test
  void gapListsEssentialFirstWithNearSkills() throws Exception {
    List<String> essential = essentialSkills();
    List<String> held = essential.subList(0, essential.size() / 2);
    JsonNode gap =
        call(
            get("/api/v1/goals/" + DEVELOPER_ID + "/gap")
                .param("skill", held.toArray(String[]::new))
                .param("lang", "en"));
    JsonNode items = gap.path("items");
    assertThat(gap.path("essentialMissing").asInt()).isEqualTo(essential.size() - held.size());
    boolean seenOptional = false;
    for (JsonNode item : items) {
      if (!item.path("essential").asBoolean()) {
        seenOptional = true;
      } else {
        assertThat(seenOptional).as("essential skills come first").isFalse();
      }
      assertThat(held).doesNotContain(item.path("skill").path("uri").asString());
    }
  }

  @Test
  void pathSaysHonestlyWhatItCannotCover() throws Exception {
    List<String> essential = essentialSkills();
    JsonNode path =
        call(
            get("/api/v1/paths")
                .param("goal", DEVELOPER_ID)
                .param("skill", essential.get(0))
                .param("maxCredits", "60")
                .param("essentialOnly", "true")
                .param("lang", "en"));
    JsonNode best = path.path("best");
    int gapSize = path.path("gap").path("essentialMissing").asInt();
    assertThat(best.path("covered").asInt() + best.path("uncovered").size()).isEqualTo(gapSize);
    assertThat(best.path("totalCredits").asDouble()).isLessThanOrEqualTo(60);
  }

  @Test
  void badParametersAreNamed() throws Exception {
    mvc.perform(get("/api/v1/opportunities").param("interestWeight", "2"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("interestWeight"));
    mvc.perform(get("/api/v1/opportunities").param("skill", "not a uri"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("skill"));
    mvc.perform(get("/api/v1/goals/nope/gap"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("id"));
    mvc.perform(get("/api/v1/paths").param("goal", DEVELOPER_ID).param("maxCredits", "-1"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("maxCredits"));
    mvc.perform(get("/api/v1/goals/00000000-0000-0000-0000-000000000000/gap"))
        .andExpect(status().isNotFound());
  }
}
