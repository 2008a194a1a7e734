package fi.osaava.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import fi.osaava.web.RouteRules;
import fi.osaava.web.RouteRules.Rule;
import fi.osaava.web.WebTestBase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Route-by-route authorisation of the module's routes, generated from Spring's handler mappings:
 * every {@code /admin/api-clients}, {@code /open-data} and {@code /api/v1/open-data} route must
 * have a rule. The API clients' page is for administrators only (the role claim): anonymous
 * visitors are sent to sign in, anyone else signed in gets 403. The open data is open to everyone.
 */
class OpenDataAuthorizationTest extends WebTestBase {

  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("GET /admin/api-clients", Rule.of("ADMIN"));
    RULES.put(
        "POST /admin/api-clients",
        Rule.of(
            "ADMIN",
            Map.of(
                "clientId", "CLIENT",
                "name", "Authorisation test",
                "organisation", "Esimerkki Oy",
                "contactEmail", "api@example.fi",
                "requestsPerMinute", "10")));
    RULES.put("POST /admin/api-clients/remove", Rule.of("ADMIN", Map.of("clientId", "CLIENT")));
    RULES.put("GET /open-data", Rule.of("PUBLIC"));
    for (String dataset : List.of("catalog", "{dataset}.{format}", "feeds/changes.{feedFormat}")) {
      RULES.put("GET /api/v1/open-data/" + dataset, Rule.of("PUBLIC"));
    }
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  RouteRules table() {
    return new RouteRules(
        mappings,
        p ->
            p.startsWith("/admin/api-clients")
                || p.startsWith("/open-data")
                || p.startsWith("/api/v1/open-data"),
        RULES);
  }

  @Test
  void everyRouteHasARule() {
    table().assertEveryRouteHasARule(7, OpenDataAuthorizationTest.class);
  }

  @Test
  void eachRouteServesOnlyWhomItsRuleNames() throws Exception {
    String client = "authz-" + UUID.randomUUID();
    var administrator =
        oidc.person(
            "od-admin-" + UUID.randomUUID(), Map.of("osaava_roles", List.of("administrator")));
    var editor =
        oidc.person(
            "od-editor-" + UUID.randomUUID(),
            Map.of("osaava_roles", List.of("editor"), "osaava_organisation", "https://example.fi"));
    // Posts first, so that the removal finds the registration.
    List<String> routes =
        table().routes().stream()
            .sorted((a, b) -> Boolean.compare(a.endsWith("/remove"), b.endsWith("/remove")))
            .toList();
    for (String route : routes) {
      Rule rule = table().rule(route);
      switch (rule.target()) {
        case "ADMIN" -> {
          MockHttpServletResponse anonymous = perform(request(route, client).with(csrf()));
          assertThat(anonymous.getStatus()).as(route + " anonymous").isEqualTo(302);
          assertThat(anonymous.getRedirectedUrl()).as(route).endsWith("/sign-in");
          assertThat(perform(request(route, client).with(editor)).getStatus())
              .as(route + " signed in, no administrator")
              .isEqualTo(403);
          assertThat(perform(request(route, client).with(administrator)).getStatus())
              .as(route + " administrator")
              .isIn(200, 302);
        }
        case "PUBLIC" ->
            assertThat(perform(request(route, client)).getStatus()).as(route).isEqualTo(200);
        default -> throw new AssertionError("no check for " + rule.target());
      }
    }
  }

  private MockHttpServletRequestBuilder request(String route, String client) {
    return table()
        .request(
            route,
            (v, r) ->
                switch (v) {
                  case "dataset" -> "surveys";
                  case "format" -> "csv";
                  case "feedFormat" -> "atom";
                  default -> v;
                },
            v -> v.replace("CLIENT", client));
  }

  private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }
}
