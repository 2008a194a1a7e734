package fi.osaava.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.web.WebTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Identification over the whole real ESCO 1.1.1 in the shared test context, through the API other
 * modules use, the HTTP API, the page and the evaluation harness. Lexical engine only (the test
 * configuration switches embeddings off; SemanticIndexTest covers them). What a few concepts
 * suffice for runs in the module slice, {@link IdentificationModuleTest}.
 */
class IdentificationIntegrationTest extends WebTestBase {

  /** ESCO's "project management" / "projektinhallinta". */
  static final String PROJECT_MANAGEMENT =
      "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388";

  @Autowired IdentificationApi identification;
  @Autowired IdentificationEvaluation evaluation;

  @Test
  void aFinnishInflectedCompoundAndEnglishWordsGiveTheSameSkill() {
    String fi = "Vastasin projektinhallinnasta ja asiakaspalvelusta kolme vuotta.";
    Identification finnish = identification.identify(fi, null, IdentifyOptions.defaults());
    IdentifiedConcept pm = find(finnish.skills(), PROJECT_MANAGEMENT);
    assertThat(pm.reason()).isEqualTo(MatchReason.MORPHOLOGICAL);
    assertThat(pm.label().text()).isEqualTo("projektinhallinta");
    assertThat(pm.label().language()).isEqualTo(Language.FI);
    assertThat(pm.evidence()).extracting(Evidence::text).contains("projektinhallinnasta");
    assertThat(finnish.sentences())
        .extracting(Identification.Sentence::language)
        .containsOnly(Language.FI);

    String en = "I was responsible for project management for three years.";
    Identification english = identification.identify(en, null, IdentifyOptions.defaults());
    IdentifiedConcept same = find(english.skills(), PROJECT_MANAGEMENT);
    assertThat(same.reason()).isEqualTo(MatchReason.LITERAL);
    assertThat(same.label().text()).isEqualTo("project management");
    assertThat(same.evidence()).extracting(Evidence::text).containsExactly("project management");
  }

  @Test
  void suggestsOccupationsFromTitlesInEveryLanguage() {
    Identification sv =
        identification.identify(
            "Jag har arbetat som systemutvecklare i fem år.", null, IdentifyOptions.defaults());
    assertThat(sv.occupations()).isNotEmpty();
    assertThat(sv.occupations().getFirst().label().text()).containsIgnoringCase("systemutvecklare");
    assertThat(sv.occupations().getFirst().evidence())
        .extracting(Evidence::text)
        .contains("systemutvecklare");
  }

  @Test
  void randomJunkOverAllOfEscoNeitherCrashesNorSlowsDown() {
    java.util.Random random = new java.util.Random(77);
    long started = System.nanoTime();
    for (int i = 0; i < 40; i++) {
      StringBuilder b = new StringBuilder();
      int length = random.nextInt(3_000);
      for (int k = 0; k < length; k++) {
        // Mostly letters of several scripts and spaces, with controls and markup thrown in.
        int kind = random.nextInt(10);
        b.append(
            kind < 4
                ? (char) ('a' + random.nextInt(26))
                : kind < 6
                    ? ' '
                    : kind < 8
                        ? (char) random.nextInt(0x3000)
                        : "<p>&amp;\u0000ä".charAt(random.nextInt(9)));
      }
      String text = b.toString();
      Identification result = identification.identify(text, null, IdentifyOptions.defaults());
      for (IdentifiedConcept c : result.skills()) {
        assertThat(c.score()).isBetween(0.0, 1.0);
        for (Evidence e : c.evidence()) {
          assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
        }
      }
    }
    StringBuilder junk = new StringBuilder();
    for (int k = 0; k < IdentificationApi.MAX_TEXT_LENGTH; k++) {
      junk.append((char) random.nextInt(0x10000));
    }
    long junkStarted = System.nanoTime();
    identification.identify(junk.toString(), null, IdentifyOptions.defaults());
    assertThat((System.nanoTime() - junkStarted) / 1e9).as("50,000 junk characters").isLessThan(5);
    assertThat((System.nanoTime() - started) / 1e9).isLessThan(60);
  }

