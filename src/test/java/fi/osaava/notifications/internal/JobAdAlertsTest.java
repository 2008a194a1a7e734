package fi.osaava.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import com.standardwebhooks.Webhook;
import fi.osaava.labourmarket.JobAdId;
import fi.osaava.labourmarket.JobAdsPublished;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.WebTestBase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Opportunity filters and goals end to end: one person saves the opportunities page's filters
 * (Pirkanmaa, Finnish) from its own form, another follows the software-developer goal from its goal
 * page, each takes mail at once and subscribes a webhook; job ads pushed through the real push API
 * reach exactly the matching person's inbox, mailbox and webhook, once each, signed; a redelivered
 * event and the same ads pushed again add nothing.
 */
class JobAdAlertsTest extends WebTestBase {

  static final String DEVELOPER_ID = "f2b15a0e-e65a-438a-affb-29b9d50b77d1";
  static final String DEVELOPER = "http://data.europa.eu/esco/occupation/" + DEVELOPER_ID;

  @Autowired JobAdAlerts alerts;
  @Autowired MailOutbox mailOutbox;
  @Autowired WebhookOutbox webhookOutbox;
  @Autowired GreenMail mailServer;
  @Autowired JdbcClient jdbc;
  @Autowired TaxonomyApi taxonomy;

  WebhookSubscriber filterHook;
  WebhookSubscriber goalHook;

  @BeforeEach
  void subscribers() throws Exception {
    filterHook = new WebhookSubscriber();
    goalHook = new WebhookSubscriber();
  }

  /** The test's ads closed again, so that other tests' open ads stay their own. */
  @AfterEach
  void stop() {
    filterHook.close();
    goalHook.close();
    jdbc.sql("update lm_job_ad set closed_at = now() where source_key like 'alerts-%'").update();
  }

