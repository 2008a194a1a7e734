package fi.osaava.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import fi.osaava.platform.Language;
import fi.osaava.servicenetwork.ServicesChanged;
import fi.osaava.web.WebTestBase;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * Saved service searches end to end: a person saves a search from {@code /services}'s own form, a
 * provider pushes services through the real push API, and only the services the search page's own
 * query finds reach the person's inbox and mail, once; another person's search and a retired
 * service tell nobody. The search's webhook gets each newly matching service once, signed.
 */
class ServiceSearchAlertsTest extends WebTestBase {

  @Autowired ServiceAlerts alerts;
  @Autowired MailOutbox outbox;
  @Autowired GreenMail mailServer;
  @Autowired JdbcClient jdbc;
  @Autowired WebhookOutbox webhookOutbox;

  WebhookSubscriber hook;

  @BeforeEach
  void subscriber() throws Exception {
    hook = new WebhookSubscriber();
  }

  @AfterEach
  void stop() {
    hook.close();
  }

  @Test
  void aPushedMatchingServiceAlertsItsSearcherOnceAndNobodyElse() throws Exception {
    String word = "palvelusana" + UUID.randomUUID().toString().substring(0, 8);
    String otherWord = "muusana" + UUID.randomUUID().toString().substring(0, 8);
    String aMail = "svc-a-" + UUID.randomUUID() + "@example.fi";
    RequestPostProcessor a = oidc.person("svc-alert-a-" + UUID.randomUUID());
    RequestPostProcessor b = oidc.person("svc-alert-b-" + UUID.randomUUID());

    // A saves from the service search page's form: words and the type filter as hidden fields.
    SavedSearchSteps.saveFromPage(
        mvc, get("/services").param("q", word).param("type", "GUIDANCE").with(a), a);
    SavedSearchSteps.mailAtOnce(mvc, a, aMail, "en");
    // B saves a service search of other words.
    SavedSearchSteps.save(mvc, b, "service", otherWord);

    Document list = html("/notifications/searches", a);
    assertThat(list.select("tr.saved-search")).hasSize(1);
    assertThat(list.select("tr.saved-search a").text()).contains("services:").contains(word);
    assertThat(list.select("tr.saved-search a").attr("href"))
        .startsWith("/services?")
        .contains("type=GUIDANCE");

    // A's organisation's system follows the search by webhook.
    String secret = SavedSearchSteps.subscribe(mvc, a, hook.url());

    // A provider pushes a guidance service with A's word and a training service with it too.
    push(service("guidance", word, "GUIDANCE"), service("training", word, "TRAINING"));
    webhookOutbox.deliverDue(Instant.now());
    WebhookSubscriber.Received delivery = SavedSearchSteps.onlySignedDelivery(hook, secret);
    assertThat(delivery.body())
        .contains("\"type\":\"servicenetwork.service.matched\"")
        .contains("\"service\":")
        .contains("Ohjausta " + word)
        .doesNotContain(aMail)
        .doesNotContain(otherWord);

    assertThat(html("/notifications/inbox", a).select("li.inbox-entry h2").eachText())
        .as("only the guidance service matches A's type filter")
        .singleElement()
        .asString()
        .contains("New service: Ohjausta " + word);
    assertThat(html("/notifications/inbox", b).select("li.inbox-entry")).isEmpty();
    outbox.sendDue();
    List<MimeMessage> toA = mailsTo(aMail);
    assertThat(toA).hasSize(1);
    assertThat(toA.getFirst().getSubject()).isEqualTo("New service: Ohjausta " + word);
    assertThat(String.valueOf(toA.getFirst().getContent()))
        .contains("/services/")
        .doesNotContain(otherWord);

    // Sent again unchanged: no event. The guidance service changed but still matching: no repeat.
    // The training service changed into guidance: it newly matches, one more alert.
    push(
        service("guidance", word, "GUIDANCE").replace("Ohjausta", "Uutta ohjausta"),
        service("training", word, "GUIDANCE"));
    assertThat(html("/notifications/inbox", a).select("li.inbox-entry h2").eachText())
        .hasSize(2)
        .anySatisfy(t -> assertThat(t).contains("New service: Koulutusta " + word));
    assertThat(alertKeys(word)).hasSize(2).allMatch(k -> k.startsWith("service-search:"));

    // The guidance service's change delivered again (a restart's republication): nothing new.
    String link =
        html("/notifications/inbox", a).select("li.inbox-entry h2 a").stream()
            .filter(e -> e.text().contains("Ohjausta " + word))
            .findFirst()
            .orElseThrow()
            .attr("href");
    assertThat(link).startsWith("/services/");
    UUID guidance = UUID.fromString(link.substring("/services/".length()));
    alerts.servicesChanged(
        new ServicesChanged(
            List.of(
                new ServicesChanged.Change(
                    guidance, ServicesChanged.Kind.UPDATED, Map.of(Language.FI, "x")))));
    assertThat(alertKeys(word)).hasSize(2);
    webhookOutbox.deliverDue(Instant.now());
    assertThat(hook.received)
        .as("the newly matching service once; the redelivered change nothing")
        .hasSize(2);
    assertThat(hook.received.getLast().body()).contains("Koulutusta " + word);

    // B now saves a search that finds the guidance service; then the service is retired.
    SavedSearchSteps.save(mvc, b, "service", word);
    alerts.servicesChanged(
        new ServicesChanged(
            List.of(
                new ServicesChanged.Change(
                    guidance, ServicesChanged.Kind.RETIRED, Map.of(Language.FI, "x")))));
    assertThat(html("/notifications/inbox", b).select("li.inbox-entry"))
        .as("a retired service alerts nobody")
        .isEmpty();
  }

  @Test
  void anUnknownKindIsRefusedAndNothingSaved() throws Exception {
    var response =
        mvc.perform(
                post("/notifications/searches")
                    .param("kind", "jobs")
                    .with(oidc.person("svc-kind-" + UUID.randomUUID()))
                    .with(csrf()))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(
            jdbc.sql("select count(*) from nt_saved_search where kind = 'jobs'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  private List<String> alertKeys(String word) {
    return jdbc.sql(
            "select i.idempotency_key from nt_inbox i join nt_saved_search s on s.id = i.saved_search_id"
                + " where s.words = ? and s.kind = 'service'")
        .param(word)
        .query(String.class)
        .list();
  }

  private static String service(String id, String word, String type) {
    String name = id.equals("guidance") ? "Ohjausta " + word : "Koulutusta " + word;
    return """
        {"id": "alerts-%s-%s", "organisation": {"businessId": "0211675-2", "name": {"fi": "Tampereen kaupunki"}},
         "name": {"fi": "%s"}, "type": "%s", "areas": ["country"], "languages": ["fi"]}"""
        .formatted(id, word, name, type);
  }

  private void push(String... services) throws Exception {
    assertThat(
            mvc.perform(
                    post("/api/v1/services")
                        .header("Authorization", "Bearer " + servicesClientToken("0211675-2"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("[" + String.join(",", services) + "]"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
  }

  private Document html(String path, RequestPostProcessor person) throws Exception {
    return SavedSearchSteps.html(mvc, path, person);
  }

  private List<MimeMessage> mailsTo(String address) {
    return SavedSearchSteps.mailsTo(mailServer, address);
  }
}
