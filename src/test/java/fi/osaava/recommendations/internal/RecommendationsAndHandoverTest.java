package fi.osaava.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.recommendations.internal.CombinedRanking.Kind;
import fi.osaava.recommendations.internal.Handovers.Outcome;
import fi.osaava.recommendations.internal.PersonalRecommendations.Item;
import fi.osaava.recommendations.internal.PersonalRecommendations.Result;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.RelatedConcept;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.WebTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed-in person's combined recommendations and the hand-over summary, on the real ESCO data
 * and PostgreSQL: the ranking rule with its reasons, consent enforced in code, and the signed
 * link's tampering, expiry and withdrawal answered with 404 and 410 pages, never a 500.
 */
class RecommendationsAndHandoverTest extends WebTestBase {

  /** ESCO's software developer, the goal of the person's learning plan. */
  static final String DEVELOPER_ID = "f2b15a0e-e65a-438a-affb-29b9d50b77d1";

  @Autowired PersonalRecommendations recommendations;
  @Autowired Handovers handovers;
  @Autowired HandoverLinks links;
  @Autowired ProfileApi profile;
  @Autowired TaxonomyApi taxonomy;
  @Autowired JdbcClient jdbc;
  @Autowired RecommendationsPersonalData personalData;

  RequestPostProcessor signedIn;
  PersonId person;
  UUID turkuService;

