package fi.osaava.regionalintelligence;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import fi.osaava.ReferenceData;
import fi.osaava.education.EducationApi;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationTestData;
import fi.osaava.labourmarket.LabourMarketImports;
import fi.osaava.labourmarket.LabourMarketTestData;
import fi.osaava.platform.ImportProgress;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates;
import fi.osaava.regionalintelligence.internal.overview.RegionalContext;
import fi.osaava.web.BrowserTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The regional survey journey in a browser, with axe on every page: a regional developer builds a
 * survey in Finnish, Swedish and English; five companies answer through their own links (one in
 * Swedish, one in English); the owner sees the results with small cells hidden and publishes them;
 * the open CSV downloads without signing in; the regional overview shows demand against supply for
 * a skill on the map, in three languages, compares two regions and downloads its gaps as CSV; the
 * actor network shows the projects the developer's organisation uploaded as a file (a bad one
 * first); the expert-mobility page shows net migration and the flows of synthetic consenting people
 * between regions; the owner creates a network forum linked to the published survey and a project,
 * changes its event (a refused capacity first), and an anonymous reader sees it in three languages;
 * the owner then cancels the event with a reason in Swedish, and a reader sees it cancelled, with
 * no registration.
 */
class RegionalSurveyBrowserTest extends BrowserTestBase {

  static final String ORGANISATION = "https://uudenmaanliitto.example.fi";

