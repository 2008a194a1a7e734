package fi.osaava.education.internal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import fi.osaava.web.BrowserTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An editor signs in through the development provider with the editor claims typed into its claims
 * field (as docs/publishing.md tells developers), finds the publishing pages in the navigation,
 * gets a refused enrolment address back beside its field and in the error summary, and publishes.
 * Every page is checked with axe-core, in en, fi and sv. An employer's editor does the same for a
 * job ad, choosing a skill with the ESCO search while typing, and, without script, with the field
 * for skill addresses. The offerings' editor, an editor of the organisation's services too,
 * publishes a service in the service directory.
 */
class PublishingBrowserTest extends BrowserTestBase {

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  /**
   * The editors' ads made here no longer open afterwards, so that the open ads other tests count
   * (matching, the labour-market figures) stay theirs; closed ads still count as posted.
   */
  @org.junit.jupiter.api.AfterEach
  void closeTheEditorsAds() {
    jdbc.update(
        "update lm_job_ad set closed_at = now() where source_key like 'urn:osaava:publish:job-ad:%'");
  }

  @Test
  void anEditorPublishesAnOfferingThroughTheForm() {
    for (String language : new String[] {"en-GB", "fi-FI", "sv-SE"}) {
      Page page = newPage(language, true);
      // A business ID, so that the same editor can be made an editor of the organisation's
      // services too (the directory knows providers by business ID).
      String organisation = businessId();
      oidc.signIn(
          page,
          "editor-" + UUID.randomUUID(),
          "{\"osaava_roles\": [\"editor\", \"service-editor\"], \"osaava_organisation\": \""
              + organisation
              + "\"}");
      page.navigate("/education");
      clickAndWait(page, page.locator("nav a[href='/publish/offerings']"));
      check(page);
      clickAndWait(page, page.locator("a[href='/publish/offerings/new']"));
      check(page);
      String name = "Selainkurssi " + UUID.randomUUID().toString().substring(0, 8);
      page.fill("#nameFi", name);
      page.fill("#extent", "5");
      page.locator("#mode-online").check();
      page.fill("#url", "javascript:alert(1)");
      clickAndWait(page, page.locator("form button[type=submit]").first());
      assertThat(page.locator(".govuk-error-summary a[href='#url']")).isVisible();
      // The message itself beside the field, not only the screen-reader prefix.
      assertThat(page.locator("#url-error")).containsText("https://");
      check(page);
      page.fill("#url", "https://example.fi/selainkurssi");
      clickAndWait(page, page.locator("form button[type=submit]").first());
      assertThat(page.locator(".govuk-notification-banner--success")).isVisible();
      assertThat(page.locator("#nameFi")).hasValue(name);
      check(page);
      // The same form on a phone.
      page.setViewportSize(390, 844);
      check(page);
      page.setViewportSize(1280, 900);
      publishAService(page);
    }
  }

  /**
   * The same organisation's service editor publishes a service in the service directory: a wrong
   * opening time comes back beside the week's hours and in the error summary, then it is published.
   */
  private void publishAService(Page page) {
    page.navigate("/education");
    clickAndWait(page, page.locator("nav a[href='/publish/services']"));
    check(page);
    clickAndWait(page, page.locator("a[href='/publish/services/new']"));
    check(page);
    String name = "Selainpalvelu " + UUID.randomUUID().toString().substring(0, 8);
    page.fill("#nameFi", name);
    page.locator("#type").check();
    page.locator("#lifeSituations").check();
    page.locator("#areas-online").check();
    page.fill("#municipalities", "Tampere");
    page.fill("#phone", "+358 40 123 4567");
    page.fill("#phoneHours", "9.00");
    page.fill("#phoneCloses-0", "25:00");
    clickAndWait(page, page.locator("form button[type=submit]").first());
    assertThat(page.locator(".govuk-error-summary a[href='#phoneHours']")).isVisible();
    assertThat(page.locator("#phoneHours-error")).isVisible();
    check(page);
    page.fill("#phoneCloses-0", "16:00");
    clickAndWait(page, page.locator("form button[type=submit]").first());
    assertThat(page.locator(".govuk-notification-banner--success")).isVisible();
    assertThat(page.locator("#nameFi")).hasValue(name);
    assertThat(page.locator("#phoneHours")).hasValue("09:00");
    check(page);
  }

