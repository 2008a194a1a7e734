package fi.osaava.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import fi.osaava.web.BrowserTestBase;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The programmes in a real browser, with axe on every page: reading without JavaScript in Finnish,
 * Swedish and English; a learner completing the basic package with a quiz; an editor's pages.
 */
class ProgrammesBrowserTest extends BrowserTestBase {

  @Autowired ProgrammesApi programmes;

  @BeforeEach
  void sampleContent() {
    programmes.loadSampleContent();
  }

  @ParameterizedTest
  @CsvSource({
    "fi, Tekoäly julkisissa palveluissa – perusteet, Mitä tekoäly on – ja mitä se ei ole",
    "sv, AI i offentliga tjänster – grunder, Vad AI är – och vad den inte är",
    "en, AI in public services – the basics, What AI is – and what it is not"
  })
  void anyoneReadsThePackagesWithoutJavaScript(String language, String title, String module) {
    Page page = newPage(language, false);
    page.navigate("/programmes");
    assertThat(page.locator("h1").textContent()).isNotBlank();
    assertThat(page.content()).contains(title);
    check(page);
    page.click("a:text('" + title + "')");
    assertThat(page.locator("h1").textContent()).isEqualTo(title);
    check(page);
    page.navigate("/programmes/packages/ai-basics/modules/what-ai-is");
    assertThat(page.locator("h1").textContent()).isEqualTo(module);
    assertThat(page.locator(".programme-module-body h2").count()).isGreaterThan(0);
    check(page);
    page.navigate("/programmes/packages/ai-basics/modules/check-your-understanding");
    check(page);
  }

  @Test
  void aLearnerCompletesTheBasicPackageWithAQuiz() {
    Page page = newPage("en", true);
    oidc.signIn(page, "browser-learner-" + UUID.randomUUID());
    page.navigate("/programmes/packages/ai-basics");
    page.click("button:text('Start studying')");
    assertThat(page.url()).endsWith("/modules/what-ai-is");
    page.click("button:text('Mark as read and continue')");
    page.click("button:text('Mark as read and continue')");
    assertThat(page.url()).endsWith("/modules/check-your-understanding");
    page.check("#answer-estimate-fact");
    page.check("#answer-responsibility-vendor");
    page.click("button:text('Check my answers')");
    assertThat(page.content()).contains("Not passed yet").contains("No. A model checks no facts");
    check(page);
    page.check("#answer-estimate-estimate");
    page.check("#answer-responsibility-organisation");
    page.check("#answer-chatbot-tell");
    page.check("#answer-equality-groups");
    page.click("button:text('Check my answers')");
    assertThat(page.content()).contains("4 of 4 right");
    check(page);
    page.click("a[rel=next]");
    page.fill(
        "#reflection-text", "Routing messages at the benefits desk; a person always answers.");
    page.click("button:text('Save and continue')");
    assertThat(page.content()).contains("You completed the package.");
    check(page);
    page.navigate("/profile");
    assertThat(page.content()).contains("Tekoäly julkisissa palveluissa – perusteet");
  }

  @Test
  void anEditorsPagesAreAccessible() {
    Page page = newPage("fi", true);
    oidc.signIn(
        page,
        "browser-editor-" + UUID.randomUUID(),
        "{\"osaava_roles\": [\"editor\"], \"osaava_organisation\": \"osaava\"}");
    page.navigate("/programmes/edit");
    assertThat(page.content()).contains("Tekoäly julkisissa palveluissa – perusteet");
    check(page);
    page.click("a:text('Tekoäly julkisissa palveluissa – perusteet')");
    assertThat(page.content()).contains("Julkaistu");
    check(page);
  }
}
