package fi.osaava.servicenetwork.internal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import fi.osaava.ReferenceData;
import fi.osaava.platform.ImportProgress;
import fi.osaava.servicenetwork.ServiceDirectory;
import fi.osaava.web.BrowserTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The services pages in Chromium, in Finnish, Swedish and English: a person picks a situation and a
 * municipality and gets explained recommendations, follows one to its page, and narrows the search
 * by a facet without JavaScript. Every page is checked with axe-core.
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

  private void recommendAndOpen(String language, String expectedReason) {
    Page page = newPage(language, true);
    page.navigate("/services");
    check(page);
    page.locator("input[name=for][value=CHANGING_CAREER]").check();
    page.locator("#municipality").selectOption("837");
    page.locator("#recommend-submit").click();
    assertThat(page.locator("#recommendations")).isVisible();
    assertThat(page.locator("#recommendations .why").first()).containsText(expectedReason);
    check(page);
    String title = page.locator("#recommendations .service-card h3 a").first().textContent();
    page.locator("#recommendations .service-card h3 a").first().click();
    assertThat(page.locator("h1")).containsText(title.strip());
    check(page);
  }

  @Test
  void finnish() {
    recommendAndOpen("fi-FI", "Palvelee tilannettasi: Alanvaihtaja");
  }

  @Test
  void swedish() {
    recommendAndOpen("sv-FI", "Den betjänar din situation: Byter bransch");
  }

  @Test
  void englishWithoutJavaScriptNarrowsByAFacet() {
    recommendAndOpen("en-GB", "It serves your situation: Changing career");
    Page page = newPage("en-GB", false);
    page.navigate("/services?q=training");
    page.locator("input[name=type][value=TRAINING]").check();
    page.locator("form.services-search button[type=submit]").click();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*type=TRAINING.*"));
    assertThat(page.locator("#results .service-card").first()).isVisible();
    check(page);
  }
}
