package fi.osaava.labourmarket;

import static fi.osaava.web.FieldErrorAssertions.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.labourmarket.internal.ads.JobAdExpiry;
import fi.osaava.web.FixedClock;
import fi.osaava.web.WebTestBase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * An employer's editor publishes, edits and closes job ads on {@code /publish/job-ads}. The form
 * obeys the push API's rules (the same reader), so its errors name the field beside it and in the
 * summary and nothing of a refused form is stored; an edit re-identifies the ad's skills and moves
 * its count in the demand aggregates, counting it once; a closed ad leaves the open ads; an ad
 * pushed with the organisation as its hiring organisation is the organisation's to edit; an ad past
 * its last day is announced expired once, and again after an edit whose last day has passed too.
 */
@RecordApplicationEvents
class JobAdPublishingTest extends WebTestBase {

  /** An ESCO skill the editor chooses (Apache Tomcat: any ESCO skill serves). */
  static final String SKILL =
      "http://data.europa.eu/esco/skill/0fb753a1-2ef2-4429-84d2-ecb2b24daf7a";

  static final String COOK =
      "Haemme kokkia ravintolaamme. Valmistat ruokia, leivot leipää, suunnittelet ruokalistoja"
          + " ja huolehdit hygieniasta.";

  static final String DEVELOPER =
      "Haemme ohjelmistokehittäjää. Ohjelmoit Javalla, suunnittelet tietokantoja ja testaat"
          + " ohjelmistoja.";

  @Autowired JdbcClient jdbc;
  @Autowired LabourMarketApi labourMarket;

  final String organisation = "https://employer-" + UUID.randomUUID() + ".example.fi";

  private RequestPostProcessor editor() {
    return oidc.person(
        "employer-" + UUID.randomUUID(),
        Map.of("osaava_roles", List.of("job-ad-editor"), "osaava_organisation", organisation));
  }

  /** A day before the test clock's today, in a month of its own among those the test uses. */
  private static LocalDate day(int monthsBack) {
    return LocalDate.ofInstant(FixedClock.NOW, ZoneId.of("Europe/Helsinki"))
        .minusMonths(monthsBack)
        .withDayOfMonth(5);
  }

