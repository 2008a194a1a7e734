package fi.osaava.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.web.FixedClock;
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
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.ObjectMapper;

/**
 * The guidance routes, each with a rule: every handler mapping under {@code /guidance} (read from
 * Spring's handler mappings) must have one in {@link #RULES}, or this test fails. Client X shares
 * with counsellor C of organisation A. Then, on every route with X's consent id: anonymous callers
 * are refused; a signed-in stranger and a counsellor of organisation B are refused (403 or 404) and
 * see nothing of X; and afterwards X's consent is still live and still C's.
 */
class GuidanceAuthorizationTest extends WebTestBase {

  /**
   * Each route's rule; its target is what the path's {@code {id}} is: {@code own} (no id: the
   * caller's own data), {@code grant} (X's consent) or {@code step} (a step of X's plan).
   */
  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    // The client's page: anyone signed in has their own; X's consent is not found for others.
    RULES.put("GET /guidance/sharing", Rule.own());
    RULES.put(
        "POST /guidance/sharing",
        Rule.own(Map.of("code", "CODE", "name", "Intruder", "parts", "SKILLS", "months", "12")));
    RULES.put("POST /guidance/sharing/{id}/revoke", Rule.of("grant"));
    // The client's own invitations to counsellors: made for oneself; X's is not found for others.
    RULES.put(
        "POST /guidance/sharing/invitations",
        Rule.own(Map.of("name", "Intruder", "parts", "SKILLS", "months", "12")));
    RULES.put("POST /guidance/sharing/invitations/{id}/withdraw", Rule.of("invitation"));
    // A client's invitation is accepted by counsellors only; the code is its only credential (as
    // a counsellor's code is), so the callers here hold another code, not X's.
    RULES.put("GET /guidance/client-invitations", Rule.own(Map.of("code", "CODE")));
    RULES.put("POST /guidance/client-invitations", Rule.own(Map.of("code", "CODE")));
    // The counsellor's pages: only with the counsellor claims, and only their own consents.
    RULES.put("GET /guidance/caseload", Rule.own(Map.of("q", "NAME")));
    RULES.put("POST /guidance/invitations", Rule.own());
    RULES.put("GET /guidance/clients/{id}", Rule.of("grant"));
    RULES.put("GET /guidance/clients/{id}/summary.pdf", Rule.of("grant"));
    RULES.put("GET /guidance/clients/{id}/self-assessments", Rule.of("grant"));
    RULES.put(
        "POST /guidance/clients/{id}/steps",
        Rule.of("grant", Map.of("kind", "TASK", "title", "Intruder step", "due", "2027-01-01")));
    RULES.put(
        "POST /guidance/clients/{id}/notes",
        Rule.of("grant", Map.of("body", "Intruder note", "shared", "true")));
    // The organisation administrator's page: only with the administrator claims, and only within
    // their own organisation; C (a counsellor of A) and A's pending addition are not found for B.
    RULES.put("GET /guidance/admin", Rule.own());
    RULES.put("POST /guidance/admin/counsellors", Rule.own(Map.of("email", "intruder@example.fi")));
    RULES.put("POST /guidance/admin/counsellors/{id}/remove", Rule.of("counsellor"));
    RULES.put("POST /guidance/admin/pending/{id}/remove", Rule.of("pending"));
    // The client's plan: only their own steps; X's step is not found for anyone else.
    RULES.put("GET /guidance/plan", Rule.own());
    RULES.put(
        "POST /guidance/plan/steps/{id}/decision", Rule.of("step", Map.of("decision", "accept")));
    RULES.put("POST /guidance/plan/steps/{id}/done", Rule.of("step"));
    // The reminder choice is the caller's own; X's stays as it was.
    RULES.put("POST /guidance/plan/reminders", Rule.own(Map.of("reminders", "off")));
    RULES.put(
        "POST /guidance/plan/comments",
        Rule.own(Map.of("organisation", "org-a", "comment", "Intruder comment")));
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired CounsellorConsents consents;
  @Autowired ObjectMapper json;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  String stepSecret;
  String noteSecret;
  UUID step;

  PersonId clientId;
  CounsellorGrant grant;
  String clientName;
  String secret;
  String otherCode;
  UUID clientInvitation;
  UUID pendingMember;

  RouteRules table() {
    return new RouteRules(
        mappings,
        pattern -> pattern.equals("/guidance") || pattern.startsWith("/guidance/"),
        RULES);
  }

  @Test
  void everyRouteHasARule() {
    table().assertEveryRouteHasARule(6, GuidanceAuthorizationTest.class);
  }

