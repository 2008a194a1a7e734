package fi.osaava.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.profile.AccessRecord;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.SharedPart;
import fi.osaava.web.FixedClock;
import fi.osaava.web.WebTestBase;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;

/**
 * The consent holds in code: a counsellor reads a client's data only through a live consent of that
 * client to that counsellor in that organisation, only the parts it covers, and every read is in
 * the client's access log. Runs through the pages and the profile's consent API on the real
 * database.
 */
class GuidanceConsentTest extends WebTestBase {

  static final String SKILL_URI =
      "http://data.europa.eu/esco/skill/0fb753a1-2ef2-4429-84d2-ecb2b24daf7a";

  @Autowired CounsellorConsents consents;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;

  RequestPostProcessor client;
  PersonId clientId;
  RequestPostProcessor counsellor;
  RequestPostProcessor otherOrganisationCounsellor;
  RequestPostProcessor sameCounsellorOtherOrganisation;
  PersonId counsellorId;
  String clientName;
  String workSecret;
  String interestSecret;

  static Map<String, Object> counsellorClaims(String organisation) {
    return Map.of(
        "osaava_roles",
        List.of("guidance-counsellor"),
        "osaava_organisation",
        organisation,
        "name",
        "Anna Ohjaaja");
  }

  @BeforeEach
  void clientAndCounsellors() throws Exception {
    String counsellorSubject = "counsellor-" + UUID.randomUUID();
    counsellor = oidc.person(counsellorSubject, counsellorClaims("org-a"));
    sameCounsellorOtherOrganisation = oidc.person(counsellorSubject, counsellorClaims("org-b"));
    otherOrganisationCounsellor =
        oidc.person("counsellor-" + UUID.randomUUID(), counsellorClaims("org-b"));
    client = oidc.person("client-" + UUID.randomUUID());
    clientId =
        PersonId.of(
            json.readTree(
                    mvc.perform(get("/api/v1/profile").with(client))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .path("person")
                .asString());
    clientName = "Client " + UUID.randomUUID();
    workSecret = "Work-secret-" + UUID.randomUUID();
    interestSecret = "Interest-secret-" + UUID.randomUUID();
    mvc.perform(
        post("/profile/skills").with(client).param("uri", SKILL_URI).param("level", "ADVANCED"));
    mvc.perform(
        post("/api/v1/profile/experiences")
            .with(client)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"kind\":\"WORK\",\"title\":\"" + workSecret + "\",\"description\":\"\"}"));
    mvc.perform(
        post("/profile/interests")
            .with(client)
            .param("interestText", interestSecret)
            .param("version", "0"));
    counsellorId =
        PersonId.of(
            json.readTree(
                    mvc.perform(get("/api/v1/profile").with(counsellor))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .path("person")
                .asString());
  }

  String invitation(RequestPostProcessor who) throws Exception {
    MvcResult made = mvc.perform(post("/guidance/invitations").with(who)).andReturn();
    assertThat(made.getResponse().getStatus()).isEqualTo(302);
    return (String) made.getFlashMap().get("invitationCode");
  }

  /** The client shares {@code parts} with the counsellor through the page; the new consent. */
  CounsellorGrant share(String... parts) throws Exception {
    String code = invitation(counsellor);
    var request =
        post("/guidance/sharing")
            .with(client)
            .param("code", code.toLowerCase())
            .param("name", clientName)
            .param("months", "3");
    for (String p : parts) {
      request.param("parts", p);
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getRedirectedUrl()).isEqualTo("/guidance/sharing?shared");
    return consents.grantsOf(clientId).getFirst();
  }

  String page(RequestPostProcessor who, String path, int status) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).with(who).header("Accept-Language", "en")).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(status);
    return response.getContentAsString();
  }

  long reads(SharedPart part) {
    return consents.accessLog(clientId).stream()
        .filter(r -> r.action().equals("read") && r.part() == part)
        .count();
  }

  @Test
  void theCaseloadChecksAndLogsItsPlanReadsTogetherForEveryClient() throws Exception {
    CounsellorGrant grant = share("SKILLS", "PLANS");
    page(counsellor, "/guidance/caseload", 200);
    // The summary and the goal: two reads of the plans part per view, as one by one.
    assertThat(reads(SharedPart.PLANS)).isEqualTo(2);
    assertThat(reads(SharedPart.SKILLS)).isZero();

    UUID unknown = UUID.randomUUID();
    assertThat(
            consents.authoriseAll(
                List.of(grant.id(), unknown), counsellorId, "org-b", SharedPart.PLANS))
        .isEmpty();
    assertThat(
            consents.authoriseAll(
                List.of(grant.id(), unknown), counsellorId, "org-a", SharedPart.INTERESTS))
        .isEmpty();
    assertThat(reads(SharedPart.PLANS)).isEqualTo(2);
    assertThat(
            consents.authoriseAll(
                List.of(grant.id(), unknown), counsellorId, "org-a", SharedPart.PLANS))
        .containsOnlyKeys(grant.id());
    assertThat(reads(SharedPart.PLANS)).isEqualTo(3);

    consents.revoke(clientId, grant.id());
    assertThat(page(counsellor, "/guidance/caseload", 200)).doesNotContain(clientName);
    assertThat(consents.authoriseAll(List.of(grant.id()), counsellorId, "org-a", SharedPart.PLANS))
        .isEmpty();
    assertThat(reads(SharedPart.PLANS)).isEqualTo(3);
  }

  @Test
  void aCounsellorSeesOnlyTheSharedPartsAndEveryReadIsLogged() throws Exception {
    CounsellorGrant grant = share("SKILLS");
    assertThat(grant.parts()).containsExactly(SharedPart.SKILLS);
    assertThat(grant.counsellor()).isEqualTo(counsellorId);
    assertThat(grant.organisation()).isEqualTo("org-a");
    assertThat(Duration.between(FixedClock.NOW, grant.expiresAt()).toDays()).isBetween(89L, 93L);

    String caseload = page(counsellor, "/guidance/caseload", 200);
    assertThat(caseload).contains(clientName).contains("/guidance/clients/" + grant.id());
    assertThat(page(counsellor, "/guidance/caseload?q=nobody-like-this", 200))
        .doesNotContain(clientName);

    String view = page(counsellor, "/guidance/clients/" + grant.id(), 200);
    assertThat(view).contains(clientName).contains("Apache Tomcat");
    assertThat(view).doesNotContain(workSecret).doesNotContain(interestSecret);
    page(counsellor, "/guidance/clients/" + grant.id(), 200);
    assertThat(reads(SharedPart.SKILLS)).isEqualTo(2);
    assertThat(reads(SharedPart.WORK_HISTORY)).isZero();
    assertThat(reads(SharedPart.INTERESTS)).isZero();

    // Through the API, too: the parts not shared are not given, and not logged as read.
    assertThat(consents.workHistory(grant.id(), counsellorId, "org-a")).isEmpty();
    assertThat(consents.interests(grant.id(), counsellorId, "org-a")).isEmpty();
    assertThat(consents.selfAssessment(grant.id(), counsellorId, "org-a")).isEmpty();
    assertThat(consents.authorise(grant.id(), counsellorId, "org-a", SharedPart.PLANS)).isEmpty();
    assertThat(consents.skills(grant.id(), counsellorId, "org-a")).get().asList().hasSize(1);
    assertThat(reads(SharedPart.SKILLS)).isEqualTo(3);
    assertThat(consents.accessLog(clientId))
        .extracting(AccessRecord::action)
        .containsExactly("read", "read", "read", "granted");

    // The client sees every read in their own log.
    String own = page(client, "/guidance/sharing", 200);
    assertThat(own).contains("Organisation: org-a").contains("Anna Ohjaaja");
    assertThat(own.split("Counsellor read: Skills", -1)).hasSize(4);
  }

  @Test
  void everySharedPartIsShownWhenShared() throws Exception {
    CounsellorGrant grant = share("SKILLS", "WORK_HISTORY", "INTERESTS", "SELF_ASSESSMENTS");
    String view = page(counsellor, "/guidance/clients/" + grant.id(), 200);
    assertThat(view).contains(workSecret).contains(interestSecret).contains("Apache Tomcat");
    for (SharedPart part :
        List.of(
            SharedPart.SKILLS,
            SharedPart.WORK_HISTORY,
            SharedPart.INTERESTS,
            SharedPart.SELF_ASSESSMENTS)) {
      assertThat(reads(part)).as(part.name()).isEqualTo(1);
    }
  }

  @Test
  void revocationStopsTheVeryNextRequest() throws Exception {
    CounsellorGrant grant = share("SKILLS", "WORK_HISTORY");
    page(counsellor, "/guidance/clients/" + grant.id(), 200);
    MockHttpServletResponse revoked =
        mvc.perform(post("/guidance/sharing/" + grant.id() + "/revoke").with(client))
            .andReturn()
            .getResponse();
    assertThat(revoked.getRedirectedUrl()).isEqualTo("/guidance/sharing?revoked");
    String refused = page(counsellor, "/guidance/clients/" + grant.id(), 404);
    assertThat(refused).doesNotContain(workSecret).doesNotContain(clientName);
    assertThat(page(counsellor, "/guidance/caseload", 200)).doesNotContain(clientName);
    assertThat(consents.skills(grant.id(), counsellorId, "org-a")).isEmpty();
    assertThat(reads(SharedPart.SKILLS)).isEqualTo(1);
    assertThat(consents.accessLog(clientId).getFirst().action()).isEqualTo("revoked");
    assertThat(page(client, "/guidance/sharing", 200)).contains("Stopped");
  }

  @Test
  void anExpiredConsentIsRefused() throws Exception {
    CounsellorGrant grant = share("SKILLS");
    page(counsellor, "/guidance/clients/" + grant.id(), 200);
    // Moved into the past as it would be months later: given four months ago for three months.
    jdbc.sql("UPDATE profile_counsellor_grant SET granted_at = ?, expires_at = ? WHERE id = ?")
        .params(
            Timestamp.from(FixedClock.NOW.minus(Duration.ofDays(120))),
            Timestamp.from(FixedClock.NOW.minus(Duration.ofDays(30))),
            grant.id())
        .update();
    page(counsellor, "/guidance/clients/" + grant.id(), 404);
    assertThat(page(counsellor, "/guidance/caseload", 200)).doesNotContain(clientName);
    assertThat(consents.skills(grant.id(), counsellorId, "org-a")).isEmpty();
    assertThat(reads(SharedPart.SKILLS)).isEqualTo(1);
    assertThat(page(client, "/guidance/sharing", 200)).contains("Ended");
  }

  @Test
  void aCounsellorOfAnotherOrganisationIsRefused() throws Exception {
    CounsellorGrant grant = share("SKILLS", "WORK_HISTORY");
    String other = page(otherOrganisationCounsellor, "/guidance/clients/" + grant.id(), 404);
    assertThat(other).doesNotContain(workSecret).doesNotContain(clientName);
    assertThat(page(otherOrganisationCounsellor, "/guidance/caseload", 200))
        .doesNotContain(clientName);
    // The consent does not follow the counsellor to another organisation.
    page(sameCounsellorOtherOrganisation, "/guidance/clients/" + grant.id(), 404);
    assertThat(consents.skills(grant.id(), counsellorId, "org-b")).isEmpty();
    assertThat(reads(SharedPart.SKILLS)).isZero();
  }

  @Test
  void onlyCounsellorsReachTheCounsellorPages() throws Exception {
    CounsellorGrant grant = share("SKILLS");
    page(client, "/guidance/caseload", 403);
    page(client, "/guidance/clients/" + grant.id(), 403);
    assertThat(
            mvc.perform(post("/guidance/invitations").with(client))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    // A role claim without an organisation claim makes nobody a counsellor.
    RequestPostProcessor noOrganisation =
        oidc.person(
            "counsellor-" + UUID.randomUUID(),
            Map.of("osaava_roles", List.of("guidance-counsellor")));
    page(noOrganisation, "/guidance/caseload", 403);
  }

  @Test
  void badAnswersToAnInvitationNameTheField() throws Exception {
    String code = invitation(counsellor);
    MockHttpServletResponse missing =
        mvc.perform(
                post("/guidance/sharing")
                    .with(client)
                    .header("Accept-Language", "en")
                    .param("code", code)
                    .param("months", "13"))
            .andReturn()
            .getResponse();
    assertThat(missing.getStatus()).isEqualTo(400);
    assertThat(missing.getContentAsString())
        .contains("id=\"name-error\"")
        .contains("id=\"parts-error\"")
        .contains("id=\"months-error\"")
        .contains("Choose at least one part to share");
    MockHttpServletResponse unknown =
        mvc.perform(
                post("/guidance/sharing")
                    .with(client)
                    .param("code", "ZZZZZ-ZZZZZ")
                    .param("name", "Me")
                    .param("parts", "SKILLS")
                    .param("months", "1"))
            .andReturn()
            .getResponse();
    assertThat(unknown.getStatus()).isEqualTo(400);
    assertThat(unknown.getContentAsString()).contains("id=\"code-error\"");
    assertThat(consents.grantsOf(clientId)).isEmpty();

    // A code works once.
    MockHttpServletResponse first = answer(code);
    assertThat(first.getRedirectedUrl()).isEqualTo("/guidance/sharing?shared");
    MockHttpServletResponse again = answer(code);
    assertThat(again.getStatus()).isEqualTo(400);
    assertThat(again.getContentAsString()).contains("id=\"code-error\"");
    assertThat(consents.grantsOf(clientId)).hasSize(1);
  }

  MockHttpServletResponse answer(String code) throws Exception {
    return mvc.perform(
            post("/guidance/sharing")
                .with(client)
                .param("code", code)
                .param("name", "Me")
                .param("parts", "SKILLS")
                .param("months", "1"))
        .andReturn()
        .getResponse();
  }

  @Test
  void aConsentLastsAtMostTwelveMonths() {
    assertThatThrownBy(
            () ->
                consents.grant(clientId, counsellorId, "org-a", "X", Set.of(SharedPart.SKILLS), 13))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("months");
    assertThatThrownBy(() -> consents.grant(clientId, counsellorId, "org-a", "X", Set.of(), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("parts");
  }

  @Test
  void anotherPersonCannotRevokeOrSeeTheClientsConsents() throws Exception {
    CounsellorGrant grant = share("SKILLS");
    RequestPostProcessor stranger = oidc.person("stranger-" + UUID.randomUUID());
    MockHttpServletResponse response =
        mvc.perform(post("/guidance/sharing/" + grant.id() + "/revoke").with(stranger))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(page(stranger, "/guidance/sharing", 200)).doesNotContain(clientName);
    page(counsellor, "/guidance/clients/" + grant.id(), 200);
  }

  @Test
  void deletingTheClientsAccountRemovesTheConsents() throws Exception {
    CounsellorGrant grant = share("SKILLS");
    mvc.perform(post("/profile/delete").with(client));
    assertThat(
            jdbc.sql("SELECT count(*) FROM profile_counsellor_grant WHERE id = ?")
                .param(grant.id())
                .query(Long.class)
                .single())
        .isZero();
    page(counsellor, "/guidance/clients/" + grant.id(), 404);
  }

  MockHttpServletResponse send(RequestPostProcessor who, String path, String... params)
      throws Exception {
    var request = post(path).with(who).header("Accept-Language", "en");
    for (int i = 0; i < params.length; i += 2) {
      request.param(params[i], params[i + 1]);
    }
    return mvc.perform(request).andReturn().getResponse();
  }

  @Test
  void theClientReadsSharedNotesButNeverPrivateOnesAndDecidesOnSteps() throws Exception {
    CounsellorGrant grant = share("SKILLS", "PLANS");
    String base = "/guidance/clients/" + grant.id();
    String stepTitle = "Step-" + UUID.randomUUID();
    String shared = "Shared-note-" + UUID.randomUUID();
    String secretNote = "Private-note-" + UUID.randomUUID();
    assertThat(
            send(
                    counsellor,
                    base + "/steps",
                    "kind",
                    "TASK",
                    "title",
                    stepTitle,
                    "due",
                    "2026-11-15")
                .getRedirectedUrl())
        .startsWith(base);
    assertThat(send(counsellor, base + "/notes", "body", shared, "shared", "true").getStatus())
        .isEqualTo(302);
    assertThat(send(counsellor, base + "/notes", "body", secretNote).getStatus()).isEqualTo(302);

    String view = page(counsellor, base, 200);
    assertThat(view).contains(stepTitle).contains(shared).contains(secretNote);
    String caseload = page(counsellor, "/guidance/caseload?open=true&sort=DUE", 200);
    assertThat(caseload).contains(clientName).contains("15.11.2026");

    String plan = page(client, "/guidance/plan", 200);
    assertThat(plan).contains(stepTitle).contains(shared).doesNotContain(secretNote);
    UUID step =
        jdbc.sql("SELECT id FROM guidance_step WHERE client_id = ?")
            .param(clientId.value())
            .query(UUID.class)
            .single();
    assertThat(
            send(client, "/guidance/plan/steps/" + step + "/decision", "decision", "accept")
                .getStatus())
        .isEqualTo(302);
    // Decided once: a second decision finds no proposed step.
    assertThat(
            send(client, "/guidance/plan/steps/" + step + "/decision", "decision", "decline")
                .getStatus())
        .isEqualTo(404);
    assertThat(
            send(client, "/guidance/plan/steps/" + step + "/decision", "decision", "maybe")
                .getStatus())
        .isEqualTo(400);
    String comment = "Comment-" + UUID.randomUUID();
    assertThat(
            send(client, "/guidance/plan/comments", "organisation", "org-a", "comment", comment)
                .getRedirectedUrl())
        .isEqualTo("/guidance/plan?commented");
    MockHttpServletResponse elsewhere =
        send(client, "/guidance/plan/comments", "organisation", "org-b", "comment", comment);
    assertThat(elsewhere.getStatus()).isEqualTo(400);
    assertThat(elsewhere.getContentAsString()).contains("id=\"organisation-error\"");
    view = page(counsellor, base, 200);
    assertThat(view).contains(comment).contains("Accepted");
    assertThat(page(counsellor, "/guidance/caseload?open=true", 200)).contains(clientName);

    // The export has the shared note and the comment, not the private note; deletion takes all.
    String export =
        mvc.perform(get("/api/v1/profile/export").with(client))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(export)
        .contains(shared)
        .contains(comment)
        .contains(stepTitle)
        .doesNotContain(secretNote);
    mvc.perform(post("/profile/delete").with(client));
    assertThat(
            jdbc.sql("SELECT count(*) FROM guidance_note WHERE client_id = ?")
                .param(clientId.value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void withoutThePlansPartTheCounsellorCannotWorkOnThePlan() throws Exception {
    CounsellorGrant grant = share("SKILLS");
    String base = "/guidance/clients/" + grant.id();
    assertThat(send(counsellor, base + "/steps", "kind", "SERVICE", "title", "x").getStatus())
        .isEqualTo(404);
    assertThat(send(counsellor, base + "/notes", "body", "x").getStatus()).isEqualTo(404);
    assertThat(page(counsellor, base, 200)).doesNotContain("id=\"plan-heading\"");
    assertThat(reads(SharedPart.PLANS)).isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM guidance_step WHERE client_id = ?")
                .param(clientId.value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aTaskNeedsADueDateAndTheErrorNamesTheField() throws Exception {
    CounsellorGrant grant = share("PLANS");
    MockHttpServletResponse response =
        send(
            counsellor,
            "/guidance/clients/" + grant.id() + "/steps",
            "kind",
            "TASK",
            "title",
            "Call");
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("id=\"due-error\"").contains("due date");
    MockHttpServletResponse badDate =
        send(
            counsellor,
            "/guidance/clients/" + grant.id() + "/steps",
            "kind",
            "TASK",
            "title",
            "Call",
            "due",
            "31.13.2026");
    assertThat(badDate.getStatus()).isEqualTo(400);
    assertThat(badDate.getContentAsString()).contains("id=\"due-error\"");
    // 31 February: no such day, in any of the three languages; the field is named and what was
    // typed stays in it.
    for (var language :
        Map.of(
                "en", "The due date must be a real date",
                "fi", "Määräpäivän on oltava oikea päivämäärä",
                "sv", "Förfallodagen måste vara ett riktigt datum")
            .entrySet()) {
      MockHttpServletResponse february =
          mvc.perform(
                  post("/guidance/clients/" + grant.id() + "/steps")
                      .with(counsellor)
                      .header("Accept-Language", language.getKey())
                      .param("kind", "TASK")
                      .param("title", "Call")
                      .param("due", "31.2.2027"))
              .andReturn()
              .getResponse();
      assertThat(february.getStatus()).isEqualTo(400);
      assertThat(february.getContentAsString())
          .contains("id=\"due-error\"")
          .contains(language.getValue())
          .contains("value=\"31.2.2027\"");
    }
    // A real day typed the Finnish way, where the browser shows a text field, is read.
    assertThat(
            send(
                    counsellor,
                    "/guidance/clients/" + grant.id() + "/steps",
                    "kind",
                    "TASK",
                    "title",
                    "Call",
                    "due",
                    "28.2.2027")
                .getStatus())
        .isEqualTo(302);
    assertThat(page(counsellor, "/guidance/clients/" + grant.id(), 200)).contains("28.2.2027");
  }

  @Test
  void theCaseloadIsPagedInAStableOrderKeepingItsFiltersAndNamesTheOrganisation() throws Exception {
    String organisation = "org-paged-" + UUID.randomUUID();
    Map<String, Object> claims = new java.util.HashMap<>(counsellorClaims(organisation));
    claims.put("osaava_organisation_name", "Ohjaamo Testilä");
    RequestPostProcessor paged = oidc.person("counsellor-" + UUID.randomUUID(), claims);
    PersonId pagedId =
        PersonId.of(
            json.readTree(
                    mvc.perform(get("/api/v1/profile").with(paged))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .path("person")
                .asString());
    // 27 consents in a seeded shuffle, two names given twice (and one in another case), so that
    // the order's tie-break on the consent is exercised.
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < 27; i++) {
      names.add(
          String.format(java.util.Locale.ROOT, i == 26 ? "PAGED %02d" : "Paged %02d", i % 25));
    }
    java.util.Collections.shuffle(names, new java.util.Random(20261212));
    for (String name : names) {
      consents.grant(clientId, pagedId, organisation, name, Set.of(SharedPart.SKILLS), 3);
    }
    // The oracle: by name regardless of case, then by the consent's id.
    List<String> expected =
        consents.caseload(pagedId, organisation).stream()
            .sorted(
                java.util.Comparator.comparing(
                        (CounsellorGrant g) -> g.clientName().toLowerCase(java.util.Locale.ROOT))
                    .thenComparing(CounsellorGrant::id))
            .map(g -> g.id().toString())
            .toList();
    assertThat(expected).hasSize(27);

    String first = page(paged, "/guidance/caseload", 200);
    assertThat(first)
        .contains("Clients 1–25 of 27")
        .contains("Organisation: Ohjaamo Testilä")
        .doesNotContain("Organisation: " + organisation)
        .contains("href=\"/guidance/caseload?page=2\"")
        .contains("aria-current=\"page\"");
    String second = page(paged, "/guidance/caseload?page=2", 200);
    assertThat(second).contains("Clients 26–27 of 27");
    List<String> shown = new java.util.ArrayList<>(clientLinks(first));
    shown.addAll(clientLinks(second));
    assertThat(shown).containsExactlyElementsOf(expected);
    // Past the end is the last page; not a number is the first.
    assertThat(clientLinks(page(paged, "/guidance/caseload?page=99", 200)))
        .containsExactlyElementsOf(expected.subList(25, 27));
    assertThat(clientLinks(page(paged, "/guidance/caseload?page=%3Cx%3E", 200)))
        .containsExactlyElementsOf(expected.subList(0, 25));

    // The search and order travel with the page links, encoded as a form sends them.
    String searched = page(paged, "/guidance/caseload?q=paged 0&sort=ACTIVITY", 200);
    assertThat(searched).contains("Clients (12)").doesNotContain("id=\"caseload-pages\"");
    String filtered = page(paged, "/guidance/caseload?q=paged&sort=ACTIVITY", 200);
    assertThat(filtered)
        .contains("href=\"/guidance/caseload?q=paged&amp;sort=ACTIVITY&amp;page=2\"");
    assertThat(page(paged, "/guidance/caseload?q=paged&sort=ACTIVITY&page=2", 200))
        .contains("href=\"/guidance/caseload?q=paged&amp;sort=ACTIVITY\"")
        .contains("Clients 26–27 of 27");

    // The client sees the organisation by its name too.
    assertThat(page(client, "/guidance/sharing", 200)).contains("Organisation: Ohjaamo Testilä");
  }

  /** The client views a caseload page links to, in order. */
  static List<String> clientLinks(String html) {
    int start = html.indexOf("id=\"caseload\"");
    if (start < 0) {
      return List.of();
    }
    String table = html.substring(start, html.indexOf("</table>", start));
    return java.util.regex.Pattern.compile("/guidance/clients/([0-9a-f-]{36})\"")
        .matcher(table)
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  @Test
  void theSummaryPdfIsInTheClientsLanguageAndLeavesOutPrivateNotes() throws Exception {
    String code = invitation(counsellor);
    mvc.perform(
        post("/guidance/sharing")
            .with(client)
            .header("Accept-Language", "sv")
            .param("code", code)
            .param("name", clientName)
            .param("parts", "SKILLS", "PLANS")
            .param("months", "2"));
    CounsellorGrant grant = consents.grantsOf(clientId).getFirst();
    String base = "/guidance/clients/" + grant.id();
    String shared = "Delad-" + UUID.randomUUID();
    String secretNote = "Privat-" + UUID.randomUUID();
    send(counsellor, base + "/notes", "body", shared, "shared", "true");
    send(counsellor, base + "/notes", "body", secretNote);
    send(counsellor, base + "/steps", "kind", "SERVICE", "title", "Yrkesvägledning");

    // The counsellor reads English; the summary is in the client's Swedish.
    MockHttpServletResponse response =
        mvc.perform(get(base + "/summary.pdf").with(counsellor).header("Accept-Language", "en"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).isEqualTo("application/pdf");
    assertThat(response.getHeader("Content-Disposition")).contains("attachment");
    String text;
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(response.getContentAsByteArray())) {
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
      // With -Dosaava.pdf-preview=DIR, the first page as an image, to look at as at the pages.
      String directory = System.getProperty("osaava.pdf-preview");
      if (directory != null && !directory.isBlank()) {
        javax.imageio.ImageIO.write(
            new org.apache.pdfbox.rendering.PDFRenderer(pdf).renderImageWithDPI(0, 100),
            "png",
            java.nio.file.Path.of(directory, "guidance-summary-sv.png").toFile());
      }
    }
    assertThat(text)
        .contains("Sammanfattning av vägledningen")
        .contains(clientName)
        .contains("Apache Tomcat")
        .contains("Yrkesvägledning")
        .contains(shared)
        .doesNotContain(secretNote)
        .doesNotContain("Guidance summary");
    assertThat(reads(SharedPart.SKILLS)).isEqualTo(1);

    // Without a live consent there is no summary.
    mvc.perform(post("/guidance/sharing/" + grant.id() + "/revoke").with(client));
    assertThat(
            mvc.perform(get(base + "/summary.pdf").with(counsellor))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  static final String DEVELOPER_ID = "f2b15a0e-e65a-438a-affb-29b9d50b77d1";

  /**
   * The client's one live consent: on the fixed clock a new consent and a revoked one have the same
   * start, so {@link #share}'s "newest" can be either.
   */
  CounsellorGrant live(CounsellorGrant shared) {
    return consents.grantsOf(clientId).stream()
        .filter(g -> g.revokedAt() == null)
        .findFirst()
        .orElse(shared);
  }

  @Test
  void theClientViewShowsTheGoalGapOnlyWithSkillsAndPlansAndOpportunitiesWithSkills()
      throws Exception {
    // The client saves a learning plan towards software developer on their own pages.
    assertThat(
            mvc.perform(
                    post("/opportunities/plans")
                        .with(client)
                        .header("Accept-Language", "en")
                        .param("goal", DEVELOPER_ID)
                        .param("skill", SKILL_URI))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/opportunities/plans");
    String own = page(client, "/opportunities/goals/" + DEVELOPER_ID + "?skill=" + SKILL_URI, 200);
    String ownFirstGap = own.substring(own.indexOf("class=\"govuk-list govuk-list--number gap\""));

    CounsellorGrant both = share("SKILLS", "PLANS");
    String view = page(counsellor, "/guidance/clients/" + both.id(), 200);
    assertThat(view).contains("id=\"outlook-heading\"").contains("id=\"goal-gap\"");
    assertThat(view).contains("Goal: software developer");
    // The same gap, explained by the same fragment as on the client's own goal page.
    String gap = view.substring(view.indexOf("class=\"govuk-list govuk-list--number gap\""));
    assertThat(gap.substring(0, gap.indexOf("</ol>")))
        .isEqualTo(ownFirstGap.substring(0, ownFirstGap.indexOf("</ol>")));
    assertThat(view).contains("class=\"govuk-list cards opportunity-cards\"");
    // The goal is read through the consent, so the client sees it in the log.
    assertThat(reads(SharedPart.PLANS)).isGreaterThanOrEqualTo(2);

    consents.revoke(clientId, both.id());
    CounsellorGrant skillsOnly = live(share("SKILLS"));
    long plansBefore = reads(SharedPart.PLANS);
    String scoped = page(counsellor, "/guidance/clients/" + skillsOnly.id(), 200);
    assertThat(scoped).contains("class=\"govuk-list cards opportunity-cards\"");
    assertThat(scoped)
        .doesNotContain("id=\"goal-gap\"")
        .doesNotContain("Goal: software developer")
        .contains("id=\"goal-not-shared\"");
    assertThat(reads(SharedPart.PLANS)).isEqualTo(plansBefore);

    consents.revoke(clientId, skillsOnly.id());
    CounsellorGrant plansOnly = live(share("PLANS"));
    String noSkills = page(counsellor, "/guidance/clients/" + plansOnly.id(), 200);
    assertThat(noSkills).doesNotContain("id=\"outlook-heading\"").doesNotContain("Goal: ");
  }

  /**
   * The caseload's table of clients, empty when none matches: the reminders above it list clients
   * whatever the filters.
   */
  String caseloadTable(String path) throws Exception {
    String html = page(counsellor, path, 200);
    int start = html.indexOf("id=\"caseload\"");
    return start < 0 ? "" : html.substring(start);
  }

  @Test
  void theCaseloadFiltersByNextMeetingGoalAndLatestActivity() throws Exception {
    // The plan keeps the goal's title in the language it was saved in.
    mvc.perform(
        post("/opportunities/plans")
            .with(client)
            .header("Accept-Language", "en")
            .param("goal", DEVELOPER_ID));
    CounsellorGrant grant = share("SKILLS", "PLANS");
    String base = "/guidance/clients/" + grant.id();
    // A meeting needs its day, and the error names the field.
    MockHttpServletResponse noDay =
        send(counsellor, base + "/steps", "kind", "MEETING", "title", "First meeting");
    assertThat(noDay.getStatus()).isEqualTo(400);
    assertThat(noDay.getContentAsString()).contains("id=\"due-error\"");
    // FixedClock.NOW is 31 October 2026: a meeting in three days.
    assertThat(
            send(
                    counsellor,
                    base + "/steps",
                    "kind",
                    "MEETING",
                    "title",
                    "First",
                    "due",
                    "2026-11-03")
                .getStatus())
        .isEqualTo(302);

    // A task due tomorrow is a reminder on the caseload, whatever the filters show.
    assertThat(
            send(counsellor, base + "/steps", "kind", "TASK", "title", "Call", "due", "2026-11-01")
                .getStatus())
        .isEqualTo(302);
    String all = page(counsellor, "/guidance/caseload", 200);
    String reminders = all.substring(all.indexOf("id=\"reminders\""));
    reminders = reminders.substring(0, reminders.indexOf("</section>"));
    assertThat(reminders).contains(clientName).contains("1.11.2026");
    assertThat(page(counsellor, "/guidance/caseload?q=nobody-like-this", 200))
        .contains("id=\"reminders\"");
    assertThat(all).contains(clientName).contains("3.11.2026").contains("software developer");
    assertThat(page(counsellor, "/guidance/caseload?meeting=WEEK", 200)).contains(clientName);
    assertThat(caseloadTable("/guidance/caseload?meeting=NONE")).doesNotContain(clientName);
    assertThat(page(counsellor, "/guidance/caseload?goal=DEVELOPER", 200)).contains(clientName);
    assertThat(caseloadTable("/guidance/caseload?goal=nurse")).doesNotContain(clientName);
    assertThat(page(counsellor, "/guidance/caseload?active=DAYS_7", 200)).contains(clientName);
    assertThat(caseloadTable("/guidance/caseload?active=QUIET_90")).doesNotContain(clientName);
    assertThat(page(counsellor, "/guidance/caseload?sort=MEETING", 200)).contains(clientName);
    // Unknown values are "any", never an error page.
    assertThat(page(counsellor, "/guidance/caseload?meeting=%3Cx%3E&active=&sort=x", 200))
        .contains(clientName);

    // With skills only, the caseload reads nothing of the plan: no goal, no meeting.
    consents.revoke(clientId, grant.id());
    CounsellorGrant skillsOnly = live(share("SKILLS"));
    long plansBefore = reads(SharedPart.PLANS);
    String scoped = page(counsellor, "/guidance/caseload", 200);
    assertThat(scoped).contains("/guidance/clients/" + skillsOnly.id());
    assertThat(scoped)
        .doesNotContain("software developer")
        .doesNotContain("3.11.2026")
        .doesNotContain("id=\"reminders\"");
    assertThat(caseloadTable("/guidance/caseload?goal=developer")).doesNotContain(clientName);
    assertThat(reads(SharedPart.PLANS)).isEqualTo(plansBefore);
  }

  /** The client makes an invitation through the page; its code as the page shows it. */
  String clientInvitation(String language, String months, String... parts) throws Exception {
    var request =
        post("/guidance/sharing/invitations")
            .with(client)
            .header("Accept-Language", language)
            .param("name", clientName)
            .param("months", months);
    for (String p : parts) {
      request.param("parts", p);
    }
    MvcResult made = mvc.perform(request).andReturn();
    assertThat(made.getResponse().getRedirectedUrl())
        .isEqualTo("/guidance/sharing?invited#invitations-heading");
    String code = (String) made.getFlashMap().get("madeInvitationCode");
    assertThat(code).isNotNull();
    return code;
  }

  @Test
  void aClientInvitesACounsellorWhoAcceptsThroughTheSameConsentGate() throws Exception {
    String code = clientInvitation("sv", "4", "SKILLS");
    assertThat(page(client, "/guidance/sharing", 200)).contains(code);
    // Nothing is shared before a counsellor accepts.
    assertThat(consents.grantsOf(clientId)).isEmpty();

    // The link shows what the client offers; following it alone starts nothing.
    String offer = page(counsellor, "/guidance/client-invitations?code=" + code, 200);
    assertThat(offer).contains(clientName).contains("Skills").doesNotContain("Plans</li>");
    assertThat(consents.grantsOf(clientId)).isEmpty();

    MockHttpServletResponse accepted =
        send(counsellor, "/guidance/client-invitations", "code", code.toLowerCase());
    CounsellorGrant grant = consents.grantsOf(clientId).getFirst();
    assertThat(accepted.getRedirectedUrl())
        .isEqualTo("/guidance/clients/" + grant.id() + "?accepted");
    assertThat(grant.counsellor()).isEqualTo(counsellorId);
    assertThat(grant.organisation()).isEqualTo("org-a");
    assertThat(grant.clientName()).isEqualTo(clientName);
    assertThat(grant.parts()).containsExactly(SharedPart.SKILLS);
    assertThat(Duration.between(FixedClock.NOW, grant.expiresAt()).toDays()).isBetween(119L, 124L);

    // The same gate: only the shared part is read, and the reads are in the client's log.
    String view = page(counsellor, "/guidance/clients/" + grant.id(), 200);
    assertThat(view).contains("Apache Tomcat").doesNotContain(workSecret);
    assertThat(reads(SharedPart.SKILLS)).isEqualTo(1);
    assertThat(consents.accessLog(clientId))
        .extracting(AccessRecord::action)
        .containsExactly("read", "granted");
    // The summary is in the language of the page where the client made the invitation.
    assertThat(
            jdbc.sql("SELECT client_language FROM guidance_client_invitation WHERE grant_id = ?")
                .param(grant.id())
                .query(String.class)
                .single())
        .isEqualTo("sv");

    // Used once: the code is gone from the client's pending list and refused to anyone else.
    assertThat(page(client, "/guidance/sharing", 200)).doesNotContain(code);
    MockHttpServletResponse again =
        send(otherOrganisationCounsellor, "/guidance/client-invitations", "code", code);
    assertThat(again.getStatus()).isEqualTo(400);
    assertThat(again.getContentAsString()).contains("id=\"code-error\"");
    assertThat(consents.grantsOf(clientId)).hasSize(1);

    // Revocable at once, like any consent.
    mvc.perform(post("/guidance/sharing/" + grant.id() + "/revoke").with(client));
    page(counsellor, "/guidance/clients/" + grant.id(), 404);
    assertThat(reads(SharedPart.SKILLS)).isEqualTo(1);
  }

  @Test
  void aClientsInvitationCanBeWithdrawnAndExpiresAndOnlyCounsellorsAcceptIt() throws Exception {
    String code = clientInvitation("en", "2", "SKILLS", "PLANS");
    UUID id =
        jdbc.sql("SELECT id FROM guidance_client_invitation WHERE client_id = ?")
            .param(clientId.value())
            .query(UUID.class)
            .single();
    // Not a counsellor: refused, and nothing is shown of the client.
    RequestPostProcessor stranger = oidc.person("stranger-" + UUID.randomUUID());
    assertThat(page(client, "/guidance/client-invitations?code=" + code, 403))
        .doesNotContain(clientName);
    assertThat(send(stranger, "/guidance/client-invitations", "code", code).getStatus())
        .isEqualTo(403);
    // Another person cannot withdraw it.
    assertThat(send(stranger, "/guidance/sharing/invitations/" + id + "/withdraw").getStatus())
        .isEqualTo(404);
    MockHttpServletResponse withdrawn =
        send(client, "/guidance/sharing/invitations/" + id + "/withdraw");
    assertThat(withdrawn.getRedirectedUrl())
        .isEqualTo("/guidance/sharing?withdrawn#invitations-heading");
    assertThat(page(counsellor, "/guidance/client-invitations?code=" + code, 404))
        .doesNotContain(clientName);
    assertThat(send(counsellor, "/guidance/client-invitations", "code", code).getStatus())
        .isEqualTo(400);

    // An invitation older than its validity is refused.
    String old = clientInvitation("en", "2", "SKILLS");
    jdbc.sql("UPDATE guidance_client_invitation SET expires_at = ? WHERE code = ?")
        .params(Timestamp.from(FixedClock.NOW.minusSeconds(1)), old.replace("-", ""))
        .update();
    assertThat(send(counsellor, "/guidance/client-invitations", "code", old).getStatus())
        .isEqualTo(400);
    assertThat(consents.grantsOf(clientId)).isEmpty();

    // Export and deletion.
    String export =
        mvc.perform(get("/api/v1/profile/export").with(client))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(export).contains("clientInvitations").contains(clientName);
    mvc.perform(post("/profile/delete").with(client));
    assertThat(
            jdbc.sql("SELECT count(*) FROM guidance_client_invitation WHERE client_id = ?")
                .param(clientId.value())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void badAnswersToAClientsInvitationFormNameTheField() throws Exception {
    MockHttpServletResponse bad =
        send(client, "/guidance/sharing/invitations", "name", "", "months", "13");
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentAsString())
        .contains("id=\"invite-name-error\"")
        .contains("id=\"invite-parts-error\"")
        .contains("id=\"invite-months-error\"")
        .contains("href=\"#invite-parts-SKILLS\"");
    assertThat(
            send(
                    client,
                    "/guidance/sharing/invitations",
                    "name",
                    "X",
                    "parts",
                    "NOPE",
                    "months",
                    "x")
                .getStatus())
        .isEqualTo(400);
    assertThat(
            jdbc.sql("SELECT count(*) FROM guidance_client_invitation WHERE client_id = ?")
                .param(clientId.value())
                .query(Long.class)
                .single())
        .isZero();
  }

  static Map<String, Object> adminClaims(String organisation) {
    return Map.of(
        "osaava_roles",
        List.of("guidance-admin"),
        "osaava_organisation",
        organisation,
        "name",
        "Alli Ylläpitäjä");
  }

  /** The service navigation of a page, where the guidance entries are. */
  String navigation(RequestPostProcessor who) throws Exception {
    String page = page(who, "/guidance/sharing", 200);
    return page.substring(
        page.indexOf("id=\"navigation\""),
        page.indexOf("</nav>", page.indexOf("id=\"navigation\"")));
  }

  @Test
  void theNavigationLeadsCounsellorsToTheCaseloadAndOnlyAdministratorsToTheirPage()
      throws Exception {
    RequestPostProcessor admin = oidc.person("admin-" + UUID.randomUUID(), adminClaims("org-a"));
    assertThat(navigation(admin))
        .contains("href=\"/guidance/admin\"")
        .doesNotContain("href=\"/guidance/caseload\"");
    assertThat(navigation(counsellor))
        .contains("href=\"/guidance/caseload\"")
        .doesNotContain("href=\"/guidance/admin\"");
    assertThat(navigation(client))
        .doesNotContain("href=\"/guidance/caseload\"")
        .doesNotContain("href=\"/guidance/admin\"");
    // A counsellor added by their verified address, without the role claim, finds the caseload.
    String address = "lisatty." + UUID.randomUUID() + "@example.fi";
    send(admin, "/guidance/admin/counsellors", "email", address);
    RequestPostProcessor added =
        oidc.person("added-" + UUID.randomUUID(), Map.of("email", address, "email_verified", true));
    assertThat(navigation(added)).contains("href=\"/guidance/caseload\"");
  }

  @Test
  void anOrganisationAdministratorAddsAndRemovesCounsellors() throws Exception {
    RequestPostProcessor admin = oidc.person("admin-" + UUID.randomUUID(), adminClaims("org-a"));
    CounsellorGrant grant = share("SKILLS");
    page(otherOrganisationCounsellor, "/guidance/caseload", 200);
    String list = page(admin, "/guidance/admin", 200);
    assertThat(list).contains("Anna Ohjaaja").contains("remove-" + counsellorId.value());
    assertThat(list).doesNotContain("remove-" + personOf(otherOrganisationCounsellor).value());

    // Only the claims make an administrator: not a client, not a counsellor.
    page(client, "/guidance/admin", 403);
    page(counsellor, "/guidance/admin", 403);
    assertThat(send(counsellor, "/guidance/admin/counsellors", "email", "x@example.fi").getStatus())
        .isEqualTo(403);

    // Added by e-mail: whoever signs in with that verified address is a counsellor of org-a.
    String address = "uusi." + UUID.randomUUID() + "@example.fi";
    assertThat(
            send(admin, "/guidance/admin/counsellors", "email", address.toUpperCase())
                .getRedirectedUrl())
        .isEqualTo("/guidance/admin?added");
    assertThat(page(admin, "/guidance/admin", 200)).contains(address).contains("Not signed in yet");
    RequestPostProcessor unverified =
        oidc.person("new-" + UUID.randomUUID(), Map.of("email", address, "email_verified", false));
    page(unverified, "/guidance/caseload", 403);
    RequestPostProcessor added =
        oidc.person(
            "new-" + UUID.randomUUID(),
            Map.of("email", address, "email_verified", true, "name", "Uusi Ohjaaja"));
    assertThat(page(added, "/guidance/caseload", 200)).contains("Organisation: org-a");
    assertThat(page(admin, "/guidance/admin", 200))
        .contains("Uusi Ohjaaja")
        .contains("Added by an administrator");
    // Signed in: no longer listed as an address nobody has used (other tests add other ones).
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM guidance_counsellor WHERE organisation_id = 'org-a'"
                        + " AND email = ? AND removed_at IS NULL")
                .param(address)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    // Removed: the counsellor's very next request is refused, and nothing more is read.
    page(counsellor, "/guidance/clients/" + grant.id(), 200);
    RequestPostProcessor otherAdmin =
        oidc.person("admin-" + UUID.randomUUID(), adminClaims("org-b"));
    assertThat(
            send(otherAdmin, "/guidance/admin/counsellors/" + counsellorId.value() + "/remove")
                .getStatus())
        .isEqualTo(404);
    page(counsellor, "/guidance/clients/" + grant.id(), 200);
    assertThat(
            send(admin, "/guidance/admin/counsellors/" + counsellorId.value() + "/remove")
                .getRedirectedUrl())
        .isEqualTo("/guidance/admin?removed");
    assertThat(page(counsellor, "/guidance/clients/" + grant.id(), 403)).doesNotContain(clientName);
    page(counsellor, "/guidance/caseload", 403);
    assertThat(reads(SharedPart.SKILLS)).isEqualTo(2);
    // The same person in another organisation is unaffected.
    page(sameCounsellorOtherOrganisation, "/guidance/caseload", 200);

    // Bad input names the field; the audit log tells who did what.
    MockHttpServletResponse bad =
        send(admin, "/guidance/admin/counsellors", "email", "not an address");
    assertThat(bad.getStatus()).isEqualTo(400);
    assertThat(bad.getContentAsString()).contains("id=\"email-error\"").contains("href=\"#email\"");
    String pending = "odottaa." + UUID.randomUUID() + "@example.fi";
    send(admin, "/guidance/admin/counsellors", "email", pending);
    UUID pendingId =
        jdbc.sql("SELECT id FROM guidance_member WHERE email = ?")
            .param(pending)
            .query(UUID.class)
            .single();
    assertThat(send(otherAdmin, "/guidance/admin/pending/" + pendingId + "/remove").getStatus())
        .isEqualTo(404);
    send(admin, "/guidance/admin/pending/" + pendingId + "/remove");
    String after = page(admin, "/guidance/admin", 200);
    assertThat(after)
        .contains("Added " + address)
        .contains("Removed Anna Ohjaaja")
        .contains("Withdrew the addition of " + pending)
        .contains("Alli Ylläpitäjä");
    assertThat(page(otherAdmin, "/guidance/admin", 200)).doesNotContain(address);
  }

  PersonId personOf(RequestPostProcessor who) throws Exception {
    return PersonId.of(
        json.readTree(
                mvc.perform(get("/api/v1/profile").with(who))
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .path("person")
            .asString());
  }

  @Autowired fi.osaava.guidance.internal.TaskReminders reminders;

  UUID task(CounsellorGrant grant, String title, java.time.LocalDate due) throws Exception {
    send(
        counsellor,
        "/guidance/clients/" + grant.id() + "/steps",
        "kind",
        "TASK",
        "title",
        title,
        "due",
        due.toString());
    return jdbc.sql("SELECT id FROM guidance_step WHERE title = ?")
        .param(title)
        .query(UUID.class)
        .single();
  }

  List<String> reminded() {
    return jdbc.sql(
            // Sent or not: the outbox's own job may have sent it meanwhile.
            "SELECT i.texts::text FROM nt_inbox i JOIN nt_outbox o ON o.inbox_id = i.id"
                + " WHERE i.person_id = ? AND i.idempotency_key LIKE 'guidance:task:%'")
        .param(counsellorId.value())
        .query(String.class)
        .list();
  }

  @Test
  void theCounsellorIsRemindedByEMailOnceOfEachTaskComingDueInTheirLanguage() throws Exception {
    mvc.perform(
        post("/notifications/settings")
            .with(counsellor)
            .header("Accept-Language", "sv")
            .param("email", "ohjaaja-" + UUID.randomUUID() + "@example.fi")
            .param("frequency", "IMMEDIATE"));
    CounsellorGrant grant = share("SKILLS", "PLANS");
    var today =
        java.time.LocalDate.ofInstant(FixedClock.NOW, java.time.ZoneId.of("Europe/Helsinki"));
    String soon = "Soon-" + UUID.randomUUID();
    String later = "Later-" + UUID.randomUUID();
    String declined = "Declined-" + UUID.randomUUID();
    UUID soonTask = task(grant, soon, today.plusDays(3));
    task(grant, later, today.plusDays(30));
    UUID declinedTask = task(grant, declined, today.plusDays(1));
    send(client, "/guidance/plan/steps/" + declinedTask + "/decision", "decision", "decline");

    reminders.remindDue();
    // One mail in the outbox, for the open task coming due, with the Swedish text among the
    // languages (the notifications module picks the counsellor's: Swedish, where they chose mail).
    assertThat(reminded()).hasSize(1);
    assertThat(reminded().getFirst())
        .contains(soon)
        .contains(clientName)
        .contains("ska vara klar")
        .doesNotContain(later)
        .doesNotContain(declined);
    assertThat(
            jdbc.sql("SELECT titles->>'sv' FROM nt_inbox WHERE idempotency_key = ?")
                .param("guidance:task:" + soonTask)
                .query(String.class)
                .single())
        .isEqualTo("En uppgift för " + clientName + " ska snart vara klar");
    assertThat(
            jdbc.sql("SELECT language FROM nt_recipient WHERE person_id = ?")
                .param(counsellorId.value())
                .query(String.class)
                .single())
        .isEqualTo("sv");
    // Once per task: the next round adds nothing.
    reminders.remindDue();
    assertThat(reminded()).hasSize(1);

    // Without a live consent nobody is reminded: the counsellor would have no access.
    String afterRevoke = "Revoked-" + UUID.randomUUID();
    task(grant, afterRevoke, today);
    mvc.perform(post("/guidance/sharing/" + grant.id() + "/revoke").with(client));
    reminders.remindDue();
    assertThat(reminded()).hasSize(1);
    assertThat(reminded().getFirst()).doesNotContain(afterRevoke);
  }

  @Autowired fi.osaava.guidance.internal.selfassessment.SelfAssessments selfAssessments;

  String summaryText(CounsellorGrant grant) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/guidance/clients/" + grant.id() + "/summary.pdf").with(counsellor))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    try (var pdf = org.apache.pdfbox.Loader.loadPDF(response.getContentAsByteArray())) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
    }
  }

  @Test
  void theSummaryHasTheCareerSelfAssessmentsOnlyWhenShared() throws Exception {
    Map<String, Integer> first = new java.util.LinkedHashMap<>();
    Map<String, Integer> second = new java.util.LinkedHashMap<>();
    for (String area : SelfAssessmentTest.AREAS) {
      first.put(area + "-1", 2);
      second.put(area + "-1", area.equals("self") ? 5 : 3);
    }
    var version = fi.osaava.guidance.internal.selfassessment.Version.QUICK;
    selfAssessments.save(
        clientId,
        new fi.osaava.guidance.internal.selfassessment.Answers(
            version, first, FixedClock.NOW.minus(Duration.ofDays(40))));
    selfAssessments.save(
        clientId,
        new fi.osaava.guidance.internal.selfassessment.Answers(version, second, FixedClock.NOW));

    // Shared: the latest result by area, and the history with the change (self: 2 -> 5).
    String code = clientInvitation("en", "3", "SKILLS", "SELF_ASSESSMENTS");
    send(counsellor, "/guidance/client-invitations", "code", code);
    CounsellorGrant grant = consents.grantsOf(clientId).getFirst();
    String text = summaryText(grant);
    assertThat(text)
        .contains("Career-planning self-assessment")
        .contains("Knowing yourself")
        .contains("Anticipating the future")
        .contains("5.0")
        .contains("+3.0");
    assertThat(
            consents.accessLog(clientId).stream()
                .filter(r -> r.action().equals("read") && r.part() == SharedPart.SELF_ASSESSMENTS)
                .count())
        .isEqualTo(2);

    // Not shared: not in the summary, and not read.
    mvc.perform(post("/guidance/sharing/" + grant.id() + "/revoke").with(client));
    share("SKILLS");
    // The fixed clock gives both consents the same start: take the live one.
    CounsellorGrant skillsOnly =
        consents.grantsOf(clientId).stream()
            .filter(g -> g.revokedAt() == null)
            .findFirst()
            .orElseThrow();
    String without = summaryText(skillsOnly);
    assertThat(without)
        .contains(clientName)
        .doesNotContain("Career-planning self-assessment")
        .doesNotContain("Knowing yourself");
    assertThat(
            consents.accessLog(clientId).stream()
                .filter(r -> r.action().equals("read") && r.part() == SharedPart.SELF_ASSESSMENTS)
                .count())
        .isEqualTo(2);
  }
}
