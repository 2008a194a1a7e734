package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.identification.IdentificationApi;
import fi.osaava.labourmarket.LabourMarketImports;
import fi.osaava.labourmarket.LabourMarketTestData;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Every label is in the page's language or visibly marked: pages rendered in Swedish and Finnish
 * (by {@code Accept-Language}, as a browser asks) show no English interface text outside an element
 * marked {@code lang="en"}, and every ESCO label linked on them that is not in the page's language
 * carries its {@code lang} and the "(på engelska)" / "(englanniksi)" marker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageLanguageTest extends WebTestBase {

  private static final String SOFTWARE_DEVELOPER =
      "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1";

  private static final List<String> PAGES =
      List.of(
          "/",
          "/education",
          "/concepts?uri=" + SOFTWARE_DEVELOPER,
          "/labour-market",
          "/labour-market/occupation?code=2512",
          "/labour-market/occupation?uri=" + SOFTWARE_DEVELOPER,
          "/opportunities?skills=http://data.europa.eu/esco/skill/"
              + "21d2f96d-35f7-4e3f-9745-c533d2dd6e97");

  /** A link to a concept page and what it shows. */
  private static final Pattern CONCEPT_LINK =
      Pattern.compile(
          "<a\\b[^>]*href=\"[^\"]*/concepts\\?uri=([^\"&]+)\"[^>]*>(.*?)</a>", Pattern.DOTALL);

  /** An element marked as English, with its content (the marked texts are allowed English). */
  private static final Pattern ENGLISH_ELEMENT =
      Pattern.compile("<(\\w+)\\b[^>]*\\blang=\"en\"[^>]*>.*?</\\1>", Pattern.DOTALL);

  @Autowired LabourMarketImports imports;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaxonomyApi taxonomy;

  @BeforeAll
  void data() {
    LabourMarketTestData.ensure(imports, jdbc);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sv", "fi"})
  void noEnglishInterfaceTextOutsideMarkedElements(String code) throws Exception {
    Properties english = bundle("i18n/messages.properties");
    Properties page = bundle("i18n/messages_" + code + ".properties");
    // Whole sentences and headings of the English interface, which a translation never repeats.
    List<String> englishOnly = new ArrayList<>();
    for (String key : english.stringPropertyNames()) {
      String value = english.getProperty(key);
      if (!value.contains("{") && value.length() >= 12 && !value.equals(page.getProperty(key))) {
        englishOnly.add(HtmlUtils.htmlEscape(value, "UTF-8"));
      }
    }
    for (String path : PAGES) {
      String html = render(path, code);
      String unmarked = ENGLISH_ELEMENT.matcher(html).replaceAll("");
      assertThat(englishOnly)
          .as("English interface text on %s in %s", path, code)
          .noneMatch(unmarked::contains);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sv", "fi"})
  void everyLabelInAnotherLanguageIsMarked(String code) throws Exception {
    Language language = Language.require(code);
    String marker =
        "(" + bundle("i18n/messages_" + code + ".properties").getProperty("language.in.en") + ")";
    int fallbacks = 0;
    int own = 0;
    for (String path : PAGES) {
      String html = render(path, code);
      Matcher link = CONCEPT_LINK.matcher(html);
      while (link.find()) {
        String uri =
            URLDecoder.decode(HtmlUtils.htmlUnescape(link.group(1)), StandardCharsets.UTF_8);
        List<ConceptSummary> found = taxonomy.summaries(List.of(new ConceptUri(uri)), language);
        if (found.isEmpty() || found.getFirst().label() == null) {
          continue;
        }
        LocalizedText label = found.getFirst().label();
        String inner = link.group(2);
        if (!inner.contains(HtmlUtils.htmlEscape(label.text(), "UTF-8"))) {
          continue; // a link with words of its own, such as "In the ESCO classification"
        }
        if (label.fallback()) {
          fallbacks++;
          assertThat(inner)
              .as("%s on %s in %s", label.text(), path, code)
              .contains("lang=\"" + label.language().code() + "\"")
              .contains(HtmlUtils.htmlEscape(marker, "UTF-8"));
        } else {
          own++;
          assertThat(inner).as("%s on %s in %s", label.text(), path, code).doesNotContain("lang=");
        }
      }
    }
    // ESCO has no Swedish skill labels and no Finnish ISCO group labels: both pages show some.
    assertThat(fallbacks).as("fallback labels checked").isPositive();
    assertThat(own).as("labels in the page's language checked").isGreaterThan(2);
  }

  /** ISCO unit groups in Finnish come from Statistics Finland, in Swedish from ESCO. */
  @ParameterizedTest
  @ValueSource(strings = {"sv", "fi"})
  void iscoGroupsAreNamedInThePageLanguage(String code) throws Exception {
    String expected = code.equals("fi") ? "Sovellussuunnittelijat" : "Mjukvaruutvecklare";
    String index = render("/labour-market", code);
    assertThat(index).contains("2512 " + expected);
    String occupation = render("/labour-market/occupation?code=2512", code);
    assertThat(occupation).containsPattern("<h1[^>]*>\\s*" + expected + "\\s*</h1>");
    assertThat(occupation).contains("<title>" + expected);
  }

  /**
   * An offering's skill evidence is quoted in the page's language where the offering has it; a
   * Swedish page otherwise quotes the Finnish text, marked. The offering is written here as the
   * skill backfill stores one (already identified, so the backfill leaves it alone).
   */
  @Test
  void offeringEvidenceIsInThePageLanguageOrMarked() throws Exception {
    UUID id = UUID.randomUUID();
    jdbc.update(
        "insert into education_offering (id, source, source_id, kind, level, title_fi, title_sv,"
            + " description_fi, description_sv, content_hash, skills_identified_at)"
            + " values (?, 'test', ?, 'COURSE', 'SHORT_COURSE', 'Ohjelmointi', 'Programmering',"
            + " 'Opit ohjelmoimaan Javalla ja taulukkolaskentaa.',"
            + " 'Du lär dig programmera i Java.', 'test', now())",
        id,
        "language-" + id);
    String insert =
        "insert into education_offering_skill (offering_id, skill_uri, source, score, evidence,"
            + " evidence_fi, evidence_sv) values (?, ?, 'IDENTIFIED', ?, ?, ?, ?)";
    jdbc.update(
        insert,
        id,
        "http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389",
        0.9f,
        "ohjelmoimaan Javalla",
        "ohjelmoimaan Javalla",
        "programmera i Java");
    jdbc.update(
        insert,
        id,
        "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be",
        0.8f,
        "taulukkolaskentaa",
        "taulukkolaskentaa",
        null);
    String swedish = render("/education/offerings/" + id, "sv");
    assertThat(swedish)
        .contains("<q class=\"evidence\">programmera i Java</q>")
        .containsPattern(
            "<q class=\"evidence\"><span lang=\"fi\">taulukkolaskentaa</span>\\s*"
                + "<small class=\"fallback-marker\">\\(på finska\\)</small></q>")
        .doesNotContain("ohjelmoimaan Javalla");
    String finnish = render("/education/offerings/" + id, "fi");
    assertThat(finnish)
        .contains("<q class=\"evidence\">ohjelmoimaan Javalla</q>")
        .contains("<q class=\"evidence\">taulukkolaskentaa</q>");
  }

  /** The API's problem titles follow lang, then Accept-Language; without either, English. */
  @Test
  void apiProblemTitlesAreInTheRequestsLanguage() throws Exception {
    String bad = "/api/v1/labour-market/occupation-groups/25x2";
    mvc.perform(get(bad).param("lang", "sv"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Ogiltig begäran"))
        .andExpect(jsonPath("$.parameter").exists());
    mvc.perform(get(bad).header("Accept-Language", "fi-FI,fi;q=0.9"))
        .andExpect(jsonPath("$.title").value("Virheellinen pyyntö"));
    mvc.perform(get(bad)).andExpect(jsonPath("$.title").value("Invalid request"));
  }

  /**
   * Problems written by a module's own controller, not the shared handler, are in the request's
   * language too; English keeps the controller's more specific title.
   */
  @Test
  void moduleProblemTitlesAreInTheRequestsLanguage() throws Exception {
    String unknownLanguage = "{\"text\": \"Hoidin asukkaita.\", \"language\": \"xx\"}";
    mvc.perform(
            post("/api/v1/identification")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "sv-FI,sv;q=0.9")
                .content(unknownLanguage))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.title").value("Ogiltig begäran"));
    String tooLong = "{\"text\": \"" + "a".repeat(IdentificationApi.MAX_TEXT_LENGTH + 1) + "\"}";
    mvc.perform(
            post("/api/v1/identification")
                .param("lang", "fi")
                .contentType(MediaType.APPLICATION_JSON)
                .content(tooLong))
        .andExpect(status().isContentTooLarge())
        .andExpect(jsonPath("$.title").value("Sisältö on liian suuri"));
    mvc.perform(
            post("/api/v1/identification")
                .contentType(MediaType.APPLICATION_JSON)
                .content(unknownLanguage))
        .andExpect(jsonPath("$.title").value("Unknown language"));
  }

  private String render(String path, String code) throws Exception {
    return mvc.perform(get(path).header("Accept-Language", code + "-FI," + code + ";q=0.9"))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = PageLanguageTest.class.getClassLoader().getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
