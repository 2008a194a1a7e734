package fi.osaava.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.web.RouteRules;
import fi.osaava.web.RouteRules.Rule;
import fi.osaava.web.WebTestBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Route-by-route authorisation of the programmes' pages, generated from Spring's handler mappings:
 * every {@code /programmes} route must have a rule in {@link #RULES}, or this test fails. Reading
 * is open; a learner's progress, quiz answers and reflections are theirs alone (no route takes a
 * person, and another learner's never show); editing is for editors of the owning organisation,
 * another organisation's package is not found, and everyone else is refused or sent to sign in.
 */
class ProgrammesAuthorizationTest extends WebTestBase {

  /** Who a route is for. */
  enum Access {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** A signed-in learner, on their own progress. */
    LEARNER,
    /** An editor of the organisation, without a package in the path. */
    EDITOR,
    /** An editor, on a package of theirs ({@code {id}} is B's package here). */
    EDITOR_PACKAGE
  }

  /** The access a route's rule names as its target. */
  static Access access(Rule rule) {
    return Access.valueOf(rule.target());
  }

  static final String SECRET = "B-salaisuus-" + UUID.randomUUID();

  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("GET /programmes", Rule.of("PUBLIC"));
    RULES.put("GET /programmes/packages/{slug}", Rule.of("PUBLIC"));
    RULES.put("GET /programmes/packages/{slug}/modules/{key}", Rule.of("PUBLIC"));
    RULES.put("POST /programmes/packages/{slug}/enrol", Rule.of("LEARNER"));
    RULES.put("POST /programmes/packages/{slug}/modules/{key}/done", Rule.of("LEARNER"));
    RULES.put(
        "POST /programmes/packages/{slug}/modules/{key}/quiz",
        Rule.of("LEARNER", Map.of("answer.estimate", "fact")));
    RULES.put(
        "POST /programmes/packages/{slug}/modules/{key}/reflection",
        Rule.of("LEARNER", Map.of("text", "A writes here")));
    // A's move asks to move A's own enrolment; A is not enrolled, so nothing moves.
    RULES.put("POST /programmes/packages/{slug}/move", Rule.of("LEARNER", Map.of("version", "1")));
    RULES.put("GET /programmes/edit", Rule.of("EDITOR"));
    RULES.put(
        "POST /programmes/edit/programmes",
        Rule.of("EDITOR", Map.of("slug", "a-programme-x", "titleFi", "A:n ohjelma")));
    // The programme is B's: A can never start a package in it.
    RULES.put("POST /programmes/edit/packages", Rule.of("EDITOR_PACKAGE"));
    RULES.put("GET /programmes/edit/packages/{id}", Rule.of("EDITOR_PACKAGE"));
    RULES.put(
        "POST /programmes/edit/packages/{id}",
        Rule.of("EDITOR_PACKAGE", Map.of("content", "{\"title\": {\"fi\": \"A overwrites\"}}")));
    RULES.put("POST /programmes/edit/packages/{id}/publish", Rule.of("EDITOR_PACKAGE"));
    RULES.put("GET /programmes/edit/packages/{id}/preview/{key}", Rule.of("EDITOR_PACKAGE"));
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired ProgrammesApi programmes;
  @Autowired JdbcClient jdbc;

  String organisationB;
  RequestPostProcessor editorB;
  RequestPostProcessor learnerB;
  String bPackage;
  String bProgramme;

  RequestPostProcessor editorOf(String organisation) {
    return oidc.person(
        "editor-" + UUID.randomUUID(),
        Map.of("osaava_roles", List.of("editor"), "osaava_organisation", organisation));
  }

  RouteRules table() {
    return new RouteRules(
        mappings,
        pattern -> pattern.equals("/programmes") || pattern.startsWith("/programmes/"),
        RULES);
  }

  @Test
  void everyRouteHasARule() {
    table().assertEveryRouteHasARule(15, ProgrammesAuthorizationTest.class);
  }

  @BeforeEach
  void organisationAndLearnerB() throws Exception {
    programmes.loadSampleContent();
    organisationB = "https://b-" + UUID.randomUUID() + ".example.fi";
    editorB = editorOf(organisationB);
    String programmeSlug = "b-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(
        post("/programmes/edit/programmes")
            .with(editorB)
            .param("slug", programmeSlug)
            .param("titleFi", "B:n ohjelma " + SECRET));
    bProgramme =
        jdbc.sql("SELECT id::text FROM programme WHERE slug = ?")
            .param(programmeSlug)
            .query(String.class)
            .single();
    String location =
        mvc.perform(
                post("/programmes/edit/packages")
                    .with(editorB)
                    .param("programme", bProgramme)
                    .param("slug", "b-" + UUID.randomUUID().toString().substring(0, 8)))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).startsWith("/programmes/edit/packages/");
    bPackage = location.substring("/programmes/edit/packages/".length());
    String draft =
        new ClassPathResource("programmes/sample/ai-basics.json")
            .getContentAsString(StandardCharsets.UTF_8)
            .replace("AI in public services – the basics", SECRET);
    mvc.perform(post(location).with(editorB).param("content", draft));

    // Learner B's own reflection, which nobody else may ever see.
    learnerB = oidc.person("learner-b-" + UUID.randomUUID());
    mvc.perform(
        post("/programmes/packages/ai-basics/modules/reflect-on-your-work/reflection")
            .with(learnerB)
            .param("text", "B reflects " + SECRET));
  }

  private MockHttpServletRequestBuilder build(String route) {
    MockHttpServletRequestBuilder request =
        table()
            .request(
                route,
                (variable, rule) ->
                    switch (variable) {
                      case "slug" -> "ai-basics";
                      case "key" ->
                          route.contains("/quiz")
                              ? "check-your-understanding"
                              : route.contains("/reflection") || route.contains("/preview/")
                                  ? "reflect-on-your-work"
                                  : "what-ai-is";
                      default -> bPackage;
                    },
                v -> v)
            .header("Accept-Language", "en");
    if (route.equals("POST /programmes/edit/packages")) {
      request
          .param("programme", bProgramme)
          .param("slug", "a-" + UUID.randomUUID().toString().substring(0, 8));
    }
    return request;
  }

  @Test
  void anonymousVisitorsReadButAreSentToSignInForEverythingElse() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      MockHttpServletResponse response =
          mvc.perform(build(route).with(SecurityMockMvcRequestPostProcessors.csrf()))
              .andReturn()
              .getResponse();
      boolean signIn =
          response.getStatus() == 302
              && String.valueOf(response.getRedirectedUrl()).endsWith("/sign-in");
      if (access(rule) == Access.PUBLIC ? response.getStatus() != 200 : !signIn) {
        wrong.add(route + " answered " + response.getStatus());
      }
      if (response.getContentAsString().contains(SECRET)) {
        wrong.add(route + " showed B's data");
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aLearnerNeverSeesAnotherLearnersProgressOrAnswers() throws Exception {
    RequestPostProcessor a = oidc.person("learner-a-" + UUID.randomUUID());
    List<String> leaks = new ArrayList<>();
    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      if (access(rule) != Access.PUBLIC && access(rule) != Access.LEARNER) {
        continue;
      }
      MockHttpServletResponse response =
          mvc.perform(build(route).with(a)).andReturn().getResponse();
      if (response.getStatus() >= 500) {
        leaks.add(route + " answered " + response.getStatus());
      }
      if (response.getContentAsString().contains(SECRET)) {
        leaks.add(route + " showed B's reflection");
      }
    }
    assertThat(leaks).isEmpty();
    // A's reflection page shows A's own text, and B's page still shows B's.
    String aPage =
        mvc.perform(get("/programmes/packages/ai-basics/modules/reflect-on-your-work").with(a))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(aPage).contains("A writes here").doesNotContain(SECRET);
    String bPage =
        mvc.perform(
                get("/programmes/packages/ai-basics/modules/reflect-on-your-work").with(learnerB))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(bPage).contains(SECRET);
  }

  @Test
  void anEditorOfACannotReadOrChangeOrganisationBsPackages() throws Exception {
    RequestPostProcessor a = editorOf("https://a-" + UUID.randomUUID() + ".example.fi");
    List<String> leaks = new ArrayList<>();
    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      if (access(rule) != Access.EDITOR && access(rule) != Access.EDITOR_PACKAGE) {
        continue;
      }
      MockHttpServletResponse response =
          mvc.perform(build(route).with(a)).andReturn().getResponse();
      if (access(rule) == Access.EDITOR_PACKAGE
          && response.getStatus() != 404
          && response.getStatus() != 403
          // Starting a package in B's programme re-shows A's own form with the error.
          && !(route.equals("POST /programmes/edit/packages") && response.getStatus() == 200)) {
        leaks.add(route + " with B's package answered " + response.getStatus());
      }
      if (response.getContentAsString().contains(SECRET)) {
        leaks.add(route + " showed B's package");
      }
    }
    assertThat(leaks).isEmpty();
    String bsDraft =
        mvc.perform(
                get("/programmes/edit/packages/" + bPackage)
                    .with(editorB)
                    .header("Accept-Language", "en"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(bsDraft)
        .contains(SECRET)
        .doesNotContain("A overwrites")
        .contains("Draft of version 1");
    Integer aPackagesInB =
        jdbc.sql(
                "SELECT count(*) FROM programme_package WHERE programme_id = ?::uuid AND"
                    + " owner_organisation <> ?")
            .params(bProgramme, organisationB)
            .query(Integer.class)
            .single();
    assertThat(aPackagesInB).isZero();
  }

  @Test
  void signedInPeopleWhoAreNoEditorsAreRefusedEverywhereInEditing() throws Exception {
    List<RequestPostProcessor> notEditors =
        List.of(
            oidc.person("citizen-" + UUID.randomUUID()),
            oidc.person(
                "member-" + UUID.randomUUID(),
                Map.of(
                    "osaava_roles",
                    List.of("guidance-counsellor"),
                    "osaava_organisation",
                    organisationB)),
            oidc.person("orphan-" + UUID.randomUUID(), Map.of("osaava_roles", List.of("editor"))));
    List<String> open = new ArrayList<>();
    for (RequestPostProcessor person : notEditors) {
      for (String route : table().routes()) {
        Rule rule = table().rule(route);
        if (access(rule) != Access.EDITOR && access(rule) != Access.EDITOR_PACKAGE) {
          continue;
        }
        MockHttpServletResponse response =
            mvc.perform(build(route).with(person)).andReturn().getResponse();
        if (response.getStatus() != 403) {
          open.add(route + " answered " + response.getStatus());
        }
        if (response.getContentAsString().contains(SECRET)) {
          open.add(route + " showed B's package");
        }
      }
    }
    assertThat(open).isEmpty();
  }
}
