package fi.osaava.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import fi.osaava.community.CommunityApi;
import fi.osaava.community.internal.Articles;
import fi.osaava.community.internal.CommunityStore.ArticleKind;
import fi.osaava.community.internal.Theme;
import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.programmes.internal.PackageContent.Module;
import fi.osaava.programmes.internal.ProgrammeStore;
import fi.osaava.programmes.internal.ProgrammeStore.PackageVersion;
import fi.osaava.programmes.internal.Teams;
import fi.osaava.web.BrowserTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.ObjectMapper;

/**
 * The programmes in a real browser, with axe on every page: reading without JavaScript in Finnish,
 * Swedish and English; a learner completing the basic package with a quiz; an editor publishing a
 * package in two languages on the editor's pages (step 1) and a learner finding it in the education
 * search at once (step 3); and issue 19's community steps: a thematic-group member posts, another
 * reports it and a moderator hides it (step 5), then the moderator organises an event, members
 * register without and with script, one in the waiting list, and the moderator sees who registered;
 * an article is found by a Finnish inflected query (step 6), and an editor of the owning
 * organisation edits a published article, whose earlier version stays listed; and workplace
 * learning: a manager assigns the basic package to a team of 6 and sees its aggregate progress,
 * withheld until the team has five members (step 4), and invites a second manager, who sees the
 * same page.
 */
class ProgrammesBrowserTest extends BrowserTestBase {

