package fi.osaava.guidance.internal.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.SharedPart;
import fi.osaava.web.BrowserTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The guidance journey in the browser, in en, fi and sv: a counsellor (claims typed into the
 * development provider's claims field) makes an invitation code; the client enters it, first
 * without choosing a part (the error is beside the field and in the summary), then shares skills,
 * work history and plans for three months; the counsellor finds the client in the caseload, opens
 * them and sees the goal and opportunities section, proposes a task (first without a due date),
 * writes a shared and a private note; the client accepts the step, sees the shared note but not the
 * private one, and comments; the client sees the reads in their access log and stops sharing; the
 * counsellor's next request is refused. Then the client invites the counsellor with a code of their
 * own (first without a part), the counsellor accepts through the link and sees the shared part, and
 * the organisation's administrator (first with a bad address) removes the counsellor, whose next
 * request is refused. Every page is checked with axe-core.
 *
 * <p>The whole journey runs in English; Finnish and Swedish get a shorter pass that reaches every
 * guidance page in a state with content (a client in the caseload, a step and notes, a pending
 * invitation) and checks each with axe-core, so that all three languages are covered without
 * running the long journey three times.
 */
class GuidanceJourneyBrowserTest extends BrowserTestBase {

  @Autowired CounsellorConsents consents;
  @Autowired JdbcClient jdbc;

  @Test
  void aClientSharesWithACounsellorAndStops() {
    String language = "en-GB";
    // An organisation of this run's own, so that its administrator sees only this counsellor.
    String organisation = "te-palvelut-" + UUID.randomUUID().toString().substring(0, 8);
    Page counsellor = signIn(language, "guidance-counsellor", organisation, "Anna Ohjaaja");
    // The service navigation leads a counsellor to their caseload.
    counsellor.navigate("/");
    clickAndWait(counsellor, counsellor.locator("#navigation a[href='/guidance/caseload']"));
    // The organisation by the name the sign-in provider gave, not by its id.
    assertThat(counsellor.locator("main")).containsText("Organisation: Ohjaamo " + organisation);
    check(counsellor);
    clickAndWait(counsellor, counsellor.locator("#new-invitation"));
    String code = counsellor.locator("#invitation-code").textContent().strip();
    check(counsellor);

    Page client = newPage(language, true);
    oidc.signIn(client, "client-" + UUID.randomUUID());
    client.navigate("/profile");
    clickAndWait(client, client.locator("#guidance-sharing"));
    check(client);
    String name = "Matti " + UUID.randomUUID().toString().substring(0, 6);
    client.fill("#code", code);
    client.fill("#name", name);
    clickAndWait(client, client.locator("#share"));
    assertThat(client.locator(".govuk-error-summary a[href='#parts-SKILLS']")).isVisible();
    assertThat(client.locator("#parts-error")).isVisible();
    check(client);
    client.locator("#parts-SKILLS").check();
    client.locator("#parts-WORK_HISTORY").check();
    client.locator("#parts-PLANS").check();
    client.selectOption("#months", "3");
    clickAndWait(client, client.locator("#share"));
    assertThat(client.locator(".govuk-notification-banner--success")).isVisible();
    check(client);

    counsellor.navigate("/guidance/caseload");
    counsellor.fill("#q", name.substring(0, 8));
    clickAndWait(counsellor, counsellor.locator("form[role=search] button"));
    clickAndWait(
        counsellor, counsellor.locator("#caseload a", new Page.LocatorOptions().setHasText(name)));
    assertThat(counsellor.locator("h1")).hasText(name);
    assertThat(counsellor.locator("#skills-heading")).isVisible();
    assertThat(counsellor.locator("#interests-heading")).hasCount(0);
    // Skills and plans shared: the goal and the opportunities section shows; this client has
    // saved no learning plan, so the page says there is no goal (the gap itself is checked in
    // GuidanceConsentTest).
    assertThat(counsellor.locator("#outlook-heading")).isVisible();
    assertThat(counsellor.locator("#no-goal")).isVisible();
    String clientView = counsellor.url();
    check(counsellor);
    // A task without a due date is refused beside the field; then a step and two notes.
    counsellor.fill("#title", "Ota yhteyttä kouluun");
    clickAndWait(counsellor, counsellor.locator("#propose"));
    assertThat(counsellor.locator("#due-error")).isVisible();
    check(counsellor);
    counsellor.fill("#due", "2026-12-15");
    clickAndWait(counsellor, counsellor.locator("#propose"));
    assertThat(counsellor.locator("#steps")).containsText("Ota yhteyttä kouluun");
    String sharedNote = "Jaettu " + UUID.randomUUID();
    String privateNote = "Yksityinen " + UUID.randomUUID();
    counsellor.fill("#body", sharedNote);
    counsellor.locator("#shared").check();
    clickAndWait(counsellor, counsellor.locator("#save-note"));
    counsellor.fill("#body", privateNote);
    clickAndWait(counsellor, counsellor.locator("#save-note"));
    assertThat(counsellor.locator("main")).containsText(privateNote);
    check(counsellor);

    client.navigate("/guidance/plan");
    assertThat(client.locator("main")).containsText(sharedNote);
    assertThat(client.locator("main")).not().containsText(privateNote);
    clickAndWait(client, client.locator("button[id^=accept-]"));
    assertThat(client.locator("button[id^=done-]")).isVisible();
    client.fill("#comment", "Soitan ensi viikolla");
    clickAndWait(client, client.locator("#send-comment"));
    assertThat(client.locator("#comments")).containsText("Soitan ensi viikolla");
    check(client);

    client.navigate("/guidance/sharing");
    // Started sharing; the client view read skills, work history and plans; the step and the two
    // notes each read the plan; so did the view after each of them.
    assertThat(client.locator("#access-log tbody tr").first()).isVisible();
    org.assertj.core.api.Assertions.assertThat(client.locator("#access-log tbody tr").count())
        .isGreaterThanOrEqualTo(5);
    clickAndWait(client, client.locator("button[id^=revoke-]"));
    assertThat(client.locator(".govuk-notification-banner--success")).isVisible();
    check(client);

    Response refused = counsellor.navigate(clientView);
    org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(404);
    counsellor.navigate("/guidance/caseload");
    assertThat(counsellor.locator("#caseload")).hasCount(0);

    // The other direction: the client invites the counsellor (first without a part: the error is
    // beside the field and in the summary), and sends the link.
    client.navigate("/guidance/sharing");
    client.fill("#invite-name", name);
    clickAndWait(client, client.locator("#invite"));
    assertThat(client.locator(".govuk-error-summary a[href='#invite-parts-SKILLS']")).isVisible();
    assertThat(client.locator("#invite-parts-error")).isVisible();
    check(client);
    client.locator("#invite-parts-SKILLS").check();
    client.selectOption("#invite-months", "2");
    clickAndWait(client, client.locator("#invite"));
    String link = client.locator("#client-invitation-link").getAttribute("href");
    assertThat(client.locator("#pending-invitations")).isVisible();
    check(client);

    // The counsellor opens the link, sees what is offered, and accepts: the client view opens.
    counsellor.navigate(link);
    assertThat(counsellor.locator("#offer-heading")).containsText(name);
    check(counsellor);
    clickAndWait(counsellor, counsellor.locator("#accept-invitation"));
    assertThat(counsellor.locator("h1")).hasText(name);
    assertThat(counsellor.locator("#skills-heading")).isVisible();
    assertThat(counsellor.locator("#plan-heading")).hasCount(0);
    String acceptedView = counsellor.url();

    // The organisation's administrator removes the counsellor: their next request is refused.
    Page admin = signIn(language, "guidance-admin", organisation, "Alli Ylläpitäjä");
    admin.navigate("/guidance/admin");
    assertThat(admin.locator("#members")).containsText("Anna Ohjaaja");
    check(admin);
    admin.fill("#email", "not an address");
    clickAndWait(admin, admin.locator("#add-counsellor"));
    assertThat(admin.locator("#email-error")).isVisible();
    check(admin);
    clickAndWait(admin, admin.locator("button[id^=remove-]"));
    assertThat(admin.locator(".govuk-notification-banner--success")).isVisible();
    assertThat(admin.locator("#admin-audit tbody tr")).hasCount(1);
    check(admin);
    Response removed = counsellor.navigate(acceptedView);
    org.assertj.core.api.Assertions.assertThat(removed.status()).isEqualTo(403);
  }

  /** Every guidance page, with content, in Finnish and Swedish, each checked with axe-core. */
  @ParameterizedTest
  @ValueSource(strings = {"fi-FI", "sv-SE"})
  void everyGuidancePageInFinnishAndSwedish(String language) {
    String organisation = "ohjaamo-" + UUID.randomUUID().toString().substring(0, 8);
    Page counsellor = signIn(language, "guidance-counsellor", organisation, "Anna Ohjaaja");
    counsellor.navigate("/guidance/caseload");
    clickAndWait(counsellor, counsellor.locator("#new-invitation"));
    String code = counsellor.locator("#invitation-code").textContent().strip();

    Page client = newPage(language, true);
    oidc.signIn(client, "client-" + UUID.randomUUID());
    client.navigate("/guidance/sharing");
    String name = "Maija " + UUID.randomUUID().toString().substring(0, 6);
    client.fill("#code", code);
    client.fill("#name", name);
    client.locator("#parts-SKILLS").check();
    client.locator("#parts-PLANS").check();
    clickAndWait(client, client.locator("#share"));
    assertThat(client.locator(".govuk-notification-banner--success")).isVisible();

    // 26 more consents of the same client, labelled synthetic, so that the caseload has two pages.
    CounsellorGrant shared =
        consents.grantsOf(clientOf(organisation)).stream()
            .filter(g -> g.organisation().equals(organisation))
            .findFirst()
            .orElseThrow();
    for (int i = 0; i < 26; i++) {
      consents.grant(
          shared.client(),
          shared.counsellor(),
          organisation,
          String.format(java.util.Locale.ROOT, "Synthetic client %02d", i),
          java.util.Set.of(SharedPart.SKILLS),
          1);
    }
    counsellor.navigate("/guidance/caseload");
    assertThat(counsellor.locator("#caseload")).containsText(name);
    assertThat(counsellor.locator("#caseload tbody tr")).hasCount(25);
    check(counsellor);
    clickAndWait(counsellor, counsellor.locator("#caseload-pages a[rel=next]"));
    assertThat(counsellor.locator("#caseload tbody tr")).hasCount(2);
    check(counsellor);
    clickAndWait(counsellor, counsellor.locator("#caseload-pages a[rel=prev]"));
    clickAndWait(
        counsellor, counsellor.locator("#caseload a", new Page.LocatorOptions().setHasText(name)));
    counsellor.fill("#title", "Tutustu koulutukseen");
    counsellor.fill("#due", "2026-12-15");
    clickAndWait(counsellor, counsellor.locator("#propose"));
    counsellor.fill("#body", "Jaettu muistiinpano");
    counsellor.locator("#shared").check();
    clickAndWait(counsellor, counsellor.locator("#save-note"));
    assertThat(counsellor.locator("#steps")).containsText("Tutustu koulutukseen");
    // No skills in the profile: no opportunities ranked on nothing, but why there are none.
    assertThat(counsellor.locator("#nothing-to-rank-by")).isVisible();
    check(counsellor);

    client.navigate("/guidance/plan");
    assertThat(client.locator("#steps")).containsText("Tutustu koulutukseen");
    assertThat(client.locator("#reminders-heading")).isVisible();
    check(client);
    client.navigate("/guidance/sharing");
    client.fill("#invite-name", name);
    client.locator("#invite-parts-SKILLS").check();
    clickAndWait(client, client.locator("#invite"));
    String link = client.locator("#client-invitation-link").getAttribute("href");
    assertThat(client.locator("#access-log tbody tr").first()).isVisible();
    check(client);

    counsellor.navigate(link);
    assertThat(counsellor.locator("#offer-heading")).containsText(name);
    check(counsellor);

    Page admin = signIn(language, "guidance-admin", organisation, "Alli Ylläpitäjä");
    admin.navigate("/");
    clickAndWait(admin, admin.locator("#navigation a[href='/guidance/admin']"));
    assertThat(admin.locator("#members")).containsText("Anna Ohjaaja");
    check(admin);
  }

  /** The client who shares with the organisation's counsellor (the test's own organisation). */
  private PersonId clientOf(String organisation) {
    return new PersonId(
        jdbc.sql("SELECT person_id FROM profile_counsellor_grant WHERE organisation = ?")
            .param(organisation)
            .query(UUID.class)
            .single());
  }

  /** A new browser page signed in with the role and organisation claims (and a name). */
  private Page signIn(String language, String role, String organisation, String name) {
    Page page = newPage(language, true);
    oidc.signIn(
        page,
        role + "-" + UUID.randomUUID(),
        "{\"osaava_roles\": [\""
            + role
            + "\"], \"osaava_organisation\": \""
            + organisation
            + "\", \"osaava_organisation_name\": \"Ohjaamo "
            + organisation
            + "\", \"name\": \""
            + name
            + "\"}");
    return page;
  }
}