  /** A business ID of nobody else in the test database. */
  private static String businessId() {
    java.util.Random random = new java.util.Random();
    while (true) {
      var id = fi.osaava.platform.BusinessId.of(1_000_000 + random.nextInt(8_999_999));
      if (id.isPresent()) {
        return id.get();
      }
    }
  }

  @Test
  void anEmployerPublishesAJobAdChoosingASkillWithTheSearch() {
    for (String language : new String[] {"fi-FI", "sv-SE", "en-GB"}) {
      Page page = newPage(language, true);
      String organisation = "https://employer-" + UUID.randomUUID() + ".example.fi";
      oidc.signIn(
          page,
          "employer-" + UUID.randomUUID(),
          "{\"osaava_roles\": [\"job-ad-editor\"], \"osaava_organisation\": \""
              + organisation
              + "\"}");
      page.navigate("/education");
      clickAndWait(page, page.locator("nav a[href='/publish/job-ads']"));
      check(page);
      clickAndWait(page, page.locator("a[href='/publish/job-ads/new']"));
      String title = "Kokki " + UUID.randomUUID().toString().substring(0, 8);
      page.fill("#title", title);
      page.fill(
          "#description",
          "Haemme kokkia ravintolaamme. Valmistat ruokia ja leivot leipää joka aamu.");
      page.selectOption("#municipality", "837");
      // The search offers ESCO skills while typing; a ticked one moves among the chosen.
      // "Java" is an ESCO skill's label in every language of the pages.
      com.microsoft.playwright.Response options =
          page.waitForResponse(
              r -> r.url().contains("/publish/skills/options"),
              () -> page.locator("#skill-q").pressSequentially("java"));
      org.assertj.core.api.Assertions.assertThat(options.status()).isEqualTo(200);
      page.waitForSelector("#skill-options input[name=chosenSkills]");
      String skill =
          page.locator("#skill-options input[name=chosenSkills]").first().getAttribute("value");
      page.locator("#skill-options input[name=chosenSkills]").first().check();
      assertThat(page.locator("#chosen-skills input[value='" + skill + "']")).isChecked();
      check(page);
      page.fill("#url", "javascript:alert(1)");
      clickAndWait(page, page.locator("form button[type=submit]").first());
      assertThat(page.locator(".govuk-error-summary a[href='#url']")).isVisible();
      assertThat(page.locator("#url-error")).containsText("https://");
      // The ticked skill is still chosen on the page that came back.
      assertThat(page.locator("#chosen-skills input[value='" + skill + "']")).isChecked();
      check(page);
      page.fill("#url", "https://ravintola.example.fi/kokki");
      clickAndWait(page, page.locator("form button[type=submit]").first());
      assertThat(page.locator(".govuk-notification-banner--success")).isVisible();
      assertThat(page.locator("#title")).hasValue(title);
      assertThat(page.locator("#chosen-skills input[value='" + skill + "']")).isChecked();
      check(page);
      clickAndWait(page, page.locator("a[href='/publish/job-ads']").first());
      assertThat(page.locator("table")).containsText(title);
      check(page);
    }
  }

  @Test
  void withoutScriptASkillIsGivenByItsAddress() {
    Page page = newPage("fi-FI", false);
    String organisation = "https://noscript-" + UUID.randomUUID() + ".example.fi";
    oidc.signIn(
        page,
        "employer-" + UUID.randomUUID(),
        "{\"osaava_roles\": [\"job-ad-editor\"], \"osaava_organisation\": \""
            + organisation
            + "\"}");
    page.navigate("/publish/job-ads/new");
    // The search needs script and is not offered; the address field is.
    assertThat(page.locator("#skill-q")).isHidden();
    check(page);
    page.fill("#title", "Leipuri");
    page.fill("#description", "Haemme leipuria leipomoomme.");
    page.fill("#skills", SKILL);
    clickAndWait(page, page.locator("form button[type=submit]").first());
    assertThat(page.locator(".govuk-notification-banner--success")).isVisible();
    assertThat(page.locator("#chosen-skills input[value='" + SKILL + "']")).isChecked();
    check(page);
  }

  static final String SKILL =
      "http://data.europa.eu/esco/skill/0fb753a1-2ef2-4429-84d2-ecb2b24daf7a";
}