  @Autowired ProgrammesApi programmes;
  @Autowired CommunityApi community;
  @Autowired ProgrammeStore store;
  @Autowired ObjectMapper json;
  @Autowired Articles articles;
  @Autowired Teams teams;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void sampleContent() {
    programmes.loadSampleContent();
    community.loadSampleContent();
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
  void aLearnerCompletesTheBasicPackageWithAQuiz() throws Exception {
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

    // A package of the learner's gets a second version that rewrites a module ahead of them and
    // removes another: without script, they see what changed and choose to move.
    TestPackages packages = new TestPackages(store, json);
    PackageVersion v1 = packages.first(packages.sample("the basics", "in versions"));
    Page noScript = newPage("sv", false);
    oidc.signIn(noScript, "browser-mover-" + UUID.randomUUID());
    noScript.navigate("/programmes/packages/" + v1.packageSlug() + "/modules/what-ai-is");
    clickAndWait(noScript, noScript.locator("form[action$='/done'] button"));
    List<Module> modules = new ArrayList<>(v1.content().modules());
    modules.remove(1);
    modules.set(
        1,
        TestPackages.retitled(
            modules.get(1), modules.get(1).key(), "sv", "Testa vad du har lärt dig"));
    packages.next(v1, modules, v1.content().passPercent());
    noScript.navigate("/programmes/packages/" + v1.packageSlug());
    assertThat(noScript.locator(".package-changes").textContent())
        .contains("Testa vad du har lärt dig")
        .contains("Borttagna delar");
    check(noScript);
    clickAndWait(noScript, noScript.locator("button:text('Byt till version 2')"));
    assertThat(noScript.content())
        .contains("Du studerar nu version 2")
        .contains("1 av 3 delar klara");
    check(noScript);
  }

  @Test
  void aManagerAssignsThePackageToATeamOfSixAndSeesAggregateProgress() {
    Page manager = newPage("fi", false);
    oidc.signIn(
        manager,
        "browser-manager-" + UUID.randomUUID(),
        "{\"osaava_roles\": [\"team-manager\"], \"osaava_organisation\": \"esimerkkikunta.fi\","
            + " \"name\": \"Maija Esihenkilö\"}");
    manager.navigate("/programmes/teams");
    check(manager);
    manager.fill("#name", "Neuvontapiste");
    clickAndWait(manager, manager.locator("button:text('Luo tiimi')"));
    assertThat(manager.locator("h1").textContent()).isEqualTo("Neuvontapiste");
    String dashboard = manager.url().replaceAll("\\?.*", "");
    // A date that does not exist and no reason: both named beside their fields.
    manager.fill("#target-day", "31");
    manager.fill("#target-month", "2");
    manager.fill("#target-year", "2027");
    clickAndWait(manager, manager.locator("button:text('Anna tiimille')"));
    assertThat(manager.locator(".govuk-error-summary").textContent())
        .contains("Anna tavoitepäivä")
        .contains("Kerro syy");
    check(manager);
    manager.selectOption("#pkg", "ai-basics");
    manager.fill("#target-day", "31");
    manager.fill("#target-month", "3");
    manager.fill("#target-year", "2027");
    manager.fill("#reason", "Neuvonnan tekoälyavustaja otetaan käyttöön keväällä.");
    clickAndWait(manager, manager.locator("button:text('Anna tiimille')"));
    assertThat(manager.locator(".team-withheld").textContent()).contains("tiimissä on 0 jäsentä");
    check(manager);
    clickAndWait(manager, manager.locator("button:text('Tee kutsulinkki')"));
    String link = manager.locator(".team-link-url code").textContent();
    String join = link.substring(link.indexOf("/programmes/teams/join"));
    check(manager);

    // One member joins in the browser, in Swedish without script, and starts the package.
    Page member = newPage("sv", false);
    oidc.signIn(member, "browser-team-member-" + UUID.randomUUID());
    member.navigate(join);
    assertThat(member.content()).contains("Du är inbjuden till teamet Neuvontapiste");
    check(member);
    clickAndWait(member, member.locator("button:text('Gå med i teamet')"));
    assertThat(member.locator(".team-assignment").textContent())
        .contains("Maija Esihenkilö")
        .contains("Neuvonnan tekoälyavustaja otetaan käyttöön keväällä.")
        .contains("31.3.2027")
        .contains("Inte påbörjat");
    check(member);
    clickAndWait(member, member.locator(".team-assignment a"));
    clickAndWait(member, member.locator("form[action$='/enrol'] button"));
    member.navigate("/programmes/teams");
    assertThat(member.locator(".team-assignment").textContent()).contains("0 av 4");

    // Five colleagues joined by the same link (seeded here): two completed, one started.
    PackageVersion basics = store.latestPublished("ai-basics").orElseThrow();
    String token = join.substring(join.indexOf("token=") + "token=".length());
    for (int i = 0; i < 5; i++) {
      PersonId colleague = new PersonId(UUID.randomUUID());
      assertThat(teams.accept(colleague, token)).isPresent();
      if (i < 3) {
        jdbc.sql(
                "INSERT INTO programme_enrolment (person_id, package_id, version_id, started_at,"
                    + " completed_at) VALUES (?, ?, ?, now(), CASE WHEN ? THEN now() END)")
            .params(colleague.value(), basics.packageId(), basics.id(), i < 2)
            .update();
      }
    }
    manager.navigate(dashboard);
    assertThat(manager.locator(".team-withheld").count()).isZero();
    assertThat(manager.locator(".team-dashboard").allTextContents())
        .singleElement()
        .satisfies(
            card ->
                assertThat(card.replaceAll("\\s+", " "))
                    .contains("Tekoäly julkisissa palveluissa – perusteet")
                    .contains("31.3.2027")
                    .contains("Aloittaneita 4/6")
                    .contains("Kesken 2/6")
                    .contains("Suorittaneita 2/6")
                    .contains("Suorittaneita tavoitepäivään mennessä 2/6 (33 %)"));
    assertThat(manager.content()).doesNotContain("browser-team-member");
    check(manager);

    // A second manager, invited by a single-use link, accepts in Swedish and sees the same page.
    clickAndWait(manager, manager.locator("button:text('Kutsu esihenkilö')"));
    String managerLink = manager.locator(".team-manager-link-url code").textContent();
    check(manager);
    Page second = newPage("sv", false);
    oidc.signIn(
        second,
        "browser-manager-" + UUID.randomUUID(),
        "{\"osaava_roles\": [\"team-manager\"], \"osaava_organisation\": \"esimerkkikunta.fi\","
            + " \"name\": \"Kalle Chef\"}");
    second.navigate(managerLink.substring(managerLink.indexOf("/programmes/teams/join")));
    assertThat(second.content()).contains("Du är inbjuden att leda teamet Neuvontapiste");
    check(second);
    clickAndWait(second, second.locator("button:text('Börja leda teamet')"));
    assertThat(second.locator(".team-managers").textContent())
        .contains("Maija Esihenkilö")
        .contains("Kalle Chef");
    assertThat(second.locator(".team-dashboard").textContent().replaceAll("\\s+", " "))
        .contains("Slutfört före måldatum 2 av 6 (33 %)");
    check(second);
  }

  @Test
  void anEditorPublishesAPackageInTwoLanguagesAndALearnerFindsItInTheEducationSearch() {
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

    // Step 1: an editor of another organisation starts a programme and a package, drafts it in
    // Finnish and Swedish, previews a module, and publishes it.
    String organisation = "kunta-" + UUID.randomUUID().toString().substring(0, 8);
    String word = "neuvontarobotti" + letters();
    Page editor = newPage("fi", true);
    oidc.signIn(
        editor,
        "browser-editor-" + UUID.randomUUID(),
        "{\"osaava_roles\": [\"editor\"], \"osaava_organisation\": \"" + organisation + "\"}");
    editor.navigate("/programmes/edit");
    editor.fill("#programmeSlug", "p-" + organisation);
    editor.fill("#titleFi", "Kunnan digiosaaminen");
    editor.fill("#titleSv", "Kommunens digitala kompetens");
    clickAndWait(editor, editor.locator("button:text('Aloita ohjelma')"));
    assertThat(editor.locator(".govuk-notification-banner").textContent()).isNotBlank();
    editor.fill("#packageSlug", "k-" + organisation);
    clickAndWait(editor, editor.locator("button:text('Aloita paketti')"));
    check(editor);
    editor.fill("#content", twoLanguagePackage(word));
    clickAndWait(editor, editor.locator("button:text('Tallenna luonnos')"));
    assertThat(editor.locator(".govuk-notification-banner").textContent())
        .contains("Luonnos tallennettiin.");
    check(editor);
    String edit = editor.url().replaceAll("\\?.*", "");
    clickAndWait(editor, editor.locator("a:text('Mikä neuvontarobotti on')"));
    assertThat(editor.locator("h1").textContent()).isEqualTo("Mikä neuvontarobotti on");
    check(editor);
    editor.navigate(edit);
    clickAndWait(editor, editor.locator("button:text('Julkaise luonnos')"));
    assertThat(editor.locator(".govuk-notification-banner").textContent())
        .contains("Versio julkaistiin");
    check(editor);

    // Step 3: a learner finds it in the education search at once, in Swedish without script, as a
    // free online course; the sample package is found too.
    Page learner = newPage("sv", false);
    oidc.signIn(learner, "browser-searcher-" + UUID.randomUUID());
    learner.navigate("/education?q=" + word);
    assertThat(learner.locator(".offering-hit h3").allTextContents())
        .singleElement()
        .satisfies(t -> assertThat(t.strip()).isEqualTo("AI i kundtjänsten " + word));
    check(learner);
    clickAndWait(learner, learner.locator(".offering-hit h3 a"));
    assertThat(learner.locator("h1").textContent()).isEqualTo("AI i kundtjänsten " + word);
    check(learner);
    Map<String, String> basics =
        Map.of(
            "fi", "Tekoäly julkisissa palveluissa – perusteet",
            "sv", "AI i offentliga tjänster – grunder",
            "en", "AI in public services – the basics");
    basics.forEach(
        (language, title) -> {
          Page reader = newPage(language, false);
          reader.navigate("/education?q=" + title.replace(" – ", " ").replace(' ', '+'));
          assertThat(reader.locator(".offering-hit h3").allTextContents())
              .as(language)
              .anySatisfy(t -> assertThat(t.strip()).isEqualTo(title));
          check(reader);
        });
  }

  /** A package in Finnish and Swedish, as an editor writes it in the draft's field. */
  private static String twoLanguagePackage(String word) {
    return """
        {
          "title": {"fi": "Tekoäly asiakaspalvelussa %1$s", "sv": "AI i kundtjänsten %1$s"},
          "summary": {
            "fi": "Lyhyt johdanto neuvontarobotteihin kunnan asiakaspalvelussa.",
            "sv": "En kort introduktion till chattbottar i kommunens kundtjänst."
          },
          "level": "BASIC",
          "targetGroups": ["EVERYONE"],
          "languages": ["fi", "sv"],
          "workloadHours": 2,
          "learningOutcomes": ["%2$s"],
          "licence": "CC-BY-4.0",
          "passPercent": 70,
          "modules": [
            {
              "key": "what-a-chatbot-is",
              "kind": "TEXT",
              "title": {"fi": "Mikä neuvontarobotti on", "sv": "Vad en chattbott är"},
              "body": {
                "fi": "Neuvontarobotti **vastaa** usein kysyttyihin kysymyksiin.",
                "sv": "En chattbott **svarar** på vanliga frågor."
              }
            }
          ]
        }
        """
        .formatted(word, ProgrammesIntegrationTest.BASIC_OUTCOMES.getFirst());
  }

  /** Letters only, so that every language's analysis keeps the word whole. */
  private static String letters() {
    return UUID.randomUUID()
        .toString()
        .replaceAll("[^0-9]", "")
        .chars()
        .limit(8)
        .mapToObj(c -> String.valueOf((char) ('a' + c - '0')))
        .collect(java.util.stream.Collectors.joining());
  }

  @Test
  void aGroupMemberPostsAnotherReportsItAndAModeratorHidesIt() {
    String text = "Kokeilimme neuvontabottia kirjastossa " + UUID.randomUUID();
    Page member = newPage("fi", true);
    oidc.signIn(member, "browser-member-" + UUID.randomUUID());
    member.navigate("/community/groups/ai-in-public-services");
    check(member);
    member.fill("#name", "Maija");
    clickAndWait(member, member.locator("button:text('Liity ryhmään')"));
    assertThat(member.content()).contains("Liityit ryhmään.");
    member.fill("#title", "Kokemuksia neuvontabotista");
    member.fill("#body", text + "\n\n*Kysykää lisää!*");
    clickAndWait(member, member.locator("form[action$='/threads'] button"));
    assertThat(member.locator("h1").textContent()).isEqualTo("Kokemuksia neuvontabotista");
    assertThat(member.locator(".community-post-body em").textContent()).isEqualTo("Kysykää lisää!");
    check(member);
    String thread = member.url();

    Page reporter = newPage("sv", true);
    oidc.signIn(reporter, "browser-reporter-" + UUID.randomUUID());
    reporter.navigate(thread);
    reporter.click(".community-post summary");
    reporter.selectOption(".community-post select[name=reason]", "PERSONAL_DATA");
    check(reporter);
    clickAndWait(reporter, reporter.locator(".community-post form[action$='/report'] button"));
    assertThat(reporter.content()).contains("Tack: en moderator granskar inlägget.");

    Page moderator = newPage("en", true);
    oidc.signIn(
        moderator,
        "browser-moderator-" + UUID.randomUUID(),
        "{\"osaava_roles\": [\"community-moderator\"]}");
    moderator.navigate("/community/moderation");
    assertThat(moderator.content()).contains(text).contains("Someone's personal data");
    check(moderator);
    moderator
        .locator(".community-reported")
        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(text))
        .locator("select[name=reason]")
        .selectOption("PERSONAL_DATA");
    clickAndWait(
        moderator,
        moderator
            .locator(".community-reported")
            .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(text))
            .locator("button"));
    assertThat(moderator.locator(".community-log").textContent()).contains("Hidden").contains(text);
    check(moderator);

