package fi.osaava.profile.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import fi.osaava.profile.CvFixtures;
import fi.osaava.web.BrowserTestBase;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The identify-to-profile step in a real browser, in Finnish and in Swedish: upload a CV, tick
 * suggested skills on the review page, add a skill by hand through the autocomplete, and save an
 * accepted suggestion from the identify page. Every page passes axe-core and the CSP. With {@code
 * -Dosaava.screenshots=DIR} the pages are also saved at 1280 and 390 px wide.
 */
class IdentifyToProfileBrowserTest extends BrowserTestBase {

  @ParameterizedTest
  @CsvSource({"fi-FI, fi, cv.docx", "sv-FI, sv, cv.pdf"})
  void uploadConfirmAddAndSave(String locale, String language, String fileName) {
    Page page = newPage(locale, true);
    oidc.signIn(page, "cv-journey-" + UUID.randomUUID());
    page.navigate("/profile");
    byte[] cv =
        language.equals("fi")
            ? CvFixtures.docx(CvFixtures.FINNISH)
            : CvFixtures.pdf(CvFixtures.SWEDISH);
    page.setInputFiles("#cv-file", new FilePayload(fileName, "application/octet-stream", cv));
    page.click("#upload-cv");
    page.waitForSelector(".cv-entry");
    assertThat(page.url()).contains("/profile/cv/");
    assertThat(page.locator(".cv-entry").count()).isEqualTo(language.equals("fi") ? 4 : 3);
    check(page);
    shoot(page, language, "cv-review");

    int boxes = page.locator("input[name=accept]").count();
    assertThat(boxes).isGreaterThan(1);
    page.locator("input[name=accept]").nth(0).check();
    page.locator("input[name=accept]").nth(1).check();
    page.click("#save-cv-skills");
    page.waitForLoadState();
    assertThat(page.locator("li.accepted-skill").count()).isEqualTo(2);
    check(page);

    page.navigate("/profile#skills");
    assertThat(page.locator("table.profile-skills tbody tr").count()).isEqualTo(2);
    page.locator("#manual-q").pressSequentially("Apache Tomc");
    page.waitForSelector("#manual-options input[name=uri]");
    page.selectOption("#manual-level", "ADVANCED");
    page.click("#add-skill");
    page.waitForLoadState();
    assertThat(page.url()).contains("added");
    assertThat(page.locator("table.profile-skills tbody tr").count()).isEqualTo(3);
    check(page);
    shoot(page, language, "profile");

    page.navigate("/identify");
    page.fill("#text", ProfileJourneyBrowserTest.COOK);
    page.click("button[name=identify]");
    page.waitForSelector("#save-to-profile");
    page.locator("fieldset.chip input[value=accept]").first().check();
    check(page);
    shoot(page, language, "identify");
    page.click("#save-to-profile");
    page.waitForURL(url -> url.contains("/profile?confirmed="));
    assertThat(page.locator("table.profile-skills tbody tr").count()).isGreaterThanOrEqualTo(3);
    check(page);
  }

  /** Full-page screenshots at desktop and phone width, when a directory is given. */
  private static void shoot(Page page, String language, String name) {
    String directory = System.getProperty("osaava.screenshots");
    if (directory == null || directory.isBlank()) {
      return;
    }
    for (int width : new int[] {1280, 390}) {
      page.setViewportSize(width, 900);
      page.screenshot(
          new Page.ScreenshotOptions()
              .setFullPage(true)
              .setPath(Path.of(directory, "%s-%s-%d.png".formatted(name, language, width))));
    }
    page.setViewportSize(1280, 900);
  }
}
