package fi.osaava.servicenetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.web.ApiWriteAccess;
import fi.osaava.web.RouteRules;
import fi.osaava.web.RouteRules.Rule;
import fi.osaava.web.WebTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service directory's pages and API on the real general descriptions: the search contract
 * ({@link ServiceSearchContract}) on Lucene, the search page, the service page, explained
 * recommendations, the providers' push with its scope, and a route-by-route authorisation table.
 */
class ServicesWebTest extends WebTestBase implements ServiceSearchContract {

  /**
   * Who may call a route, as each rule's target: everyone ({@code public}, the reads), or only a
   * token with the scope ({@code scope}, the push).
   */
  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("GET /services", Rule.of("public"));
    RULES.put("GET /services/{id}", Rule.of("public"));
    RULES.put("GET /api/v1/services", Rule.of("public"));
    RULES.put("GET /api/v1/services/{id}", Rule.of("public"));
    RULES.put(
        "GET /api/v1/services/recommendations",
        Rule.of("public", Map.of("situation", "UNEMPLOYED")));
    RULES.put("POST /api/v1/services", Rule.of("scope"));
  }

  @Autowired ServiceDirectory directory;
  @Autowired List<ApiWriteAccess> writeAccess;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Override
  public ServiceDirectory serviceDirectory() {
    return directory;
  }

  @Override
  public org.springframework.test.web.servlet.MockMvc mvc() {
    return mvc;
  }

  private JsonNode json(MockHttpServletRequestBuilder request) throws Exception {
    return JsonMapper.shared()
        .readTree(
            mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
  }

  private String html(String path, String language) throws Exception {
    return mvc.perform(get(path).header("Accept-Language", language))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void theSearchPageShowsFacetsAndGeneralDescriptionsInEachLanguage() throws Exception {
    assertThat(html("/services?q=oppisopimus", "fi"))
        .contains("Oppisopimuskoulutus", "Yleiskuvaus", "Tyyppi", "Elämäntilanne")
        .doesNotContain("style=");
    assertThat(html("/services?q=oppisopimus", "sv"))
        .contains("Läroavtalsutbildning", "Allmän beskrivning");
    assertThat(html("/services?q=oppisopimus", "en"))
        .contains("Apprenticeship training", "General description");
  }

  @Test
  void aServicePageShowsItAsAGeneralDescription() throws Exception {
    JsonNode hit =
        json(get("/api/v1/services").param("q", "Oppisopimuskoulutus")).get("items").get(0);
    String page = html(hit.get("page").asString(), "en");
    assertThat(page)
        .contains("<h1", "Apprenticeship training", "id=\"general-notice\"", "Suomi.fi")
        .contains("Changing career");
    mvc.perform(get("/services/" + UUID.randomUUID())).andExpect(status().isNotFound());
    mvc.perform(get("/services/not-a-uuid")).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/services/not-a-uuid")).andExpect(status().isNotFound());
  }

  @Test
  void recommendationsSayWhyAndPutLocalServicesFirst() throws Exception {
    String body =
        """
        {"id": "tampere-ohjaamo", "organisation": {"businessId": "0211675-2", "name": {"fi": "Tampereen kaupunki"}},
         "name": {"fi": "Tampereen Ohjaamo", "en": "Tampere One-Stop Guidance Centre"},
         "type": "GUIDANCE", "lifeSituations": ["UNEMPLOYED"], "areas": ["municipality:837"],
         "languages": ["fi"],
         "channels": [{"type": "WEB_PAGE", "url": "https://ohjaamo.example.fi"}]}
        """;
    mvc.perform(
            post("/api/v1/services")
                .header("Authorization", "Bearer " + servicesClientToken("0211675-2"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk());
    JsonNode tampere =
        json(
            get("/api/v1/services/recommendations")
                .param("situation", "UNEMPLOYED")
                .param("municipality", "837")
                .param("lang", "en"));
    // Other tests publish services given in Tampere too: the local one ranks among them (rank 4),
    // before every service of the region, the whole country or a general description.
    int local = -1;
    int firstNotLocal = tampere.size();
    for (int i = 0; i < tampere.size(); i++) {
      if (tampere
          .get(i)
          .get("service")
          .get("name")
          .path("fi")
          .asString()
          .equals("Tampereen Ohjaamo")) {
        local = i;
      }
      if (tampere.get(i).get("rank").asInt() < 4 && firstNotLocal == tampere.size()) {
        firstNotLocal = i;
      }
    }
    assertThat(local).as("the local service is recommended").isNotNegative();
    assertThat(tampere.get(local).get("rank").asInt()).isEqualTo(4);
    assertThat(local).as("before the services not given in Tampere").isLessThan(firstNotLocal);
    assertThat(tampere.get(local).toString())
        .contains("It is given in Tampere", "It serves your situation: Unemployed");
    // General descriptions follow, saying they are general.
    assertThat(tampere.toString()).contains("Työttömien palveluohjaus", "A general description");
    // Somewhere else the local service is not offered.
    JsonNode helsinki =
        json(
            get("/api/v1/services/recommendations")
                .param("situation", "UNEMPLOYED")
                .param("municipality", "091"));
    assertThat(helsinki.toString())
        .doesNotContain("Tampereen Ohjaamo")
        .contains("Työttömien palveluohjaus");
    String page = html("/services?for=UNEMPLOYED&municipality=837", "fi");
    assertThat(page)
        .contains(
            "id=\"recommendations\"",
            "Tampereen Ohjaamo",
            "Annetaan kunnassa Tampere",
            "Palvelee tilannettasi: Työtön");
    mvc.perform(get("/api/v1/services/recommendations").param("situation", "BORED"))
        .andExpect(status().isBadRequest());

    // The third question: the goal, in the person's own words, on the page and in the API.
    JsonNode withGoal =
        json(
            get("/api/v1/services/recommendations")
                .param("situation", "UNEMPLOYED")
                .param("goal", "kuntouttava työtoiminta")
                .param("lang", "en"));
    JsonNode firstGeneral = null;
    for (JsonNode r : withGoal) {
      if (r.toString().contains("A general description")) {
        firstGeneral = r;
        break;
      }
    }
    assertThat(firstGeneral).isNotNull();
    assertThat(firstGeneral.get("service").get("name").get("fi").asString())
        .isEqualTo("Kuntouttava työtoiminta");
    assertThat(firstGeneral.toString()).contains("It matches the goal you gave");
    // On the page, a goal naming the local service: its best, so strong, match, shown first of the
    // local ones (the general descriptions may come after more services than the page shows, since
    // other tests publish services for unemployed people too).
    String goalPage =
        mvc.perform(
                get("/services")
                    .param("for", "UNEMPLOYED")
                    .param("municipality", "837")
                    .param("goal", "Tampereen Ohjaamo")
                    .header("Accept-Language", "fi"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(goalPage)
        .contains("id=\"goal\"", "value=\"Tampereen Ohjaamo\"", "Vastaa antamaasi tavoitetta");
  }

  @Test
  void thePushNeedsTheScopeAndNamesTheBadField() throws Exception {
    String body =
        """
        [{"id": "x", "organisation": {"name": {"fi": "Oy"}}, "name": {"fi": "X"},
          "type": "GUIDANCE", "areas": ["country"]}]""";
    // Without a token the request is refused (403: a browser session cannot reach a machine
    // endpoint, and an anonymous caller is such a session).
    int anonymous =
        mvc.perform(post("/api/v1/services").contentType(MediaType.APPLICATION_JSON).content(body))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(anonymous).isIn(401, 403);
    mvc.perform(
            post("/api/v1/services")
                .header("Authorization", "Bearer " + oidc.bearerToken("education.publish"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/services")
                .with(oidc.person("citizen-" + UUID.randomUUID()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden());
    String bad = body.replace("\"country\"", "\"municipality:999\"");
    mvc.perform(
            post("/api/v1/services")
                .header("Authorization", "Bearer " + oidc.bearerToken("services.publish"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(bad))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("line 1, field 'areas[0]'")));
    assertThat(writeAccess)
        .contains(new ApiWriteAccess(HttpMethod.POST, "/api/v1/services", "services.publish"));
  }

  RouteRules table() {
    return new RouteRules(
        mappings,
        pattern ->
            pattern.equals("/services")
                || pattern.startsWith("/services/")
                || pattern.startsWith("/api/v1/services"),
        RULES);
  }

  @Test
  void everyRouteHasAnAuthorisationRuleAndKeepsIt() throws Exception {
    table().assertEveryRouteHasARule(RULES.size(), ServicesWebTest.class);
    String someId = json(get("/api/v1/services")).get("items").get(0).get("id").asString();
    List<String> wrong = new ArrayList<>();
    for (String route : table().routes()) {
      String target = table().rule(route).target();
      MockHttpServletResponse response =
          mvc.perform(request(route, someId)).andReturn().getResponse();
      boolean refused = response.getStatus() == 401 || response.getStatus() == 403;
      if (target.equals("public") ? response.getStatus() != 200 : !refused) {
        wrong.add(route + " anonymous answered " + response.getStatus());
      }
      if (target.equals("scope")) {
        int withOtherScope =
            mvc.perform(
                    request(route, someId)
                        .header("Authorization", "Bearer " + oidc.bearerToken("job-ads.publish")))
                .andReturn()
                .getResponse()
                .getStatus();
        if (withOtherScope != 403) {
          wrong.add(route + " with another scope answered " + withOtherScope);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  /** A request for {@code route} with an empty JSON array as its body, for the push. */
  private MockHttpServletRequestBuilder request(String route, String id) {
    return table()
        .request(route, (variable, rule) -> id, v -> v)
        .contentType(MediaType.APPLICATION_JSON)
        .content("[]");
  }
}