  /** A fresh browser with time to spare: the shared test machines are slow under load. */
  private Page page(String locale) {
    Page page = newPage(locale, true);
    page.setDefaultTimeout(120_000);
    page.setDefaultNavigationTimeout(120_000);
    return page;
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void aDeveloperBuildsASurveyFiveCompaniesAnswerAndTheOwnerPublishes() throws Exception {
    Page owner = page("fi-FI");
    oidc.signIn(
        owner,
        "developer-" + UUID.randomUUID(),
        "{\"osaava_roles\": [\"regional-developer\"], \"osaava_organisation\": \""
            + ORGANISATION
            + "\"}");

    // 1. The survey, in three languages.
    owner.navigate("/surveys/manage");
    check(owner);
    owner.fill("#titleFi", "Uudenmaan osaamistarpeet 2027");
    owner.fill("#titleSv", "Kompetensbehov i Nyland 2027");
    owner.fill("#titleEn", "Competence needs in Uusimaa 2027");
    owner.click("#create-survey");
    owner.waitForSelector("#add-question");
    owner.selectOption("#kind", "SINGLE_CHOICE");
    owner.fill("#textFi", "Aiotteko rekrytoida ensi vuonna?");
    owner.fill("#textSv", "Tänker ni rekrytera nästa år?");
    owner.fill("#textEn", "Will you recruit next year?");
    owner.fill("#optionsFi", "Kyllä\nEi\nEn osaa sanoa");
    owner.fill("#optionsSv", "Ja\nNej\nKan inte säga");
    owner.fill("#optionsEn", "Yes\nNo\nCannot say");
    // Waits for the next page to load, style sheets included: polling the DOM alone let axe
    // judge contrast before GOV.UK's sheet applied (black on the brand colour) on a loaded machine.
    clickAndWait(owner, owner.locator("#add-question"));
    assertThat(owner.locator(".ri-question").count()).isEqualTo(1);
    owner.selectOption("#kind", "SCALE");
    owner.fill("#textFi", "Kuinka tärkeää digitaalinen osaaminen on?");
    owner.fill("#textSv", "Hur viktig är digital kompetens?");
    owner.fill("#textEn", "How important are digital skills?");
    clickAndWait(owner, owner.locator("#add-question"));
    assertThat(owner.locator(".ri-question").count()).isEqualTo(2);
    owner.selectOption("#kind", "FREE_TEXT");
    owner.fill("#textFi", "Mitä muuta haluatte kertoa?");
    owner.fill("#textSv", "Vad mer vill ni berätta?");
    owner.fill("#textEn", "What else would you like to tell?");
    clickAndWait(owner, owner.locator("#add-question"));
    assertThat(owner.locator(".ri-question").count()).isEqualTo(3);
    check(owner);
    String builder = owner.url().replaceAll("[?#].*", "");
    for (String language : List.of("sv", "en")) {
      owner.navigate(builder + "?lang=" + language);
      check(owner);
    }
    owner.navigate(builder + "?lang=fi");
    owner.click("#open-survey");
    owner.waitForSelector("#invite");
    owner.fill(
        "#companies",
        String.join(
            "\n",
            "Konepaja Oy; info@konepaja.example.fi",
            "Ohjelmisto Oy",
            "Rakennus Oy; rakennus@example.fi",
            "Kauppa Ab; kauppa@example.fi",
            "Logistiikka Oy"));
    owner.click("#invite");
    owner.waitForSelector("#invited");
    check(owner);
    // The three companies with an address get their invitation by e-mail.
    clickAndWait(owner, owner.locator("#mail-invitations"));
    assertThat(owner.textContent("#mailing-done")).contains("3");
    assertThat(owner.isDisabled("#mail-invitations")).isTrue();
    check(owner);
    List<String> links =
        owner.locator("#invited a.ri-link").all().stream()
            .map(a -> a.getAttribute("href"))
            .toList();
    assertThat(links).hasSize(5);
    // A closing date, which the companies' pages then show.
    owner.fill("#closesOn", "15");
    owner.fill("#closesOn-Month", "12");
    owner.fill("#closesOn-Year", "2026");
    clickAndWait(owner, owner.locator("#save-closing"));
    assertThat(owner.textContent("#closing-state")).contains("15.12.2026");
    check(owner);

    // 2. Five companies answer, each through its own link: one in Swedish, one in English. All
    // in the Helsinki sub-region, all recruiting; digital skills rated 4 by three, 5 by two.
    String[] languages = {"fi-FI", "sv-SE", "en-GB", "fi-FI", "fi-FI"};
    String[] industries = {"25", "62", "41", "47", "49"};
    String[] municipalities = {"091", "049", "092", "091", "091"};
    for (int i = 0; i < 5; i++) {
      Page company = page(languages[i]);
      company.navigate(links.get(i));
      if (i < 3) {
        check(company);
      }
      if (i == 1) {
        assertThat(company.content()).contains("Tänker ni rekrytera nästa år?", "Ja", "Nej");
        assertThat(company.textContent("#closes-on")).contains("Svara senast 15.12.2026");
      }
      company.selectOption("#industry", industries[i]);
      company.check("#size-" + (i % 2 == 0 ? "SMALL" : "MICRO"));
      company.selectOption("#municipality", municipalities[i]);
      // The fieldsets: the size class, then the questions in order.
      company.locator("fieldset.govuk-fieldset").nth(1).locator("input").first().check();
      String scale = i < 3 ? "4" : "5";
      company
          .locator("fieldset.govuk-fieldset")
          .nth(2)
          .locator("input[value='" + scale + "']")
          .check();
      if (i == 0) {
        // Saved to continue later, then sent.
        company.click("#save-answers");
        company.waitForURL(url -> url.contains("?saved"));
        assertThat(company.inputValue("#municipality")).isEqualTo("091");
      }
      company.click("#submit-answers");
      company.waitForURL(url -> url.contains("?submitted"));
      if (i < 3) {
        check(company);
      }
    }

    // 3. The owner sees the results with small cells hidden, closes the survey and publishes.
    owner.navigate(builder + "/results");
    String results = owner.content();
    assertThat(owner.textContent("#respondents")).contains("5");
    assertThat(results).contains("piilotettu");
    check(owner);
    for (String language : List.of("sv", "en")) {
      owner.navigate(builder + "/results?lang=" + language);
      check(owner);
    }
    // Automatic reminders turned on, and the survey's page with them in every language.
    owner.navigate(builder + "?lang=fi");
    owner.check("#automatic");
    owner.fill("#autoDays", "7");
    owner.fill("#autoMost", "2");
    clickAndWait(owner, owner.locator("#save-auto-reminders"));
    assertThat(owner.textContent("#auto-state")).contains("7");
    check(owner);
    for (String language : List.of("sv", "en")) {
      owner.navigate(builder + "?lang=" + language);
      check(owner);
    }
    owner.navigate(builder + "?lang=fi");
    owner.click("#close-survey");
    owner.waitForSelector("#publish");
    // Had the closing date passed before the hourly job closed the survey, the page would say the
    // same: closed, with publishing offered and nothing to mail.
    jdbc.update(
        "update ri_survey set status = 'OPEN', closes_on = date '2020-01-01' where id = ?",
        UUID.fromString(builder.substring(builder.lastIndexOf('/') + 1)));
    // English first: the owner goes on in Finnish, as after the other languages' checks.
    for (String language : List.of("en", "fi")) {
      owner.navigate(builder + "?lang=" + language);
      assertThat(owner.textContent("#survey-state"))
          .isEqualTo(language.equals("fi") ? "Suljettu" : "Closed");
      assertThat(owner.locator("#invitations").count()).isZero();
      check(owner);
    }
    owner.click("#publish");
    owner.waitForURL(url -> url.contains("/surveys/results/"));
    check(owner);
    String published = owner.url().replaceAll("[?#].*", "");

    // 4. The open results and their CSV, without signing in.
    Page reader = page("en-GB");
    reader.navigate(published);
    assertThat(reader.textContent("h1")).contains("Competence needs in Uusimaa 2027");
    check(reader);
    String csvHref = reader.getAttribute("#results-csv", "href");
    HttpResponse<String> csv =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url(csvHref))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body())
        .startsWith("question,question_text,breakdown,group,option,respondents")
        // Everyone recruits: 5 in the single choice's "Yes"; the scale's 3 and 2 are hidden.
        .contains(
            "\"Will you recruit next year?\",\"All respondents\",\"All respondents\",\"Yes\",5")
        .contains(
            "\"How important are digital skills?\",\"All respondents\",\"All respondents\",\"4\",\r\n")
        .doesNotContain("konepaja.example.fi")
        .doesNotContain("Konepaja");