  @Test
  void theHttpApiAnswersWithEvidenceAndReasons() throws Exception {
    mvc.perform(
            post("/api/v1/identification")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"text\":\"Osaan projektinhallinnan ja Javan.\",\"language\":\"fi\","
                        + "\"limit\":5}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.language").value("fi"))
        .andExpect(jsonPath("$.skills[*].uri", hasItem(PROJECT_MANAGEMENT)))
        .andExpect(jsonPath("$.skills[0].evidence[0].start").isNumber())
        .andExpect(jsonPath("$.skills[0].reason").isString());
  }

  @Test
  void theHttpApiRefusesTooLongTextsAndUnknownLanguages() throws Exception {
    String tooLong = "a".repeat(IdentificationApi.MAX_TEXT_LENGTH + 1);
    mvc.perform(
            post("/api/v1/identification")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"" + tooLong + "\"}"))
        .andExpect(status().isContentTooLarge())
        .andExpect(jsonPath("$.detail", containsString("50000")));
    mvc.perform(
            post("/api/v1/identification")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Java\",\"language\":\"xx\"}"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void theHttpApiLimitsEachClient() throws Exception {
    int allowed = 0;
    long started = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      int code =
          mvc.perform(
                  post("/api/v1/identification")
                      .with(
                          request -> {
                            request.setRemoteAddr("192.0.2.77");
                            return request;
                          })
                      .contentType(MediaType.APPLICATION_JSON)
                      .content("{\"text\":\"\"}"))
              .andReturn()
              .getResponse()
              .getStatus();
      if (code != 200) {
        assertThat(code).isEqualTo(429);
        break;
      }
      allowed++;
    }
    // The bucket holds 60 and refills one a second, so a slow machine earns a request for each
    // second the loop took; a limiter that let everything through would reach 100.
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    assertThat(allowed).isBetween(60, 61 + (int) seconds);
    mvc.perform(
            post("/api/v1/identification")
                .with(
                    request -> {
                      request.setRemoteAddr("192.0.2.77");
                      return request;
                    })
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"\"}"))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"));
  }

  @Test
  void theIdentifyPageTakesAFormPostWithItsCsrfTokenOnly() throws Exception {
    var form = mvc.perform(get("/identify")).andExpect(status().isOk()).andReturn();
    String html = form.getResponse().getContentAsString();
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(token.find()).as("the form carries a CSRF token").isTrue();
    // Sessions live in PostgreSQL (Spring Session): the session is the cookie, not MockMvc's own.
    jakarta.servlet.http.Cookie session = form.getResponse().getCookie("JSESSIONID");
    assertThat(session).as("the form's session cookie").isNotNull();
    mvc.perform(
            post("/identify")
                .cookie(session)
                .param("_csrf", token.group(1))
                .param("text", "Osaan projektinhallinnan.")
                .param("lang", "fi"))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(containsString("<mark>projektinhallinnan</mark>")));
    mvc.perform(post("/identify").param("text", "Osaan projektinhallinnan."))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/identify")
                .cookie(session)
                .param("_csrf", token.group(1))
                .param("text", "x".repeat(IdentificationApi.MAX_TEXT_LENGTH + 1)))
        .andExpect(status().isContentTooLarge());
  }

  @Test
  void theApiIsDocumented() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/identification'].post").exists());
  }

  @Test
  void iscoEvaluationReadsTheJobMarketFormat(@TempDir Path dir) throws Exception {
    Path jsonl = dir.resolve("mini.jsonl");
    Files.write(
        jsonl,
        List.of(
            "{\"language\":\"fi\",\"professionCode\":\"22221\",\"requirementsText\":"
                + "\"<p>Sairaanhoitajan työssä tarvitaan potilaiden hoitamisen taitoja.</p>\"}",
            "{\"language\":\"fi\",\"professionCode\":\"25121\",\"requirementsText\":"
                + "\"<p>Ohjelmistokehittäjä osaa ohjelmoida ja testata ohjelmistoja.</p>\"}",
            "{\"language\":\"fi\",\"professionCode\":\"\",\"requirementsText\":\"x\"}"));
    Benchmark.Report report = evaluation.finnishIscoGroups(jsonl, ImportProgress.silent());
    assertThat(report.metrics()).containsEntry("n", 2);
    // The nurse's requirements name the occupation; the developer's only describe the work.
    assertThat((Double) report.metrics().get("accuracy@5")).isBetween(0.5, 1.0);
    assertThat(report.markdown()).contains("1 without");
  }

  private static IdentifiedConcept find(List<IdentifiedConcept> concepts, String uri) {
    return concepts.stream()
        .filter(c -> c.uri().value().equals(uri))
        .findFirst()
        .orElseThrow(() -> new AssertionError(uri + " not among " + concepts));
  }
}
