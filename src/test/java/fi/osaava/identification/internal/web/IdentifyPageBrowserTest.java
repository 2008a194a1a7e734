package fi.osaava.identification.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import fi.osaava.web.BrowserTestBase;
import org.junit.jupiter.api.Test;

/**
 * The /identify page in Chromium: a Finnish text as a plain form post without JavaScript, and an
 * English text with htmx, each checked by axe-core.
 */
class IdentifyPageBrowserTest extends BrowserTestBase {

  @Test
  void aFinnishTextWithoutJavaScriptGivesChipsHighlightsAndChoices() {
    Page page = newPage("fi-FI", false);
    page.navigate("/identify");
    assertThat(page.locator("h1").textContent()).isEqualTo("Tunnista osaamisesi");
    check(page);

    page.fill("#text", "Vastasin projektinhallinnasta ja asiakaspalvelusta kolme vuotta.");
    page.click("button[name=identify]");
    assertThat(page.locator(".chip legend").allTextContents())
        .extracting(String::strip)
        .contains("projektinhallinta", "asiakaspalvelu");
    assertThat(page.locator(".identify-text mark").allTextContents())
        .contains("projektinhallinnasta", "asiakaspalvelusta");
    assertThat(page.locator(".chip .reason").first().textContent()).isNotBlank();

    String first = page.locator(".chip legend").first().textContent().strip();
    page.check("#decision-s0-accept");
    page.check("#decision-s1-reject");
    page.click("button[name=confirm]");
    assertThat(page.locator(".accepted li").allTextContents())
        .extracting(String::strip)
        .containsExactly(first);
    assertThat(page.locator("#decision-s0-accept").isChecked()).isTrue();
    assertThat(page.locator("#decision-s1-reject").isChecked()).isTrue();
  }

  @Test
  void anEnglishTextWithHtmxSwapsInTheResultsAndPassesAxe() {
    Page page = newPage("en-GB", true);
    page.navigate("/identify");
    page.fill(
        "#text",
        "We are looking for a nurse. You will be responsible for project management"
            + " and customer service, and you know Java.");
    page.selectOption("#lang", "en");
    page.click("button[name=identify]");
    page.waitForSelector(".chip");
    assertThat(page.locator(".chip legend").allTextContents())
        .extracting(String::strip)
        .contains("project management", "customer service", "Java (computer programming)");
    assertThat(page.locator("#text").inputValue()).startsWith("We are looking for a nurse.");
    assertThat(page.locator("#occupations-heading").isVisible()).isTrue();
    check(page);
  }
}
