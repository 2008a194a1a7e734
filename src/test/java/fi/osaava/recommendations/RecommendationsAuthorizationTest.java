package fi.osaava.recommendations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.web.RouteRules;
import fi.osaava.web.RouteRules.PathValues;
import fi.osaava.web.RouteRules.Rule;
import fi.osaava.web.WebTestBase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Route-by-route authorisation of the recommendations, generated from Spring's handler mappings:
 * every route under {@code /recommendations}, {@code /handover/} and {@code
 * /api/v1/recommendations} must have a rule. The recommendations, the consent page and the
 * hand-overs are the signed-in person's own (anonymous visitors are sent to sign in, the API
 * answers 401); another person's hand-over cannot be withdrawn (404, and it still opens); the
 * hand-over link works without sign-in by its signed token only.
 */
class RecommendationsAuthorizationTest extends WebTestBase {

  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("GET /recommendations", Rule.own());
    RULES.put(
        "POST /recommendations/situation",
        Rule.own(Map.of("situation", "UNEMPLOYED", "municipality", "091")));
    RULES.put("GET /recommendations/handover/{service}", Rule.of("SERVICE"));
    RULES.put(
        "POST /recommendations/handover/{service}", Rule.of("SERVICE", Map.of("consent", "true")));
    RULES.put("GET /recommendations/handovers", Rule.own());
    RULES.put("GET /recommendations/handovers/{id}/summary.pdf", Rule.of("HANDOVER"));
    RULES.put("POST /recommendations/handovers/{id}/revoke", Rule.of("HANDOVER"));
    RULES.put("GET /handover/{token}", Rule.of("TOKEN"));
    RULES.put("GET /api/v1/recommendations", Rule.of("ownApi"));
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired JdbcClient jdbc;

  RouteRules table() {
    return new RouteRules(
        mappings,
        p ->
            p.equals("/recommendations")
                || p.startsWith("/recommendations/")
                || p.startsWith("/handover/")
                || p.startsWith("/api/v1/recommendations"),
        RULES);
  }

  @Test
  void everyRouteHasARule() {
    table().assertEveryRouteHasARule(9, RecommendationsAuthorizationTest.class);
  }

  @Test
  void eachRouteServesOnlyWhomItsRuleNames() throws Exception {
    RequestPostProcessor a = oidc.person("rec-a-" + UUID.randomUUID());
    RequestPostProcessor b = oidc.person("rec-b-" + UUID.randomUUID());
    String id = "rec-auth-" + UUID.randomUUID();
    mvc.perform(
        post("/api/v1/services")
            .header("Authorization", "Bearer " + oidc.bearerToken("services.publish"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"id": "%s", "organisation": {"name": {"fi": "Oy"}}, "name": {"fi": "%s"},
                 "type": "GUIDANCE", "lifeSituations": ["UNEMPLOYED"], "areas": ["country"]}"""
                    .formatted(id, id)));
    UUID service =
        jdbc.sql("select id from services_service where name_fi = ?")
            .param(id)
            .query(UUID.class)
            .single();
    // B hands a summary to the service: B's hand-over and its token are the targets.
    perform(post("/recommendations/handover/" + service).param("consent", "true").with(b));
    UUID bHandover =
        jdbc.sql("select id from rc_handover where service_id = ?")
            .param(service)
            .query(UUID.class)
            .single();
    String bToken = tokenOf(b, bHandover);
    PathValues path =
        (v, r) ->
            switch (r.target()) {
              case "HANDOVER" -> bHandover.toString();
              case "TOKEN" -> bToken;
              default -> service.toString();
            };

    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      MockHttpServletRequestBuilder anonymous = table().request(route, path, v -> v);
      MockHttpServletRequestBuilder signedInA = table().request(route, path, v -> v);
      switch (rule.target()) {
        case "own", "SERVICE" -> {
          MockHttpServletResponse response = perform(anonymous.with(csrf()));
          assertThat(response.getStatus()).as(route + " anonymous").isEqualTo(302);
          assertThat(response.getRedirectedUrl()).as(route).endsWith("/sign-in");
          assertThat(perform(signedInA.with(a)).getStatus())
              .as(route + " signed in")
              .isIn(200, 302);
        }
        case "ownApi" -> {
          assertThat(perform(anonymous).getStatus()).as(route + " anonymous").isEqualTo(401);
          assertThat(perform(signedInA.with(a)).getStatus()).as(route).isEqualTo(200);
        }
        case "HANDOVER" -> {
          assertThat(perform(anonymous.with(csrf())).getStatus()).as(route).isEqualTo(302);
          assertThat(perform(signedInA.with(a)).getStatus())
              .as(route + ": A reaches B's hand-over")
              .isEqualTo(404);
          assertThat(perform(get("/handover/" + bToken)).getStatus())
              .as("B's link still opens")
              .isEqualTo(200);
        }
        case "TOKEN" -> {
          assertThat(perform(anonymous).getStatus()).as(route + " with B's token").isEqualTo(200);
          assertThat(perform(get("/handover/guessed-token")).getStatus())
              .as(route + " with a guess")
              .isEqualTo(404);
        }
        default -> throw new AssertionError("no check for " + rule.target());
      }
    }
    // A's consent made A's own hand-over, not one for B.
    assertThat(
            jdbc.sql("select count(*) from rc_handover where service_id = ?")
                .param(service)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
  }

  /** The link on B's own hand-over page. */
  private String tokenOf(RequestPostProcessor person, UUID handover) throws Exception {
    String page = perform(get("/recommendations/handovers").with(person)).getContentAsString();
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("/handover/(" + handover + "\\.[0-9]+\\.[A-Za-z0-9_-]+)")
            .matcher(page);
    assertThat(m.find()).as("B's page shows the link").isTrue();
    return m.group(1);
  }

  private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }
}