    Page reader = newPage("en", false);
    reader.navigate(thread);
    assertThat(reader.content()).doesNotContain(text).contains("Hidden by a moderator.");
    check(reader);

    // The moderator organises the group's monthly event; a mistake is shown beside its field.
    String event = "Monthly meeting " + UUID.randomUUID().toString().substring(0, 8);
    moderator.navigate("/community/groups/ai-in-public-services");
    clickAndWait(moderator, moderator.locator("a:text('Create an event')"));
    moderator.fill("#titleEn", event);
    moderator.fill("#agendaEn", "1. **News** from the programme\n2. Discussion");
    moderator.fill("#starts", "2026-11-20T17:00");
    moderator.fill("#ends", "2026-11-20T16:00");
    moderator.fill("#onlineUrl", "https://meet.example.fi/ai");
    moderator.fill("#capacity", "1");
    clickAndWait(moderator, moderator.locator("button:text('Save the event')"));
    assertThat(moderator.locator("#ends-error").textContent()).contains("end after it starts");
    check(moderator);
    moderator.fill("#ends", "2026-11-20T18:30");
    clickAndWait(moderator, moderator.locator("button:text('Save the event')"));
    assertThat(moderator.locator("h1").textContent()).isEqualTo(event);
    String eventPage = moderator.url().replaceAll("\\?.*", "");

