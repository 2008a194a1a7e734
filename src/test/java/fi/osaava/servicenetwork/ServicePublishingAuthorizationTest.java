package fi.osaava.servicenetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.osaava.web.RouteRules;
import fi.osaava.web.RouteRules.Rule;
import fi.osaava.web.WebTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Route-by-route authorisation of the organisations' service pages ({@code /publish/services}),
 * generated from Spring's handler mappings: every route there must have a rule in {@link #RULES},
 * or this test fails. A service editor of organisation A, calling each route with organisation B's
 * service, neither reads nor changes it (404, and nothing of B's in the answer); signed-in people
 * who are no service editors (no role, the role without an organisation or with an organisation
 * that is no business ID, an education editor of B itself) are refused everywhere; anonymous
 * callers are sent to sign in.
 */
class ServicePublishingAuthorizationTest extends WebTestBase {

  static final String SECRET = "B-salainen-" + UUID.randomUUID();

  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("GET /publish/services", Rule.own());
    RULES.put("GET /publish/services/new", Rule.own());
    // A publishes a service of A's own, under a new id: it can never become B's.
    RULES.put(
        "POST /publish/services",
        Rule.own(Map.of("nameFi", "A:n palvelu", "type", "GUIDANCE", "areas", "online")));
    RULES.put("GET /publish/services/{id}", Rule.of("service"));
    RULES.put(
        "POST /publish/services/{id}",
        Rule.of("service", Map.of("nameFi", "A overwrites", "type", "OTHER", "areas", "country")));
    RULES.put("POST /publish/services/{id}/withdraw", Rule.of("service"));
    RULES.put("POST /publish/services/{id}/restore", Rule.of("service"));
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  String organisationB;
  RequestPostProcessor b;
  String bService;

  RouteRules table() {
    return new RouteRules(
        mappings,
        pattern -> pattern.equals("/publish/services") || pattern.startsWith("/publish/services/"),
        RULES);
  }

  @Test
  void everyRouteHasARule() {
    table().assertEveryRouteHasARule(7, ServicePublishingAuthorizationTest.class);
  }

  @BeforeEach
  void organisationB() throws Exception {
    organisationB = ServicePublishingTest.randomBusinessId(new Random());
    b = ServicePublishingTest.serviceEditor(oidc, organisationB, "B Oy");
    Map<String, List<String>> form = ServicePublishingTest.validForm(SECRET);
    String location =
        mvc.perform(ServicePublishingTest.form("/publish/services", form).with(b))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).as("B published").startsWith("/publish/services/");
    bService = location.substring("/publish/services/".length(), location.indexOf('?'));
  }

  private MockHttpServletRequestBuilder build(String route) {
    return table().request(route, (variable, rule) -> bService, v -> v);
  }

  private String bsPage(String path) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path).with(b)).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString();
  }

  private String search() throws Exception {
    return mvc.perform(get("/api/v1/services").param("q", SECRET))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aServiceEditorOfACannotReadOrChangeOrganisationBsServices() throws Exception {
    assertThat(bsPage("/publish/services/" + bService)).contains(SECRET);
    RequestPostProcessor a =
        ServicePublishingTest.serviceEditor(
            oidc, ServicePublishingTest.randomBusinessId(new Random()), "A Oy");
    List<String> leaks = new ArrayList<>();
    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      MockHttpServletResponse response =
          mvc.perform(build(route).with(a)).andReturn().getResponse();
      if (!rule.isOwn() && response.getStatus() != 404) {
        leaks.add(route + " with B's service answered " + response.getStatus());
      }
      if (response.getContentAsString().contains(SECRET)) {
        leaks.add(route + " showed B's service");
      }
    }
    assertThat(leaks).isEmpty();
    // B's service is unchanged, still published and still B's alone.
    assertThat(bsPage("/publish/services/" + bService))
        .contains(SECRET)
        .doesNotContain("A overwrites")
        .doesNotContain("govuk-tag--grey");
    assertThat(bsPage("/publish/services")).contains(SECRET).doesNotContain("A:n palvelu");
    assertThat(search()).as("B's service is still published").contains(bService);
  }

  @Test
  void signedInPeopleWhoAreNoServiceEditorsAreRefusedEverywhere() throws Exception {
    List<RequestPostProcessor> notEditors =
        List.of(
            // No role at all.
            oidc.person("citizen-" + UUID.randomUUID()),
            // B's own organisation, but the education offerings' editor role only.
            oidc.person(
                "offerings-" + UUID.randomUUID(),
                Map.of("osaava_roles", List.of("editor"), "osaava_organisation", organisationB)),
            // The role without an organisation.
            oidc.person(
                "orphan-" + UUID.randomUUID(), Map.of("osaava_roles", List.of("service-editor"))),
            // The role with an organisation that is no business ID, nor an address naming one.
            ServicePublishingTest.serviceEditor(oidc, "https://b.example.fi", "B Oy"),
            // An address naming two business IDs: which organisation is meant is not clear.
            ServicePublishingTest.serviceEditor(
                oidc, "https://example.fi/" + organisationB + "/0211675-2", "B Oy"),
            // Not an address: the business ID inside free text does not count.
            ServicePublishingTest.serviceEditor(oidc, "B Oy " + organisationB, "B Oy"));
    List<String> open = new ArrayList<>();
    for (RequestPostProcessor person : notEditors) {
      for (String route : table().routes()) {
        MockHttpServletResponse response =
            mvc.perform(build(route).with(person)).andReturn().getResponse();
        if (response.getStatus() != 403) {
          open.add(route + " answered " + response.getStatus());
        }
        if (response.getContentAsString().contains(SECRET)) {
          open.add(route + " showed B's data");
        }
      }
    }
    assertThat(open).isEmpty();
    assertThat(bsPage("/publish/services/" + bService)).contains(SECRET);
  }

  @Test
  void anEditorWhoseOrganisationClaimIsAnAddressNamingTheBusinessIdEditsItsServices()
      throws Exception {
    // As the offerings' editors are often identified: by the organisation's URL.
    RequestPostProcessor byAddress =
        ServicePublishingTest.serviceEditor(
            oidc, "https://tietopalvelu.ytj.fi/yritys/" + organisationB, "B Oy");
    assertThat(
            mvc.perform(get("/publish/services/" + bService).with(byAddress))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains(SECRET);
    assertThat(
            mvc.perform(get("/publish/services").with(byAddress))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
  }

  @Test
  void anOrganisationAdministratorEditsTheOrganisationsServices() throws Exception {
    RequestPostProcessor admin =
        oidc.person(
            "admin-" + UUID.randomUUID(),
            Map.of(
                "osaava_roles",
                List.of("organisation-admin"),
                "osaava_organisation",
                organisationB));
    assertThat(
            mvc.perform(get("/publish/services/" + bService).with(admin))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains(SECRET);
  }

  @Test
  void anonymousCallersAreSentToSignIn() throws Exception {
    List<String> open = new ArrayList<>();
    for (String route : table().routes()) {
      MockHttpServletResponse response =
          mvc.perform(build(route).with(SecurityMockMvcRequestPostProcessors.csrf()))
              .andReturn()
              .getResponse();
      boolean refused =
          response.getStatus() == 302
              && String.valueOf(response.getRedirectedUrl()).endsWith("/sign-in");
      if (!refused) {
        open.add(route + " answered " + response.getStatus());
      }
    }
    assertThat(open).isEmpty();
    assertThat(search()).contains(bService);
  }

  @Test
  void onlyServiceEditorsSeeTheWayToTheirServices() throws Exception {
    assertThat(mvc.perform(get("/services").with(b)).andReturn().getResponse().getContentAsString())
        .contains("href=\"/publish/services\"");
    assertThat(
            mvc.perform(get("/services").with(oidc.person("citizen-" + UUID.randomUUID())))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain("/publish/services");
  }
}
