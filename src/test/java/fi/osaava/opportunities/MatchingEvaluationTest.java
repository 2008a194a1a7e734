package fi.osaava.opportunities;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reduced {@code ./osaava evaluate matching} through the module's API over the real ESCO graph
 * (in the module slice): the recall target must hold and beat the overlap baseline. Path quality
 * runs only over real offerings with skills; the slice's education answers with none, so the report
 * must say honestly that it did not run (the path targets are checked on a synthetic catalogue in
 * {@code MatchingEngineTest}).
 */
class MatchingEvaluationTest extends OpportunitiesSlice {

  @Autowired MatchingEvaluation evaluation;

  @Test
  void osaavaMeetsTheTargetsAgainstItsBaselines() {
    Benchmark.Report report = evaluation.evaluate(150, 40, 60, 7, ImportProgress.silent());
    Map<String, Object> m = report.metrics();
    String why = report.markdown();
    assertThat((double) m.get("recall10")).as(why).isGreaterThanOrEqualTo(0.9);
    assertThat((double) m.get("mrr")).as(why).isGreaterThan((double) m.get("baselineMrr"));
    assertThat((double) m.get("recall10"))
        .as(why)
        .isGreaterThanOrEqualTo((double) m.get("baselineRecall10"));
    if (m.containsKey("pathCoverage")) {
      assertThat((double) m.get("pathCoverage"))
          .as(why)
          .isGreaterThanOrEqualTo((double) m.get("baselineCoverage"));
      assertThat((double) m.get("coverageAtBaselineCredits"))
          .as(why)
          .isGreaterThanOrEqualTo((double) m.get("baselineCoverage"));
    } else {
      assertThat(why).contains("Path quality: not run");
    }
  }
}
