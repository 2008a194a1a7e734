package fi.osaava.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.web.RouteRules;
import fi.osaava.web.RouteRules.Rule;
import fi.osaava.web.WebTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Route-by-route authorisation of the editors' publishing pages (offerings and job ads), generated
 * from Spring's handler mappings: every {@code /publish} route must have a rule in {@link #RULES},
 * or this test fails. An editor of organisation A, calling each route with organisation B's
 * offering or job ad, neither reads nor changes it (404 or 403, and nothing of B's in the answer);
 * a signed-in person who is no editor (no role claim, or a role without an organisation claim) is
 * refused everywhere; an offerings' editor is no job ads' editor and the other way round; anonymous
 * callers are sent to sign in.
 */
class PublishingAuthorizationTest extends WebTestBase {

  static final String SECRET = "B-salainen-" + UUID.randomUUID();

  static final Map<String, String> FORM =
      Map.of("nameFi", "A:n kurssi", "level", "SHORT_COURSE", "mode", "online", "languages", "fi");

  static final Map<String, String> AD_FORM =
      Map.of("title", "A:n ilmoitus", "description", "A hakee kokkia.", "datePosted", "2026-12-01");

  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("GET /publish/offerings", Rule.own());
    RULES.put("GET /publish/offerings/new", Rule.own());
    // A publishes an offering of A's own: it can never become B's.
    RULES.put("POST /publish/offerings", Rule.own(FORM));
    RULES.put("GET /publish/offerings/{id}", Rule.of("offering"));
    RULES.put(
        "POST /publish/offerings/{id}",
        Rule.of("offering", Map.of("nameFi", "A overwrites", "level", "SHORT_COURSE")));
    RULES.put("POST /publish/offerings/{id}/withdraw", Rule.of("offering"));
    RULES.put("GET /publish/job-ads", Rule.own());
    RULES.put("GET /publish/job-ads/new", Rule.own());
    // A publishes an ad of A's own, under a new identifier: it can never become B's.
    RULES.put("POST /publish/job-ads", Rule.own(AD_FORM));
    RULES.put("GET /publish/job-ads/{id}", Rule.of("jobAd"));
    RULES.put(
        "POST /publish/job-ads/{id}",
        Rule.of(
            "jobAd",
            Map.of(
                "title",
                "A overwrites",
                "description",
                "A overwrites the ad.",
                "datePosted",
                "2026-12-01")));
    RULES.put("POST /publish/job-ads/{id}/close", Rule.of("jobAd"));
    // The skill search of both forms reads ESCO only, for any editor.
    RULES.put("GET /publish/skills/options", Rule.own(Map.of("skillQuery", "kokk")));
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  String organisationB;
  RequestPostProcessor b;
  String bOffering;
  String bJobAd;

  static RequestPostProcessor editorOf(
      fi.osaava.web.OidcTestSupport oidc, String organisation, String... roles) {
    return oidc.person(
        "editor-" + UUID.randomUUID(),
        Map.of("osaava_roles", List.of(roles), "osaava_organisation", organisation));
  }

  /** An editor of both offerings and job ads. */
  RequestPostProcessor editorOf(String organisation) {
    return editorOf(oidc, organisation, "editor", "job-ad-editor");
  }

  RouteRules table() {
    // The organisations' service pages have their own table, in the module that owns them
    // (servicenetwork's ServicePublishingAuthorizationTest).
    return new RouteRules(
        mappings,
        pattern ->
            (pattern.equals("/publish") || pattern.startsWith("/publish/"))
                && !pattern.startsWith("/publish/services"),
        RULES);
  }

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /**
   * The editors' ads made here no longer open afterwards, so that the open ads other tests count
   * (matching, the labour-market figures) stay theirs; closed ads still count as posted.
   */
  @org.junit.jupiter.api.AfterEach
  void closeTheEditorsAds() {
    jdbc.update(
        "update lm_job_ad set closed_at = now() where source_key like 'urn:osaava:publish:job-ad:%'");
  }

  @Test
  void everyRouteHasARule() {
    table().assertEveryRouteHasARule(13, PublishingAuthorizationTest.class);
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
    String ad =
        mvc.perform(
                post("/publish/job-ads")
                    .with(b)
                    .param("title", "Kokki " + SECRET)
                    .param("description", "B hakee kokkia ravintolaan. " + SECRET)
                    .param("datePosted", "2026-12-01"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(ad).as("B published an ad").startsWith("/publish/job-ads/");
    bJobAd = ad.substring("/publish/job-ads/".length(), ad.indexOf('?'));
  }

  private MockHttpServletRequestBuilder build(String route) {
    return table()
        .request(
            route, (variable, rule) -> rule.target().equals("jobAd") ? bJobAd : bOffering, v -> v);
  }

  private String bsPage(String path) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path).with(b)).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString();
  }

  @Test
  void anEditorOfACannotReadOrChangeOrganisationBsOfferingsOrAds() throws Exception {
    assertThat(bsPage("/publish/offerings/" + bOffering)).contains(SECRET);
    assertThat(bsPage("/publish/job-ads/" + bJobAd)).contains(SECRET);
    RequestPostProcessor a = editorOf("https://a-" + UUID.randomUUID() + ".example.fi");
    List<String> leaks = new ArrayList<>();
    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      MockHttpServletResponse response =
          mvc.perform(build(route).with(a)).andReturn().getResponse();
      if (!rule.isOwn() && response.getStatus() != 404 && response.getStatus() != 403) {
        leaks.add(route + " with B's " + rule.target() + " answered " + response.getStatus());
      }
      if (response.getContentAsString().contains(SECRET)) {
        leaks.add(route + " showed B's " + rule.target());
      }
    }
    assertThat(leaks).isEmpty();
    // B's offering and ad are unchanged, still published and still B's alone.
    assertThat(bsPage("/publish/offerings/" + bOffering))
        .contains(SECRET)
        .doesNotContain("A overwrites");
    assertThat(bsPage("/publish/offerings")).contains(SECRET).doesNotContain("A:n kurssi");
    String ad = bsPage("/publish/job-ads/" + bJobAd);
    assertThat(ad).contains(SECRET).doesNotContain("A overwrites");
    assertThat(ad).as("still open, not closed by A").doesNotContain("govuk-tag--grey");
    assertThat(bsPage("/publish/job-ads")).contains(SECRET).doesNotContain("A:n ilmoitus");
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
            // The roles without an organisation.
            oidc.person(
                "orphan-" + UUID.randomUUID(),
                Map.of("osaava_roles", List.of("editor", "job-ad-editor"))));
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
    assertThat(bsPage("/publish/offerings/" + bOffering)).contains(SECRET);
  }

  @Test
  void eachKindOfEditorIsRefusedTheOtherKindsPages() throws Exception {
    // B's own organisation, but only one of the two roles.
    RequestPostProcessor offeringsOnly = editorOf(oidc, organisationB, "editor");
    RequestPostProcessor adsOnly = editorOf(oidc, organisationB, "job-ad-editor");
    List<String> open = new ArrayList<>();
    for (String route : table().routes()) {
      RequestPostProcessor refused =
          route.contains("/publish/job-ads")
              ? offeringsOnly
              : route.contains("/publish/offerings") ? adsOnly : null;
      if (refused == null) {
        continue;
      }
      MockHttpServletResponse response =
          mvc.perform(build(route).with(refused)).andReturn().getResponse();
      if (response.getStatus() != 403) {
        open.add(route + " answered " + response.getStatus());
      }
    }
    assertThat(open).isEmpty();
    // Both kinds use the skill search.
    for (RequestPostProcessor editor : List.of(offeringsOnly, adsOnly)) {
      assertThat(
              mvc.perform(get("/publish/skills/options").param("skillQuery", "kokk").with(editor))
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .isEqualTo(200);
    }
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
  }

  @Test
  void onlyEditorsSeeTheWayToThePublishingPages() throws Exception {
    String editorsPage =
        mvc.perform(get("/education").with(b)).andReturn().getResponse().getContentAsString();
    assertThat(editorsPage).contains("href=\"/publish/offerings\"");
    String employersPage =
        mvc.perform(
                get("/education")
                    .with(editorOf(oidc, "https://c-" + UUID.randomUUID(), "job-ad-editor")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(employersPage).contains("href=\"/publish/job-ads\"");
    String citizensPage =
        mvc.perform(get("/education").with(oidc.person("citizen-" + UUID.randomUUID())))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(citizensPage).doesNotContain("/publish/");
  }
}
