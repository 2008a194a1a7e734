package fi.osaava.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.education.internal.SkillBackfill;
import fi.osaava.education.internal.bench.EducationQueryLogEvaluation;
import fi.osaava.education.internal.bench.EducationQueryLogEvaluation.LoggedQuery;
import fi.osaava.education.internal.bench.EducationQueryLogEvaluation.Rates;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.web.WebTestBase;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The zero-result evaluation ({@code ./osaava evaluate education-queries}) on a fixture query log,
 * against the real catalogue in the shared test context: the baseline (no synonyms) and the search
 * with synonyms are counted per language in one run, and a malformed log is refused with its line.
 */
class EducationQueryLogEvaluationTest extends WebTestBase {

  @Autowired EducationCatalogue catalogue;
  @Autowired SkillBackfill backfill;
  @Autowired EducationQueryLogEvaluation evaluation;

  @BeforeEach
  void importCatalogue() {
    EducationTestData.ensureImported(catalogue);
    backfill.runToCompletion();
  }

  private static Path fixture() throws URISyntaxException {
    return Path.of(
        EducationQueryLogEvaluationTest.class
            .getResource("/fi/osaava/education/education-queries-fixture.txt")
            .toURI());
  }

  @Test
  void countsZeroResultsPerLanguageWithoutAndWithSynonyms() throws Exception {
    List<LoggedQuery> queries = EducationQueryLogEvaluation.read(fixture());
    assertThat(queries).hasSize(5);
    assertThat(queries.get(1)).isEqualTo(new LoggedQuery(3, Language.SV, "sjuksköterska"));

    List<EducationQueryLogEvaluation.RelatedAnswer> answers = new java.util.ArrayList<>();
    Map<String, Rates> rates = evaluation.evaluate(queries, answers);

    assertThat(rates.get("sv").queries()).isEqualTo(2);
    assertThat(rates.get("sv").baselineZero()).containsExactly("sjuksköterska");
    assertThat(rates.get("sv").synonymsZero()).isEmpty();
    assertThat(rates.get("fi").baselineZero()).isEmpty();
    assertThat(rates.get("en").baselineZero()).containsExactly("qxzvkw plorbt");
    assertThat(rates.get("en").synonymsZero()).containsExactly("qxzvkw plorbt");
    assertThat(rates.get("all").queries()).isEqualTo(5);
    assertThat(rates.get("all").baselineRate()).isEqualTo(0.4);
    assertThat(rates.get("all").synonymsRate()).isEqualTo(0.2);
    // Nonsense names no occupation or skill: the fallback has nothing to offer either.
    assertThat(rates.get("en").noAnswer()).containsExactly("qxzvkw plorbt");
    assertThat(answers).isEmpty();
  }

  @Test
  void reportsBothRatesAsABenchmark() throws Exception {
    Benchmark.Report report =
        evaluation.run(Map.of("file", fixture().toString()), ImportProgress.silent());
    assertThat(report.metrics())
        .containsEntry("sv_baseline_zero_rate", 0.5)
        .containsEntry("sv_synonyms_zero_rate", 0.0)
        .containsEntry("all_queries", 5);
    assertThat(report.markdown()).contains("| sv | 2 | 1 (50.0 %) | 0 (0.0 %) | 0 (0.0 %) |");
  }

  @Test
  void refusesAMalformedLogNamingTheLine(@TempDir Path dir) throws IOException {
    Path log = dir.resolve("queries.txt");
    Files.writeString(log, "# comment\nfi\tsairaanhoitaja\nde\tKrankenpfleger\n");
    assertThatThrownBy(() -> EducationQueryLogEvaluation.read(log))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("queries.txt, line 3")
        .hasMessageContaining("language");
    Files.writeString(log, "sairaanhoitaja\n");
    assertThatThrownBy(() -> EducationQueryLogEvaluation.read(log))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 1");
  }
}
