package fi.osaava.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.EscoFiles;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.ClientRateLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The identification module alone (a Spring Modulith slice: its own beans, the platform's database
 * and the text module's morphology, no web shell and no taxonomy module), through the API other
 * modules use and the evaluation harness, on a few real ESCO 1.1.1 concepts read straight from the
 * published files. The taxonomy is the one other module's API, answered by a mock from those files,
 * so this context imports nothing. What needs the whole of ESCO (ranking among every concept,
 * occupations by title in every language, junk over all labels) stays in {@link
 * IdentificationIntegrationTest} in the shared context, which has ESCO imported anyway.
 */
@ApplicationModuleTest(
    mode = ApplicationModuleTest.BootstrapMode.STANDALONE,
    extraIncludes = {"platform", "text"})
class IdentificationModuleTest {

  private static final String PROJECT_MANAGEMENT = IdentificationIntegrationTest.PROJECT_MANAGEMENT;

  /**
   * Project management, Java, customer service and budgets; the software developer and the general
   * nurse with their ISCO groups: enough for the statements below, and distractors for each.
   */
  private static final Set<String> SAMPLE =
      Set.of(
          PROJECT_MANAGEMENT,
          "http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389",
          "http://data.europa.eu/esco/skill/15a33d76-4640-438d-ae64-fdc0c1d3eebc",
          "http://data.europa.eu/esco/skill/21c5790c-0930-4d74-b3b0-84caf5af12ea",
          "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1",
          "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50",
          "http://data.europa.eu/esco/isco/C2512",
          "http://data.europa.eu/esco/isco/C2221");

  private static EscoFiles esco;

  @MockitoBean TaxonomyApi taxonomy;

  /**
   * The module's controllers take the web shell's rate limit, which this slice (without the web
   * module) does not provide; they are not called here.
   */
  @MockitoBean ClientRateLimit rateLimit;

  @Autowired IdentificationApi identification;
  @Autowired IdentificationEvaluation evaluation;

  @BeforeAll
  static void readSample() {
    esco = EscoFiles.read(SAMPLE::contains, true);
    assertThat(esco.concepts()).hasSize(SAMPLE.size());
  }

  /** Mocks are reset after each test; the engine, built on first use, is kept by the service. */
  @BeforeEach
  void answerFromTheFiles() {
    esco.answerFor(taxonomy);
  }

  @Test
  void emptyTextGivesAnEmptyResult() {
    Identification result = identification.identify(" \n", null, IdentifyOptions.defaults());
    assertThat(result.skills()).isEmpty();
    assertThat(result.occupations()).isEmpty();
  }

  @Test
  void whenNothingIsSureTheBestFewAreShownMarkedAsUnsure() {
    String text = "Vastasin projektinhallinnasta ja asiakaspalvelusta kolme vuotta.";
    IdentifyOptions strict = IdentifyOptions.defaults().withThreshold(0.999);
    Identification shown = identification.identify(text, Language.FI, strict);
    assertThat(shown.skills()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
    assertThat(shown.skills()).noneMatch(IdentifiedConcept::confident);
    assertThat(shown.skills()).allMatch(c -> !c.evidence().isEmpty());
    assertThat(identification.identify(text, Language.FI, strict.withMinimum(0)).skills())
        .isEmpty();
    assertThat(identification.identify(text, Language.FI, IdentifyOptions.defaults()).skills())
        .filteredOn(IdentifiedConcept::confident)
        .extracting(c -> c.uri().value())
        .contains(PROJECT_MANAGEMENT);
  }

  @Test
  void skillExtractionEvaluationGroupsSentencesAndReportsUnmatchedLabels(@TempDir Path dir)
      throws Exception {
    Path csv = dir.resolve("mini.csv");
    Files.write(
        csv,
        List.of(
            "sentence,span,sub_span,label",
            "We develop in Java and manage projects.,Java,,Java (computer programming)",
            "We develop in Java and manage projects.,develop,,LABEL NOT PRESENT",
            "We develop in Java and manage projects.,manage projects,,project management",
            "Nothing to see here.,x,,no such skill in ESCO",
            "Only underspecified.,y,,UNDERSPECIFIED"));
    Benchmark.Report report = evaluation.skillExtraction(csv, 20, ImportProgress.silent());
    assertThat(report.metrics()).containsEntry("n", 1).containsEntry("unmatched_labels", 1);
    assertThat((Double) report.metrics().get("rp@5")).isEqualTo(1.0);
    assertThat(report.markdown())
        .contains("BM25 over labels (baseline)")
        .contains("no such skill in ESCO");
  }

  @Test
  void skillStatementEvaluationScoresTheApiPathAndNamesBadLines(@TempDir Path dir)
      throws Exception {
    Path jsonl = dir.resolve("statements.jsonl");
    Files.write(
        jsonl,
        List.of(
            "{\"lang\":\"fi\",\"text\":\"Vastasin projektinhallinnasta.\",\"gold\":[\""
                + PROJECT_MANAGEMENT
                + "\"]}",
            "{\"lang\":\"sv\",\"text\":\"Projektledning.\",\"gold\":[\""
                + PROJECT_MANAGEMENT
                + "\"]}",
            "{\"lang\":\"fi\",\"text\":\"Tuntematon.\",\"gold\":[\"http://x/unknown\"]}"));
    Benchmark.Report report =
        evaluation.skillStatements(jsonl, Language.FI, ImportProgress.silent());
    assertThat(report.metrics()).containsEntry("n", 1).containsEntry("api_empty", 0);
    assertThat((Double) report.metrics().get("api_rp@5")).isEqualTo(1.0);
    assertThat(report.markdown()).contains("1 gold URIs unknown").contains("(baseline)");

    Path bad = dir.resolve("bad.jsonl");
    Files.write(bad, List.of("{\"text\":\"x\",\"gold\":[]}", "{\"gold\":[]}"));
    assertThatThrownBy(() -> evaluation.skillStatements(bad, Language.FI, ImportProgress.silent()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.field()).isEqualTo("text");
            });
  }
}