  @Test
  void anEditedAdAlertsWhenItNewlyMatchesAndOnlyThen() throws Exception {
    RequestPostProcessor person = oidc.person("ad-edit-" + UUID.randomUUID());
    SavedSearchSteps.saveFromPage(
        mvc, get("/opportunities").param("region", "06").with(person), person);
    String organisation = "https://alerts-" + UUID.randomUUID() + ".example.fi";
    RequestPostProcessor editor =
        oidc.person(
            "alerts-editor-" + UUID.randomUUID(),
            java.util.Map.of(
                "osaava_roles", List.of("job-ad-editor"), "osaava_organisation", organisation));
    String title = "Kehittäjä " + UUID.randomUUID().toString().substring(0, 8);

    // Published in Helsinki: not in Pirkanmaa. Moved to Tampere: it newly matches, once.
    String location =
        mvc.perform(editorForm("/publish/job-ads", title, "091").with(editor).with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).matches("/publish/job-ads/[0-9a-f-]{36}\\?saved");
    String path = location.substring(0, location.indexOf('?'));
    assertThat(inboxTitles(person)).isEmpty();
    mvc.perform(editorForm(path, title, "837").with(editor).with(csrf()));
    assertThat(inboxTitles(person)).containsExactly("New job ad: " + title);
    // Edited again while it still matches: nothing more.
    mvc.perform(editorForm(path, title + " (muokattu)", "837").with(editor).with(csrf()));
    assertThat(inboxTitles(person)).containsExactly("New job ad: " + title);
    mvc.perform(post(path + "/close").with(editor).with(csrf()));
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
      editorForm(String path, String title, String municipality) {
    return post(path)
        .param("title", title)
        .param("description", "Haemme kehittäjää tiimiimme." + unique())
        .param("language", "fi")
        .param("employer", "Esimerkki Oy")
        .param("municipality", municipality)
        .param("datePosted", "2026-11-20")
        .param("validThrough", "")
        .param("url", "https://example.fi/tyo");
  }

  @Test
  void newAdsReachTheMatchingFiltersAndGoalsInboxMailAndWebhookOnce() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    RequestPostProcessor a = oidc.person("ad-filter-" + run);
    RequestPostProcessor b = oidc.person("ad-goal-" + run);
    String aMail = "ad-filter-" + run + "@example.fi";
    String bMail = "ad-goal-" + run + "@example.fi";

    SavedSearchSteps.saveFromPage(
        mvc, get("/opportunities").param("region", "06").param("language", "fi").with(a), a);
    SavedSearchSteps.saveFromPage(mvc, get("/opportunities/goals/" + DEVELOPER_ID).with(b), b);
    SavedSearchSteps.mailAtOnce(mvc, a, aMail, "en");
    SavedSearchSteps.mailAtOnce(mvc, b, bMail, "en");
    assertThat(html("/notifications/searches", a).select("tr.saved-search a").text())
        .isEqualTo("job ads: 2 filters");
    Document goals = html("/notifications/searches", b);
    assertThat(goals.select("tr.saved-search a").text()).startsWith("goal: ");
    assertThat(goals.select("tr.saved-search a").attr("href"))
        .isEqualTo("/opportunities/goals/" + DEVELOPER_ID);
    String filterSecret = SavedSearchSteps.subscribe(mvc, a, filterHook.url());
    String goalSecret = SavedSearchSteps.subscribe(mvc, b, goalHook.url());

    String other = otherOccupation();
    // A developer in Tampere (Pirkanmaa), in Finnish: both. A remote job in Helsinki: the filter
    // (a remote ad passes any region) but not the goal. A developer in Helsinki in Swedish: the
    // goal only. A job in Helsinki: nobody.
    List<String> pushed =
        List.of(
            ad("dev-tre-" + run, "Tampere", "fi", DEVELOPER, false),
            ad("remote-" + run, "Helsinki", "fi", other, true),
            ad("dev-hki-" + run, "Helsinki", "sv", DEVELOPER, false),
            ad("other-" + run, "Helsinki", "fi", other, false));
    for (String ad : pushed) {
      push(ad);
    }

    assertThat(inboxTitles(a))
        .containsExactlyInAnyOrder(
            "New job ad: Ohjelmistokehittäjä dev-tre-" + run,
            "New job ad: Ohjelmistokehittäjä remote-" + run);
    assertThat(inboxTitles(b))
        .containsExactlyInAnyOrder(
            "New job ad: Ohjelmistokehittäjä dev-tre-" + run,
            "New job ad: Ohjelmistokehittäjä dev-hki-" + run);

    mailOutbox.sendDue();
    assertThat(subjects(aMail)).hasSize(2).allMatch(t -> t.startsWith("New job ad: "));
    assertThat(subjects(bMail)).hasSize(2);
    String body =
        String.valueOf(SavedSearchSteps.mailsTo(mailServer, bMail).getFirst().getContent());
    assertThat(body).contains("/opportunities/goals/").doesNotContain(aMail);

    webhookOutbox.deliverDue(Instant.now());
    assertThat(filterHook.received).hasSize(2);
    assertThat(goalHook.received).hasSize(2);
    for (WebhookSubscriber.Received delivery : filterHook.received) {
      assertThatCode(() -> new Webhook(filterSecret).verify(delivery.body(), delivery.headers()))
          .doesNotThrowAnyException();
      assertThat(delivery.body())
          .contains("\"type\":\"labourmarket.job-ad.matched\"")
          .contains("\"jobAd\":")
          .doesNotContain(aMail)
          .doesNotContain(bMail);
    }
    for (WebhookSubscriber.Received delivery : goalHook.received) {
      assertThatCode(() -> new Webhook(goalSecret).verify(delivery.body(), delivery.headers()))
          .doesNotThrowAnyException();
    }

    // The event delivered again (a restart's republication) and the same ads pushed again (no
    // event: they are unchanged) add nothing anywhere.
    for (String ad : pushed) {
      push(ad);
    }
    List<JobAdId> ads = new ArrayList<>();
    for (String id : List.of("dev-tre-", "remote-", "dev-hki-", "other-")) {
      byte[] key = ("job-ad:alerts-" + id + run).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ads.add(new JobAdId(UUID.nameUUIDFromBytes(key)));
    }
    alerts.jobAdsPublished(new JobAdsPublished(ads));
    mailOutbox.sendDue();
    webhookOutbox.deliverDue(Instant.now());
    assertThat(inboxTitles(a)).hasSize(2);
    assertThat(inboxTitles(b)).hasSize(2);
    assertThat(subjects(aMail)).hasSize(2);
    assertThat(subjects(bMail)).hasSize(2);
    assertThat(filterHook.received).hasSize(2);
    assertThat(goalHook.received).hasSize(2);
  }