    // 5. The regional overview shows demand against supply for a skill on the map: job ads
    // (synthetic, labelled so), the education catalogue and the area statistics.
    LabourMarketTestData.ensure(labourMarketImports, jdbc);
    EducationTestData.ensureImported(catalogue);
    education.identifyPendingSkills();
    if (!regionalContext.isImported()) {
      regionalContext.importFrom(ReferenceData.directory(), ImportProgress.silent());
    }
    overview.invalidate();
    for (String language : List.of("fi-FI", "sv-SE", "en-GB")) {
      Page visitor = newPage(language, false);
      visitor.navigate("/regional-overview?area=01");
      assertThat(visitor.textContent("#area-name"))
          .contains(language.startsWith("sv") ? "Nyland" : "Uusimaa");
      check(visitor);
    }
    // A published (synthetic) survey's most named skills against its region's ads and offerings.
    UUID synthetic = syntheticSurveys.generateSurveyResponses(120, 18, ORGANISATION).survey();
    for (String language : List.of("fi-FI", "sv-SE", "en-GB")) {
      Page visitor = newPage(language, false);
      visitor.navigate("/surveys/results/" + synthetic);
      assertThat(visitor.locator("#compare-table tbody tr").count()).isPositive();
      assertThat(visitor.locator("#compare-chart rect").count()).isPositive();
      check(visitor);
    }
    Page developer = page("en-GB");
    developer.navigate("/regional-overview?area=01");
    long uusimaaAds =
        Long.parseLong(developer.textContent("#total-ads span").replaceAll("\\D", ""));
    assertThat(uusimaaAds).as("ads located in Uusimaa").isPositive();
    assertThat(developer.locator("#gaps tbody tr").count()).isPositive();
    // The most demanded skill, on the map of sub-regions.
    String skill = developer.locator("#demanded tbody th a").first().textContent();
    clickAndWait(developer, developer.locator("#demanded tbody th a").first());
    developer.check("#areas-sub-region");
    clickAndWait(developer, developer.locator("#show-map"));
    assertThat(developer.textContent("#ri-map-title")).contains(skill).contains("sub-region");
    assertThat(developer.locator("#ri-map path.lm-area").count()).isGreaterThan(300);
    assertThat(developer.locator("#ri-map path.lm-c4").count()).isPositive();
    assertThat(developer.locator("#map-table tbody tr").count()).isEqualTo(69);
    assertThat(developer.textContent("#context")).contains("2025").contains("2024");
    check(developer);
    developer.selectOption("#b", "06");
    clickAndWait(developer, developer.locator("#compare"));
    assertThat(developer.textContent("h1")).contains("Uusimaa").contains("Pirkanmaa");
    check(developer);
    // An education provider's offerings against Uusimaa's demand.
    developer.navigate("/regional-overview/provider?area=01");
    developer.selectOption(
        "#provider", developer.locator("#provider option").first().getAttribute("value"));
    clickAndWait(developer, developer.locator("#show-provider"));
    assertThat(developer.textContent("#coverage")).containsPattern("\\d+ of its offerings");
    assertThat(developer.locator("#covered tbody tr, #uncovered tbody tr").count()).isPositive();
    check(developer);
    HttpResponse<String> gaps =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url("/regional-overview/gaps.csv?area=01")))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(gaps.statusCode()).isEqualTo(200);
    assertThat(gaps.body())
        .startsWith("area_code,area,period,skill_uri")
        .contains("\"01\",\"Uusimaa\"");
    // 6. The actor network shows imported projects: the owner uploads a CSV of projects (one row
    // per partner) on the page linked from their own actors and projects; a file with a bad
    // business ID first stores nothing and names the line and field; the open network page draws
    // and tabulates the projects.
    String header =
        "project_id,project_name,start,end,funding_eur,funding_source,region,themes,"
            + "actor_id,actor_name,actor_kind,business_id,role";
    String rows =
        String.join(
            "\n",
            "p1,Uudenmaan digiloikka,2025-01-01,2026-12-31,250000,ESR+,01,"
                + "isco:25|digitalisation,koulu,Esimerkkiopisto,education,1234567-1,coordinator",
            "p1,,,,,,,,konepaja,Konepaja Esimerkki Oy,company,0201256-6,partner",
            "p2,Kiertotalouden osaajat,2026-03-01,2027-12-31,120000,Business Finland,01,"
                + "circular economy,konepaja,,,,coordinator",
            "p2,,,,,,,,kunta,Esimerkkikunta,public-body,,partner",
            "p3,Pirkanmaan akkuklusteri,2025-06-01,2027-05-31,300000,JTF,06,battery industry,"
                + "kunta,,,,partner",
            "p3,,,,,,,,akkuyhdistys,Akkuyhdistys ry,association,2345678-0,coordinator");
    owner.navigate("/regional-projects/manage");
    clickAndWait(owner, owner.locator("#import-link"));
    owner.setInputFiles(
        "#file",
        new com.microsoft.playwright.options.FilePayload(
            "hankkeet.csv",
            "text/csv",
            (header + "\n" + rows.replace("0201256-6", "0201256-5"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    clickAndWait(owner, owner.locator("#import-file"));
    assertThat(owner.textContent("#upload-errors")).contains("Rivi 3, business_id");
    check(owner);
    owner.setInputFiles(
        "#file",
        new com.microsoft.playwright.options.FilePayload(
            "hankkeet.csv",
            "text/csv",
            (header + "\n" + rows).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    clickAndWait(owner, owner.locator("#import-file"));
    assertThat(owner.textContent("#import-done")).contains("3 hanketta");
    assertThat(owner.locator("#imported-projects a").count()).isEqualTo(3);
    check(owner);
    for (String language : List.of("fi-FI", "sv-SE", "en-GB")) {
      Page visitor = newPage(language, false);
      visitor.navigate("/regional-projects");
      assertThat(visitor.locator("#ri-network circle.ri-net-actor").count())
          .isGreaterThanOrEqualTo(4);
      assertThat(visitor.textContent("#projects")).contains("Uudenmaan digiloikka");
      check(visitor);
    }
    Page network = page("en-GB");
    network.navigate("/regional-projects");
    // The municipality works with three others and bridges Uusimaa to Pirkanmaa's cluster.
    assertThat(network.textContent("#top-actors"))
        .contains("Esimerkkikunta")
        .contains("Konepaja Esimerkki Oy")
        .contains("0201256-6");
    assertThat(network.textContent("#ri-projects-map-title")).contains("Projects per region");
    network.selectOption("#region", "06");
    clickAndWait(network, network.locator("#filter-projects"));
    assertThat(network.textContent("#projects"))
        .contains("Pirkanmaan akkuklusteri")
        .doesNotContain("Uudenmaan digiloikka");
    assertThat(network.textContent("#projects-per-region")).contains("Pirkanmaa");
    check(network);
    owner.navigate("/regional-projects/manage");
    assertThat(owner.textContent("#own-projects")).contains("Kiertotalouden osaajat");
    check(owner);

    // 7. Expert mobility: net migration from the statistics and, from synthetic work histories
    // (labelled so), the moves of experts between regions as a flow map, a flow diagram and tables,
    // of one complete year: by default the last one by the application's clock.
    workHistories.generate(600, 18);
    for (String language : List.of("fi-FI", "sv-SE", "en-GB")) {
      Page visitor = newPage(language, false);
      // Reached as a visitor would: from the regional section's page in the navigation.
      visitor.navigate("/surveys/results");
      assertThat(visitor.locator("#regional-pages a").count()).isEqualTo(4);
      check(visitor);
      clickAndWait(visitor, visitor.locator("#regional-pages a[href*='/regional-mobility']"));
      assertThat(visitor.locator("#synthetic-profiles").count()).isEqualTo(1);
      assertThat(visitor.locator("#region-stats tbody tr").count()).isEqualTo(20);
      check(visitor);
    }
    Page mobility = page("en-GB");
    mobility.navigate("/regional-mobility");
    assertThat(mobility.textContent("#statistics-heading")).contains("2025");
    String lastYear = String.valueOf(java.time.Year.now(clock).getValue() - 1);
    assertThat(mobility.inputValue("#year")).isEqualTo(lastYear);
    assertThat(mobility.textContent("#movers")).contains(lastYear);
    assertThat(mobility.locator("#ri-flow-map path.ri-flow-line").count()).isPositive();
    assertThat(mobility.locator("#ri-flow-diagram path.ri-flow-band").count()).isPositive();
    mobility.selectOption("#area", "01");
    clickAndWait(mobility, mobility.locator("#show-mobility"));
    assertThat(mobility.textContent("h1")).contains("Uusimaa");
    assertThat(mobility.textContent("#municipality-stats")).contains("Helsinki");
    assertThat(mobility.textContent("#mobility-groups")).contains("Arrived").contains("Left");
    assertThat(mobility.textContent("#flows-table")).contains("Uusimaa");
    assertThat(mobility.textContent("#method")).contains("at least 5 people");
    // The region's own system: the moves between its sub-regions, with what cannot be published.
    assertThat(mobility.textContent("#sub-flows-heading"))
        .isEqualTo("Moves between the sub-regions of Uusimaa");
    assertThat(mobility.locator("#sub-moves, #sub-nothing").count()).isOne();
    assertThat(mobility.textContent("#method-sub-regions")).contains("cannot be combined");
    assertThat(mobility.textContent("#method-period")).contains("overlapping period");
    assertThat(mobility.inputValue("#year"))
        .as("the region's page keeps the year")
        .isEqualTo(lastYear);
    check(mobility);

    // 8. A network forum: the owner creates one for Uusimaa linked to the published survey and a
    // project it discussed, adds an event (after a field error) and results; an anonymous reader
    // finds it from the regional section's page, with the participants' organisations only.
    owner.navigate("/regional-forums/manage?lang=fi");
    check(owner);
    owner.fill("#title", "Uudenmaan osaamisfoorumi");
    owner.fill("#description", "Alueen yritykset, oppilaitokset ja kehittäjät yhdessä.");
    owner.selectOption("#region", "01");
    owner.selectOption(
        "#survey",
        new com.microsoft.playwright.options.SelectOption()
            .setLabel("Uudenmaan osaamistarpeet 2027"));
    owner
        .locator("#projects .govuk-checkboxes__item")
        .filter(
            new com.microsoft.playwright.Locator.FilterOptions().setHasText("Uudenmaan digiloikka"))
        .locator("input")
        .check();
    owner.check("#published");
    clickAndWait(owner, owner.locator("#create-forum"));
    String forumManage = owner.url().replaceAll("[?#].*", "");
    owner.fill("#eventTitle", "Osaamistarpeiden verkostotapaaminen");
    owner.fill("#agenda", "1. Kyselyn tulokset\n2. Hankkeiden esittely");
    owner.fill("#starts", "2026-12-01T09:00");
    owner.fill("#ends", "2026-12-01T08:00");
    owner.fill("#place", "Helsinki");
    clickAndWait(owner, owner.locator("#add-event"));
    assertThat(owner.locator(".govuk-error-summary a[href='#ends']").count()).isOne();
    check(owner);
    owner.fill("#ends", "2026-12-01T12:00");
    clickAndWait(owner, owner.locator("#add-event"));
    owner.fill("#organisation", "Uudenmaan liitto");
    clickAndWait(owner, owner.locator("#register"));
    assertThat(owner.textContent("#participant-organisations")).contains("Uudenmaan liitto");
    check(owner);
    // The owner changes the event: no capacity, then one place (taken), in another hall.
    owner.navigate(forumManage);
    clickAndWait(owner, owner.locator("#change-event-0"));
    check(owner);
    owner.fill("#capacity", "0");
    clickAndWait(owner, owner.locator("#save-event"));
    assertThat(owner.locator(".govuk-error-summary a[href='#capacity']").count()).isOne();
    check(owner);
    owner.fill("#capacity", "1");
    owner.fill("#place", "Helsinki, Sali 2");
    clickAndWait(owner, owner.locator("#save-event"));
    assertThat(owner.locator("#saved").count()).isOne();
    assertThat(owner.textContent("#registrations")).contains("Uudenmaan liitto");
    check(owner);
    owner.navigate(forumManage);
    owner.fill("#materialTitle", "Tapaamisen muistio");
    owner.fill(
        "#markdown", "## Muistio\n\n- Digitaidot ovat tärkeimmät\n- <script>alert(1)</script>");
    clickAndWait(owner, owner.locator("#add-material"));
    owner.fill("#results", "Yritykset tarvitsevat **digitaitoja**; katso kyselyn tulokset.");
    clickAndWait(owner, owner.locator("#save-results"));
    check(owner);
    for (String language : List.of("fi-FI", "sv-SE", "en-GB")) {
      Page visitor = newPage(language, false);
      visitor.navigate("/surveys/results");
      clickAndWait(visitor, visitor.locator("#regional-pages a[href*='/regional-forums']"));
      check(visitor);
      clickAndWait(
          visitor,
          visitor.locator(
              "#forums a", new Page.LocatorOptions().setHasText("Uudenmaan osaamisfoorumi")));
      assertThat(visitor.textContent("#forum-title")).isEqualTo("Uudenmaan osaamisfoorumi");
      assertThat(visitor.textContent("#survey-link")).contains("2027");
      assertThat(visitor.textContent("#forum-projects")).contains("Uudenmaan digiloikka");
      assertThat(visitor.innerHTML("#results")).contains("<strong>digitaitoja</strong>");
      assertThat(visitor.content()).doesNotContain("<script>alert(1)");
      check(visitor);
      clickAndWait(visitor, visitor.locator("#events a").first());
      assertThat(visitor.textContent("#participant-organisations")).contains("Uudenmaan liitto");
      // Anonymous, and the one place is taken: the waiting list is said, a link to sign in
      // instead of the registration form, and the calendar file.
      assertThat(visitor.textContent("#place-row")).contains("Sali 2");
      assertThat(visitor.locator("#full").count()).isOne();
      assertThat(visitor.locator("#sign-in-to-register").count()).isOne();
      assertThat(visitor.locator("#register").count()).isZero();
      assertThat(visitor.getAttribute("#ics", "href")).endsWith("/calendar.ics");
      check(visitor);
      // Or without an account: the guest joins the waiting list (an empty form first shows its
      // errors), is mailed a confirmation and opens its link, which needs no sign-in.
      clickAndWait(visitor, visitor.locator("#register-guest"));
      assertThat(visitor.locator(".govuk-error-summary li").count()).isEqualTo(3);
      check(visitor);
      String email = "guest-" + UUID.randomUUID() + "@example.fi";
      visitor.fill("#guestName", "Vieras " + language);
      visitor.fill("#guestOrganisation", "Vierasyritys " + language);
      visitor.fill("#guestEmail", email);
      clickAndWait(visitor, visitor.locator("#register-guest"));
      assertThat(visitor.url()).endsWith("?GUEST_WAITING");
      // Confirmed in GOV.UK's success green (not painted over by the theme's banner colour), and
      // no second registration offered.
      assertThat(visitor.evalOnSelector("#done", "e => getComputedStyle(e).borderTopColor"))
          .isEqualTo("rgb(0, 112, 60)");
      assertThat(visitor.locator("#guest-done").count()).isOne();
      assertThat(visitor.locator("#register-guest").count()).isZero();
      check(visitor);
      OutboxMail.sendDue(context);
      String mail = OutboxMail.body(OutboxMail.to(mailServer, email).getFirst());
      java.util.regex.Matcher link =
          java.util.regex.Pattern.compile("/regional-forums/registrations/[A-Za-z0-9_-]{43}")
              .matcher(mail);
      assertThat(link.find()).as(mail).isTrue();
      visitor.navigate(link.group());
      assertThat(visitor.locator("#cancel-registration").count()).isOne();
      check(visitor);
    }
    // The owner cancels the event with a reason in Swedish; a reader sees it cancelled in the
    // forum's list and on its page, with the reason and no registration.
    owner.navigate(forumManage);
    clickAndWait(owner, owner.locator("#change-event-0"));
    owner.fill("#reason", "Talaren har fått förhinder. Ett nytt datum meddelas senare.");
    owner.check("#reasonLanguage-sv");
    clickAndWait(owner, owner.locator("#cancel-event"));
    assertThat(owner.locator("#cancel-done").count()).isOne();
    assertThat(owner.getAttribute("#cancel-reason", "lang")).isEqualTo("sv");
    assertThat(owner.locator("#save-event").count()).isZero();
    check(owner);
    Page cancelledReader = newPage("en-GB", false);
    cancelledReader.navigate(forumManage.replace("/manage", ""));
    assertThat(cancelledReader.textContent("#events")).contains("Cancelled");
    check(cancelledReader);
    clickAndWait(cancelledReader, cancelledReader.locator("#events a").first());
    assertThat(cancelledReader.textContent("#cancel-reason")).contains("förhinder");
    assertThat(cancelledReader.locator("#no-registration").count()).isOne();
    assertThat(cancelledReader.locator("#sign-in-to-register").count()).isZero();
    check(cancelledReader);
  }

  /**
   * The open data page, where the published survey results are listed with the other datasets and
   * the change feed, and the administrators' API clients page with its form's errors and a
   * registration, each in Finnish, Swedish and English.
   */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theOpenDataPageAndTheApiClientsPageInThreeLanguages() {
    String[][] pages = {
      {"fi-FI", "Avoin data", "Muutossyöte"},
      {"sv-SE", "Öppna data", "Ändringsflöde"},
      {"en-GB", "Open data", "Change feed"}
    };
    for (String[] language : pages) {
      Page visitor = newPage(language[0], false);
      visitor.navigate("/open-data");
      assertThat(visitor.textContent("h1")).isEqualTo(language[1]);
      assertThat(visitor.textContent("#changes")).contains(language[2]);
      assertThat(visitor.locator("#changes a[type='application/feed+json']").count()).isOne();
      assertThat(visitor.locator("a[href$='/api/v1/open-data/services.csv']").count())
          .as("the service directory as a file")
          .isOne();
      check(visitor);
    }
    Page administrator = page("en-GB");
    oidc.signIn(
        administrator, "od-admin-" + UUID.randomUUID(), "{\"osaava_roles\": [\"administrator\"]}");
    administrator.navigate("/admin/api-clients");
    // The form sent empty: the errors beside each field and in the summary.
    clickAndWait(
        administrator, administrator.locator("#register-heading ~ form button[type='submit']"));
    assertThat(administrator.locator(".govuk-error-summary li").count()).isPositive();
    check(administrator);
    administrator.fill("#clientId", "browser-test-" + UUID.randomUUID());
    administrator.fill("#name", "Kurssikalenteri");
    administrator.fill("#organisation", "Esimerkkiopisto");
    administrator.fill("#contactEmail", "api@esimerkkiopisto.example.fi");
    administrator.fill("#requestsPerMinute", "120");
    clickAndWait(
        administrator, administrator.locator("#register-heading ~ form button[type='submit']"));
    assertThat(administrator.textContent("#usage")).contains("Kurssikalenteri");
    check(administrator);
    for (String language : List.of("fi", "sv")) {
      administrator.navigate("/admin/api-clients?lang=" + language);
      assertThat(administrator.textContent("#usage")).contains("Kurssikalenteri");
      check(administrator);
    }
  }

  @Autowired ApplicationContext context;
  @Autowired GreenMail mailServer;

  @Autowired LabourMarketImports labourMarketImports;
  @Autowired JdbcTemplate jdbc;
  @Autowired EducationCatalogue catalogue;
  @Autowired EducationApi education;
  @Autowired RegionalContext regionalContext;
  @Autowired OverviewAggregates overview;
  @Autowired SyntheticSurveys syntheticSurveys;
  @Autowired fi.osaava.profile.SyntheticWorkHistories workHistories;
  @Autowired java.time.Clock clock;
}
