package fi.osaava.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import fi.osaava.web.WebTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Route-by-route authorisation of the editors' publishing pages, generated from Spring's handler
 * mappings: every {@code /publish} route must have a rule in {@link #RULES}, or this test fails. An
 * editor of organisation A, calling each route with organisation B's offering, neither reads nor
 * changes it (404 or 403, and nothing of B's in the answer); a signed-in person who is no editor
 * (no role claim, or a role without an organisation claim) is refused everywhere; anonymous callers
 * are sent to sign in.
 */
class PublishingAuthorizationTest extends WebTestBase {

  /**
   * @param target {@code own} for routes without an offering id, {@code offering} for B's offering
   */
  record Rule(String target, Map<String, String> params) {}

  static final String SECRET = "B-salainen-" + UUID.randomUUID();

  static final Map<String, String> FORM =
      Map.of("nameFi", "A:n kurssi", "level", "SHORT_COURSE", "mode", "online", "languages", "fi");

  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("GET /publish/offerings", new Rule("own", Map.of()));
    RULES.put("GET /publish/offerings/new", new Rule("own", Map.of()));
    // A publishes an offering of A's own: it can never become B's.
    RULES.put("POST /publish/offerings", new Rule("own", FORM));
    RULES.put("GET /publish/offerings/{id}", new Rule("offering", Map.of()));
    RULES.put(
        "POST /publish/offerings/{id}",
        new Rule("offering", Map.of("nameFi", "A overwrites", "level", "SHORT_COURSE")));
    RULES.put("POST /publish/offerings/{id}/withdraw", new Rule("offering", Map.of()));
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  String organisationB;
  RequestPostProcessor b;
  String bOffering;

  RequestPostProcessor editorOf(String organisation) {
    return oidc.person(
        "editor-" + UUID.randomUUID(),
        Map.of("osaava_roles", List.of("editor"), "osaava_organisation", organisation));
  }

  Set<String> routes() {
    Set<String> routes = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (pattern.equals("/publish") || pattern.startsWith("/publish/")) {
          info.getMethodsCondition().getMethods().forEach(m -> routes.add(m + " " + pattern));
          if (info.getMethodsCondition().getMethods().isEmpty()) {
            routes.add("ANY " + pattern);
          }
        }
      }
    }
    return routes;
  }

  @Test
  void everyRouteHasARule() {
    Set<String> routes = routes();
    assertThat(routes).as("publishing routes found").hasSizeGreaterThanOrEqualTo(6);
    assertThat(routes)
        .as("routes without an authorisation rule in PublishingAuthorizationTest.RULES")
        .isSubsetOf(RULES.keySet());
    assertThat(RULES.keySet()).as("rules for routes that no longer exist").isSubsetOf(routes);
  }

  @BeforeEach
  void organisationB() throws Exception {
    organisationB = "https://b-" + UUID.randomUUID() + ".example.fi";
    b = editorOf(organisationB);
    String location =
        mvc.perform(
                post("/publish/offerings")
                    .with(b)
                    .param("nameFi", SECRET)
                    .param("descriptionFi", "B:n oma kuvaus " + SECRET)
                    .param("level", "SHORT_COURSE")
                    .param("mode", "online")
                    .param("languages", "fi"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).as("B published").startsWith("/publish/offerings/");
    bOffering = location.substring("/publish/offerings/".length(), location.indexOf('?'));
  }

  private MockHttpServletRequestBuilder build(String route, Rule rule) {
    String method = route.substring(0, route.indexOf(' '));
    String path = route.substring(route.indexOf(' ') + 1).replace("{id}", bOffering);
    MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path);
    rule.params().forEach(request::param);
    return request;
  }

  private String bsPage() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/publish/offerings/" + bOffering).with(b)).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString();
  }

  @Test
  void anEditorOfACannotReadOrChangeOrganisationBsOfferings() throws Exception {
    String before = bsPage();
    assertThat(before).contains(SECRET);
    RequestPostProcessor a = editorOf("https://a-" + UUID.randomUUID() + ".example.fi");
    List<String> leaks = new ArrayList<>();
    for (String route : routes()) {
      Rule rule = RULES.get(route);
      MockHttpServletResponse response =
          mvc.perform(build(route, rule).with(a)).andReturn().getResponse();
      if (rule.target().equals("offering")
          && response.getStatus() != 404
          && response.getStatus() != 403) {
        leaks.add(route + " with B's offering answered " + response.getStatus());
      }
      if (response.getContentAsString().contains(SECRET)) {
        leaks.add(route + " showed B's offering");
      }
    }
    assertThat(leaks).isEmpty();
    // B's offering is unchanged, still published and still B's alone.
    String after = bsPage();
    assertThat(after).contains(SECRET).doesNotContain("A overwrites");
    String list =
        mvc.perform(get("/publish/offerings").with(b))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains(SECRET).doesNotContain("A:n kurssi");
    String search =
        mvc.perform(get("/api/v1/education/search").param("q", SECRET))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(search).as("B's offering is still published").contains(bOffering);
  }

  @Test
  void signedInPeopleWhoAreNoEditorsAreRefusedEverywhere() throws Exception {
    List<RequestPostProcessor> notEditors =
        List.of(
            // No role at all.
            oidc.person("citizen-" + UUID.randomUUID()),
            // The organisation claim without the role: the claim alone makes no editor.
            oidc.person(
                "member-" + UUID.randomUUID(),
                Map.of(
                    "osaava_roles",
                    List.of("guidance-counsellor"),
                    "osaava_organisation",
                    organisationB)),
            // The role without an organisation.
            oidc.person("orphan-" + UUID.randomUUID(), Map.of("osaava_roles", List.of("editor"))));
    List<String> open = new ArrayList<>();
    for (RequestPostProcessor person : notEditors) {
      for (String route : routes()) {
        MockHttpServletResponse response =
            mvc.perform(build(route, RULES.get(route)).with(person)).andReturn().getResponse();
        if (response.getStatus() != 403) {
          open.add(route + " answered " + response.getStatus());
        }
        if (response.getContentAsString().contains(SECRET)) {
          open.add(route + " showed B's offering");
        }
      }
    }
    assertThat(open).isEmpty();
    assertThat(bsPage()).contains(SECRET);
  }

  @Test
  void anonymousCallersAreSentToSignIn() throws Exception {
    List<String> open = new ArrayList<>();
    for (String route : routes()) {
      MockHttpServletResponse response =
          mvc.perform(
                  build(route, RULES.get(route)).with(SecurityMockMvcRequestPostProcessors.csrf()))
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
  }

  @Test
  void onlyEditorsSeeTheWayToThePublishingPages() throws Exception {
    String editorsPage =
        mvc.perform(get("/education").with(b)).andReturn().getResponse().getContentAsString();
    assertThat(editorsPage).contains("href=\"/publish/offerings\"");
    String citizensPage =
        mvc.perform(get("/education").with(oidc.person("citizen-" + UUID.randomUUID())))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(citizensPage).doesNotContain("/publish/offerings");
  }
}
