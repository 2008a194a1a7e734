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
    EDITOR_PACKAGE,
    /** A team manager (claims), without a team in the path. */
    MANAGER,
    /** A manager of the team in the path ({@code {id}} is B's team here). */
    MANAGER_TEAM
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
    // Workplace learning: a member's own teams; B's team (its name holds the secret) is managed
    // by B's manager only.
    RULES.put("GET /programmes/teams", Rule.of("LEARNER"));
    RULES.put("GET /programmes/teams/join", Rule.of("LEARNER"));
    RULES.put("POST /programmes/teams/join", Rule.of("LEARNER", Map.of("token", "guessed")));
    // A leaves B's team, to which A does not belong: nothing happens (404).
    RULES.put("POST /programmes/teams/{id}/leave", Rule.of("LEARNER"));
    RULES.put("POST /programmes/teams", Rule.of("MANAGER", Map.of("name", "A:n tiimi")));
    RULES.put("GET /programmes/teams/{id}", Rule.of("MANAGER_TEAM"));
    RULES.put(
        "POST /programmes/teams/{id}/invitations",
        Rule.of("MANAGER_TEAM", Map.of("emails", "a-intruder@example.fi")));
    RULES.put("POST /programmes/teams/{id}/link", Rule.of("MANAGER_TEAM"));
    RULES.put("POST /programmes/teams/{id}/manager-link", Rule.of("MANAGER_TEAM"));
    RULES.put(
        "POST /programmes/teams/{id}/managers",
        Rule.of("MANAGER_TEAM", Map.of("person", UUID.randomUUID().toString())));
    RULES.put(
        "POST /programmes/teams/{id}/invitations/{invitation}/withdraw", Rule.of("MANAGER_TEAM"));
    RULES.put(
        "POST /programmes/teams/{id}/assignments",
        Rule.of(
            "MANAGER_TEAM",
            Map.of(
                "pkg", "ai-basics",
                "day", "1",
                "month", "1",
                "year", "2099",
                "reason", "A assigns")));
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
  RequestPostProcessor managerB;
  RequestPostProcessor memberB;
  String bTeam;
  String bInvitation;

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
    table().assertEveryRouteHasARule(27, ProgrammesAuthorizationTest.class);
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

    // B's team, with a member who joined by link and an e-mail invitation still waiting.
    managerB = managerOf(organisationB);
    String team =
        mvc.perform(post("/programmes/teams").with(managerB).param("name", "B-tiimi " + SECRET))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(team).startsWith("/programmes/teams/");
    bTeam = team.substring("/programmes/teams/".length()).replaceAll("\\?.*", "");
    String linkPage =
        mvc.perform(post("/programmes/teams/" + bTeam + "/link").with(managerB))
            .andReturn()
            .getResponse()
            .getContentAsString();
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(linkPage);
    assertThat(link.find()).isTrue();
    String token = link.group(1);
    memberB = oidc.person("member-b-" + UUID.randomUUID());
    mvc.perform(post("/programmes/teams/join").with(memberB).param("token", token));
    mvc.perform(
        post("/programmes/teams/" + bTeam + "/invitations")
            .with(managerB)
            .param("emails", "b-staff@example.fi"));
    bInvitation =
        jdbc.sql(
                "SELECT id::text FROM programme_team_invitation WHERE team_id = ?::uuid AND email"
                    + " IS NOT NULL")
            .param(bTeam)
            .query(String.class)
            .single();
  }

  RequestPostProcessor managerOf(String organisation) {
    return TeamsTest.managerOf(oidc, organisation);
  }

  private MockHttpServletRequestBuilder build(String route) {
    MockHttpServletRequestBuilder request =
        table()
            .request(
                route,
                (variable, rule) ->
                    switch (variable) {
                      case "slug" -> "ai-basics";
                      case "invitation" -> bInvitation;
                      case "key" ->
                          route.contains("/quiz")
                              ? "check-your-understanding"
                              : route.contains("/reflection") || route.contains("/preview/")
                                  ? "reflect-on-your-work"
                                  : "what-ai-is";
                      default -> route.contains("/teams/") ? bTeam : bPackage;
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

  @Test
  void aManagerOfAnotherTeamCannotSeeOrChangeTeamB() throws Exception {
    // A manager of another organisation, and another manager of B's own organisation: B's team is
    // not found for either, and nothing of it changes.
    List<RequestPostProcessor> others =
        List.of(
            managerOf("https://a-" + UUID.randomUUID() + ".example.fi"), managerOf(organisationB));
    List<String> leaks = new ArrayList<>();
    for (RequestPostProcessor a : others) {
      // A's own team, so A is a manager with a team of their own.
      mvc.perform(post("/programmes/teams").with(a).param("name", "A:n oma tiimi"));
      for (String route : table().routes()) {
        Rule rule = table().rule(route);
        if (access(rule) != Access.MANAGER && access(rule) != Access.MANAGER_TEAM) {
          continue;
        }
        MockHttpServletResponse response =
            mvc.perform(build(route).with(a)).andReturn().getResponse();
        if (access(rule) == Access.MANAGER_TEAM && response.getStatus() != 404) {
          leaks.add(route + " with B's team answered " + response.getStatus());
        }
        if (response.getContentAsString().contains(SECRET)) {
          leaks.add(route + " showed B's team");
        }
      }
    }
    assertThat(leaks).isEmpty();
    assertThat(
            jdbc.sql("SELECT count(*) FROM programme_team_assignment WHERE team_id = ?::uuid")
                .param(bTeam)
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM programme_team_invitation WHERE team_id = ?::uuid AND"
                        + " withdrawn_at IS NULL")
                .param(bTeam)
                .query(Integer.class)
                .single())
        .as("B's link and e-mail invitation, neither withdrawn nor joined by another")
        .isEqualTo(2);
    String bsDashboard =
        mvc.perform(get("/programmes/teams/" + bTeam).with(managerB))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(bsDashboard).contains(SECRET).doesNotContain("A assigns");
  }

  @Test
  void aMemberSeesTheirTeamButNeverItsDashboardOrManagersPages() throws Exception {
    String own =
        mvc.perform(get("/programmes/teams").with(memberB).header("Accept-Language", "en"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(own).contains(SECRET).doesNotContain("b-staff@example.fi");
    List<String> open = new ArrayList<>();
    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      if (access(rule) != Access.MANAGER && access(rule) != Access.MANAGER_TEAM) {
        continue;
      }
      MockHttpServletResponse response =
          mvc.perform(build(route).with(memberB)).andReturn().getResponse();
      if (response.getStatus() != 403) {
        open.add(route + " answered " + response.getStatus());
      }
      if (response.getContentAsString().contains("b-staff@example.fi")) {
        open.add(route + " showed B's invitations");
      }
    }
    assertThat(open).isEmpty();
  }
}
