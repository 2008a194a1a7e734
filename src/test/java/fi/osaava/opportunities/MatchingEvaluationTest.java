package fi.osaava.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationTestData;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.web.WebTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reduced {@code ./osaava evaluate matching} over real ESCO and the real national catalogue files
 * (imported once into the shared test database): the targets must hold in direction.
 */
class MatchingEvaluationTest extends WebTestBase {

  @Autowired MatchingEvaluation evaluation;
  @Autowired EducationCatalogue catalogue;

  @Test
  void osaavaMeetsTheTargetsAgainstItsBaselines() {
    EducationTestData.ensureImported(catalogue);
    Benchmark.Report report = evaluation.evaluate(150, 40, 60, 7, ImportProgress.silent());
    Map<String, Object> m = report.metrics();
    String why = report.markdown();
    assertThat((double) m.get("recall10")).as(why).isGreaterThanOrEqualTo(0.9);
    assertThat((double) m.get("mrr")).as(why).isGreaterThan((double) m.get("baselineMrr"));
    assertThat(m).as(why).containsKey("pathCoverage");
    assertThat((double) m.get("pathCoverage"))
        .as(why)
        .isGreaterThanOrEqualTo((double) m.get("baselineCoverage"));
    assertThat((double) m.get("coverageAtBaselineCredits"))
        .as(why)
        .isGreaterThanOrEqualTo((double) m.get("baselineCoverage"));
    assertThat((double) m.get("shareHigherCoverage")).as(why).isGreaterThanOrEqualTo(0.3);
  }
}
