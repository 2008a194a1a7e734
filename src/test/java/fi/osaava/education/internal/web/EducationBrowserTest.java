package fi.osaava.education.internal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationTestData;
import fi.osaava.web.BrowserTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The education pages in Chromium: a Finnish query narrowed by two facets (with htmx and without
 * JavaScript), paging, and the offering page. Every page is checked with axe-core.
 */
class EducationBrowserTest extends BrowserTestBase {

  @Autowired EducationCatalogue catalogue;

  @BeforeEach
  void importCatalogue() {
    EducationTestData.ensureImported(catalogue);
  }

  @Test
  void finnishQueryWithTwoFacetsWithJavaScript() {
    Page page = newPage("fi-FI", true);
    page.navigate("/education?q=sairaanhoitaja");
    check(page);
    String before = page.locator("#results-heading").textContent();
    page.locator("input[type=checkbox][name=location][value='837']").check();
    page.waitForURL("**location=837**");
    page.locator("input[type=checkbox][name=language][value='fi']").check();
    page.waitForURL("**language=fi**");
    assertThat(page.locator("#results-heading")).not().hasText(before);
    Locator hits = page.locator(".offering-hit");
    assertThat(hits.first()).containsText("Tampere");
    assertThat(page.locator("input[type=checkbox][name=location][value='837']")).isChecked();
    check(page);
    String title = hits.first().locator("h3 a").textContent();
    hits.first().locator("h3 a").click();
    assertThat(page.locator("h1")).hasText(title);
    check(page);
  }

  @Test
  void finnishQueryWithTwoFacetsWithoutJavaScript() {
    Page page = newPage("fi-FI", false);
    page.navigate("/education?q=sairaanhoitajaksi");
    page.locator("input[type=checkbox][name=location][value='837']").check();
    page.locator("input[type=checkbox][name=level][value='DEGREE']").check();
    page.locator("form.education-search button[type=submit]").click();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*location=837.*"));
    assertThat(page.locator(".offering-hit").first()).containsText("Tampere");
    check(page);
  }

  @Test
  void pagingMovesThroughResults() {
    Page page = newPage("en-GB", true);
    page.navigate("/education?q=insinööri");
    String firstOnPageOne = page.locator(".offering-hit h3").first().textContent();
    page.locator("a.pager-next").click();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*page=1.*"));
    assertThat(page.locator(".pager-status")).containsText("2");
    assertThat(page.locator(".offering-hit h3").first().textContent()).isNotEqualTo(firstOnPageOne);
    check(page);
    page.locator("a.pager-previous").click();
    assertThat(page.locator(".offering-hit h3").first()).hasText(firstOnPageOne);
  }
}
