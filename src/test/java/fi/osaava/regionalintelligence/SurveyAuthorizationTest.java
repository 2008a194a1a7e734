package fi.osaava.regionalintelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.web.RouteRules;
import fi.osaava.web.RouteRules.Rule;
import fi.osaava.web.WebTestBase;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Route-by-route authorisation of the regional surveys, generated from Spring's handler mappings:
 * every {@code /surveys} route must have a rule in {@link #RULES}, or this test fails. A survey
 * owner of organisation A neither reads nor changes organisation B's survey; signed-in people
 * without the role are refused; anonymous callers are sent to sign in. A respondent's link token
 * reaches that one response only, and unpublished results are not found.
 */
class SurveyAuthorizationTest extends WebTestBase {

  static final String SECRET = "B-salainen-" + UUID.randomUUID();

  /**
   * Each route's rule; its target is {@code own} (no survey id), {@code survey} (B's survey),
   * {@code token} (a response's token), {@code open} (the open link's token) or {@code public}.
   */
  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("GET /surveys/manage", Rule.own());
    RULES.put(
        "POST /surveys/manage",
        Rule.own(Map.of("titleFi", "A:n kysely", "titleSv", "A", "titleEn", "A")));
    RULES.put("GET /surveys/manage/{id}", Rule.of("survey"));
    RULES.put(
        "POST /surveys/manage/{id}/questions",
        Rule.of(
            "survey",
            Map.of("kind", "SCALE", "textFi", "A overwrites", "textSv", "A", "textEn", "A")));
    RULES.put("POST /surveys/manage/{id}/questions/{question}/delete", Rule.of("survey"));
    RULES.put("POST /surveys/manage/{id}/open", Rule.of("survey"));
    RULES.put(
        "POST /surveys/manage/{id}/invitations",
        Rule.of("survey", Map.of("companies", "A overwrites; a@example.fi")));
    RULES.put("GET /surveys/manage/{id}/links.csv", Rule.of("survey"));
    RULES.put("POST /surveys/manage/{id}/invitations/mail", Rule.of("survey"));
    RULES.put("POST /surveys/manage/{id}/reminders", Rule.of("survey"));
    RULES.put(
        "POST /surveys/manage/{id}/reminders/automatic",
        Rule.of("survey", Map.of("automatic", "true", "autoDays", "5", "autoMost", "2")));
    RULES.put(
        "POST /surveys/manage/{id}/closing",
        Rule.of("survey", Map.of("closesDay", "1", "closesMonth", "3", "closesYear", "2030")));
    RULES.put("POST /surveys/manage/{id}/close", Rule.of("survey"));
    RULES.put("POST /surveys/manage/{id}/copy", Rule.of("survey"));
    RULES.put("GET /surveys/manage/{id}/results", Rule.of("survey"));
    RULES.put("POST /surveys/manage/{id}/publish", Rule.of("survey"));
    // Respondents: no sign-in, the token is the key.
    RULES.put("GET /surveys/r/{token}", Rule.of("token"));
    RULES.put("POST /surveys/answer", Rule.of("token", Map.of("action", "save")));
    RULES.put("GET /surveys/open/{token}", Rule.of("open"));
    RULES.put("POST /surveys/start", Rule.of("open"));
    RULES.put("GET /surveys/concept-options", Rule.of("public", Map.of("q", "welding")));
    // Published results are open to everyone; an unpublished survey is not found.
    RULES.put("GET /surveys/results", Rule.of("public"));
    RULES.put("GET /surveys/results/{id}", Rule.of("public"));
    RULES.put("GET /surveys/results/{id}/results.csv", Rule.of("public"));
    RULES.put("GET /surveys/results/{id}/results.json", Rule.of("public"));
  }

  /** The regional overview: open to everyone, signed in or not. */
  static final Map<String, Rule> OVERVIEW_RULES = new LinkedHashMap<>();

  static {
    OVERVIEW_RULES.put("GET /regional-overview", Rule.of("public", Map.of("area", "011")));
    OVERVIEW_RULES.put(
        "GET /regional-overview/compare", Rule.of("public", Map.of("a", "01", "b", "06")));
    OVERVIEW_RULES.put("GET /regional-overview/gaps.csv", Rule.of("public", Map.of("area", "02")));
    OVERVIEW_RULES.put("GET /regional-overview/provider", Rule.of("public", Map.of("area", "01")));
    OVERVIEW_RULES.put(
        "GET /regional-overview/map.csv",
        Rule.of("public", Map.of("item", "isco:2512", "areas", "sub-region")));
  }

  /**
   * Expert mobility (issue 18, section 4): open to everyone, figures of 5 people or more, for one
   * complete year at a time (a year no other test reads, so no test sees another's cached figures).
   */
  static final Map<String, Rule> MOBILITY_RULES = new LinkedHashMap<>();

  static {
    MOBILITY_RULES.put(
        "GET /regional-mobility", Rule.of("public", Map.of("area", "01", "year", "2019")));
  }

  /**
   * The actors and projects (issue 18, section 3): the network page is open to everyone; the
   * owners' pages belong to the organisation's regional developers. Targets: {@code own}, {@code
   * project} (B's project) or {@code public}.
   */
  static final Map<String, Rule> PROJECT_RULES = new LinkedHashMap<>();

  static {
    PROJECT_RULES.put("GET /regional-projects", Rule.of("public", Map.of("region", "01")));
    PROJECT_RULES.put("GET /regional-projects/manage", Rule.own());
    PROJECT_RULES.put(
        "POST /regional-projects/manage/actors",
        Rule.own(
            Map.of("actorName", "A overwrites", "kind", "company", "businessId", "0201256-6")));
    PROJECT_RULES.put(
        "POST /regional-projects/manage/projects",
        Rule.own(
            Map.of(
                "name", "A overwrites",
                "start", "2026-01-01",
                "end", "2026-12-31",
                "funding", "1",
                "fundingSource", "ESR+",
                "region", "01",
                "themes", "tag:x",
                "partners", "nobody; partner")));
    PROJECT_RULES.put("GET /regional-projects/manage/projects/{id}", Rule.of("project"));
    PROJECT_RULES.put(
        "POST /regional-projects/manage/projects/{id}",
        Rule.of(
            "project",
            Map.of(
                "name", "A overwrites",
                "start", "2026-01-01",
                "end", "2026-12-31",
                "funding", "1",
                "fundingSource", "ESR+",
                "region", "01",
                "themes", "tag:x",
                "partners", "nobody; partner")));
    PROJECT_RULES.put("POST /regional-projects/manage/projects/{id}/delete", Rule.of("project"));
    // The upload stores under the caller's own organisation; without a file it stores nothing
    // (ProjectUploadTest uploads files).
    PROJECT_RULES.put("GET /regional-projects/manage/import", Rule.own());
    PROJECT_RULES.put("POST /regional-projects/manage/import", Rule.own());
  }

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  String organisationB;
  RequestPostProcessor b;
  String survey;
  String question;
  String openToken;
  List<String> tokens;

  RequestPostProcessor ownerOf(String organisation) {
    return oidc.person(
        "developer-" + UUID.randomUUID(),
        Map.of("osaava_roles", List.of("regional-developer"), "osaava_organisation", organisation));
  }

  RouteRules table() {
    return new RouteRules(
        mappings, pattern -> pattern.equals("/surveys") || pattern.startsWith("/surveys/"), RULES);
  }

  @Test
  void everyRouteHasARule() {
    table().assertEveryRouteHasARule(23, SurveyAuthorizationTest.class);
  }

  @Test
  void theRegionalOverviewIsOpenToEveryoneAndNamesTheBadParameter() throws Exception {
    RouteRules overview =
        new RouteRules(
            mappings, pattern -> pattern.startsWith("/regional-overview"), OVERVIEW_RULES);
    overview.assertEveryRouteHasARule(5, SurveyAuthorizationTest.class);
    assertOpenToEveryone(overview);
    Map<String, String[]> hostile =
        Map.of(
            "/regional-overview?area=' or 1=1--", new String[] {"area"},
            "/regional-overview?area=99", new String[] {"area"},
            "/regional-overview?item=<script>", new String[] {"item"},
            "/regional-overview?areas=county", new String[] {"areas"},
            "/regional-overview/compare?a=01&b=1234", new String[] {"b"},
            "/regional-overview/gaps.csv?area=abc", new String[] {"area"},
            "/regional-overview/map.csv", new String[] {"item"},
            "/regional-overview/provider?provider=No such college", new String[] {"provider"});
    for (var e : hostile.entrySet()) {
      String[] parts = e.getKey().split("\\?", 2);
      MockHttpServletRequestBuilder request = get(parts[0]);
      if (parts.length > 1) {
        for (String pair : parts[1].split("&")) {
          String[] kv = pair.split("=", 2);
          request.param(kv[0], kv[1]);
        }
      }
      var result = mvc.perform(request).andReturn();
      assertThat(result.getResponse().getStatus()).as(e.getKey()).isEqualTo(400);
      // The page shows the shared error page; the refusal itself names the parameter.
      assertThat(result.getResolvedException())
          .as(e.getKey())
          .isInstanceOf(fi.osaava.platform.InvalidInputException.class)
          .hasMessageContaining(e.getValue()[0]);
    }
  }

  /** Every route of the table answers 200 to anonymous and to signed-in visitors alike. */
  void assertOpenToEveryone(RouteRules table) throws Exception {
    for (String route : table.routes()) {
      Rule rule = table.rule(route);
      for (RequestPostProcessor who :
          List.of(
              SecurityMockMvcRequestPostProcessors.anonymous(),
              oidc.person("citizen-" + UUID.randomUUID()))) {
        MockHttpServletRequestBuilder request = get(route.substring(4));
        rule.params().forEach(request::param);
        assertThat(mvc.perform(request.with(who)).andReturn().getResponse().getStatus())
            .as(route)
            .isEqualTo(200);
      }
    }
  }

  @Test
  void expertMobilityIsOpenToEveryoneAndNamesTheBadParameter() throws Exception {
    RouteRules mobility =
        new RouteRules(
            mappings, pattern -> pattern.startsWith("/regional-mobility"), MOBILITY_RULES);
    mobility.assertEveryRouteHasARule(1, SurveyAuthorizationTest.class);
    assertOpenToEveryone(mobility);
    Map<String, String> hostile =
        Map.of(
            "area", "011",
            "year", "2025'--",
            "from", "<script>",
            "to", "1999",
            "group", "' or 1=1--");
    for (var e : hostile.entrySet()) {
      var result =
          mvc.perform(get("/regional-mobility").param(e.getKey(), e.getValue())).andReturn();
      assertThat(result.getResponse().getStatus()).as(e.getKey()).isEqualTo(400);
      assertThat(result.getResolvedException())
          .as(e.getKey())
          .isInstanceOf(fi.osaava.platform.InvalidInputException.class)
          .hasMessageContaining(e.getKey());
    }
    var reversed =
        mvc.perform(get("/regional-mobility").param("from", "2024").param("to", "2021"))
            .andReturn();
    assertThat(reversed.getResponse().getStatus()).isEqualTo(400);
  }

  /** B's open survey with a scale question and two invited companies. */
  @BeforeEach
  void organisationB() throws Exception {
    organisationB = "https://b-" + UUID.randomUUID() + ".example.fi";
    b = ownerOf(organisationB);
    String location =
        mvc.perform(
                post("/surveys/manage")
                    .with(b)
                    .param("titleFi", SECRET)
                    .param("titleSv", SECRET)
                    .param("titleEn", SECRET))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).as("B created a survey").startsWith("/surveys/manage/");
    survey = location.substring("/surveys/manage/".length());
    mvc.perform(
        post("/surveys/manage/" + survey + "/questions")
            .with(b)
            .param("kind", "FREE_TEXT")
            .param("textFi", "Mitä " + SECRET)
            .param("textSv", "Vad")
            .param("textEn", "What"));
    String page = page("/surveys/manage/" + survey, b);
    Matcher delete = Pattern.compile("/questions/([0-9a-f-]{36})/delete").matcher(page);
    assertThat(delete.find()).as("B's question is on B's page").isTrue();
    question = delete.group(1);
    mvc.perform(post("/surveys/manage/" + survey + "/open").with(b));
    mvc.perform(
        post("/surveys/manage/" + survey + "/invitations")
            .with(b)
            .param("companies", "Yritys Yksi; yksi@example.fi\nYritys Kaksi"));
    page = page("/surveys/manage/" + survey, b);
    Matcher open = Pattern.compile("/surveys/open/([A-Za-z0-9_-]{43})").matcher(page);
    assertThat(open.find()).as("the open link is on B's page").isTrue();
    openToken = open.group(1);
    tokens = new ArrayList<>();
    Matcher link = Pattern.compile("/surveys/r/([A-Za-z0-9_-]{43})").matcher(page);
    while (link.find()) {
      tokens.add(link.group(1));
    }
    assertThat(tokens).as("one link per invited company").hasSize(2);
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path).with(who)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  private MockHttpServletRequestBuilder build(String route, String token) {
    MockHttpServletRequestBuilder request =
        table()
            .request(
                route,
                (variable, rule) ->
                    switch (variable) {
                      case "id" -> survey;
                      case "question" -> question;
                      default -> rule.target().equals("open") ? openToken : token;
                    },
                v -> v);
    if (route.equals("POST /surveys/answer")) {
      request.param("token", token);
    }
    if (route.equals("POST /surveys/start")) {
      request.param("token", openToken);
    }
    if (route.equals("GET /surveys/concept-options")) {
      request.param("question", question);
    }
    return request;
  }

  @Test
  void anOwnerOfACannotReadOrChangeOrganisationBsSurvey() throws Exception {
    RequestPostProcessor a = ownerOf("https://a-" + UUID.randomUUID() + ".example.fi");
    List<String> leaks = new ArrayList<>();
    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      if (!route.contains("/manage")) {
        continue;
      }
      MockHttpServletResponse response =
          mvc.perform(build(route, tokens.getFirst()).with(a)).andReturn().getResponse();
      if (rule.target().equals("survey")
          && response.getStatus() != 404
          && response.getStatus() != 403) {
        leaks.add(route + " with B's survey answered " + response.getStatus());
      }
      String body = response.getContentAsString();
      if (body.contains(SECRET) || body.contains("yksi@example.fi")) {
        leaks.add(route + " showed B's survey");
      }
    }
    assertThat(leaks).isEmpty();
    // A's clicks on B's mailing routes queued no mail to B's companies.
    assertThat(
            jdbc.sql(
                    "select count(*) from ri_contact_mail m join ri_response r"
                        + " on r.id = m.response_id where r.survey_id = ?")
                .param(UUID.fromString(survey))
                .query(Integer.class)
                .single())
        .isZero();
    String after = page("/surveys/manage/" + survey, b);
    assertThat(after)
        .contains(SECRET, "Yritys Yksi")
        .doesNotContain("A overwrites")
        .contains("/surveys/manage/" + survey + "/close");
    assertThat(
            jdbc.sql("select closes_on is null from ri_survey where id = ?")
                .param(UUID.fromString(survey))
                .query(Boolean.class)
                .single())
        .as("A's closing date was not set on B's survey")
        .isTrue();
  }

  @Test
  void signedInPeopleWhoOwnNoSurveysAreRefusedAndAnonymousOnesSentToSignIn() throws Exception {
    List<RequestPostProcessor> notOwners =
        List.of(
            oidc.person("citizen-" + UUID.randomUUID()),
            // A publishing editor's role is not a survey owner's.
            oidc.person(
                "editor-" + UUID.randomUUID(),
                Map.of("osaava_roles", List.of("editor"), "osaava_organisation", organisationB)),
            // The role without an organisation.
            oidc.person(
                "orphan-" + UUID.randomUUID(),
                Map.of("osaava_roles", List.of("regional-developer"))));
    List<String> open = new ArrayList<>();
    for (String route : table().routes()) {
      if (!route.contains("/manage")) {
        continue;
      }
      for (RequestPostProcessor person : notOwners) {
        MockHttpServletResponse response =
            mvc.perform(build(route, tokens.getFirst()).with(person)).andReturn().getResponse();
        if (response.getStatus() != 403 || response.getContentAsString().contains(SECRET)) {
          open.add(route + " answered " + response.getStatus());
        }
      }
      MockHttpServletResponse anonymous =
          mvc.perform(
                  build(route, tokens.getFirst()).with(SecurityMockMvcRequestPostProcessors.csrf()))
              .andReturn()
              .getResponse();
      if (anonymous.getStatus() != 302
          || !String.valueOf(anonymous.getRedirectedUrl()).endsWith("/sign-in")) {
        open.add(route + " anonymous answered " + anonymous.getStatus());
      }
    }
    assertThat(open).isEmpty();
  }

  @Test
  void aLinkTokenReachesItsOwnResponseOnly() throws Exception {
    String first = tokens.get(0);
    String second = tokens.get(1);
    String secondsAnswer = "toisen yrityksen vastaus " + UUID.randomUUID();
    MockHttpServletResponse saved =
        mvc.perform(
                post("/surveys/answer")
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .param("token", second)
                    .param("a-" + question, secondsAnswer)
                    .param("action", "save"))
            .andReturn()
            .getResponse();
    assertThat(saved.getRedirectedUrl()).isEqualTo("/surveys/r/" + second + "?saved");
    assertThat(anonymousPage("/surveys/r/" + second)).contains(secondsAnswer);

    // Every respondent route, called with the first company's token, never shows the second's
    // answer or token, nor B's organisation's contacts.
    List<String> leaks = new ArrayList<>();
    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      if (route.contains("/manage")) {
        continue;
      }
      MockHttpServletResponse response =
          mvc.perform(build(route, first).with(SecurityMockMvcRequestPostProcessors.csrf()))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(route).isLessThan(500);
      String body = response.getContentAsString();
      if (body.contains(secondsAnswer)
          || body.contains(second)
          || body.contains("yksi@example.fi")) {
        leaks.add(route + " with the first token showed the second response");
      }
    }
    assertThat(leaks).isEmpty();
    // The first company's save went to its own response only.
    assertThat(anonymousPage("/surveys/r/" + second)).contains(secondsAnswer);
    // A guessed or altered token, and the open link's token, reach no response.
    for (String wrong :
        List.of(first.substring(1) + "A", openToken, "x", UUID.randomUUID().toString())) {
      assertThat(mvc.perform(get("/surveys/r/" + wrong)).andReturn().getResponse().getStatus())
          .as(wrong)
          .isEqualTo(404);
      MockHttpServletResponse post =
          mvc.perform(
                  post("/surveys/answer")
                      .with(SecurityMockMvcRequestPostProcessors.csrf())
                      .param("token", wrong)
                      .param("a-" + question, "overwrite")
                      .param("action", "submit"))
              .andReturn()
              .getResponse();
      assertThat(post.getStatus()).as(wrong).isEqualTo(404);
    }
    // A response token opens no owner's page.
    assertThat(
            mvc.perform(get("/surveys/manage/" + survey).param("token", first))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .endsWith("/sign-in");
  }

  @Test
  void unpublishedResultsAreNotFoundAndClosingDeletesTheContacts() throws Exception {
    for (String path :
        List.of(
            "/surveys/results/" + survey,
            "/surveys/results/" + survey + "/results.csv",
            "/surveys/results/" + survey + "/results.json")) {
      assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus())
          .as(path)
          .isEqualTo(404);
    }
    // Not listed either (by its own id: another test of this class publishes a survey of the
    // same title).
    assertThat(anonymousPage("/surveys/results")).doesNotContain(survey);
    String before =
        mvc.perform(get("/surveys/manage/" + survey + "/links.csv").with(b))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(before).contains("yksi@example.fi", "Yritys Kaksi", tokens.getFirst());
    mvc.perform(post("/surveys/manage/" + survey + "/close").with(b));
    String after =
        mvc.perform(get("/surveys/manage/" + survey + "/links.csv").with(b))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(after).doesNotContain("yksi@example.fi").doesNotContain("Yritys Kaksi");
    // A closed survey takes no answers: the form is gone from the company's page.
    assertThat(anonymousPage("/surveys/r/" + tokens.getFirst())).doesNotContain("name=\"token\"");
  }

  RouteRules projectTable() {
    return new RouteRules(
        mappings, pattern -> pattern.startsWith("/regional-projects"), PROJECT_RULES);
  }

  /** B's organisation adds an actor and a project through its own pages; returns the project. */
  private String projectOfB() throws Exception {
    MockHttpServletResponse actor =
        mvc.perform(
                post("/regional-projects/manage/actors")
                    .with(b)
                    .param("actorName", SECRET)
                    .param("kind", "education")
                    .param("businessId", "1234567-1"))
            .andReturn()
            .getResponse();
    assertThat(actor.getRedirectedUrl()).isEqualTo("/regional-projects/manage?actorAdded");
    String page = page("/regional-projects/manage", b);
    Matcher key = Pattern.compile("<code>(actor-[0-9a-f]{10})</code>").matcher(page);
    assertThat(key.find()).as("B's actor is listed with its id").isTrue();
    MockHttpServletResponse project =
        mvc.perform(
                post("/regional-projects/manage/projects")
                    .with(b)
                    .param("name", "Hanke " + SECRET)
                    .param("start", "2026-01-01")
                    .param("end", "2027-06-30")
                    .param("funding", "100000")
                    .param("fundingSource", "ESR+")
                    .param("region", "01")
                    .param("themes", "isco:2512\ndigitalisation")
                    .param("partners", key.group(1) + "; coordinator"))
            .andReturn()
            .getResponse();
    assertThat(project.getRedirectedUrl()).isEqualTo("/regional-projects/manage?projectSaved");
    Matcher edit =
        Pattern.compile("/regional-projects/manage/projects/([0-9a-f-]{36})")
            .matcher(page("/regional-projects/manage", b));
    assertThat(edit.find()).as("B's project is listed").isTrue();
    return edit.group(1);
  }

  @Test
  void actorsAndProjectsAreKeptByTheirOwnOrganisationOnly() throws Exception {
    projectTable().assertEveryRouteHasARule(9, SurveyAuthorizationTest.class);
    String project = projectOfB();
    // The open network shows B's project to anyone.
    assertThat(anonymousPage("/regional-projects")).contains("Hanke " + SECRET);
    RequestPostProcessor a = ownerOf("https://a-" + UUID.randomUUID() + ".example.fi");
    List<RequestPostProcessor> notOwners =
        List.of(
            oidc.person("citizen-" + UUID.randomUUID()),
            oidc.person(
                "editor-" + UUID.randomUUID(),
                Map.of("osaava_roles", List.of("editor"), "osaava_organisation", organisationB)));
    List<String> problems = new ArrayList<>();
    for (String route : projectTable().routes()) {
      Rule rule = projectTable().rule(route);
      if (rule.target().equals("public")) {
        for (RequestPostProcessor who :
            List.of(SecurityMockMvcRequestPostProcessors.anonymous(), a)) {
          int status =
              mvc.perform(buildProject(route, project).with(who))
                  .andReturn()
                  .getResponse()
                  .getStatus();
          if (status != 200) {
            problems.add(route + " answered " + status);
          }
        }
        continue;
      }
      MockHttpServletResponse byA =
          mvc.perform(buildProject(route, project).with(a)).andReturn().getResponse();
      if (rule.target().equals("project") && byA.getStatus() != 404) {
        problems.add(route + " with B's project answered A " + byA.getStatus());
      }
      if (byA.getContentAsString().contains(SECRET)) {
        problems.add(route + " showed B's actor or project to A");
      }
      for (RequestPostProcessor person : notOwners) {
        int status =
            mvc.perform(buildProject(route, project).with(person))
                .andReturn()
                .getResponse()
                .getStatus();
        if (status != 403) {
          problems.add(route + " answered a non-owner " + status);
        }
      }
      MockHttpServletResponse anonymous =
          mvc.perform(
                  buildProject(route, project).with(SecurityMockMvcRequestPostProcessors.csrf()))
              .andReturn()
              .getResponse();
      if (anonymous.getStatus() != 302
          || !String.valueOf(anonymous.getRedirectedUrl()).endsWith("/sign-in")) {
        problems.add(route + " anonymous answered " + anonymous.getStatus());
      }
    }
    assertThat(problems).isEmpty();
    String after = page("/regional-projects/manage/projects/" + project, b);
    assertThat(after).contains("Hanke " + SECRET).doesNotContain("A overwrites");
    // A partner naming no actor of the organisation is refused beside the field.
    MockHttpServletResponse refused =
        mvc.perform(buildProject("POST /regional-projects/manage/projects/{id}", project).with(b))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString()).contains("partners-error");
    // Hostile filters of the open page name their parameter.
    Map<String, String> hostile =
        Map.of(
            "region", "' or 1=1--",
            "from", "20x6",
            "to", "99999",
            "theme", "<script>alert(1)</script>");
    for (var e : hostile.entrySet()) {
      var result =
          mvc.perform(get("/regional-projects").param(e.getKey(), e.getValue())).andReturn();
      assertThat(result.getResponse().getStatus()).as(e.getKey()).isEqualTo(400);
      assertThat(result.getResolvedException())
          .as(e.getKey())
          .isInstanceOf(fi.osaava.platform.InvalidInputException.class)
          .hasMessageContaining(e.getKey());
    }
    // The owner deletes the project: it leaves the open network.
    mvc.perform(post("/regional-projects/manage/projects/" + project + "/delete").with(b));
    assertThat(anonymousPage("/regional-projects")).doesNotContain("Hanke " + SECRET);
  }

  private MockHttpServletRequestBuilder buildProject(String route, String project) {
    return projectTable().request(route, (variable, rule) -> project, v -> v);
  }

  private String anonymousPage(String path) throws Exception {
    MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  @Test
  void publishedResultsAsJsonAreTheCsvRowsWithSuppressedCellsNull() throws Exception {
    mvc.perform(
        post("/surveys/answer")
            .with(SecurityMockMvcRequestPostProcessors.csrf())
            .param("token", tokens.getFirst())
            .param("a-" + question, "vastaus")
            .param("action", "submit"));
    mvc.perform(post("/surveys/manage/" + survey + "/close").with(b));
    mvc.perform(post("/surveys/manage/" + survey + "/publish").with(b));

    String csv = anonymousPage("/surveys/results/" + survey + "/results.csv?lang=en");
    MockHttpServletResponse response =
        mvc.perform(get("/surveys/results/" + survey + "/results.json?lang=en"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getHeader("Link")).contains("creativecommons.org/licenses/by/4.0");
    JsonNode json = JsonMapper.builder().build().readTree(response.getContentAsString());

    assertThat(json.get("survey").asString()).isEqualTo(survey);
    assertThat(json.get("licence").asString()).contains("by/4.0");
    List<CSVRecord> records =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    JsonNode rows = json.get("rows");
    assertThat(rows.size()).as("one JSON row per CSV line").isEqualTo(records.size()).isPositive();
    for (int i = 0; i < records.size(); i++) {
      CSVRecord line = records.get(i);
      JsonNode row = rows.get(i);
      assertThat(row.get("breakdown").asString()).isEqualTo(line.get("breakdown"));
      assertThat(row.get("group").asString()).isEqualTo(line.get("group"));
      assertThat(row.get("option").asString()).isEqualTo(line.get("option"));
      // A suppressed cell is empty in the CSV and null in the JSON, never a number.
      assertThat(row.get("value").isNull() ? "" : row.get("value").asString())
          .isEqualTo(line.get("respondents"));
    }
    // One respondent is below the minimum cell: the count of respondents is not published.
    assertThat(rows.get(0).get("value").isNull()).isTrue();
    // Free-text answers are never published.
    assertThat(response.getContentAsString()).doesNotContain("vastaus");

    // The open-data catalogue lists both formats as distributions of the surveys dataset.
    JsonNode catalog =
        JsonMapper.builder().build().readTree(anonymousPage("/api/v1/open-data/catalog"));
    JsonNode surveys = null;
    for (JsonNode dataset : catalog.get("dcat:dataset")) {
      if (dataset.get("dct:identifier").asString().equals("surveys")) {
        surveys = dataset;
      }
    }
    assertThat(surveys).as("the surveys dataset").isNotNull();
    Map<String, String> formats = new LinkedHashMap<>();
    for (JsonNode distribution : surveys.get("dcat:distribution")) {
      String url = distribution.get("dcat:downloadURL").get("@id").asString();
      if (url.contains("/surveys/results/" + survey + "/")) {
        formats.put(distribution.get("dcat:mediaType").asString(), url);
        // Each one under the results' licence, reached at the address it is downloaded from.
        assertThat(distribution.get("dct:license").get("@id").asString())
            .isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(distribution.get("dcat:accessURL").get("@id").asString()).isEqualTo(url);
      }
    }
    assertThat(formats).containsOnlyKeys("text/csv", "application/json");
    assertThat(formats.get("application/json")).endsWith("/results.json");
    for (String url : formats.values()) {
      assertThat(anonymousPage(url.substring(url.indexOf("/surveys/")))).isNotEmpty();
    }
  }
}
