package fi.osaava.education.internal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import fi.osaava.web.BrowserTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An editor signs in through the development provider with the editor claims typed into its claims
 * field (as docs/publishing.md tells developers), finds the publishing pages in the navigation,
 * gets a refused enrolment address back beside its field and in the error summary, and publishes.
 * Every page is checked with axe-core, in en, fi and sv.
 */
class PublishingBrowserTest extends BrowserTestBase {

  @Test
  void anEditorPublishesAnOfferingThroughTheForm() {
    for (String language : new String[] {"en-GB", "fi-FI", "sv-SE"}) {
      Page page = newPage(language, true);
      String organisation = "https://browser-" + UUID.randomUUID() + ".example.fi";
      oidc.signIn(
          page,
          "editor-" + UUID.randomUUID(),
          "{\"osaava_roles\": [\"editor\"], \"osaava_organisation\": \"" + organisation + "\"}");
      page.navigate("/education");
      page.locator("nav a[href='/publish/offerings']").click();
      check(page);
      page.locator("a[href='/publish/offerings/new']").click();
      check(page);
      String name = "Selainkurssi " + UUID.randomUUID().toString().substring(0, 8);
      page.fill("#nameFi", name);
      page.fill("#extent", "5");
      page.locator("#mode-online").check();
      page.fill("#url", "javascript:alert(1)");
      page.locator("form button[type=submit]").first().click();
      assertThat(page.locator(".govuk-error-summary a[href='#url']")).isVisible();
      // The message itself beside the field, not only the screen-reader prefix.
      assertThat(page.locator("#url-error")).containsText("https://");
      check(page);
      page.fill("#url", "https://example.fi/selainkurssi");
      page.locator("form button[type=submit]").first().click();
      assertThat(page.locator(".govuk-notification-banner--success")).isVisible();
      assertThat(page.locator("#nameFi")).hasValue(name);
      check(page);
      // The same form on a phone.
      page.setViewportSize(390, 844);
      check(page);
    }
  }
}