  @BeforeEach
  void clientSharesWithACounsellor() throws Exception {
    RequestPostProcessor counsellor =
        oidc.person(
            "counsellor-" + UUID.randomUUID(), GuidanceConsentTest.counsellorClaims("org-a"));
    RequestPostProcessor client = oidc.person("client-" + UUID.randomUUID());
    clientId =
        PersonId.of(
            json.readTree(
                    mvc.perform(get("/api/v1/profile").with(client))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .path("person")
                .asString());
    secret = "X-secret-" + UUID.randomUUID();
    clientName = "X " + UUID.randomUUID();
    mvc.perform(
        post("/api/v1/profile/experiences")
            .with(client)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"kind\":\"WORK\",\"title\":\"" + secret + "\",\"description\":\"\"}"));
    String code =
        (String)
            mvc.perform(post("/guidance/invitations").with(counsellor))
                .andReturn()
                .getFlashMap()
                .get("invitationCode");
    mvc.perform(
        post("/guidance/sharing")
            .with(client)
            .param("code", code)
            .param("name", clientName)
            .param("parts", "SKILLS", "WORK_HISTORY", "PLANS")
            .param("months", "6"));
    grant = consents.grantsOf(clientId).getFirst();
    stepSecret = "Step-secret-" + UUID.randomUUID();
    noteSecret = "Note-secret-" + UUID.randomUUID();
    mvc.perform(
        post("/guidance/clients/" + grant.id() + "/steps")
            .with(counsellor)
            .param("kind", "TASK")
            .param("title", stepSecret)
            .param("due", "2026-11-30"));
    mvc.perform(
        post("/guidance/clients/" + grant.id() + "/notes")
            .with(counsellor)
            .param("body", noteSecret)
            .param("shared", "true"));
    step =
        jdbc.sql("SELECT id FROM guidance_step WHERE client_id = ?")
            .param(clientId.value())
            .query(UUID.class)
            .single();
    // X's invitation to a counsellor, not yet accepted.
    mvc.perform(
        post("/guidance/sharing/invitations")
            .with(client)
            .param("name", clientName)
            .param("parts", "SKILLS")
            .param("months", "3"));
    clientInvitation =
        jdbc.sql("SELECT id FROM guidance_client_invitation WHERE client_id = ?")
            .param(clientId.value())
            .query(UUID.class)
            .single();
    // A's administrator adds a counsellor who has not signed in yet.
    RequestPostProcessor adminA =
        oidc.person("admin-" + UUID.randomUUID(), GuidanceConsentTest.adminClaims("org-a"));
    String address = "pending-" + UUID.randomUUID() + "@example.fi";
    mvc.perform(post("/guidance/admin/counsellors").with(adminA).param("email", address));
    pendingMember =
        jdbc.sql("SELECT id FROM guidance_member WHERE email = ?")
            .param(address)
            .query(UUID.class)
            .single();
    // A second, unused code of C's: an intruder who learns it can only share their own data.
    otherCode =
        (String)
            mvc.perform(post("/guidance/invitations").with(counsellor))
                .andReturn()
                .getFlashMap()
                .get("invitationCode");
  }

  MockHttpServletRequestBuilder build(String route) {
    return table()
        .request(
            route,
            (variable, rule) ->
                switch (rule.target()) {
                  case "step" -> step.toString();
                  case "invitation" -> clientInvitation.toString();
                  case "counsellor" -> grant.counsellor().value().toString();
                  case "pending" -> pendingMember.toString();
                  default -> grant.id().toString();
                },
            // A page may echo the search it was sent; the leak check looks for the whole name, of
            // which the search sends only the start.
            v -> v.replace("CODE", otherCode).replace("NAME", clientName.substring(0, 10)));
  }

  @Test
  void strangersAndOtherOrganisationsSeeAndChangeNothingOfTheClients() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      List<RequestPostProcessor> callers =
          List.of(
              oidc.person("stranger-" + UUID.randomUUID()),
              oidc.person(
                  "counsellor-" + UUID.randomUUID(), GuidanceConsentTest.counsellorClaims("org-b")),
              oidc.person("admin-" + UUID.randomUUID(), GuidanceConsentTest.adminClaims("org-b")));
      for (RequestPostProcessor caller : callers) {
        MockHttpServletResponse response =
            mvc.perform(build(route).with(caller)).andReturn().getResponse();
        if (!rule.isOwn() && response.getStatus() != 404 && response.getStatus() != 403) {
          leaks.add(route + " with X's consent answered " + response.getStatus());
        }
        String body = response.getContentAsString();
        for (String s : List.of(secret, clientName, stepSecret, noteSecret)) {
          if (body.contains(s)) {
            leaks.add(route + " showed X's " + s);
          }
        }
      }
    }
    assertThat(leaks).isEmpty();
    CounsellorGrant after = consents.grantsOf(clientId).getFirst();
    assertThat(after).isEqualTo(grant);
    assertThat(after.liveAt(FixedClock.NOW)).isTrue();
    assertThat(rows("SELECT status FROM guidance_step WHERE client_id = ?"))
        .containsExactly("PROPOSED");
    assertThat(rows("SELECT body FROM guidance_note WHERE client_id = ?"))
        .containsExactly(noteSecret);
    assertThat(rows("SELECT body FROM guidance_comment WHERE client_id = ?")).isEmpty();
    assertThat(rows("SELECT reminders::text FROM guidance_client_setting WHERE person_id = ?"))
        .isEmpty();
    assertThat(
            rows(
                "SELECT id::text FROM guidance_client_invitation WHERE client_id = ?"
                    + " AND withdrawn_at IS NULL AND used_at IS NULL"))
        .containsExactly(clientInvitation.toString());
    // C is still A's counsellor, and A's pending addition is still there.
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM guidance_counsellor WHERE person_id = ?"
                        + " AND organisation_id = 'org-a' AND removed_at IS NULL")
                .param(grant.counsellor().value())
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM guidance_member WHERE id = ?")
                .param(pendingMember)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  List<String> rows(String sql) {
    return jdbc.sql(sql).param(clientId.value()).query(String.class).list();
  }

  @Test
  void anonymousCallersAreRefusedEverywhere() throws Exception {
    List<String> open = new ArrayList<>();
    for (String route : table().routes()) {
      MockHttpServletResponse response =
          mvc.perform(build(route).with(SecurityMockMvcRequestPostProcessors.csrf()))
              .andReturn()
              .getResponse();
      boolean refused =
          response.getStatus() == 401
              || response.getStatus() == 403
              || (response.getStatus() == 302
                  && String.valueOf(response.getRedirectedUrl()).endsWith("/sign-in"));
      if (!refused) {
        open.add(route + " answered " + response.getStatus());
      }
    }
    assertThat(open).isEmpty();
    assertThat(consents.grantsOf(clientId)).containsExactly(grant);
  }
}