    // Without script, the member registers in Finnish and takes the one place.
    Page memberNoScript = newPage("fi", false);
    oidc.signIn(memberNoScript, "browser-member2-" + UUID.randomUUID());
    memberNoScript.navigate("/community/groups/ai-in-public-services");
    memberNoScript.fill("#name", "Kalle");
    clickAndWait(memberNoScript, memberNoScript.locator("button:text('Liity ryhmään')"));
    assertThat(memberNoScript.locator(".community-events").textContent()).contains(event);
    check(memberNoScript);
    memberNoScript.navigate(eventPage);
    clickAndWait(memberNoScript, memberNoScript.locator("button:text('Ilmoittaudu')"));
    assertThat(memberNoScript.content()).contains("Sinulla on paikka tapahtumassa.");
    check(memberNoScript);
    member.navigate(eventPage);
    clickAndWait(member, member.locator("button:text('Ilmoittaudu jonoon')"));
    assertThat(member.content()).contains("Olet jonossa sijalla 1.");
    check(member);

    // The organiser sees both, in order, and the calendar link.
    moderator.navigate(eventPage);
    assertThat(moderator.locator(".community-registrants tbody tr").allTextContents())
        .satisfiesExactly(
            r -> assertThat(r).contains("Kalle").contains("Place"),
            r -> assertThat(r).contains("Maija").contains("Waiting list"));
    assertThat(moderator.locator("a[href$='/calendar.ics']").count()).isEqualTo(2);
    check(moderator);
  }

  @Test
  void anArticleIsFoundByAFinnishInflectedQueryWithoutJavaScript() {
    String title = "Näin esimerkkikuntamme koulutti henkilöstönsä tietosuojaan";
    Page page = newPage("fi", false);
    page.navigate("/community");
    check(page);
    // The text says "tietosuojaan" (into data protection); the query asks "tietosuojasta" (about).
    page.fill("#q", "tietosuojasta");
    clickAndWait(page, page.locator("button:text('Hae')"));
    assertThat(page.locator(".community-results a").first().textContent()).isEqualTo(title);
    check(page);
    clickAndWait(page, page.locator("a:text('" + title + "')"));
    assertThat(page.locator("h1").textContent()).isEqualTo(title);
    check(page);
    Page english = newPage("en", false);
    english.navigate("/community/articles/chatbot-pilot-lessons");
    assertThat(english.locator("h1").textContent()).isEqualTo("Four lessons from a chatbot pilot");
    check(english);

    // An editor of the owning organisation edits a published article (one of its own, so that the
    // sample stays as it is): the form holds the version in use, the saved article lists the
    // earlier version, and the search finds the new text; the form and the article in fi, sv, en.
    String organisation = "kunta-" + UUID.randomUUID().toString().substring(0, 8);
    String slug = "muokkaus-" + UUID.randomUUID().toString().substring(0, 8);
    articles.publish(
        slug,
        ArticleKind.STORY,
        organisation,
        Map.of(
            Language.FI, "Kokeilumme tekoälyn kanssa",
            Language.SV, "Vårt försök med AI",
            Language.EN, "Our trial with AI"),
        Map.of(
            Language.FI, "Ensimmäinen versio.",
            Language.SV, "Första versionen.",
            Language.EN, "The first version."),
        List.of(Theme.AI),
        List.of(),
        List.of(),
        false);
    Page editor = newPage("fi", true);
    oidc.signIn(
        editor,
        "browser-editor-" + UUID.randomUUID(),
        "{\"osaava_roles\": [\"editor\"], \"osaava_organisation\": \"" + organisation + "\"}");
    editor.navigate("/community/articles/" + slug);
    clickAndWait(editor, editor.locator("#edit-article"));
    assertThat(editor.locator("#titleFi").inputValue()).isEqualTo("Kokeilumme tekoälyn kanssa");
    check(editor);
    editor.fill("#titleFi", "Kokeilumme tekoälyn kanssa – päivitetty");
    editor.fill("#bodyFi", "Päivitimme kokemuksemme **saavutettavuudesta**.");
    clickAndWait(editor, editor.locator("#save-article"));
    assertThat(editor.locator("h1").textContent())
        .isEqualTo("Kokeilumme tekoälyn kanssa – päivitetty");
    assertThat(editor.locator("#edits").textContent()).contains("Muokattu");
    assertThat(editor.locator("#earlier-versions").textContent())
        .contains("Versio 1: Kokeilumme tekoälyn kanssa");
    check(editor);
    Page finder = newPage("fi", false);
    finder.navigate("/community/articles?q=saavutettavuus");
    assertThat(finder.locator(".community-results").textContent())
        .contains("Kokeilumme tekoälyn kanssa – päivitetty");
    for (String language : List.of("sv", "en")) {
      Page other = newPage(language, true);
      oidc.signIn(
          other,
          "browser-editor-" + UUID.randomUUID(),
          "{\"osaava_roles\": [\"editor\"], \"osaava_organisation\": \"" + organisation + "\"}");
      other.navigate("/community/articles/" + slug + "/edit");
      assertThat(other.locator("input[name=version]").inputValue()).isEqualTo("2");
      check(other);
      other.navigate("/community/articles/" + slug);
      assertThat(other.locator("#edits").textContent())
          .contains(language.equals("sv") ? "Redigerad" : "Edited on");
      check(other);
    }
  }
}
