package fi.osaava.guidance.internal.selfassessment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import fi.osaava.web.BrowserTestBase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The self-assessment journey in the browser, without JavaScript, axe-core on every page. In fi, sv
 * and en a person answers the quick version without signing in (first sending it half answered: the
 * errors are beside the statements and in the summary) and sees the chart and table. In Swedish the
 * journey goes on: they sign in in the same browser and save the answers kept in the session, and
 * share their self-assessments with a counsellor, who sees the result and the history from the
 * client view. The later pages use the same templates and message keys in every language (the i18n
 * test checks each key in fi, sv and en); one language here keeps the suite within its time.
 */
class SelfAssessmentJourneyBrowserTest extends BrowserTestBase {

  static final List<String> AREAS =
      List.of("self", "world", "competence", "together", "change", "future");

  @ParameterizedTest
  @ValueSource(strings = {"fi-FI", "en-GB"})
  void answeredAnonymously(String language) {
    answerWithoutSigningIn(language);
  }

  @Test
  void answeredAnonymouslySavedAfterSignInAndShownToTheCounsellor() {
    String language = "sv-SE";
    Page person = answerWithoutSigningIn(language);

    // Signing in keeps the session's answers.
    oidc.signIn(person, "sa-client-" + UUID.randomUUID());
    person.navigate("/self-assessment/result");
    clickAndWait(person, person.locator("#save-result"));
    assertThat(person.locator(".govuk-notification-banner--success")).isVisible();
    assertThat(person.locator("#history tbody tr")).hasCount(1);
    check(person);

    Page counsellor = newPage(language, false);
    oidc.signIn(
        counsellor,
        "sa-counsellor-" + UUID.randomUUID(),
        "{\"osaava_roles\": [\"guidance-counsellor\"], \"osaava_organisation\": \"ohjaamo\","
            + " \"name\": \"Anna Ohjaaja\"}");
    counsellor.navigate("/guidance/caseload");
    clickAndWait(counsellor, counsellor.locator("#new-invitation"));
    String code = counsellor.locator("#invitation-code").textContent().strip();

    person.navigate("/guidance/sharing");
    String name = "Aino " + UUID.randomUUID().toString().substring(0, 6);
    person.fill("#code", code);
    person.fill("#name", name);
    person.locator("#parts-SELF_ASSESSMENTS").check();
    person.selectOption("#months", "3");
    clickAndWait(person, person.locator("#share"));
    assertThat(person.locator(".govuk-notification-banner--success")).isVisible();

    counsellor.navigate("/guidance/caseload");
    clickAndWait(
        counsellor, counsellor.locator("#caseload a", new Page.LocatorOptions().setHasText(name)));
    clickAndWait(counsellor, counsellor.locator("#career-self-assessments"));
    assertThat(counsellor.locator("h1")).containsText(name);
    assertThat(counsellor.locator("svg[role=img]")).isVisible();
    assertThat(counsellor.locator("#history tbody tr")).hasCount(1);
    check(counsellor);
  }

  /** Answers the quick version in {@code language} without signing in and checks the result. */
  private Page answerWithoutSigningIn(String language) {
    Page person = newPage(language, false);
    person.navigate("/self-assessment");
    check(person);
    clickAndWait(person, person.locator("#start-quick"));
    person.locator("#self-1-4").check();
    clickAndWait(person, person.locator("#see-results"));
    assertThat(person.locator(".govuk-error-summary a[href='#world-1-1']")).isVisible();
    assertThat(person.locator("#world-1-error")).isVisible();
    check(person);
    for (int i = 0; i < AREAS.size(); i++) {
      person.locator("#" + AREAS.get(i) + "-1-" + (1 + i % 5)).check();
    }
    clickAndWait(person, person.locator("#see-results"));
    assertThat(person.locator("svg[role=img]")).isVisible();
    assertThat(person.locator("#score-self td").first())
        .hasText(language.startsWith("en") ? "1.0" : "1,0");
    assertThat(person.locator("#suggestion-self")).isVisible();
    assertThat(person.locator("#sign-in-to-save")).isVisible();
    check(person);

    return person;
  }
}
