package fi.osaava.profile;

import static fi.osaava.web.FieldErrorAssertions.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.web.WebTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The profile end to end through its API, on the real ESCO data and the real database. */
class ProfileIntegrationTest extends WebTestBase {

  static final String COOK =
      "Työskentelin kokkina ravintolassa viisi vuotta. Valmistin ruokia, leivoin leipää,"
          + " suunnittelin ruokalistoja ja huolehdin hygieniasta. Palvelin asiakkaita ja"
          + " perehdytin uusia työntekijöitä.";

  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired ProfileApi profiles;
  @Autowired RecordingPersonalDataHolder otherModule;

  private RequestPostProcessor person(String name) {
    return oidc.person(name + "-" + UUID.randomUUID());
  }

  JsonNode call(RequestPostProcessor who, org.springframework.test.web.servlet.RequestBuilder r)
      throws Exception {
    MvcResult result = mvc.perform(r).andReturn();
    String body = result.getResponse().getContentAsString();
    return body.isBlank() ? json.nullNode() : json.readTree(body);
  }

  String addJob(RequestPostProcessor who, String description) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/api/v1/profile/experiences")
                    .with(who)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        json.writeValueAsString(
                            Map.of(
                                "kind", "WORK",
                                "title", "Kokki",
                                "organisation", "Ravintola Testi",
                                "start", "2019-01-01",
                                "end", "2024-01-31",
                                "description", description))))
            .andExpect(status().isCreated())
            .andExpect(header().string("ETag", "\"v0\""))
            .andReturn();
    return json.readTree(result.getResponse().getContentAsString()).path("id").asString();
  }

  List<JsonNode> suggestions(RequestPostProcessor who, String id) throws Exception {
    MvcResult r =
        mvc.perform(get("/api/v1/profile/experiences/" + id + "/suggestions").with(who))
            .andExpect(status().isOk())
            .andReturn();
    List<JsonNode> list = new java.util.ArrayList<>();
    json.readTree(r.getResponse().getContentAsString()).forEach(list::add);
    return list;
  }

  void decide(RequestPostProcessor who, String id, String uri, boolean accept) throws Exception {
    mvc.perform(
            post("/api/v1/profile/experiences/" + id + "/decisions")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("skillUri", uri, "accept", accept))))
        .andExpect(status().isOk());
  }

  @Test
  void finnishJobGivesSuggestionsAndARejectedOneNeverComesBack() throws Exception {
    RequestPostProcessor me = person("cook");
    String id = addJob(me, COOK);
    List<JsonNode> suggested = suggestions(me, id);
    assertThat(suggested).hasSizeGreaterThanOrEqualTo(3);
    String first = suggested.get(0).path("skillUri").asString();
    String second = suggested.get(1).path("skillUri").asString();
    String rejected = suggested.get(2).path("skillUri").asString();
    decide(me, id, first, true);
    decide(me, id, second, true);
    decide(me, id, rejected, false);

    JsonNode skills = call(me, get("/api/v1/profile/skills").with(me));
    assertThat(skills.size()).isEqualTo(2);
    JsonNode skill = skills.get(0);
    assertThat(skill.path("sourceKind").asString()).isEqualTo("EXPERIENCE");
    assertThat(skill.path("sourceLabel").asString()).isEqualTo("Kokki, Ravintola Testi");
    assertThat(skill.path("verified").asBoolean()).isFalse();
    assertThat(skill.path("lastUsed").asString()).isEqualTo("2024-01-31");
    assertThat(skill.path("proficiency").asString()).isEqualTo("INTERMEDIATE");

    // Editing the description analyses it again; the rejected skill stays rejected.
    mvc.perform(
            put("/api/v1/profile/experiences/" + id)
                .with(me)
                .header("If-Match", "\"v0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of(
                            "kind",
                            "WORK",
                            "title",
                            "Kokki",
                            "description",
                            COOK + " Lisäksi tilasin raaka-aineita."))))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"v1\""));
    assertThat(suggestions(me, id))
        .filteredOn(s -> s.path("skillUri").asString().equals(rejected))
        .singleElement()
        .satisfies(s -> assertThat(s.path("decision").asString()).isEqualTo("REJECTED"));
  }

  /**
   * The title of a work entry names the person's occupation; matching ranks it first for them,
   * before any occupation that only shares skills, with no skill accepted yet.
   */
  @Test
  void aJobTitleMakesItsOccupationRankFirstInMatching() throws Exception {
    RequestPostProcessor me = person("cook-matching");
    addJob(me, COOK);
    JsonNode page =
        call(
            me,
            get("/api/v1/opportunities")
                .param("kind", "OCCUPATION")
                .param("size", "5")
                .param("lang", "fi")
                .with(me));
    List<String> first = new java.util.ArrayList<>();
    page.path("items").forEach(card -> first.add(card.path("id").asString()));
    // ESCO's "cook" ("kokki"); "chef", whose Finnish labels also say kokki, may come before it.
    assertThat(first.subList(0, 2)).contains("90f75f67-495d-49fa-ab57-2f320e251d7e");
  }

  @Test
  void twoTabsEditingNeverLoseAnUpdateSilently() throws Exception {
    RequestPostProcessor me = person("tabs");
    String id = addJob(me, "");
    String body =
        json.writeValueAsString(Map.of("kind", "WORK", "title", "Tab one", "description", ""));
    mvc.perform(
            put("/api/v1/profile/experiences/" + id)
                .with(me)
                .header("If-Match", "\"v0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk());
    // The second tab still holds version 0.
    mvc.perform(
            put("/api/v1/profile/experiences/" + id)
                .with(me)
                .header("If-Match", "\"v0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.replace("Tab one", "Tab two")))
        .andExpect(status().isPreconditionFailed());
    mvc.perform(
            put("/api/v1/profile/experiences/" + id)
                .with(me)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isPreconditionRequired());
    assertThat(call(me, get("/api/v1/profile/experiences/" + id).with(me)).path("title").asString())
        .isEqualTo("Tab one");

    // The page form: a stale hidden version shows the conflict and keeps the saved state.
    String page =
        mvc.perform(
                post("/profile/experiences/" + id)
                    .with(me)
                    .param("version", "0")
                    .param("kind", "WORK")
                    .param("title", "Tab three"))
            .andExpect(status().isConflict())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Tab three").contains("class=\"govuk-inset-text notice\"");
    assertThat(call(me, get("/api/v1/profile/experiences/" + id).with(me)).path("title").asString())
        .isEqualTo("Tab one");
  }

  @Test
  void revokingTheCounsellorConsentStopsTheRead() throws Exception {
    String subject = "shares-" + UUID.randomUUID();
    RequestPostProcessor owner = oidc.person(subject);
    String code = call(owner, get("/api/v1/profile").with(owner)).path("person").asString();
    RequestPostProcessor counsellor =
        oidc.person(
            "counsellor-" + UUID.randomUUID(),
            Map.of("osaava_roles", List.of("guidance-counsellor")));
    RequestPostProcessor notCounsellor = person("nosy");
    String path = "/counsellor/profiles/" + code;

    mvc.perform(get(path).with(counsellor)).andExpect(status().isNotFound());
    consent(owner, "GUIDANCE_COUNSELLOR", true);
    mvc.perform(get(path).with(counsellor)).andExpect(status().isOk());
    mvc.perform(get(path).with(notCounsellor)).andExpect(status().isForbidden());
    consent(owner, "GUIDANCE_COUNSELLOR", false);
    mvc.perform(get(path).with(counsellor)).andExpect(status().isNotFound());
    // The counsellor's one successful read is in the audit log, without personal data.
    assertThat(
            jdbc.sql(
                    "SELECT actor, action FROM profile_audit WHERE person_id = ? AND action = 'profile-read'")
                .param(UUID.fromString(code))
                .query()
                .listOfRows())
        .singleElement()
        .satisfies(row -> assertThat(row.get("actor").toString()).startsWith("counsellor:"));
  }

  @Test
  void revokingTheStatisticsConsentRemovesThePersonFromStatistics() throws Exception {
    // A made-up concept URI in the skill namespace, so only this test's people have it.
    String skill = "http://data.europa.eu/esco/skill/" + UUID.randomUUID();
    List<RequestPostProcessor> people = new java.util.ArrayList<>();
    for (int i = 0; i < fi.osaava.profile.internal.ConsentGate.MIN_GROUP; i++) {
      RequestPostProcessor p = person("stats" + i);
      String code = call(p, get("/api/v1/profile").with(p)).path("person").asString();
      profiles.recordCompletedLearning(
          PersonId.of(code), "Test course", List.of(fi.osaava.taxonomy.ConceptUri.of(skill)));
      consent(p, "ANONYMISED_STATISTICS", true);
      people.add(p);
    }
    assertThat(count(skill)).isEqualTo(fi.osaava.profile.internal.ConsentGate.MIN_GROUP);
    consent(people.get(0), "ANONYMISED_STATISTICS", false);
    // One fewer is below the smallest group shown: the skill disappears altogether.
    assertThat(count(skill)).isZero();
  }

  private long count(String skill) throws Exception {
    JsonNode stats =
        json.readTree(
            mvc.perform(get("/api/v1/statistics/profile-skills?limit=1000"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    for (JsonNode s : stats) {
      if (s.path("skillUri").asString().equals(skill)) {
        return s.path("people").asLong();
      }
    }
    return 0;
  }

  void consent(RequestPostProcessor who, String purpose, boolean granted) throws Exception {
    mvc.perform(
            put("/api/v1/profile/consents/" + purpose)
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"granted\":" + granted + "}"))
        .andExpect(status().isOk());
  }

  @Test
  void exportHoldsEverythingAndDeletionLeavesOnlyOneAuditRow() throws Exception {
    String subject = "leaver-" + UUID.randomUUID();
    RequestPostProcessor me = oidc.person(subject);
    String id = addJob(me, COOK);
    String uri = suggestions(me, id).get(0).path("skillUri").asString();
    decide(me, id, uri, true);
    consent(me, "AI_IMPROVEMENT", true);
    mvc.perform(
            post("/api/v1/profile/credentials")
                .with(me)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    CredentialsTest.openBadge(
                        "http://data.europa.eu/esco/skill/" + CredentialsTest.TOMCAT)))
        .andExpect(status().isCreated());
    String person = call(me, get("/api/v1/profile").with(me)).path("person").asString();
    otherModule.put(PersonId.of(person), "a learning plan");
    JsonNode export = call(me, get("/api/v1/profile/export").with(me));
    assertThat(export.path("testNotes").get(0).asString()).isEqualTo("a learning plan");
    assertThat(export.path("experiences").size()).isEqualTo(1);
    assertThat(export.path("skills").size()).isEqualTo(2);
    assertThat(export.path("credentials").size()).isEqualTo(1);
    assertThat(export.path("consents").size()).isEqualTo(1);
    assertThat(export.path("suggestions").size()).isGreaterThan(1);
    assertThat(export.path("audit").size()).isGreaterThan(3);
    assertThat(export.toString()).doesNotContain(subject);
    JsonNode europass = call(me, get("/api/v1/profile/europass").with(me));
    assertThat(europass.path("holder").path("learningOutcome").size()).isEqualTo(2);

    mvc.perform(delete("/api/v1/profile").with(me)).andExpect(status().isNoContent());
    assertThat(otherModule.holds(PersonId.of(person))).isFalse();
    UUID personId = UUID.fromString(person);
    for (String table :
        List.of(
            "profile_person",
            "profile_experience",
            "profile_suggestion",
            "profile_skill",
            "profile_credential",
            "profile_consent",
            "profile_language",
            "profile_interest")) {
      String column = table.equals("profile_person") ? "id" : "person_id";
      assertThat(
              jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")
                  .param(personId)
                  .query(Long.class)
                  .single())
          .as(table)
          .isZero();
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM profile_identity WHERE person_id = ?")
                .param(personId)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT actor, action FROM profile_audit WHERE person_id = ?")
                .param(personId)
                .query()
                .listOfRows())
        .containsExactly(Map.of("actor", "self", "action", "account-deleted"));

    // Signing in again makes a new, empty person.
    JsonNode again = call(me, get("/api/v1/profile").with(me));
    assertThat(again.path("person").asString()).isNotEqualTo(person);
    assertThat(again.path("skills").size()).isZero();
    assertThat(again.path("experiences").size()).isZero();
  }

  @Test
  void identityTableHoldsOnlyADigest() throws Exception {
    String subject = "010101-123N-" + UUID.randomUUID();
    RequestPostProcessor me = oidc.person(subject);
    call(me, get("/api/v1/profile").with(me));
    List<byte[]> keys =
        jdbc.sql("SELECT identity_hmac FROM profile_identity").query(byte[].class).list();
    assertThat(keys).allSatisfy(k -> assertThat(k).hasSize(32));
    assertThat(keys)
        .noneMatch(
            k -> new String(k, java.nio.charset.StandardCharsets.ISO_8859_1).contains("010101"));
  }

  @Test
  void badInputNamesTheField() throws Exception {
    RequestPostProcessor me = person("bad");
    mvc.perform(
            post("/api/v1/profile/experiences")
                .with(me)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"WORK\",\"title\":\"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("title"));
    mvc.perform(
            post("/api/v1/profile/experiences")
                .with(me)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"kind\":\"WORK\",\"title\":\"x\",\"start\":\"2020-01-01\",\"end\":\"2019-01-01\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("end"));
  }

  @Test
  void thePageFormNamesEachBadFieldBesideItAndInTheSummary() throws Exception {
    RequestPostProcessor me = person("bad-page");
    String page =
        mvc.perform(
                post("/profile/experiences")
                    .with(me)
                    .header("Accept-Language", "sv")
                    .param("kind", "WORK")
                    .param("title", " ")
                    .param("organisation", "Kafé Oy")
                    .param("start", "31.8.2024"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertFieldError(page, "title");
    assertFieldError(page, "start");
    assertThat(page)
        .contains("Roll, examen eller aktivitet: fyll i det här fältet.")
        .contains("Startdatum: ange datumet som ÅÅÅÅ-MM-DD")
        .as("what was typed stays in the form")
        .contains("value=\"Kafé Oy\"");
    assertThat(page.indexOf("href=\"#title\"")).isLessThan(page.indexOf("href=\"#start\""));

    String endFirst =
        mvc.perform(
                post("/profile/experiences")
                    .with(me)
                    .header("Accept-Language", "fi")
                    .param("kind", "WORK")
                    .param("title", "Kokki")
                    .param("start", "2024-08-31")
                    .param("end", "2024-01-01"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertFieldError(endFirst, "end");
    assertThat(endFirst).contains("ei voi olla ennen alkamispäivää").doesNotContain("title-error");
    assertThat(call(me, get("/api/v1/profile/experiences").with(me)))
        .as("nothing of a refused form is saved")
        .isEmpty();
  }
}
