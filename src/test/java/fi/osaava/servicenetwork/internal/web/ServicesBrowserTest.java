package fi.osaava.servicenetwork.internal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.standardwebhooks.Webhook;
import fi.osaava.ReferenceData;
import fi.osaava.notifications.internal.NotificationRounds;
import fi.osaava.notifications.internal.WebhookSubscriber;
import fi.osaava.platform.ImportProgress;
import fi.osaava.servicenetwork.ServiceDirectory;
import fi.osaava.web.BrowserTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The services pages in Chromium, in Finnish, Swedish and English: a person picks a situation and a
 * municipality and gets explained recommendations, follows one to its page, and narrows the search
 * by a facet without JavaScript. In English the person goes on, as issue 17 asks, to save a search
 * and be alerted to a new offering by inbox, mail and signed webhook. Every page is checked with
 * axe-core.
 */
class ServicesBrowserTest extends BrowserTestBase {

  @Autowired ServiceDirectory directory;

  @BeforeEach
  void importCatalogue() {
    directory.importGeneralDescriptions(
        ReferenceData.directory().resolve("services/ptv-general-descriptions-2022.json"),
        false,
        ImportProgress.silent());
  }

  /**
   * A provider's career guidance in Tampere for people changing career, named in the three
   * languages as the goals below: their best, so strong, match. Other tests publish services for
   * the same situation, and the catalogue's general descriptions may come after more of them than
   * the page shows; this one is local and leads.
   */
  @BeforeEach
  void publishLocalCareerGuidance() throws Exception {
    String body =
        """
        {"id": "tampere-uraohjaus", "organisation": {"businessId": "0211675-2", "name": {"fi": "Tampereen kaupunki"}},
         "name": {"fi": "Ammatinvalinnan ohjaus Tampereella", "sv": "Studie- och yrkesvägledning i Tammerfors",
                  "en": "Career guidance in Tampere"},
         "type": "CAREER_COUNSELLING", "lifeSituations": ["CHANGING_CAREER"], "areas": ["municipality:837"],
         "languages": ["fi", "sv", "en"],
         "channels": [{"type": "WEB_PAGE", "url": "https://uraohjaus.example.fi"}]}
        """;
    int status =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/api/v1/services")
                    .header("Authorization", "Bearer " + servicesClientToken("0211675-2"))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .content(body))
            .andReturn()
            .getResponse()
            .getStatus();
    org.assertj.core.api.Assertions.assertThat(status).isEqualTo(200);
  }

  /**
   * @param goal the third question's answer, a goal the catalogue's career counselling matches
   * @param goalReason the reason a strong goal match gives
   */
  private Page recommendAndOpen(
      String language, String expectedReason, String goal, String goalReason) {
    Page page = newPage(language, true);
    page.navigate("/services");
    check(page);
    page.locator("input[name=for][value=CHANGING_CAREER]").check();
    page.locator("#municipality").selectOption("837");
    page.locator("#goal").fill(goal);
    page.locator("#recommend-submit").click();
    assertThat(page.locator("#recommendations")).isVisible();
    assertThat(page.locator("#recommendations .why").first()).containsText(expectedReason);
    assertThat(
            page.locator("#recommendations .why")
                .filter(new Locator.FilterOptions().setHasText(goalReason))
                .first())
        .isVisible();
    check(page);
    String title = page.locator("#recommendations .service-card h3 a").first().textContent();
    page.locator("#recommendations .service-card h3 a").first().click();
    assertThat(page.locator("h1")).containsText(title.strip());
    check(page);
    return page;
  }

  @Test
  void finnish() {
    recommendAndOpen(
        "fi-FI",
        "Palvelee tilannettasi: Alanvaihtaja",
        "ammatinvalinnan ohjaus",
        "Vastaa antamaasi tavoitetta");
  }

  @Test
  void swedish() {
    recommendAndOpen(
        "sv-FI",
        "Den betjänar din situation: Byter bransch",
        "studie- och yrkesvägledning",
        "Den motsvarar målet du angav");
  }

  @Test
  void englishWithoutJavaScriptNarrowsByAFacet() {
    // The English recommendations are the first step of the alert journey below.
    Page page = newPage("en-GB", false);
    page.navigate("/services?q=training");
    page.locator("input[name=type][value=TRAINING]").check();
    page.locator("form.services-search button[type=submit]").click();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*type=TRAINING.*"));
    assertThat(page.locator("#results .service-card").first()).isVisible();
    check(page);
  }

  /**
   * Issue 17's "done when" journey in one flow: the three questions answered, a search saved with
   * e-mail at once and a webhook, a matching offering pushed through the API, and the alert found
   * in the inbox, in the development mailbox (whose unsubscribe link works without sign-in) and at
   * the webhook subscriber, signed.
   */
  @Test
  void aSavedSearchAlertsByInboxMailAndSignedWebhook() throws Exception {
    // 1. The three questions, and explained recommendations.
    Page page =
        recommendAndOpen(
            "en-GB",
            "It serves your situation: Changing career",
            "career guidance",
            "It matches the goal you gave");

    // 2. Signed in, the person saves an education search for a word of this run only, with mail
    // at once, and subscribes their organisation's system to it.
    String word = "polku" + UUID.randomUUID().toString().substring(0, 6);
    String address = "journey-" + UUID.randomUUID() + "@example.fi";
    oidc.signIn(page, "alert-journey-" + UUID.randomUUID());
    page.navigate("/education?q=" + word);
    check(page);
    clickAndWait(page, page.locator("form.save-search button"));
    assertThat(page).hasURL(Pattern.compile(".*/notifications/searches\\?saved$"));
    assertThat(page.locator("tr.saved-search")).containsText(word);
    page.locator("#email").fill(address);
    page.locator("input[name=frequency][value=IMMEDIATE]").check();
    clickAndWait(page, page.locator("form[action$='/notifications/settings'] button"));
    assertThat(page.locator("input[name=frequency][value=IMMEDIATE]")).isChecked();
    check(page);
    try (WebhookSubscriber subscriber = new WebhookSubscriber()) {
      clickAndWait(page, page.locator("#webhooks-link"));
      check(page);
      page.locator("#savedSearch")
          .selectOption(
              page.locator("#savedSearch option")
                  .filter(new Locator.FilterOptions().setHasText(word))
                  .getAttribute("value"));
      page.locator("#url").fill(subscriber.url());
      clickAndWait(page, page.locator("form[action='/notifications/webhooks'] button"));
      String secret = page.locator("#secret").textContent().strip();
      org.assertj.core.api.Assertions.assertThat(secret).startsWith("whsec_");
      check(page);

      // 3. A provider's system pushes a matching offering over HTTP with a client-credentials
      // token for the publishing scope.
      String name = "Alert journey course " + word;
      HttpResponse<String> pushed = push(name, word);
      org.assertj.core.api.Assertions.assertThat(pushed.statusCode())
          .as(pushed.body())
          .isEqualTo(200);

      // 4. The alert in the inbox, and as a mail in the development mailbox once the outbox has
      // sent it.
      NotificationRounds rounds = new NotificationRounds(context);
      await("the inbox message naming " + name)
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                page.navigate("/notifications/inbox");
                return page.locator("main").textContent().contains(name);
              });
      check(page);
      await("the mail naming " + name)
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                rounds.sendMail();
                page.navigate("/notifications/dev-mailbox");
                return page.locator(".mailbox-mail")
                        .filter(new Locator.FilterOptions().setHasText(address))
                        .count()
                    == 1;
              });
      Locator mail =
          page.locator(".mailbox-mail").filter(new Locator.FilterOptions().setHasText(address));
      assertThat(mail.locator("h2")).hasText("New offering: " + name);
      String text = mail.locator("pre.mailbox-text").textContent();
      org.assertj.core.api.Assertions.assertThat(text).contains(name);
      check(page);
      // The mail's long unsubscribe link wraps: on a phone the page does not scroll sideways.
      page.setViewportSize(390, 844);
      org.assertj.core.api.Assertions.assertThat(
              page.evaluate(
                  "() => document.documentElement.scrollWidth"
                      + " <= document.documentElement.clientWidth"))
          .as("the mailbox reflows at 390 px")
          .isEqualTo(true);
      page.setViewportSize(1280, 900);
      Matcher link =
          Pattern.compile("/notifications/unsubscribe\\?token=[A-Za-z0-9_-]+").matcher(text);
      org.assertj.core.api.Assertions.assertThat(link.find()).as(text).isTrue();

      // Followed in a browser that is not signed in (the mail's base address is the configured
      // public one; the path and token are what make the link work).
      Page stranger = newPage("en-GB", true);
      stranger.navigate(link.group());
      check(stranger);
      clickAndWait(stranger, stranger.locator("main form button"));
      assertThat(stranger.locator("h1")).hasText("E-mails stopped");
      check(stranger);
      page.navigate("/notifications/searches");
      assertThat(page.locator("input[name=frequency][value=OFF]")).isChecked();
      check(page);

      // 5. The webhook subscriber receives the alert, signed with the secret the page showed.
      await("the signed webhook delivery")
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                rounds.deliverWebhooks();
                return subscriber.received.stream().anyMatch(r -> r.body().contains(name));
              });
      WebhookSubscriber.Received delivery =
          subscriber.received.stream().filter(r -> r.body().contains(name)).findFirst().get();
      org.assertj.core.api.Assertions.assertThatCode(
              () -> new Webhook(secret).verify(delivery.body(), delivery.headers()))
          .as("Standard Webhooks: id, timestamp and signature")
          .doesNotThrowAnyException();
      org.assertj.core.api.Assertions.assertThat(delivery.header("webhook-id")).startsWith("msg_");
      org.assertj.core.api.Assertions.assertThat(delivery.body())
          .contains("\"type\":\"education.offering.matched\"");
    }
  }

  @Autowired ApplicationContext context;

  /** Pushes one course through the education API as a provider's system would. */
  private HttpResponse<String> push(String name, String word) throws Exception {
    String token = oidc.clientCredentialsToken("journey-provider", "education.publish");
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create(url("/api/v1/education/offerings")))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/ld+json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      """
                      {"@context": "https://schema.org", "@type": "Course",
                       "@id": "https://courses.example.fi/journey/%s", "name": "%s",
                       "description": "Synthetic course for the alert journey test.",
                       "provider": {"@type": "Organization", "name": "Journey Institute"}}
                      """
                          .formatted(word, name)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }
}
