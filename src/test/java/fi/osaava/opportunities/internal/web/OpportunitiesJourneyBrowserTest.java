package fi.osaava.opportunities.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import fi.osaava.education.CatalogueChanged;
import fi.osaava.education.EducationApi;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationTestData;
import fi.osaava.web.BrowserTestBase;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The opportunities journey of issue 6 in a real browser: a signed-in person with skills from a
 * described job sees explained cards, chooses an occupation as a goal, sees the gap, composes a
 * path within a credit budget, saves it as a plan, marks a step done and finds the step's skills in
 * the profile. Every page on the way passes axe-core and the CSP.
 */
class OpportunitiesJourneyBrowserTest extends BrowserTestBase {

  static final String DEVELOPER =
      "I worked as a software developer for five years. I programmed in Java and wrote SQL"
          + " queries, designed databases, tested software and developed web applications.";

  @Autowired EducationCatalogue catalogue;
  @Autowired EducationApi education;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  @BeforeEach
  void catalogueWithSkills() {
    EducationTestData.ensureImported(catalogue);
    education.identifyPendingSkills();
    // The skill backfill does not announce itself; the matching index must see its skills.
    transactions.executeWithoutResult(status -> events.publishEvent(new CatalogueChanged(0)));
  }

  @Test
  void profileToGoalToPlanToProfile() {
    Page page = newPage("en-GB", true);
    oidc.signIn(page, "opportunities-" + UUID.randomUUID());
    assertThat(page.url()).endsWith("/profile");

    page.selectOption("#kind", "WORK");
    page.fill("#title", "Software developer");
    page.fill("#organisation", "Ohjelmistotalo Testi");
    page.fill("#start", "2019-01-01");
    page.fill("#end", "2024-01-31");
    page.fill("#description", DEVELOPER);
    page.click("#add-experience");
    page.waitForSelector("#suggestions");
    for (int i = 0; i < 6 && page.locator("form.suggestion button.accept").count() > 0; i++) {
      page.locator("form.suggestion button.accept").first().click();
      page.waitForLoadState();
    }
    page.navigate("/profile");
    int skillsBefore = page.locator("#skills tbody tr").count();
    assertThat(skillsBefore).isPositive();

    page.navigate("/opportunities?kind=OCCUPATION");
    assertThat(page.locator("#results .govuk-hint").first().textContent()).isNotBlank();
    Locator cards = page.locator("#results li.card");
    assertThat(cards.count()).isPositive();
    assertThat(cards.first().textContent()).contains("Skills that matched:").contains("Demand:");
    check(page);

    Locator goals = page.locator("#results li.card h3 a");
    int tried = 0;
    boolean saveable = false;
    String goalTitle = null;
    String goalUrl = null;
    while (!saveable && tried < Math.min(5, goals.count())) {
      page.navigate("/opportunities?kind=OCCUPATION");
      goalTitle = goals.nth(tried).textContent().strip();
      goals.nth(tried).click();
      page.waitForLoadState();
      tried++;
      assertThat(page.url()).contains("/opportunities/goals/");
      assertThat(page.locator("h1").textContent()).contains(goalTitle);
      assertThat(page.locator("#gap-heading").isVisible()).isTrue();
      assertThat(page.locator("ol.gap li").count()).isPositive();
      goalUrl = page.url();
      if (tried == 1) {
        check(page);
      }
      // The test catalogue teaches software skills only in degree programmes: this person asks
      // for degrees, and a budget that holds one (by default a path is made of units, courses
      // and badges, and an unknown extent is never free).
      page.fill("#maxCredits", "240");
      page.check("input[name=degrees]");
      page.click("form.path-form button[type=submit]");
      page.waitForLoadState();
      assertThat(page.url())
          .contains("compose=true")
          .contains("maxCredits=240")
          .contains("degrees=true");
      assertThat(page.locator("section.path-option").count()).isEqualTo(3);
      saveable = page.locator("form[action$='/opportunities/plans'] button").count() > 0;
    }
    assertThat(saveable).as("a path with steps for one of the first goals").isTrue();
    check(page);
    String firstStep =
        page.locator("section.path-option").first().locator("ol li strong").first().textContent();

    page.click("form[action$='/opportunities/plans'] button");
    page.waitForLoadState();
    assertThat(page.url()).endsWith("/opportunities/plans");
    Locator plan =
        page.locator("section.plan").filter(new Locator.FilterOptions().setHasText(goalTitle));
    assertThat(plan.count()).isEqualTo(1);
    assertThat(plan.textContent()).contains(firstStep);
    check(page);

    String doneStep = plan.locator("ol li span").first().textContent();
    plan.locator("ol li form button").first().click();
    page.waitForLoadState();
    assertThat(page.url()).endsWith("/opportunities/plans");
    assertThat(page.locator("section.plan ol li").first().locator(".done").count()).isEqualTo(1);
    check(page);

    page.navigate("/profile");
    assertThat(page.locator("#skills").textContent()).contains(doneStep);
    assertThat(page.locator("#skills tbody tr").count()).isGreaterThan(skillsBefore);
    check(page);

    // Following the goal saves it among the saved searches: new job ads for it reach the inbox.
    page.navigate(goalUrl);
    page.click("form.save-search button");
    page.waitForLoadState();
    assertThat(page.url()).endsWith("/notifications/searches?saved");
    assertThat(page.locator("tr.saved-search a").first().textContent()).contains(goalTitle);
    check(page);
  }
}
