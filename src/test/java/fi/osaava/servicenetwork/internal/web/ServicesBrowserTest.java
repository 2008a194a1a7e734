package fi.osaava.servicenetwork.internal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
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
  private void recommendAndOpen(
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
    recommendAndOpen(
        "en-GB",
        "It serves your situation: Changing career",
        "career guidance",
        "It matches the goal you gave");
    Page page = newPage("en-GB", false);
    page.navigate("/services?q=training");
    page.locator("input[name=type][value=TRAINING]").check();
    page.locator("form.services-search button[type=submit]").click();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*type=TRAINING.*"));
    assertThat(page.locator("#results .service-card").first()).isVisible();
    check(page);
  }
}
