package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import fi.osaava.education.CatalogueChanged;
import fi.osaava.education.EducationApi;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationTestData;
import fi.osaava.profile.CvFixtures;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The citizen's journey of issue 13 from end to end, once in Finnish and once in Swedish, on the
 * real ESCO data and the real national catalogue (degree programmes, vocational qualification
 * units, competence badges): a person changing career brings their work history (a CV file in the
 * Finnish run, pasted text in the Swedish one) and confirms the skills found, adds one by hand,
 * finds their own field among the top ten occupations, chooses it as a goal, gets a path of units
 * and badges within a 30-credit budget with every extent known, saves it, and finds its next step
 * on the front door; then gets recommendations from the profile (a local provider's service for the
 * chosen situation, offerings for the goal's gap, occupations, each saying why), hands a summary to
 * that service only once consent is ticked, sees the service open the link without signing in, and
 * withdraws it (410). Every page on the way passes axe-core and the CSP.
 *
 * <p>With {@code -Dosaava.journey.screenshots=docs/screenshots} eight pages per run are saved at
 * 1280 and 390 px as {@code journey-<language>-<n>-<page>-<width>.png}.
 */
class CitizenJourneyBrowserTest extends BrowserTestBase {

  /** A practical nurse in home care who wants to move on; written for this test. */
  static final String FINNISH_CARE_WORKER =
      """
      Sari Virtanen
      sari.virtanen@example.org, 050 765 4321
      Työkokemus
      01/2016 – nyt Lähihoitaja, Kuopion kaupungin kotihoito
      Autoin ikääntyneitä asiakkaita kotona peseytymisessä, pukeutumisessa ja ruokailussa.
      Jaoin lääkkeet dosetteihin, mittasin verenpaineen ja verensokerin ja hoidin haavoja.
      Kirjasin hoitotyön tiedot potilastietojärjestelmään ja tein yhteistyötä omaisten ja lääkärin kanssa.
      2012–2015 Hoiva-avustaja, Palvelutalo Kotikallio
      Avustin asukkaita päivittäisissä toimissa, järjestin viriketoimintaa ja ulkoilin asukkaiden kanssa.
      Koulutus
      2013–2015 Sosiaali- ja terveysalan perustutkinto, Savon ammattiopisto
      Kielitaito
      suomi äidinkieli, englanti hyvä
      """;

  /** A hairdresser from Ostrobothnia who worked at a supermarket's till before; for this test. */
  static final String SWEDISH_HAIRDRESSER =
      """
      Emma Holmström
      Arbetslivserfarenhet
      2018–pågående Frisör, Salong Sax & Stil, Jakobstad
      Jag klipper dam- och herrfrisyrer, rakar och trimmar skägg och ger kunderna råd om
      frisyrer och hårvårdsprodukter. Jag bokar tider, tar emot betalningar och håller
      ordning på salongens lager.
      2014–2018 Kassabiträde, Citymarket Jakobstad
      Jag betjänade kunder i kassan, fyllde på hyllor och tog emot varuleveranser.
      Utbildning
      2011–2014 Grundexamen inom hårbranschen, Yrkesakademin i Österbotten
      """;

  /** A restaurant cook from Ostrobothnia; written for this test. */
  static final String SWEDISH_COOK =
      """
      Johan Lindqvist
      Arbetslivserfarenhet
      2017–pågående Kock, Restaurang Strandhuset, Vasa
      Jag lagade lunch och à la carte-rätter för upp till 150 gäster, bakade bröd och
      planerade menyer. Jag beställde råvaror, skötte egenkontrollen och livsmedelshygienen
      i köket och introducerade nya medarbetare.
      2013–2017 Kökbiträde, skolköket i Korsholm
      Jag förberedde sallader och varma rätter, diskade och serverade mat till eleverna.
      Utbildning
      2010–2013 Grundexamen inom hotell-, restaurang- och cateringbranschen, kock,
      Yrkesakademin i Österbotten
      """;

  @Autowired EducationCatalogue catalogue;
  @Autowired EducationApi education;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired MessageSource messages;

  @BeforeEach
  void catalogueWithSkills() {
    EducationTestData.ensureImported(catalogue);
    education.identifyPendingSkills();
    // The skill backfill does not announce itself; the matching index must see its skills.
    transactions.executeWithoutResult(status -> events.publishEvent(new CatalogueChanged(0)));
  }

  // The Swedish run pastes a hairdresser's history on /identify; the occupations it names, once
  // confirmed, become work entries that matching ranks first, whatever other tests' job ads in the
  // shared database do to demand. (A cook's history is pasted below too, but the national
  // catalogue has no hospitality units: no offering is a step towards a cook's goal, and the path
  // rightly stays empty; see PathRelevanceTest.)
  @ParameterizedTest(name = "{1}")
  @CsvSource({"fi-FI, fi, antaa ensiap, '(?i)^lähihoitaja$'", "sv-FI, sv, hygien, '(?i)^frisör$'"})
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void fromWorkHistoryToASavedPath(String locale, String language, String typed, String ownField) {
    Page page = newPage(locale, true);
    oidc.signIn(page, "journey-" + language + "-" + UUID.randomUUID());
    assertThat(page.url()).endsWith("/profile");

    // 1. The work history, and the skills the person confirms from it.
    if (language.equals("fi")) {
      page.setInputFiles(
          "#cv-file",
          new FilePayload(
              "cv.docx", "application/octet-stream", CvFixtures.docx(FINNISH_CARE_WORKER)));
      page.click("#upload-cv");
      page.waitForSelector(".cv-entry");
      Locator boxes = page.locator("input[name=accept]");
      assertThat(boxes.count()).as("skills suggested from the CV").isGreaterThanOrEqualTo(5);
      for (int i = 0; i < boxes.count(); i++) {
        boxes.nth(i).check();
      }
      check(page);
      shoot(page, language, 1, "cv", null);
      page.click("#save-cv-skills");
      page.waitForLoadState();
    } else {
      pasteAndConfirm(page, SWEDISH_HAIRDRESSER, language, ownField);
    }
    page.navigate("/profile#skills");
    int confirmed = page.locator("table.profile-skills tbody tr").count();
    assertThat(confirmed).as("skills confirmed into the profile").isGreaterThanOrEqualTo(5);

    // 2. One skill the engine did not offer, added by hand through the autocomplete.
    page.locator("#manual-q").pressSequentially(typed);
    page.waitForSelector("#manual-options input[name=uri]");
    page.selectOption("#manual-level", "INTERMEDIATE");
    page.click("#add-skill");
    page.waitForLoadState();
    assertThat(page.url()).contains("added");
    assertThat(page.locator("table.profile-skills tbody tr").count()).isEqualTo(confirmed + 1);
    check(page);
    shoot(page, language, 2, "profile", "#skills");

    // 3. The person's own field among the top ten occupations.
    page.navigate("/opportunities?kind=OCCUPATION");
    Locator titles = page.locator("#results li.card h3 a");
    List<String> top = titles.allTextContents().stream().map(String::strip).toList();
    assertThat(top).hasSizeLessThanOrEqualTo(10);
    Pattern field = Pattern.compile(ownField);
    int own = -1;
    for (int i = 0; i < top.size() && own < 0; i++) {
      if (field.matcher(top.get(i)).find()) {
        own = i;
      }
    }
    assertThat(own)
        .as("an occupation of the person's own field in the top ten: " + top)
        .isNotNegative();
    check(page);
    shoot(page, language, 3, "opportunities", "#results");

    // 4. That occupation as the goal, and a path within 30 credits made of short offerings.
    String goal = top.get(own);
    titles.nth(own).click();
    page.waitForLoadState();
    assertThat(page.locator("h1").textContent()).contains(goal);
    page.fill("#maxCredits", "30");
    page.click("form.path-form button[type=submit]");
    page.waitForLoadState();
    assertThat(page.url()).contains("compose=true").contains("maxCredits=30");
    Locator best = page.locator("section.path-option").first();
    Locator steps = best.locator("ol li");
    assertThat(steps.count()).as("steps of the best path").isPositive();
    Locale reader = Locale.forLanguageTag(language);
    List<String> shortKinds =
        Stream.of("QUALIFICATION_UNIT", "COMPETENCE_BADGE", "SHORT_COURSE", "MOOC")
            .map(k -> messages.getMessage("opportunities.level." + k, null, reader))
            .toList();
    String covers = messages.getMessage("opportunities.path.covers", null, reader);
    BigDecimal total = BigDecimal.ZERO;
    for (String step : steps.allTextContents()) {
      String text = step.replaceAll("\\s+", " ");
      BigDecimal extent = extent(text);
      assertThat(extent).as("the extent shown for " + text).isNotNull();
      total = total.add(extent);
      // Units, badges and courses by default, never a degree; each teaches a missing skill.
      assertThat(shortKinds).as(text).anyMatch(text::contains);
      assertThat(text).containsPattern(Pattern.quote(covers) + " \\S");
    }
    assertThat(total).isLessThanOrEqualTo(new BigDecimal(30));
    assertThat(best.textContent())
        .doesNotContain(messages.getMessage("opportunities.path.creditsUnknown", null, reader));
    check(page);
    shoot(page, language, 4, "path", "#path-heading");
    String firstStep = steps.first().locator("strong").first().textContent().strip();

    // 5. The path saved, and the front door shows its first step as the next one.
    page.click("form[action$='/opportunities/plans'] button");
    page.waitForLoadState();
    assertThat(page.url()).endsWith("/opportunities/plans");
    assertThat(page.locator("section.plan").textContent()).contains(goal).contains(firstStep);
    check(page);
    page.navigate("/");
    Locator next = page.locator("#next-steps");
    assertThat(next.textContent()).contains(firstStep);
    check(page);
    shoot(page, language, 5, "next-steps", null);

    // 6. Recommendations from the profile: a local provider's service for the chosen situation,
    // offerings for the saved goal's gap and matching occupations, each saying why.
    String municipality = language.equals("fi") ? "297" : "598";
    String service = "Journey career service " + UUID.randomUUID();
    publishService(service, municipality);
    page.navigate("/recommendations");
    page.check("input[name=situation][value=CHANGING_CAREER]");
    page.selectOption("#municipality", municipality);
    page.click("#situation-submit");
    page.waitForLoadState();
    Locator recommended = page.locator("li.recommendation");
    assertThat(recommended.first().textContent()).contains(service);
    assertThat(page.locator("li.recommendation[data-kind=OFFERING]").count()).isPositive();
    assertThat(page.locator("li.recommendation[data-kind=OCCUPATION]").count()).isPositive();
    for (int i = 0; i < recommended.count(); i++) {
      assertThat(recommended.nth(i).locator("ul.why li").count()).as("reasons").isPositive();
    }
    assertThat(page.locator("#goal").textContent()).contains(goal);
    check(page);
    shoot(page, language, 6, "recommendations", "#goal-heading");

    // 7. A summary handed to that service with consent, opened by the service without signing
    // in, and gone once the person withdraws it.
    recommended.first().locator("a.handover-link").click();
    page.waitForLoadState();
    page.click("#handover-submit");
    page.waitForLoadState();
    assertThat(page.locator(".govuk-error-summary").count()).as("no consent, no link").isOne();
    check(page);
    page.check("#consent");
    page.click("#handover-submit");
    page.waitForLoadState();
    String link = page.locator("input.handover-url").first().inputValue();
    check(page);
    shoot(page, language, 7, "handover", null);
    Page servicePage = newPage(locale, true);
    assertThat(servicePage.navigate(link).status()).isEqualTo(200);
    assertThat(servicePage.locator("#handed-over").textContent()).contains(goal);
    check(servicePage);
    shoot(servicePage, language, 8, "summary", null);
    page.click("form[action$='/revoke'] button");
    page.waitForLoadState();
    assertThat(servicePage.navigate(link).status()).isEqualTo(410);
    check(servicePage);
  }

  @Autowired fi.osaava.servicenetwork.ServiceDirectory services;

  /** A provider's career service for people changing career, given in one municipality. */
  private void publishService(String name, String municipality) {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("journey-service", ".json");
      java.nio.file.Files.writeString(
          file,
          """
          {"id": "%s", "organisation": {"name": {"fi": "Journey Oy"}},
           "name": {"fi": "%s", "sv": "%s", "en": "%s"}, "type": "CAREER_COUNSELLING",
           "lifeSituations": ["CHANGING_CAREER"], "areas": ["municipality:%s"],
           "channels": [{"type": "WEB_PAGE", "url": "https://journey.example.fi"}]}"""
              .formatted(name, name, name, name, municipality));
      services.importServices(file, fi.osaava.platform.ImportProgress.silent());
      java.nio.file.Files.delete(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A cook pastes his history: the two occupations it names (kock, and köksbiträde from the
   * misspelt "Kökbiträde") become work entries, and one of them leads the occupations offered.
   */
  @org.junit.jupiter.api.Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aCookWhoPastesHisHistoryFindsHisOwnFieldAtTheTop() {
    Page page = newPage("sv-FI", true);
    oidc.signIn(page, "journey-cook-" + UUID.randomUUID());
    String ownField = "(?i)^(kock|köksbiträde)$";
    pasteAndConfirm(page, SWEDISH_COOK, "sv-cook", ownField);
    page.navigate("/opportunities?kind=OCCUPATION");
    List<String> top =
        page.locator("#results li.card h3 a").allTextContents().stream()
            .map(String::strip)
            .toList();
    assertThat(top.subList(0, Math.min(3, top.size())))
        .as("the cook's own field among the first three: " + top)
        .anyMatch(Pattern.compile(ownField).asMatchPredicate());
    check(page);

    // He saves an education search for his field (notifications) and finds it listed, with
    // his inbox one link away.
    page.navigate("/education?q=kock");
    page.click("form.save-search button");
    page.waitForLoadState();
    assertThat(page.url()).endsWith("/notifications/searches?saved");
    assertThat(page.locator("tr.saved-search a").textContent()).contains("kock");
    check(page);
    shoot(page, "sv-cook", 6, "saved-searches", null);
    page.click("#inbox-link");
    page.waitForLoadState();
    assertThat(page.url()).endsWith("/notifications/inbox");
    assertThat(page.locator("#unread-count").textContent()).isNotBlank();
    check(page);
    shoot(page, "sv-cook", 7, "inbox", null);

    // His organisation's system takes the same search as signed webhooks: an address that is
    // refused first, then one the test configuration allows (nothing listens there, so the test
    // delivery fails and the log says so).
    page.navigate("/notifications/webhooks");
    check(page);
    page.fill("#url", "ftp://example.fi/hook");
    page.click("form[action='/notifications/webhooks'] button");
    page.waitForLoadState();
    assertThat(page.locator(".govuk-error-summary").textContent()).contains("https://");
    check(page);
    page.fill("#url", "http://127.0.0.1:9/hook");
    page.click("form[action='/notifications/webhooks'] button");
    page.waitForLoadState();
    assertThat(page.locator("#secret").textContent()).startsWith("whsec_");
    check(page);
    page.click("form[action$='/test'] button");
    page.waitForLoadState();
    assertThat(page.locator("tr.delivery").count()).isEqualTo(1);
    check(page);
  }

  /**
   * A work history pasted on /identify, its skills and own occupations accepted and saved to the
   * profile: the occupations it names must come back as work entries.
   */
  private void pasteAndConfirm(Page page, String history, String language, String ownField) {
    page.navigate("/identify");
    page.fill("#text", history);
    page.click("button[name=identify]");
    page.waitForSelector("#save-to-profile");
    Locator accepts = page.locator("fieldset.chip input[value=accept]");
    assertThat(accepts.count()).as("skills suggested from the pasted CV").isGreaterThanOrEqualTo(5);
    // Every skill is accepted; of the occupations, the person accepts those they have worked in
    // and rejects the engine's guesses (one from the heading "Utbildning", for one).
    Pattern own = Pattern.compile(ownField);
    Locator chips = page.locator("fieldset.chip");
    for (int i = 0; i < chips.count(); i++) {
      Locator chip = chips.nth(i);
      String label = chip.locator("legend a").textContent().strip();
      boolean occupation = chip.locator("input[name^=uri-o]").count() > 0;
      chip.locator(
              !occupation || own.matcher(label).matches()
                  ? "input[value=accept]"
                  : "input[value=reject]")
          .check();
    }
    check(page);
    shoot(page, language, 1, "identify", "#identify-results");
    page.click("#save-to-profile");
    page.waitForURL(url -> url.contains("/profile?confirmed="));
    // The occupations the text names, once confirmed, are work entries, as a CV's would be.
    List<String> entries =
        page.locator("#experiences li a").allTextContents().stream().map(String::strip).toList();
    assertThat(entries)
        .as("work entries from the occupations the pasted CV names")
        .anyMatch(Pattern.compile(ownField).asMatchPredicate());
  }

  /**
   * The credits a path step shows ("5 opintopistettä", "5 studiepoäng"); null when none is shown.
   */
  private static BigDecimal extent(String step) {
    Matcher m =
        Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(?:opintopistettä|studiepoäng|credits)")
            .matcher(step);
    return m.find() ? new BigDecimal(m.group(1).replace(',', '.')) : null;
  }

  /**
   * Screenshots at desktop and phone width, when a directory is given: the page from {@code anchor}
   * (its top when null) down, at most {@link #SHOT_HEIGHT} pixels, so that a long list above or
   * below does not bury what the step is about.
   */
  private static void shoot(Page page, String language, int n, String name, String anchor) {
    String directory = System.getProperty("osaava.journey.screenshots");
    if (directory == null || directory.isBlank()) {
      return;
    }
    for (int width : new int[] {1280, 390}) {
      page.setViewportSize(width, 900);
      double top =
          anchor == null
              ? 0
              : Math.max(
                  0,
                  ((Number)
                              page.evaluate(
                                  "a => document.querySelector(a).getBoundingClientRect().top"
                                      + " + window.scrollY",
                                  anchor))
                          .doubleValue()
                      - 16);
      double height =
          ((Number) page.evaluate("() => document.documentElement.scrollHeight")).doubleValue();
      page.screenshot(
          new Page.ScreenshotOptions()
              .setFullPage(true)
              .setClip(0, top, width, Math.min(SHOT_HEIGHT, height - top))
              .setPath(
                  Path.of(
                      directory, "journey-%s-%d-%s-%d.png".formatted(language, n, name, width))));
    }
    page.setViewportSize(1280, 900);
  }

  /** The tallest screenshot, in CSS pixels. */
  private static final int SHOT_HEIGHT = 2000;
}