  @Test
  void aGoalThatIsNoOccupationAndHostileFilterValuesAreRefused() throws Exception {
    RequestPostProcessor person = oidc.person("ad-refused-" + UUID.randomUUID());
    for (String[] field :
        List.of(
            new String[] {"kind", "goal", "goal", "not-a-uuid"},
            new String[] {"kind", "goal", "goal", UUID.randomUUID().toString()},
            new String[] {"kind", "opportunity", "region", "'; drop table nt_saved_search; --"},
            new String[] {"kind", "opportunity", "remote", "maybe"},
            new String[] {"kind", "opportunity", "language", "xx"},
            new String[] {"kind", "opportunity", "q", "words"})) {
      int status =
          mvc.perform(
                  post("/notifications/searches")
                      .param(field[0], field[1])
                      .param(field[2], field[3])
                      .with(person)
                      .with(csrf()))
              .andReturn()
              .getResponse()
              .getStatus();
      assertThat(status).as(String.join(" ", field)).isEqualTo(400);
    }
    assertThat(html("/notifications/searches", person).select("tr.saved-search")).isEmpty();
  }

  /** Another ESCO occupation than the developer, with an ISCO group so that ingestion keeps it. */
  private String otherOccupation() {
    List<String> found = new ArrayList<>();
    taxonomy.forEachConcept(
        Set.of(ConceptType.OCCUPATION),
        (ConceptRecord c) -> {
          if (found.isEmpty() && c.iscoCode() != null && !c.uri().value().equals(DEVELOPER)) {
            found.add(c.uri().value());
          }
        });
    return found.getFirst();
  }

  private static String ad(
      String id, String place, String language, String occupation, boolean remote) {
    return """
        {"@context": "https://schema.org", "@type": "JobPosting",
         "identifier": "alerts-%1$s", "title": "Ohjelmistokehittäjä %1$s",
         "description": "Työpaikkailmoitus testiä varten.%6$s",
         "inLanguage": "%3$s", "datePosted": "2026-11-20", "validThrough": "2027-06-30",
         "hiringOrganization": {"@type": "Organization", "name": "Esimerkki Oy"},
         "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress",
           "addressLocality": "%2$s"}},%5$s
         "occupationalCategory": "%4$s"}
        """
        .formatted(
            id,
            place,
            language,
            occupation,
            remote ? " \"jobLocationType\": \"TELECOMMUTE\"," : "",
            unique());
  }

  /**
   * Words of this ad alone, so that repost detection never takes it for an earlier run's ad (a
   * repost is not announced): the ads share no run of words with any other.
   */
  private static String unique() {
    StringBuilder words = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      words.append(' ').append(UUID.randomUUID().toString(), 0, 8);
    }
    return words.toString();
  }

  private void push(String ad) throws Exception {
    assertThat(
            mvc.perform(
                    post("/api/v1/job-ads")
                        .header("Authorization", "Bearer " + oidc.bearerToken("job-ads.publish"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(ad))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
  }

  private List<String> inboxTitles(RequestPostProcessor person) throws Exception {
    return html("/notifications/inbox", person).select("li.inbox-entry h2 a").eachText();
  }

  private List<String> subjects(String address) {
    return SavedSearchSteps.mailsTo(mailServer, address).stream()
        .map(
            m -> {
              try {
                return m.getSubject();
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private Document html(String path, RequestPostProcessor person) throws Exception {
    return SavedSearchSteps.html(mvc, path, person);
  }
}
