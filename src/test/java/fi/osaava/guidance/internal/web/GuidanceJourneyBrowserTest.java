package fi.osaava.guidance.internal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import fi.osaava.web.BrowserTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The guidance journey in the browser, in en, fi and sv: a counsellor (claims typed into the
 * development provider's claims field) makes an invitation code; the client enters it, first
 * without choosing a part (the error is beside the field and in the summary), then shares skills
 * and work history for three months; the counsellor finds the client in the caseload and opens
 * them; the client sees the read in their access log and stops sharing; the counsellor's next
 * request is refused. Every page is checked with axe-core.
 */
class GuidanceJourneyBrowserTest extends BrowserTestBase {

  @Test
  void aClientSharesWithACounsellorAndStops() {
    String[] step = {""};
    for (String language : new String[] {"en-GB", "fi-FI", "sv-SE"}) {
      Page counsellor = newPage(language, true);
      counsellor.onRequest(
          r -> {
            if (r.url().contains("/assets/fonts/"))
              System.out.println("FONTDEBUG counsellor " + r.url() + " at " + step[0]);
          });
      step[0] = "1 oidc.signIn(";
      oidc.signIn(
          counsellor,
          "counsellor-" + UUID.randomUUID(),
          "{\"osaava_roles\": [\"guidance-counsellor\"], \"osaava_organisation\": \"te-palvelut\","
              + " \"name\": \"Anna Ohjaaja\"}");
      step[0] = "2 counsellor.navigate('/guidance/caseload');";
      counsellor.navigate("/guidance/caseload");
      step[0] = "3 check(counsellor);";
      check(counsellor);
      step[0] = "4 counsellor.locator('#new-invitation').click();";
      counsellor.locator("#new-invitation").click();
      String code = counsellor.locator("#invitation-code").textContent().strip();
      step[0] = "5 check(counsellor);";
      check(counsellor);

      Page client = newPage(language, true);
      client.onRequest(
          r -> {
            if (r.url().contains("/assets/fonts/"))
              System.out.println("FONTDEBUG client " + r.url() + " at " + step[0]);
          });
      step[0] = "6 oidc.signIn(client, 'client-' + UUID.randomUUID());";
      oidc.signIn(client, "client-" + UUID.randomUUID());
      step[0] = "7 client.navigate('/profile');";
      client.navigate("/profile");
      step[0] = "8 client.locator('#guidance-sharing').click();";
      client.locator("#guidance-sharing").click();
      step[0] = "9 check(client);";
      check(client);
      String name = "Matti " + UUID.randomUUID().toString().substring(0, 6);
      step[0] = "10 client.fill('#code', code);";
      client.fill("#code", code);
      step[0] = "11 client.fill('#name', name);";
      client.fill("#name", name);
      step[0] = "12 client.locator('#share').click();";
      client.locator("#share").click();
      assertThat(client.locator(".govuk-error-summary a[href='#parts-SKILLS']")).isVisible();
      assertThat(client.locator("#parts-error")).isVisible();
      step[0] = "13 check(client);";
      check(client);
      step[0] = "14 client.locator('#parts-SKILLS').check();";
      client.locator("#parts-SKILLS").check();
      step[0] = "15 client.locator('#parts-WORK_HISTORY').check();";
      client.locator("#parts-WORK_HISTORY").check();
      step[0] = "16 client.selectOption('#months', '3');";
      client.selectOption("#months", "3");
      step[0] = "17 client.locator('#share').click();";
      client.locator("#share").click();
      assertThat(client.locator(".govuk-notification-banner--success")).isVisible();
      step[0] = "18 check(client);";
      check(client);

      step[0] = "19 counsellor.navigate('/guidance/caseload');";
      counsellor.navigate("/guidance/caseload");
      step[0] = "20 counsellor.fill('#q', name.substring(0, 8));";
      counsellor.fill("#q", name.substring(0, 8));
      step[0] = "21 counsellor.locator('form[role=search] button').click();";
      counsellor.locator("form[role=search] button").click();
      step[0] = "22 counsellor.locator('#caseload a', new Page.LocatorOptions().";
      counsellor.locator("#caseload a", new Page.LocatorOptions().setHasText(name)).click();
      assertThat(counsellor.locator("h1")).hasText(name);
      assertThat(counsellor.locator("#skills-heading")).isVisible();
      assertThat(counsellor.locator("#interests-heading")).hasCount(0);
      String clientView = counsellor.url();
      step[0] = "23 check(counsellor);";
      check(counsellor);

      step[0] = "24 client.navigate('/guidance/sharing');";
      client.navigate("/guidance/sharing");
      assertThat(client.locator("#access-log tbody tr")).hasCount(3);
      step[0] = "25 client.locator('button[id^=revoke-]').click();";
      client.locator("button[id^=revoke-]").click();
      assertThat(client.locator(".govuk-notification-banner--success")).isVisible();
      step[0] = "26 check(client);";
      check(client);

      Response refused = counsellor.navigate(clientView);
      org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(404);
      step[0] = "27 counsellor.navigate('/guidance/caseload');";
      counsellor.navigate("/guidance/caseload");
      assertThat(counsellor.locator("#caseload")).hasCount(0);
    }
  }
}
