package fi.osaava.taxonomy.internal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import fi.osaava.taxonomy.internal.web.EscoFixture.Labelled;
import fi.osaava.web.BrowserTestBase;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * The taxonomy's pages as people use them, in Chromium: browsing, switching language, the search
 * box with and without JavaScript, and the error page. Expected texts come from the message bundles
 * and the ESCO files, never copied into the test.
 */
class TaxonomyBrowserTest extends BrowserTestBase {

  @Autowired MessageSource messages;

  @Test
  void browseFromTheFrontPageToASkillAndOneOfItsOccupations() {
    Page page = newPage("en-GB", true);
    // The front door first: the ESCO browser is one click away from it.
    page.navigate("/");
    assertThat(page.locator("h1")).hasText(message("home.title", "en"));
    assertThat(page.locator(".home-tasks li")).hasCount(7);
    assertThat(page.locator(".home-tasks a[href='/self-assessment']")).hasCount(1);
    check(page);
    page.locator("#esco-link").click();
    assertThat(page.locator("h1")).hasText(message("taxonomy.home.title", "en"));
    check(page);
    page.locator(".cards a[href$='/browse/skill']").click();
    assertThat(page.locator("h1")).hasText(message("taxonomy.types.skill", "en"));
    check(page);

    // Not every skill is needed by an occupation: take the first on the list that is.
    Locator skills = page.locator("#list .concept-list a");
    int tries = Math.min(skills.count(), 15);
    for (int i = 0; i < tries; i++) {
      Locator skill = skills.nth(i);
      String label = skill.textContent();
      skill.click();
      assertThat(page.locator("h1")).hasText(label);
      Locator occupations = page.locator("#essential .concept-list a, #optional .concept-list a");
      if (occupations.count() == 0) {
        page.goBack();
        continue;
      }
      check(page);
      String skillUri = page.locator("a.uri").textContent();
      String uuid = skillUri.substring(skillUri.lastIndexOf('/') + 1);
      Locator occupation = occupations.first();
      String section = (String) occupation.evaluate("a => a.closest('section').id");
      String occupationLabel = occupation.textContent();
      occupation.click();

      assertThat(page.locator("h1")).hasText(occupationLabel);
      assertThat(page.locator(".concept-type"))
          .containsText(message("taxonomy.type.occupation", "en"));
      // The occupation lists the skill back, under the same relation, unless that list is paged.
      if (page.locator("#" + section + " .pager").count() == 0) {
        assertThat(page.locator("#" + section + " a[href*='" + uuid + "']")).hasCount(1);
        assertThat(page.locator("#" + section + " li", new Page.LocatorOptions().setHasText(label)))
            .containsText(message("taxonomy.relation." + section, "en"));
      }
      check(page);
      return;
    }
    Assertions.fail("none of the first %d skills lists an occupation", tries);
  }

  @Test
  void languageSwitchSetsTheLanguageOfEveryLaterPage() {
    Labelled skill = EscoFixture.firstFinnishSkill();
    String english = EscoFixture.englishLabel("skills_en.csv", skill.uri());
    Page page = newPage("fi-FI", true);

    page.navigate("/");
    assertThat(page.locator("h1")).hasText(message("home.title", "fi"));
    check(page);
    page.locator(".language-switch a[hreflang='sv']").click();
    assertThat(page.locator("h1")).hasText(message("home.title", "sv"));
    check(page);
    page.locator(".language-switch a[hreflang='fi']").click();

    page.navigate("/esco");
    assertThat(page.locator("html")).hasAttribute("lang", "fi");
    assertThat(page.locator("h1")).hasText(message("taxonomy.home.title", "fi"));
    check(page);

    page.locator(".language-switch a[hreflang='sv']").click();
    assertThat(page.locator("html")).hasAttribute("lang", "sv");
    assertThat(page.locator("h1")).hasText(message("taxonomy.home.title", "sv"));
    assertThat(page.locator(".language-switch a[aria-current='true']")).hasText("svenska");
    check(page);

    // Remembered: pages reached without ?lang stay Swedish.
    page.locator(".cards a[href$='/browse/occupation']").click();
    assertThat(page.locator("html")).hasAttribute("lang", "sv");
    assertThat(page.locator("h1")).hasText(message("taxonomy.types.occupation", "sv"));
    check(page);

    // ESCO has no Swedish skills: the page says so, and marks the English label as English.
    page.navigate("/concepts?uri=" + skill.uri());
    assertThat(page.locator("html")).hasAttribute("lang", "sv");
    assertThat(page.locator("h1")).hasText(english);
    assertThat(page.locator("h1")).hasAttribute("lang", "en");
    assertThat(page.locator("p.notice").first())
        .hasText(
            message(
                "taxonomy.fallback.label",
                "sv",
                message("language.in.sv", "sv"),
                message("language.in.en", "sv")));
    check(page);

    page.locator(".language-switch a[hreflang='fi']").click();
    assertThat(page.locator("html")).hasAttribute("lang", "fi");
    assertThat(page.locator("h1")).hasText(skill.label());
    assertThat(page.locator("h1")).not().hasAttribute("lang", "en");
    check(page);

    page.locator(".language-switch a[hreflang='en']").click();
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(page.locator("h1")).hasText(english);
    assertThat(page.locator(".notice")).hasCount(0);
    check(page);

    page.locator(".main-nav a[href$='/esco']").click();
    page.locator(".cards a[href$='/browse/skill-group']").click();
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    assertThat(page.locator("h1")).hasText(message("taxonomy.types.skill-group", "en"));
    check(page);

    page.locator(".language-switch a[hreflang='no']").click();
    assertThat(page.locator("html")).hasAttribute("lang", "no");
    assertThat(page.locator("h1")).hasText(message("taxonomy.types.skill-group", "no"));
    check(page);
  }