  @BeforeEach
  void aPersonWithSkillsAGoalAndASituation() throws Exception {
    signedIn = oidc.person("rec-" + UUID.randomUUID());
    person =
        PersonId.of(
            json(mvc.perform(get("/api/v1/profile").with(signedIn)).andReturn().getResponse())
                .path("person")
                .asString());
    List<ConceptUri> essential =
        taxonomy
            .skillsOfOccupation(
                ConceptUri.of("http://data.europa.eu/esco/occupation/" + DEVELOPER_ID),
                RelationType.ESSENTIAL,
                Language.EN,
                new Paging(0, Paging.MAX_SIZE))
            .items()
            .stream()
            .map(RelatedConcept::concept)
            .map(c -> c.uri())
            .toList();
    // Half the developer's essential skills: the other half is the gap.
    profile.recordCompletedLearning(
        person, "A course (test)", essential.subList(0, essential.size() / 2));
    mvc.perform(post("/opportunities/plans").param("goal", DEVELOPER_ID).with(signedIn));
    String local = "rec-turku-" + UUID.randomUUID();
    mvc.perform(
        post("/api/v1/services")
            .header("Authorization", "Bearer " + oidc.bearerToken("services.publish"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"id": "%s", "organisation": {"name": {"fi": "Turun kaupunki"}},
                 "name": {"fi": "Turun urapalvelu %s", "en": "Turku career service %s"},
                 "type": "CAREER_COUNSELLING", "lifeSituations": ["CHANGING_CAREER"],
                 "areas": ["municipality:853"], "languages": ["fi"],
                 "channels": [{"type": "WEB_PAGE", "url": "https://ura.example.fi"}]}"""
                    .formatted(local, local, local)));
    assertThat(
            mvc.perform(
                    post("/recommendations/situation")
                        .param("situation", "CHANGING_CAREER")
                        .param("municipality", "853")
                        .with(signedIn))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(302);
    turkuService =
        recommendations.recommend(person, Language.EN).items().stream()
            .filter(i -> i.kind() == Kind.SERVICE && i.title().contains(local))
            .map(i -> UUID.fromString(i.id()))
            .findFirst()
            .orElseThrow();
  }

  @Test
  void theListFollowsTheRuleAndEachItemSaysWhy() throws Exception {
    Result result = recommendations.recommend(person, Language.EN);
    assertThat(result.preference()).isNotNull();
    assertThat(result.gap()).isNotNull();
    assertThat(result.gap().goalTitle()).isEqualTo("software developer");
    assertThat(result.gap().missing()).isNotEmpty();
    List<Item> items = result.items();
    assertThat(items).extracting(Item::kind).contains(Kind.SERVICE, Kind.OCCUPATION);
    // The Turku service is given in the person's municipality: tier 1, and the first service is
    // one of Turku's (each test publishes one).
    Item local =
        items.stream()
            .filter(i -> i.id().equals(turkuService.toString()))
            .findFirst()
            .orElseThrow();
    assertThat(local.tier()).isEqualTo(1);
    assertThat(items.getFirst().reasons())
        .extracting(PersonalRecommendations.Why::text)
        .contains("It is given in Turku");
    assertThat(local.reasons())
        .extracting(PersonalRecommendations.Why::text)
        .contains("It serves your situation: Changing career", "It is given in Turku");
    for (int i = 1; i < items.size(); i++) {
      assertThat(items.get(i).tier()).isGreaterThanOrEqualTo(items.get(i - 1).tier());
    }
    assertThat(items).allSatisfy(i -> assertThat(i.reasons()).isNotEmpty());
    Item occupation =
        items.stream().filter(i -> i.kind() == Kind.OCCUPATION).findFirst().orElseThrow();
    assertThat(occupation.reasons().getFirst().text()).startsWith("Your skills that it needs: ");
    // Offerings, where the catalogue has any for the gap, name the goal and the skills they teach.
    items.stream()
        .filter(i -> i.kind() == Kind.OFFERING)
        .forEach(
            o ->
                assertThat(o.reasons().getFirst().text())
                    .startsWith("It teaches skills your goal (software developer) needs"));
    // General descriptions, where any make the cut of eight services, and only they, are the
    // last tier.
    assertThat(items).filteredOn(Item::general).allMatch(i -> i.tier() == 3);
    assertThat(items).filteredOn(i -> i.tier() == 3).allMatch(Item::general);

    JsonNode api =
        json(
            mvc.perform(get("/api/v1/recommendations").param("lang", "en").with(signedIn))
                .andReturn()
                .getResponse());
    assertThat(api.path("situation").asString()).isEqualTo("CHANGING_CAREER");
    assertThat(api.path("goal").path("title").asString()).isEqualTo("software developer");
    assertThat(api.path("items").get(0).path("id").asString()).isEqualTo(items.get(0).id());
    assertThat(api.path("items").get(0).path("reasons").get(0).path("code").asString())
        .isNotBlank();

    String page = html(get("/recommendations").header("Accept-Language", "fi").with(signedIn));
    assertThat(page)
        .contains("Suositukset sinulle", "Annetaan kunnassa Turku", "ohjelmistokehittäjä")
        .contains("/recommendations/handover/" + turkuService);
  }

  @Test
  void withoutConsentNothingIsStoredOrSigned() throws Exception {
    Handovers.Summary summary = recommendations.summary(person, Language.EN);
    assertThatThrownBy(() -> handovers.issue(person, turkuService, false, summary))
        .isInstanceOf(Handovers.ConsentRequiredException.class);
    assertThat(handoverRows()).isZero();
    // The page: an unticked box (no parameter) and a forged "false" both refuse, with the error.
    for (MockHttpServletRequestBuilder attempt :
        List.of(
            post("/recommendations/handover/" + turkuService)
                .header("Accept-Language", "en")
                .with(signedIn),
            post("/recommendations/handover/" + turkuService)
                .header("Accept-Language", "en")
                .param("consent", "false")
                .with(signedIn))) {
      MockHttpServletResponse refused = mvc.perform(attempt).andReturn().getResponse();
      assertThat(refused.getStatus()).isEqualTo(200);
      assertThat(refused.getContentAsString())
          .contains("govuk-error-summary", "Tick the box to agree");
    }
    assertThat(handoverRows()).isZero();
    // The consent page shows what would be handed over before anything is.
    assertThat(
            html(
                get("/recommendations/handover/" + turkuService)
                    .header("Accept-Language", "en")
                    .with(signedIn)))
        .contains("software developer", "id=\"consent\"");
    assertThat(handoverRows()).isZero();
  }

  @Test
  void aConsentedLinkOpensUntilWithdrawnAndLogsEachOpening() throws Exception {
    MockHttpServletResponse made =
        mvc.perform(
                post("/recommendations/handover/" + turkuService)
                    .header("Accept-Language", "en")
                    .param("consent", "true")
                    .with(signedIn))
            .andReturn()
            .getResponse();
    assertThat(made.getStatus()).isEqualTo(302);
    assertThat(handoverRows()).isEqualTo(1);
    Handovers.HandoverView handover = handovers.list(person).getFirst();
    assertThat(handover.service()).isEqualTo(turkuService);
    assertThat(handover.token()).isNotNull();
    String list =
        html(get("/recommendations/handovers").header("Accept-Language", "en").with(signedIn));
    assertThat(list).contains("/handover/" + handover.token(), "Turku career service");

    // The service opens it without signing in.
    MockHttpServletResponse opened =
        mvc.perform(get("/handover/" + handover.token()).header("Accept-Language", "en"))
            .andReturn()
            .getResponse();
    assertThat(opened.getStatus()).isEqualTo(200);
    assertThat(opened.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(opened.getContentAsString())
        .contains("Summary handed over by a person", "software developer", "Turku career service");

    handovers.revoke(person, handover.id());
    MockHttpServletResponse gone =
        mvc.perform(get("/handover/" + handover.token()).header("Accept-Language", "en"))
            .andReturn()
            .getResponse();
    assertThat(gone.getStatus()).isEqualTo(410);
    assertThat(gone.getContentAsString())
        .contains("This summary is no longer available")
        .doesNotContain("software developer");
    assertThat(
            jdbc.sql("select summary is null from rc_handover where id = ?")
                .param(handover.id())
                .query(Boolean.class)
                .single())
        .as("withdrawing wipes the summary")
        .isTrue();
    assertThat(
            jdbc.sql(
                    "select string_agg(outcome, ',' order by id) from rc_handover_access"
                        + " where handover_id = ?")
                .param(handover.id())
                .query(String.class)
                .single())
        .isEqualTo("SHOWN,REVOKED");
    assertThat(handovers.list(person).getFirst().openings()).isEqualTo(2);
  }

  @Test
  void thePdfHoldsTheLinksSummaryInThePersonsLanguageOnlyWhileTheLinkOpens() throws Exception {
    Map<String, String> titles =
        Map.of(
            "fi", "Henkilön luovuttama yhteenveto",
            "sv", "Sammanfattning som en person har överlämnat",
            "en", "Summary handed over by a person");
    for (String lang : List.of("fi", "sv", "en")) {
      List<UUID> before = handovers.list(person).stream().map(Handovers.HandoverView::id).toList();
      // The consent flow as the person goes through it, in their language.
      mvc.perform(
          post("/recommendations/handover/" + turkuService)
              .header("Accept-Language", lang)
              .param("consent", "true")
              .with(signedIn));
      // The test clock stands still, so the new hand-over is told apart by its id.
      Handovers.HandoverView handover =
          handovers.list(person).stream()
              .filter(h -> !before.contains(h.id()))
              .findFirst()
              .orElseThrow();
      Handovers.Summary summary = recommendations.summary(person, Language.require(lang));
      String list =
          html(get("/recommendations/handovers").header("Accept-Language", lang).with(signedIn));
      String pdfPath = "/recommendations/handovers/" + handover.id() + "/summary.pdf";
      assertThat(list).contains(pdfPath);
      int rows = handoverRows();
      MockHttpServletResponse pdf =
          mvc.perform(get(pdfPath).header("Accept-Language", "en").with(signedIn))
              .andReturn()
              .getResponse();
      assertThat(pdf.getStatus()).isEqualTo(200);
      assertThat(pdf.getContentType()).isEqualTo("application/pdf");
      assertThat(pdf.getHeader("Content-Disposition")).startsWith("attachment");
      assertThat(pdf.getHeader("Cache-Control")).isEqualTo("no-store");
      String text;
      try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.getContentAsByteArray())) {
        text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replace("\n", "");
      }
      // In the language the person saw the summary in, whatever the download's Accept-Language.
      assertThat(text).contains(titles.get(lang), summary.goal(), "/handover/" + handover.token());
      assertThat(text)
          .contains(summary.skills().getFirst().label(), summary.gap().getLast().label());
      String shots = System.getProperty("osaava.screenshots");
      if (shots != null) {
        java.nio.file.Files.createDirectories(java.nio.file.Path.of(shots));
        java.nio.file.Files.write(
            java.nio.file.Path.of(shots, "handover-summary-" + lang + ".pdf"),
            pdf.getContentAsByteArray());
      }
      // Downloading stores nothing and is no opening of the link.
      assertThat(handoverRows()).isEqualTo(rows);
      assertThat(handovers.list(person))
          .filteredOn(h -> h.id().equals(handover.id()))
          .singleElement()
          .satisfies(h -> assertThat(h.openings()).isZero());
    }
    // Withdrawn or expired: nothing to download (404), as for another person's.
    Handovers.HandoverView latest = handovers.list(person).getFirst();
    handovers.revoke(person, latest.id());
    Handovers.Issued expired =
        handovers.issue(
            person,
            turkuService,
            true,
            recommendations.summary(person, Language.EN),
            Duration.ofSeconds(-1));
    for (UUID gone : List.of(latest.id(), expired.id(), UUID.randomUUID())) {
      assertThat(
              mvc.perform(get("/recommendations/handovers/" + gone + "/summary.pdf").with(signedIn))
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .as(gone.toString())
          .isEqualTo(404);
    }
  }

  @Test
  void theScheduledPurgeWipesExpiredSummariesWithoutAnyoneOpeningThem() {
    Handovers.Summary summary = recommendations.summary(person, Language.FI);
    Handovers.Issued live = handovers.issue(person, turkuService, true, summary);
    Handovers.Issued expired =
        handovers.issue(person, turkuService, true, summary, Duration.ofSeconds(-1));
    assertThat(handovers.purgeExpired()).isGreaterThanOrEqualTo(1);
    assertThat(summaryHeld(expired.id())).as("expired").isFalse();
    assertThat(summaryHeld(live.id())).as("live").isTrue();
    assertThat(handoverRows()).as("the consent rows stay").isEqualTo(2);
    // Nothing opened them: the access log is empty.
    assertThat(
            jdbc.sql("select count(*) from rc_handover_access where handover_id in (?, ?)")
                .param(live.id())
                .param(expired.id())
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(handovers.purgeExpired()).as("a second round finds nothing").isZero();
  }

  private boolean summaryHeld(UUID handover) {
    return jdbc.sql("select summary is not null from rc_handover where id = ?")
        .param(handover)
        .query(Boolean.class)
        .single();
  }

  @Test
  void aTamperedOrExpiredLinkShowsNothing() throws Exception {
    Handovers.Summary summary = recommendations.summary(person, Language.EN);
    Handovers.Issued issued = handovers.issue(person, turkuService, true, summary);
    String token = issued.token();
    String[] parts = token.split("\\.");
    // A later expiry, another hand-over's id, a changed signature, and junk: all unknown (404).
    List<String> forged =
        List.of(
            parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2],
            UUID.randomUUID() + "." + parts[1] + "." + parts[2],
            parts[0] + "." + parts[1] + "." + flip(parts[2]),
            "not-a-token",
            token + "x");
    for (String bad : forged) {
      assertThat(handovers.open(bad).outcome()).as(bad).isEqualTo(Outcome.UNKNOWN);
      MockHttpServletResponse response =
          mvc.perform(get("/handover/" + bad)).andReturn().getResponse();
      assertThat(response.getStatus()).as(bad).isEqualTo(404);
      assertThat(response.getContentAsString()).contains("id=\"summary-unknown\"");
    }
    // A well-signed token for an id with no hand-over is unknown too.
    assertThat(handovers.open(links.token(UUID.randomUUID(), issued.expires())).outcome())
        .isEqualTo(Outcome.UNKNOWN);
    assertThat(handovers.open(token).outcome()).isEqualTo(Outcome.SHOWN);

    // One that expired a second ago is gone (410) and its summary wiped.
    Handovers.Issued expired =
        handovers.issue(person, turkuService, true, summary, Duration.ofSeconds(-1));
    MockHttpServletResponse response =
        mvc.perform(get("/handover/" + expired.token()).header("Accept-Language", "sv"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(410);
    assertThat(response.getContentAsString())
        .contains("Sammanfattningen är inte längre tillgänglig");
    assertThat(
            jdbc.sql("select summary is null from rc_handover where id = ?")
                .param(expired.id())
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(handovers.list(person))
        .filteredOn(h -> h.id().equals(expired.id()))
        .singleElement()
        .satisfies(h -> assertThat(h.token()).isNull());
  }

  @Test
  void theExportHoldsTheChoicesAndConsentsAndDeletionEndsTheLinks() throws Exception {
    Handovers.Issued issued =
        handovers.issue(person, turkuService, true, recommendations.summary(person, Language.EN));
    String export = JsonMapper.shared().writeValueAsString(personalData.export(person));
    assertThat(export)
        .contains("CHANGING_CAREER", "853", issued.id().toString(), turkuService.toString());
    personalData.delete(person);
    assertThat(handoverRows()).isZero();
    assertThat(
            mvc.perform(get("/handover/" + issued.token())).andReturn().getResponse().getStatus())
        .isEqualTo(404);
    assertThat(recommendations.recommend(person, Language.EN).preference()).isNull();
  }

  private static String flip(String signature) {
    char first = signature.charAt(0);
    return (first == 'A' ? 'B' : 'A') + signature.substring(1);
  }

  private int handoverRows() {
    return jdbc.sql("select count(*) from rc_handover where person_id = ?")
        .param(person.value())
        .query(Integer.class)
        .single();
  }

  private String html(MockHttpServletRequestBuilder request) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return response.getContentAsString();
  }

  private static JsonNode json(MockHttpServletResponse response) throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    return JsonMapper.shared().readTree(response.getContentAsString());
  }
}
