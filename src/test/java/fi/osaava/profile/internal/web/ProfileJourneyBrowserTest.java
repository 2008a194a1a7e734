package fi.osaava.profile.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import fi.osaava.web.BrowserTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole journey in a real browser, signing in through the development provider: add a job with
 * a Finnish description, accept two suggested skills and reject one, import an Open Badge, export
 * the data, delete the account, and sign in again to an empty profile. Every Osaava page on the way
 * passes axe-core and the CSP.
 */
class ProfileJourneyBrowserTest extends BrowserTestBase {

  static final String COOK =
      "Työskentelin kokkina ravintolassa viisi vuotta. Valmistin ruokia, leivoin leipää,"
          + " suunnittelin ruokalistoja ja huolehdin hygieniasta. Palvelin asiakkaita ja"
          + " perehdytin uusia työntekijöitä.";

  @Test
  void signInBuildExportDeleteAndStartAgain() throws Exception {
    String subject = "journey-" + UUID.randomUUID();
    Page page = newPage("fi-FI", true);
    page.navigate("/sign-in");
    assertThat(page.locator(".development-login").textContent()).contains("Kehityskirjautuminen");
    check(page);
    oidc.signIn(page, subject);
    assertThat(page.url()).endsWith("/profile");
    check(page);

    page.selectOption("#kind", "WORK");
    page.fill("#title", "Kokki");
    page.fill("#organisation", "Ravintola Testi");
    page.fill("#start", "2019-01-01");
    page.fill("#end", "2024-01-31");
    page.fill("#description", COOK);
    page.click("#add-experience");
    page.waitForSelector("#suggestions");
    assertThat(page.url()).contains("/profile/experiences/");
    check(page);
    int pending = page.locator("form.suggestion").count();
    assertThat(pending).isGreaterThanOrEqualTo(3);

    String first = page.locator("form.suggestion strong").nth(0).textContent();
    page.locator("form.suggestion button.accept").first().click();
    page.waitForLoadState();
    String second = page.locator("form.suggestion strong").nth(0).textContent();
    page.locator("form.suggestion button.accept").first().click();
    page.waitForLoadState();
    String rejected = page.locator("form.suggestion strong").nth(0).textContent();
    page.locator("form.suggestion button.reject").first().click();
    page.waitForLoadState();
    assertThat(page.locator("form.suggestion").count()).isEqualTo(pending - 3);
    assertThat(page.locator("li.accepted-skill").allTextContents())
        .anySatisfy(t -> assertThat(t).contains(first))
        .anySatisfy(t -> assertThat(t).contains(second));
    assertThat(page.locator("li.rejected-skill").allTextContents())
        .singleElement()
        .satisfies(t -> assertThat(t).contains(rejected));
    check(page);

    page.navigate("/profile");
    page.setInputFiles(
        "#credential-file",
        new FilePayload(
            "tomcat-badge.json",
            "application/json",
            fi.osaava.profile.CredentialsTestData.openBadge().getBytes(StandardCharsets.UTF_8)));
    page.click("#import-credential");
    page.waitForLoadState();
    assertThat(page.locator(".notice").allTextContents()).noneMatch(t -> t.contains("epäonnistui"));
    assertThat(page.url()).contains("/profile?imported");
    assertThat(page.locator("#credentials").textContent()).contains("Tomcat administration");
    assertThat(page.locator("#skills tbody tr").count()).isEqualTo(3);
    check(page);

    page.navigate("/profile/interests");
    check(page);
    page.check("#riasec-S1-2");
    page.check("#riasec-S2-2");
    page.check("#riasec-A1-1");
    page.fill("#interestText", "Ruoanlaitto ja ihmiset");
    page.click("form[action$='/profile/interests'] button[type=submit]");
    page.waitForLoadState();
    assertThat(page.locator("#results-heading").textContent()).contains("SA");
    check(page);
    page.navigate("/profile");

    Download download = page.waitForDownload(() -> page.click("#export-json"));
    String export = Files.readString(download.path());
    assertThat(export).contains("Ravintola Testi").contains("Tomcat administration");
    assertThat(export).doesNotContain(subject);

    page.click("#delete-account");
    check(page);
    page.click("#confirm-delete");
    page.waitForLoadState();
    assertThat(page.url()).contains("/sign-in?deleted");
    page.navigate("/profile");
    assertThat(page.url()).endsWith("/sign-in");

    oidc.signIn(page, subject);
    assertThat(page.url()).endsWith("/profile");
    assertThat(page.locator("#experiences").textContent()).contains("Ei vielä merkintöjä");
    assertThat(page.locator("#skills tbody tr").count()).isZero();
    assertThat(page.locator("#credentials li").count()).isZero();
    check(page);
  }
}