  @Test
  void unknownConceptGetsTheLocalizedNotFoundPage() {
    Page page = newPage("sv-FI", true);
    Response response =
        page.navigate(
            "/concepts?uri=http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000");
    Assertions.assertThat(response.status()).isEqualTo(404);
    assertThat(page.locator("html")).hasAttribute("lang", "sv");
    assertThat(page.locator("h1")).hasText(message("error.404.title", "sv"));
    assertThat(page.locator("main")).not().containsText("Exception");
    check(page);
  }

  /** Needs TaxonomyApi.autocomplete, which the search index provides. */
  @Test
  void suggestionsAppearAsYouTypeAndTheKeyboardPicksOne() {
    Labelled skill = EscoFixture.firstFinnishSkill();
    String prefix = skill.label().substring(0, Math.min(6, skill.label().length())).strip();
    Page page = newPage("fi-FI", true);
    page.navigate("/esco");

    Response last =
        page.waitForResponse(
            response -> decoded(response.url()).contains("q=" + prefix),
            () ->
                page.locator("#q")
                    .pressSequentially(
                        prefix, new Locator.PressSequentiallyOptions().setDelay(40)));
    Assertions.assertThat(last.status()).isEqualTo(200);
    Locator suggestions = page.locator("#suggestions a");
    assertThat(suggestions.first()).isVisible();
    int count = suggestions.count();
    assertThat(page.locator("#suggestion-status"))
        .hasText(message("taxonomy.suggestions.count", "fi", count));
    // htmx fetched them in place: the browser is still on the front page.
    Assertions.assertThat(page.url()).isEqualTo(url("/esco"));
    check(page);

    String first = suggestions.first().textContent();
    page.locator("#q").press("ArrowDown");
    assertThat(suggestions.first()).isFocused();
    if (count > 1) {
      page.keyboard().press("ArrowDown");
      assertThat(suggestions.nth(1)).isFocused();
      page.keyboard().press("ArrowUp");
      assertThat(suggestions.first()).isFocused();
    }
    page.keyboard().press("Enter");
    page.waitForURL("**/concepts?uri=**");
    assertThat(page.locator("h1")).hasText(first);
    check(page);
  }

  /** Needs TaxonomyApi.autocomplete, which the search index provides. */
  @Test
  void searchFormWorksWithoutJavaScript() {
    Labelled skill = EscoFixture.firstFinnishSkill();
    Page page = newPage("fi-FI", false);
    page.navigate("/esco");
    check(page);

    page.locator("#q").fill(skill.label());
    page.locator("form.search button[type='submit']").click();
    page.waitForURL("**/search?**");
    assertThat(page.locator("#q")).hasValue(skill.label());
    check(page);

    Locator hit =
        page.locator(".results")
            .getByRole(
                AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(skill.label()).setExact(true));
    assertThat(hit.first()).isVisible();
    hit.first().click();
    assertThat(page.locator("h1")).hasText(skill.label());
    check(page);
  }

  private String message(String key, String language, Object... args) {
    return messages.getMessage(key, args, Locale.of(language));
  }

  private static String decoded(String url) {
    return URLDecoder.decode(url, StandardCharsets.UTF_8);
  }
}
