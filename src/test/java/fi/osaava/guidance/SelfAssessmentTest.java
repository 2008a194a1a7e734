package fi.osaava.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.SharedPart;
import fi.osaava.web.RouteRules;
import fi.osaava.web.RouteRules.Rule;
import fi.osaava.web.WebTestBase;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The career-planning self-assessment on the real database: answered without signing in (kept in
 * the session, scored per area, downloadable), hostile answers refused naming the field, saved
 * after sign-in into a history with change over time, in the export and gone with the account, and
 * read by a counsellor only through a live consent that includes {@link
 * SharedPart#SELF_ASSESSMENTS} (logged for the client). Every {@code /self-assessment} route has a
 * rule in {@link #RULES}.
 */
class SelfAssessmentTest extends WebTestBase {

  static final List<String> AREAS =
      List.of("self", "world", "competence", "together", "change", "future");

  /** The routes and their rules: {@code own} is the caller's own, {@code saved} X's saved one. */
  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    // Open to everyone: the answers are the session's own.
    RULES.put("GET /self-assessment", Rule.own());
    RULES.put("GET /self-assessment/quick", Rule.own());
    RULES.put("GET /self-assessment/full", Rule.own());
    RULES.put("POST /self-assessment/quick", Rule.own(quick(3)));
    RULES.put("POST /self-assessment/full", Rule.own(Map.of("self-1", "2")));
    RULES.put("GET /self-assessment/result", Rule.own());
    RULES.put("GET /self-assessment/result.json", Rule.own());
    RULES.put("GET /self-assessment/result.csv", Rule.own());
    RULES.put("GET /self-assessment/result.pdf", Rule.own());
    // Signed in only: saving the session's answers, and the person's own history.
    RULES.put("POST /self-assessment/save", Rule.own());
    RULES.put("GET /self-assessment/history", Rule.own());
    RULES.put("GET /self-assessment/history/{id}", Rule.of("saved"));
    RULES.put("GET /self-assessment/history/{id}/report.pdf", Rule.of("saved"));
  }

  /** Routes anyone may use without signing in. */
  static final List<String> OPEN =
      List.of(
          "GET /self-assessment",
          "GET /self-assessment/quick",
          "GET /self-assessment/full",
          "POST /self-assessment/quick",
          "POST /self-assessment/full",
          "GET /self-assessment/result",
          "GET /self-assessment/result.json",
          "GET /self-assessment/result.csv",
          "GET /self-assessment/result.pdf");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired CounsellorConsents consents;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  RequestPostProcessor client;
  PersonId clientId;
  String clientName;

  /** The quick version's six answers, all {@code value}. */
  static Map<String, String> quick(int value) {
    Map<String, String> answers = new LinkedHashMap<>();
    AREAS.forEach(a -> answers.put(a + "-1", String.valueOf(value)));
    return answers;
  }

  /** The full version's 30 answers: area {@code i} (0-based) gets {@code base + i} capped at 5. */
  static Map<String, String> full(int base) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (int i = 0; i < AREAS.size(); i++) {
      for (int n = 1; n <= 5; n++) {
        answers.put(AREAS.get(i) + "-" + n, String.valueOf(Math.min(5, base + i)));
      }
    }
    return answers;
  }

  @BeforeEach
  void aClient() throws Exception {
    client = oidc.person("sa-client-" + UUID.randomUUID());
    clientId = person(client);
    clientName = "Client " + UUID.randomUUID();
  }

  PersonId person(RequestPostProcessor who) throws Exception {
    return PersonId.of(
        json.readTree(
                mvc.perform(get("/api/v1/profile").with(who))
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .path("person")
            .asString());
  }

  @Autowired SessionRepository<? extends Session> sessions;

  /**
   * A browser's session. Sessions live in PostgreSQL (Spring Session), where MockMvc's own session
   * object is not seen: the session is created in the store and sent as the browser sends it, as
   * its cookie (the identifier in Base64, Spring Session's default).
   */
  record SessionCookie(String id) implements RequestPostProcessor {
    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
      Cookie cookie =
          new Cookie(
              "JSESSIONID",
              Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8)));
      Cookie[] others = request.getCookies();
      Cookie[] all =
          others == null ? new Cookie[1] : java.util.Arrays.copyOf(others, others.length + 1);
      all[all.length - 1] = cookie;
      request.setCookies(all);
      return request;
    }
  }

  SessionCookie newSession() {
    return new SessionCookie(created(sessions));
  }

  static <S extends Session> String created(SessionRepository<S> repository) {
    S session = repository.createSession();
    repository.save(session);
    return session.getId();
  }

  MockHttpServletResponse answer(
      SessionCookie session, String version, Map<String, String> answers, RequestPostProcessor who)
      throws Exception {
    MockHttpServletRequestBuilder request =
        post("/self-assessment/" + version).with(session).header("Accept-Language", "en");
    answers.forEach(request::param);
    return mvc.perform(request.with(who)).andReturn().getResponse();
  }

  String page(SessionCookie session, String path, RequestPostProcessor who, int status)
      throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).with(session).header("Accept-Language", "en").with(who))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(status);
    return response.getContentAsString();
  }

  static RequestPostProcessor anonymous() {
    return SecurityMockMvcRequestPostProcessors.csrf();
  }

  @Test
  void anAnonymousPersonAnswersAndDownloadsTheirResult() throws Exception {
    SessionCookie session = newSession();
    assertThat(page(session, "/self-assessment/full", anonymous(), 200))
        .contains("I know what I am good at")
        .contains("name=\"future-5\"");
    // No result yet: the page sends back to the start, downloads are not found.
    page(session, "/self-assessment/result.json", anonymous(), 404);
    MockHttpServletResponse answered = answer(session, "full", full(1), anonymous());
    assertThat(answered.getRedirectedUrl()).isEqualTo("/self-assessment/result");

    String result = page(session, "/self-assessment/result", anonymous(), 200);
    // Areas scored 1 to 5 and then capped at 5: self 1.0, world 2.0 ... future 5.0.
    assertThat(result)
        .contains("role=\"img\"")
        .contains("Highest: Ready for change (5.0). Lowest: Knowing yourself (1.0).")
        .contains("id=\"score-self\"")
        .contains("Sign in");
    // The weakest two get suggestions: exercises, services by type and situation, offerings.
    assertThat(result)
        .contains("id=\"suggestion-self\"")
        .contains("id=\"suggestion-world\"")
        .doesNotContain("id=\"suggestion-future\"")
        .contains("/services?type=CAREER_COUNSELLING")
        .contains("/services?situation=CHANGING_CAREER")
        .contains("/education?q=career%20planning");

    JsonNode download =
        json.readTree(page(session, "/self-assessment/result.json", anonymous(), 200));
    assertThat(download.path("version").asString()).isEqualTo("FULL");
    assertThat(download.path("answers").size()).isEqualTo(30);
    assertThat(download.path("areas").get(0).path("score").asDouble()).isEqualTo(1.0);
    assertThat(download.path("areas").get(5).path("score").asDouble()).isEqualTo(5.0);
    String csv = page(session, "/self-assessment/result.csv", anonymous(), 200);
    assertThat(csv.lines()).hasSize(31).first().isEqualTo("area,statement,text,value");
    assertThat(csv)
        .contains(
            "self,self-1,\"I know what I am good at and what I want from my working life.\",1");
    MockHttpServletResponse pdf =
        mvc.perform(
                get("/self-assessment/result.pdf").with(session).header("Accept-Language", "sv"))
            .andReturn()
            .getResponse();
    assertThat(pdf.getContentType()).isEqualTo("application/pdf");
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getContentAsByteArray())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertThat(text)
          .contains("Resultatet av din självbedömning")
          .contains("Känn dig själv")
          .contains("Förslag för dina svagaste områden");
    }
    // Nothing of an anonymous session is stored.
    assertThat(count("SELECT count(*) FROM guidance_self_assessment WHERE person_id = ?")).isZero();
  }

  @Test
  void hostileAnswersAreRefusedNamingTheField() throws Exception {
    SessionCookie session = newSession();
    Map<String, String> outOfRange = new LinkedHashMap<>(quick(3));
    outOfRange.put("world-1", "7");
    MockHttpServletResponse response = answer(session, "quick", outOfRange, anonymous());
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString())
        .contains("id=\"world-1-error\"")
        .contains("The answer must be a whole number from 1 to 5: I know where to find reliable")
        .contains("href=\"#world-1-1\"");

    Map<String, String> unknown = new LinkedHashMap<>(quick(3));
    unknown.put("self-9", "3");
    unknown.put("self-2", "3");
    response = answer(session, "quick", unknown, anonymous());
    assertThat(response.getStatus()).isEqualTo(400);
    // self-2 is a statement of the full version only: unknown in the quick one.
    assertThat(response.getContentAsString())
        .contains("unknown statement: self-9")
        .contains("unknown statement: self-2");

    Map<String, String> notANumber = new LinkedHashMap<>(quick(3));
    notANumber.put("change-1", "3 OR 1=1");
    notANumber.remove("future-1");
    response = answer(session, "quick", notANumber, anonymous());
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString())
        .contains("id=\"change-1-error\"")
        .contains("id=\"future-1-error\"")
        .contains("Choose a value from 1 to 5: I have thought about where");
    // The valid answers sent are kept on the form.
    assertThat(response.getContentAsString())
        .containsPattern("id=\"self-1-3\"\\s+value=\"3\" checked");
    assertThat(sessions.findById(session.id()).getAttributeNames()).isEmpty();
  }

  @Test
  void answersFromBeforeSignInAreSavedWithAHistoryInTheExportAndDeletedWithTheAccount()
      throws Exception {
    SessionCookie session = newSession();
    answer(session, "full", full(1), anonymous());
    // Saving needs sign-in; the same session (its contents survive sign-in) then saves.
    MockHttpServletResponse refused =
        mvc.perform(post("/self-assessment/save").with(session).with(anonymous()))
            .andReturn()
            .getResponse();
    assertThat(refused.getRedirectedUrl()).endsWith("/sign-in");
    assertThat(page(session, "/self-assessment/result", client, 200))
        .contains("Save to my profile");
    MockHttpServletResponse saved =
        mvc.perform(post("/self-assessment/save").with(session).with(client))
            .andReturn()
            .getResponse();
    assertThat(saved.getRedirectedUrl()).isEqualTo("/self-assessment/history?saved");
    // Saving the same answers again does not make a second entry.
    mvc.perform(post("/self-assessment/save").with(session).with(client));
    assertThat(count("SELECT count(*) FROM guidance_self_assessment WHERE person_id = ?"))
        .isEqualTo(1);
    assertThat(page(session, "/self-assessment/result", client, 200))
        .contains("This result is saved to your profile.");

    // A later quick one, all 3s: the history shows both, newest first, with the change.
    answer(session, "quick", quick(3), client);
    mvc.perform(post("/self-assessment/save").with(session).with(client));
    String history = page(session, "/self-assessment/history", client, 200);
    assertThat(history).contains("Quick self-assessment").contains("Full self-assessment");
    assertThat(history).contains("3.0 (+2.0)").contains("3.0 (−2.0)");
    UUID first =
        jdbc.sql(
                "SELECT id FROM guidance_self_assessment WHERE person_id = ?"
                    + " ORDER BY completed_at, saved_order LIMIT 1")
            .param(clientId.value())
            .query(UUID.class)
            .single();
    assertThat(page(session, "/self-assessment/history/" + first, client, 200))
        .contains("Highest: Ready for change (5.0)");
    // Another person's saved one is not found for anyone else.
    RequestPostProcessor stranger = oidc.person("sa-stranger-" + UUID.randomUUID());
    page(newSession(), "/self-assessment/history/" + first, stranger, 404);
    page(newSession(), "/self-assessment/history/" + first + "/report.pdf", stranger, 404);
    assertThat(page(newSession(), "/self-assessment/history", stranger, 200))
        .doesNotContain(first.toString());

    JsonNode export = json.readTree(page(newSession(), "/api/v1/profile/export", client, 200));
    JsonNode exported = export.findValue("careerSelfAssessments");
    assertThat(exported).isNotNull();
    assertThat(exported.size()).isEqualTo(2);
    assertThat(exported.get(0).path("version").asString()).isEqualTo("FULL");
    assertThat(exported.get(0).path("answers").path("future-5").asInt()).isEqualTo(5);
    assertThat(exported.get(1).path("areaScores").path("self").asDouble()).isEqualTo(3.0);

    mvc.perform(post("/profile/delete").with(client));
    assertThat(count("SELECT count(*) FROM guidance_self_assessment WHERE person_id = ?")).isZero();
  }

  @Test
  void aCounsellorSeesSelfAssessmentsOnlyWhenTheyAreShared() throws Exception {
    SessionCookie session = newSession();
    answer(session, "full", full(2), client);
    mvc.perform(post("/self-assessment/save").with(session).with(client));

    RequestPostProcessor counsellor =
        oidc.person(
            "sa-counsellor-" + UUID.randomUUID(), GuidanceConsentTest.counsellorClaims("org-a"));
    PersonId counsellorId = person(counsellor);
    CounsellorGrant skillsOnly =
        consents.grant(
            clientId, counsellorId, "org-a", clientName, java.util.Set.of(SharedPart.SKILLS), 3);
    // Without the part: the page is not found, the client view has no link, nothing is logged.
    String withoutPart =
        page(
            newSession(),
            "/guidance/clients/" + skillsOnly.id() + "/self-assessments",
            counsellor,
            404);
    assertThat(withoutPart).doesNotContain("Knowing yourself").doesNotContain(clientName);
    assertThat(page(newSession(), "/guidance/clients/" + skillsOnly.id(), counsellor, 200))
        .doesNotContain("career-self-assessments");
    assertThat(reads()).isZero();
    consents.revoke(clientId, skillsOnly.id());

    CounsellorGrant shared =
        consents.grant(
            clientId,
            counsellorId,
            "org-a",
            clientName,
            java.util.Set.of(SharedPart.SELF_ASSESSMENTS),
            3);
    assertThat(page(newSession(), "/guidance/clients/" + shared.id(), counsellor, 200))
        .contains("id=\"career-self-assessments\"");
    long before = reads();
    String view =
        page(
            newSession(),
            "/guidance/clients/" + shared.id() + "/self-assessments",
            counsellor,
            200);
    assertThat(view)
        .contains(clientName)
        .contains("role=\"img\"")
        .contains("id=\"history\"")
        .contains("Lowest: Knowing yourself (2.0)");
    assertThat(reads()).isEqualTo(before + 1);
    // Another organisation's counsellor, and the client's consent once revoked, get nothing.
    RequestPostProcessor other =
        oidc.person("sa-other-" + UUID.randomUUID(), GuidanceConsentTest.counsellorClaims("org-b"));
    assertThat(
            page(
                newSession(), "/guidance/clients/" + shared.id() + "/self-assessments", other, 404))
        .doesNotContain(clientName);
    consents.revoke(clientId, shared.id());
    page(newSession(), "/guidance/clients/" + shared.id() + "/self-assessments", counsellor, 404);
  }

  long reads() {
    return consents.accessLog(clientId).stream()
        .filter(r -> r.action().equals("read") && r.part() == SharedPart.SELF_ASSESSMENTS)
        .count();
  }

  long count(String sql) {
    return jdbc.sql(sql).param(clientId.value()).query(Long.class).single();
  }

  RouteRules table() {
    return new RouteRules(
        mappings,
        pattern -> pattern.equals("/self-assessment") || pattern.startsWith("/self-assessment/"),
        RULES);
  }

  @Test
  void everyRouteHasARuleAndOnlyTheOpenOnesAreOpen() throws Exception {
    table().assertEveryRouteHasARule(13, SelfAssessmentTest.class);
    SessionCookie session = newSession();
    answer(session, "quick", quick(4), client);
    mvc.perform(post("/self-assessment/save").with(session).with(client));
    UUID saved =
        jdbc.sql("SELECT id FROM guidance_self_assessment WHERE person_id = ?")
            .param(clientId.value())
            .query(UUID.class)
            .single();
    List<String> problems = new ArrayList<>();
    RequestPostProcessor stranger = oidc.person("sa-stranger-" + UUID.randomUUID());
    for (String route : table().routes()) {
      MockHttpServletRequestBuilder anonymousRequest =
          table().request(route, (v, r) -> saved.toString(), v -> v);
      MockHttpServletResponse response =
          mvc.perform(anonymousRequest.with(newSession()).with(anonymous()))
              .andReturn()
              .getResponse();
      boolean refused =
          response.getStatus() == 401
              || response.getStatus() == 403
              || (response.getStatus() == 302
                  && String.valueOf(response.getRedirectedUrl()).endsWith("/sign-in"));
      if (OPEN.contains(route) == refused) {
        problems.add(route + " anonymous answered " + response.getStatus());
      }
      if (response.getStatus() >= 500) {
        problems.add(route + " anonymous answered " + response.getStatus());
      }
      if (!table().rule(route).isOwn()) {
        int status =
            mvc.perform(
                    table()
                        .request(route, (v, r) -> saved.toString(), v -> v)
                        .with(newSession())
                        .with(stranger))
                .andReturn()
                .getResponse()
                .getStatus();
        if (status != 404) {
          problems.add(route + " with X's saved id answered a stranger " + status);
        }
      }
    }
    assertThat(problems).isEmpty();
  }
}
