package fi.osaava.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.standardwebhooks.Webhook;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.OfferingId;
import fi.osaava.education.OfferingsPublished;
import fi.osaava.platform.ImportProgress;
import fi.osaava.web.FixedClock;
import fi.osaava.web.WebTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Webhooks end to end against a subscriber in the test (the JDK's HTTP server on loopback, which
 * the test configuration allows as in development): a new matching offering arrives signed and
 * verifies with Standard Webhooks' own library; failures are retried on the backoff schedule with
 * the same webhook-id, and the subscription is disabled with a notice to its owner; redirects are
 * not followed, answers are kept only as a short excerpt, a slow subscriber times out.
 */
class WebhookDeliveryTest extends WebTestBase {

  @Autowired EducationCatalogue catalogue;
  @Autowired OfferingAlerts alerts;
  @Autowired WebhookOutbox outbox;
  @Autowired JdbcClient jdbc;

  WebhookSubscriber subscriber;

  @BeforeEach
  void subscriber() throws IOException {
    subscriber = new WebhookSubscriber();
  }

  @AfterEach
  void stop() {
    subscriber.close();
  }

  private String hookUrl() {
    return subscriber.url();
  }

  /** Saves a search and subscribes it; the subscription's id and the secret shown once. */
  private String[] subscribe(RequestPostProcessor person, String words) throws Exception {
    mvc.perform(
        post("/notifications/searches")
            .param("kind", "education")
            .param("q", words)
            .with(person)
            .with(csrf()));
    UUID search =
        jdbc.sql("select id from nt_saved_search where words = ?")
            .param(words)
            .query(UUID.class)
            .single();
    MvcResult created =
        mvc.perform(
                post("/notifications/webhooks")
                    .param("savedSearch", search.toString())
                    .param("url", hookUrl())
                    .with(person)
                    .with(csrf()))
            .andReturn();
    String location = created.getResponse().getRedirectedUrl();
    assertThat(location).matches("/notifications/webhooks/[0-9a-f-]{36}\\?created");
    String id = location.substring("/notifications/webhooks/".length(), location.indexOf('?'));
    String secret = String.valueOf(created.getFlashMap().get("secret"));
    assertThat(secret).startsWith("whsec_");
    // Shown on the page that follows, and never again.
    assertThat(
            mvc.perform(get(location).with(person).with(flash("secret", secret)))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains(secret);
    assertThat(
            mvc.perform(get("/notifications/webhooks/" + id).with(person))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .doesNotContain(secret)
        .contains(hookUrl());
    return new String[] {id, secret};
  }

  @Test
  void aMatchingOfferingArrivesSignedAndNamesNoPerson(@TempDir Path dir) throws Exception {
    String word = "webhookkurssi" + UUID.randomUUID().toString().substring(0, 6);
    String email = "hook-" + UUID.randomUUID() + "@example.fi";
    RequestPostProcessor a = oidc.person("hook-a-" + UUID.randomUUID());
    String[] subscription = subscribe(a, word);
    mvc.perform(
        post("/notifications/settings")
            .param("email", email)
            .param("frequency", "IMMEDIATE")
            .with(a)
            .with(csrf()));
    Path file = dir.resolve("offerings.jsonld");
    Files.writeString(
        file,
        """
        {"@context": "https://schema.org", "@graph": [
          {"@type": "Course", "@id": "https://courses.example.fi/hooks/%1$s",
           "name": "Johdatus %1$siin", "description": "Verkkokurssi."}]}
        """
            .formatted(word));
    catalogue.importJsonLd(file, ImportProgress.silent());

    assertThat(outbox.deliverDue(Instant.now())).isEqualTo(1);
    assertThat(subscriber.received).hasSize(1);
    WebhookSubscriber.Received delivery = subscriber.received.getFirst();
    // Standard Webhooks' reference library verifies the id, the timestamp and the signature.
    assertThatCode(() -> new Webhook(subscription[1]).verify(delivery.body(), delivery.headers()))
        .doesNotThrowAnyException();
    assertThat(delivery.header("webhook-id")).startsWith("msg_");
    assertThat(delivery.header("content-type")).isEqualTo("application/json");
    assertThat(delivery.body())
        .contains("\"type\":\"education.offering.matched\"")
        .contains("Johdatus " + word)
        .contains("/education/offerings/");
    UUID person =
        jdbc.sql("select person_id from nt_webhook where id = ?")
            .param(UUID.fromString(subscription[0]))
            .query(UUID.class)
            .single();
    assertThat(delivery.body()).doesNotContain(person.toString()).doesNotContain(email);
    // A signature made with another secret does not verify.
    assertThatCode(
            () -> new Webhook(Webhooks.newSecret()).verify(delivery.body(), delivery.headers()))
        .isInstanceOf(com.standardwebhooks.exceptions.WebhookVerificationException.class);

    // The event delivered again (a restart's republication) queues and sends nothing more.
    List<OfferingId> published =
        jdbc
            .sql("select id from education_offering where source_id like ?")
            .param("%/hooks/" + word)
            .query(UUID.class)
            .list()
            .stream()
            .map(OfferingId::new)
            .toList();
    alerts.offeringsPublished(new OfferingsPublished(published));
    assertThat(outbox.deliverDue(Instant.now())).isZero();
    assertThat(subscriber.received).hasSize(1);

    // The owner's log shows it; another person does not find the subscription.
    String log =
        mvc.perform(
                get("/notifications/webhooks/" + subscription[0])
                    .with(a)
                    .header("Accept-Language", "en"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(log).contains("Delivered").contains(delivery.header("webhook-id"));
    assertThat(
            mvc.perform(
                    get("/notifications/webhooks/" + subscription[0])
                        .with(oidc.person("hook-other-" + UUID.randomUUID())))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }

  @Test
  void failuresBackOffWithTheSameIdThenDisableWithANoticeAndReEnable() throws Exception {
    RequestPostProcessor a = oidc.person("hook-fail-" + UUID.randomUUID());
    String[] subscription = subscribe(a, "backoff " + UUID.randomUUID());
    UUID id = UUID.fromString(subscription[0]);
    subscriber.answer =
        exchange -> WebhookSubscriber.respond(exchange, 500, "down for maintenance");

    // The test button tries at once (at the test clock's now): the first failed attempt.
    mvc.perform(post("/notifications/webhooks/" + id + "/test").with(a).with(csrf()));
    assertThat(subscriber.received).hasSize(1);
    Instant at = FixedClock.NOW;
    for (int failed = 1; failed < 8; failed++) {
      at = at.plus(outbox.delay(failed));
      outbox.deliverDue(at.minusSeconds(1));
      assertThat(subscriber.received)
          .as("not before its time, attempt " + (failed + 1))
          .hasSize(failed);
      outbox.deliverDue(at);
      assertThat(subscriber.received).as("attempt " + (failed + 1)).hasSize(failed + 1);
    }
    assertThat(subscriber.received.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
    assertThat(outbox.delay(1)).isEqualTo(java.time.Duration.ofMinutes(1));
    assertThat(outbox.delay(2)).isEqualTo(java.time.Duration.ofMinutes(4));
    assertThat(outbox.delay(3)).isEqualTo(java.time.Duration.ofMinutes(16));
    assertThat(outbox.delay(7)).isEqualTo(java.time.Duration.ofHours(12));

    assertThat(
            jdbc.sql(
                    "select status, attempts, response_code, outcome from nt_webhook_delivery"
                        + " where webhook_id = ?")
                .param(id)
                .query((rs, n) -> rs.getString(1) + rs.getInt(2) + rs.getInt(3) + rs.getString(4))
                .single())
        .isEqualTo("FAILED8500down for maintenance");
    assertThat(
            jdbc.sql("select enabled from nt_webhook where id = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .as("disabled after 8 failed attempts")
        .isFalse();
    String inbox =
        mvc.perform(get("/notifications/inbox").with(a).header("Accept-Language", "en"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(inbox).contains("A webhook subscription was disabled").contains(hookUrl());

    // Disabled: nothing more is sent, even when due.
    outbox.deliverDue(at.plus(java.time.Duration.ofDays(2)));
    assertThat(subscriber.received).hasSize(8);

    // The owner turns it on again; the subscriber works now; a new test goes through.
    subscriber.answer = exchange -> WebhookSubscriber.respond(exchange, 200, "ok");
    assertThat(
            mvc.perform(post("/notifications/webhooks/" + id + "/enable").with(a).with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .endsWith("?enabled");
    mvc.perform(post("/notifications/webhooks/" + id + "/test").with(a).with(csrf()));
    assertThat(subscriber.received).hasSize(9);
    assertThat(
            jdbc.sql(
                    "select count(*) from nt_webhook_delivery where webhook_id = ?"
                        + " and status = 'DELIVERED'")
                .param(id)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void rotationSignsWithBothSecretsForADay() throws Exception {
    RequestPostProcessor a = oidc.person("hook-rotate-" + UUID.randomUUID());
    String[] subscription = subscribe(a, "rotate " + UUID.randomUUID());
    MvcResult rotated =
        mvc.perform(
                post("/notifications/webhooks/" + subscription[0] + "/rotate").with(a).with(csrf()))
            .andReturn();
    String newSecret = String.valueOf(rotated.getFlashMap().get("secret"));
    assertThat(newSecret).startsWith("whsec_").isNotEqualTo(subscription[1]);
    mvc.perform(post("/notifications/webhooks/" + subscription[0] + "/test").with(a).with(csrf()));
    WebhookSubscriber.Received delivery = subscriber.received.getLast();
    assertThat(delivery.header("webhook-signature").split(" ")).hasSize(2);
    String id = delivery.header("webhook-id");
    long timestamp = Long.parseLong(delivery.header("webhook-timestamp"));
    assertThat(timestamp).isEqualTo(FixedClock.NOW.getEpochSecond());
    assertThat(delivery.header("webhook-signature"))
        .isEqualTo(
            new Webhook(newSecret).sign(id, timestamp, delivery.body())
                + " "
                + new Webhook(subscription[1]).sign(id, timestamp, delivery.body()));
  }

  @Test
  void redirectsAreNotFollowedAnswersAreCutAndSlowSubscribersTimeOut() throws Exception {
    RequestPostProcessor a = oidc.person("hook-edge-" + UUID.randomUUID());
    String[] subscription = subscribe(a, "edges " + UUID.randomUUID());
    UUID id = UUID.fromString(subscription[0]);

    subscriber.answer =
        exchange -> {
          exchange.getResponseHeaders().add("Location", "http://127.0.0.1:9/elsewhere");
          WebhookSubscriber.respond(exchange, 302, "");
        };
    mvc.perform(post("/notifications/webhooks/" + id + "/test").with(a).with(csrf()));
    assertThat(subscriber.received).hasSize(1);
    assertThat(lastOutcome(id)).startsWith("302");

    subscriber.answer = exchange -> WebhookSubscriber.respond(exchange, 200, "x".repeat(100_000));
    mvc.perform(post("/notifications/webhooks/" + id + "/test").with(a).with(csrf()));
    assertThat(lastOutcome(id)).isEqualTo("200" + "x".repeat(WebhookOutbox.EXCERPT));

    subscriber.answer =
        exchange -> {
          try {
            Thread.sleep(8_000); // beyond the tests' read timeout (5 s)
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          WebhookSubscriber.respond(exchange, 200, "late");
        };
    long started = System.nanoTime();
    mvc.perform(post("/notifications/webhooks/" + id + "/test").with(a).with(csrf()));
    assertThat((System.nanoTime() - started) / 1_000_000).as("ms").isLessThan(7_500);
    assertThat(lastOutcome(id)).contains("timed out");
    MockHttpServletResponse page =
        mvc.perform(get("/notifications/webhooks/" + id).with(a)).andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(200);
  }

  /**
   * The flash attribute the redirect carries, set after the sign-in post-processor (which gives the
   * request a session of its own, where MockMvc's flashAttr would be lost).
   */
  private static RequestPostProcessor flash(String name, String value) {
    return request -> {
      org.springframework.web.servlet.FlashMap map = new org.springframework.web.servlet.FlashMap();
      map.put(name, value);
      request.setAttribute(
          org.springframework.web.servlet.DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, map);
      return request;
    };
  }

  /**
   * The one delivery's response code and outcome, which is then cleared, so that the next test send
   * is the only one again (they are all made at the test clock's same instant).
   */
  private String lastOutcome(UUID webhook) {
    String outcome =
        jdbc.sql(
                "select coalesce(response_code::text, '') || coalesce(outcome, '')"
                    + " from nt_webhook_delivery where webhook_id = ?")
            .param(webhook)
            .query(String.class)
            .single();
    jdbc.sql("delete from nt_webhook_delivery where webhook_id = ?").param(webhook).update();
    return outcome;
  }
}