  /**
   * Words of this ad alone, so that near-duplicate detection never takes one test's ad for a repost
   * of another's: the ads' texts share no five-word run with them.
   */
  private static String unique() {
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      words.append(' ').append(UUID.randomUUID().toString(), 0, 8);
    }
    return words.toString();
  }

  /** The editors' ads no longer open, so that other tests' open-ad figures stay their own. */
  @AfterEach
  void closeTheAds() {
    jdbc.sql("update lm_job_ad set closed_at = now() where source_key like ? or organisation = ?")
        .params("urn:osaava:publish:job-ad:%", organisation)
        .update();
  }

  /** Every ad that is no repost counts exactly once in the demand aggregates. */
  private void countedOnce() {
    long counted =
        jdbc.sql("select count(*) from lm_job_ad where duplicate_of is null")
            .query(Long.class)
            .single();
    long aggregated =
        jdbc.sql("select coalesce(sum(ads), 0) from lm_demand_ads").query(Long.class).single();
    assertThat(aggregated).as("ads in the aggregates, ads counted").isEqualTo(counted);
    // The skill rollups, kept by the same writes, agree with the full aggregate row for row.
    assertThat(
            jdbc.sql(
                    "select count(*) from (select region_code, month, skill_uri, sum(ads) as n"
                        + " from lm_demand_skill group by 1, 2, 3) f full join"
                        + " lm_demand_skill_region r using (region_code, month, skill_uri)"
                        + " where f.n is distinct from r.ads")
                .query(Long.class)
                .single())
        .as("regional rollup rows that differ from the aggregate")
        .isZero();
    assertThat(
            jdbc.sql(
                    "select count(*) from (select month, skill_uri, sum(ads) as n"
                        + " from lm_demand_skill group by 1, 2) f full join"
                        + " lm_demand_skill_national r using (month, skill_uri)"
                        + " where f.n is distinct from r.ads")
                .query(Long.class)
                .single())
        .as("national rollup rows that differ from the aggregate")
        .isZero();
  }

  /** The valid form with some fields replaced (a field given twice would bind as "a,b"). */
  private static MockHttpServletRequestBuilder form(
      String path, String title, LocalDate posted, Map<String, String> replaced) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", title);
    fields.put("description", COOK + unique());
    fields.put("language", "fi");
    fields.put("employer", "Esimerkkiravintola Oy");
    fields.put("municipality", "837");
    fields.put("datePosted", posted.toString());
    fields.put("validThrough", "");
    fields.put("url", "https://ravintola.example.fi/kokki");
    fields.put("chosenSkills", SKILL);
    fields.putAll(replaced);
    MockHttpServletRequestBuilder request = post(path);
    fields.forEach(request::param);
    return request;
  }

  private long ads(LocalDate month) {
    return jdbc.sql("select coalesce(sum(ads), 0) from lm_demand_ads where month = ?")
        .param(month.withDayOfMonth(1))
        .query(Long.class)
        .single();
  }

  private long skillAds(LocalDate month, String skill) {
    return jdbc.sql(
            "select coalesce(sum(ads), 0) from lm_demand_skill where month = ? and skill_uri = ?")
        .params(month.withDayOfMonth(1), skill)
        .query(Long.class)
        .single();
  }

  private List<String> storedSkills(String id) {
    return jdbc.sql("select skill_uri from lm_job_ad_skill where ad_id = ?::uuid")
        .param(id)
        .query(String.class)
        .list();
  }

  private boolean open(String id) {
    List<String> open = new ArrayList<>();
    labourMarket.forEachOpenJobAd(a -> open.add(a.id().value().toString()));
    return open.contains(id);
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who)).andReturn().getResponse().getContentAsString();
  }

  /** Publishes a cook's ad with this last day; its edit page's path. */
  private String publishedAdPath(RequestPostProcessor me, LocalDate posted, String lastDay)
      throws Exception {
    String location =
        mvc.perform(
                form(
                        "/publish/job-ads",
                        "Kokki " + UUID.randomUUID(),
                        posted,
                        Map.of("validThrough", lastDay))
                    .with(me))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    return location.substring(0, location.indexOf('?'));
  }

  private static JobAdId adId(String path) {
    return new JobAdId(UUID.fromString(path.substring(path.lastIndexOf('/') + 1)));
  }

  @Test
  void anAdPastItsLastDayIsAnnouncedExpiredOnceAndAgainAfterAnEditThatExpiresToo(
      @Autowired JobAdExpiry expiry, @Autowired ApplicationEvents events) throws Exception {
    RequestPostProcessor me = editor();
    LocalDate posted = day(1);
    String lastDay = posted.plusDays(3).toString();
    String path = publishedAdPath(me, posted, lastDay);
    JobAdId id = adId(path);
    // A second ad of the organisation, closed by its editor before its last day passed.
    String closedPath = publishedAdPath(me, posted, lastDay);
    mvc.perform(post(closedPath + "/close").with(me));
    JobAdId closed = adId(closedPath);

    assertThat(expiry.announceExpired()).isPositive();
    assertThat(expiry.announceExpired()).as("a second round finds nothing new").isZero();
    List<JobAdId> expired =
        events.stream(JobAdsExpired.class).flatMap(e -> e.ads().stream()).toList();
    assertThat(expired).as("announced once").containsOnlyOnce(id).doesNotContain(closed);

    // Saved with a later last day that has passed too: open again, then expired again.
    mvc.perform(
        form(
                path,
                "Kokki " + UUID.randomUUID(),
                posted,
                Map.of("validThrough", posted.plusDays(5).toString()))
            .with(me));
    assertThat(expiry.announceExpired()).isPositive();
    assertThat(
            events.stream(JobAdsExpired.class)
                .flatMap(e -> e.ads().stream())
                .filter(id::equals)
                .count())
        .as("announced again after the edit")
        .isEqualTo(2);
  }

  @Test
  void anEditIsIdentifiedAgainAndMovesTheAdsCountWithoutCountingItTwice() throws Exception {
    RequestPostProcessor me = editor();
    String title = "Kokki " + UUID.randomUUID().toString().substring(0, 8);
    LocalDate first = day(0);
    LocalDate second = day(2);
    long firstBefore = ads(first);
    long secondBefore = ads(second);
    long skillBefore = skillAds(first, SKILL);
    MockHttpServletResponse created =
        mvc.perform(form("/publish/job-ads", title, first, Map.of()).with(me))
            .andReturn()
            .getResponse();
    assertThat(created.getStatus()).isEqualTo(302);
    String location = created.getRedirectedUrl();
    assertThat(location).matches("/publish/job-ads/[0-9a-f-]{36}\\?saved");
    String id = location.substring("/publish/job-ads/".length(), location.indexOf('?'));

    // Stored with the chosen skill and those identified in the cook's text, counted once.
    List<String> cookSkills = storedSkills(id);
    assertThat(cookSkills).contains(SKILL).hasSizeGreaterThan(1);
    assertThat(ads(first)).isEqualTo(firstBefore + 1);
    assertThat(skillAds(first, SKILL)).isEqualTo(skillBefore + 1);
    assertThat(open(id)).isTrue();
    countedOnce();

    // The edit form shows what was published; the list names it as open.
    String edit = page(location, me);
    assertThat(edit)
        .contains("value=\"" + title + "\"")
        .contains("<option value=\"837\" selected=\"selected\">")
        .containsPattern("value=\"" + SKILL + "\"\\s+checked")
        .contains("govuk-notification-banner--success");
    assertThat(page("/publish/job-ads", me)).contains(title).doesNotContain("govuk-tag--grey");

    // An edit to another month, another text and without the chosen skill.
    String developer = DEVELOPER + unique();
    MockHttpServletResponse saved =
        mvc.perform(
                form(
                        "/publish/job-ads/" + id,
                        "Ohjelmistokehittäjä",
                        second,
                        Map.of("description", developer, "chosenSkills", ""))
                    .with(me))
            .andReturn()
            .getResponse();
    assertThat(saved.getRedirectedUrl()).isEqualTo(location);
    List<String> developerSkills = storedSkills(id);
    assertThat(developerSkills).as("identified again from the new text").isNotEqualTo(cookSkills);
    assertThat(developerSkills).doesNotContain(SKILL);
    assertThat(ads(first)).as("the old month no longer counts it").isEqualTo(firstBefore);
    assertThat(skillAds(first, SKILL)).isEqualTo(skillBefore);
    assertThat(ads(second)).as("the new month counts it once").isEqualTo(secondBefore + 1);
    countedOnce();
    assertThat(
            jdbc.sql("select count(*) from lm_job_ad where organisation = ?")
                .param(organisation)
                .query(Long.class)
                .single())
        .as("the edit replaced the ad, added none")
        .isEqualTo(1);

    // Saving the same form again changes no count.
    mvc.perform(
        form(
                "/publish/job-ads/" + id,
                "Ohjelmistokehittäjä",
                second,
                Map.of("description", developer, "chosenSkills", ""))
            .with(me));
    assertThat(ads(second)).isEqualTo(secondBefore + 1);
    assertThat(storedSkills(id)).containsExactlyInAnyOrderElementsOf(developerSkills);

    // Closed, it leaves the open ads but still counts in the month it was posted.
    MockHttpServletResponse closed =
        mvc.perform(post("/publish/job-ads/" + id + "/close").with(me)).andReturn().getResponse();
    assertThat(closed.getRedirectedUrl()).isEqualTo("/publish/job-ads?closed");
    assertThat(open(id)).isFalse();
    assertThat(ads(second)).isEqualTo(secondBefore + 1);
    assertThat(page("/publish/job-ads", me)).contains("govuk-tag--grey");

    // Saving its form opens it again.
    mvc.perform(form("/publish/job-ads/" + id, "Ohjelmistokehittäjä", second, Map.of()).with(me));
    assertThat(open(id)).isTrue();
    assertThat(ads(second)).isEqualTo(secondBefore + 1);
    countedOnce();
  }

  @Test
  void errorsNameTheFieldBesideItAndInTheSummaryAndStoreNothing() throws Exception {
    RequestPostProcessor me = editor();
    String word = "zj" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    LocalDate day = day(1);
    long before = ads(day);
    Map<String, Map<String, String>> cases =
        Map.of(
            "title", Map.of("title", ""),
            "description", Map.of("description", " "),
            "datePosted", Map.of("datePosted", "1.12.2026"),
            "validThrough", Map.of("validThrough", day.minusDays(1).toString()),
            "url", Map.of("url", "javascript:alert(1)"),
            "municipality", Map.of("municipality", "999"),
            "language", Map.of("language", "xx"),
            "skills", Map.of("skills", "kokkaus"));
    for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
      MockHttpServletResponse response =
          mvc.perform(form("/publish/job-ads", "Kokki " + word, day, c.getValue()).with(me))
              .andReturn()
              .getResponse();
      String field = c.getKey();
      assertThat(response.getStatus()).as(field).isEqualTo(200);
      assertFieldError(response.getContentAsString(), field);
    }
    // An address that is no ESCO skill, ticked or typed, is refused as the API refuses it.
    String unknown = "http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000";
    for (String field : List.of("chosenSkills", "skills")) {
      String page =
          mvc.perform(
                  form("/publish/job-ads", "Kokki " + word, day, Map.of(field, unknown)).with(me))
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page).as(field).contains("id=\"skills-error\"");
    }
    assertThat(page("/publish/job-ads", me)).doesNotContain(word);
    assertThat(ads(day)).as("nothing of a refused form is counted").isEqualTo(before);
  }

  @Test
  void anotherOrganisationsEditorFindsNothingAndAnOfferingsEditorIsRefused() throws Exception {
    RequestPostProcessor me = editor();
    LocalDate day = day(1);
    String location =
        mvc.perform(form("/publish/job-ads", "Kokki", day, Map.of()).with(me))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String path = location.substring(0, location.indexOf('?'));
    RequestPostProcessor other =
        oidc.person(
            "other-" + UUID.randomUUID(),
            Map.of(
                "osaava_roles",
                List.of("job-ad-editor"),
                "osaava_organisation",
                "https://other-" + UUID.randomUUID() + ".example.fi"));
    assertThat(mvc.perform(get(path).with(other)).andReturn().getResponse().getStatus())
        .isEqualTo(404);
    assertThat(
            mvc.perform(form(path, "Toisen", day, Map.of()).with(other))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
    assertThat(mvc.perform(post(path + "/close").with(other)).andReturn().getResponse().getStatus())
        .isEqualTo(404);
    RequestPostProcessor offeringsEditor =
        oidc.person(
            "teacher-" + UUID.randomUUID(),
            Map.of("osaava_roles", List.of("editor"), "osaava_organisation", organisation));
    assertThat(mvc.perform(get(path).with(offeringsEditor)).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    assertThat(page(path, me)).contains("value=\"Kokki\"").doesNotContain("Toisen");
  }

  @Test
  void anAdPushedWithTheOrganisationIsItsToEditAndAPushDoesNotUndoTheEdit() throws Exception {
    String identifier = "push-" + UUID.randomUUID();
    LocalDate day = day(1);
    long before = ads(day);
    String ad =
        """
        {"@context": "https://schema.org", "@type": "JobPosting", "identifier": "%s",
         "title": "Kokki", "description": "%s", "inLanguage": "fi", "datePosted": "%s",
         "url": "https://ravintola.example.fi/push",
         "hiringOrganization": {"@type": "Organization", "@id": "%s", "name": "Ravintola"},
         "skills": [{"@type": "DefinedTerm", "@id": "%s"}, "ruoanlaitto"]}
        """
            .formatted(identifier, COOK + unique(), day, organisation, SKILL);
    String token = oidc.bearerToken("job-ads.publish");
    MockHttpServletResponse pushed =
        mvc.perform(
                post("/api/v1/job-ads")
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(ad))
            .andReturn()
            .getResponse();
    assertThat(pushed.getStatus()).as(pushed.getContentAsString()).isEqualTo(200);
    RequestPostProcessor me = editor();
    String list = page("/publish/job-ads", me);
    assertThat(list).contains("Kokki");
    String id =
        jdbc.sql("select id::text from lm_job_ad where source_key = ?")
            .param(identifier)
            .query(String.class)
            .single();
    assertThat(storedSkills(id)).contains(SKILL);
    mvc.perform(form("/publish/job-ads/" + id, "Pääkokki", day, Map.of()).with(me));
    assertThat(page("/publish/job-ads/" + id, me)).contains("value=\"Pääkokki\"");
    // The source sends its ad again: a push skips an identifier it has seen, so the edit stays.
    mvc.perform(
        post("/api/v1/job-ads")
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content(ad));
    assertThat(page("/publish/job-ads/" + id, me)).contains("value=\"Pääkokki\"");
    assertThat(ads(day)).isEqualTo(before + 1);
    countedOnce();

    // The API refuses a skill address that is no ESCO skill, naming the field.
    MockHttpServletResponse refused =
        mvc.perform(
                post("/api/v1/job-ads")
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        ad.replace(identifier, identifier + "-b")
                            .replace(SKILL, "https://example.fi/skill")))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString()).contains("skills");
  }

  @Test
  void aNulCharacterIsRefusedWith400NamingTheField() throws Exception {
    LocalDate day = day(1);
    long before = ads(day);
    MockHttpServletResponse response =
        mvc.perform(
                form("/publish/job-ads", "Kokki", day, Map.of("description", "a\u0000b"))
                    .accept(MediaType.TEXT_HTML)
                    .header("Accept-Language", "en")
                    .with(editor()))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentAsString()).contains("Description");
    assertThat(ads(day)).isEqualTo(before);
  }

  @Test
  void theSkillSearchOffersEscoSkillsToTick() throws Exception {
    String options =
        mvc.perform(
                get("/publish/skills/options")
                    .param("skillQuery", "leipo")
                    .header("Accept-Language", "fi")
                    .with(editor()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(options)
        .contains("type=\"checkbox\" name=\"chosenSkills\"")
        .contains("http://data.europa.eu/esco/skill/");
  }
}
