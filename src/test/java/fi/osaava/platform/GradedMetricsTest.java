package fi.osaava.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The graded scores against figures worked out by hand. */
class GradedMetricsTest {

  @Test
  void scoresOneRankingAgainstItsGrades() {
    GradedMetrics metrics = new GradedMetrics();
    // Judged: a=3, b=2, c=1. Ranked: x (unjudged), b, a.
    metrics.add(List.of("x", "b", "a"), Map.of("a", 3, "b", 2, "c", 1));
    double dcg = 3 / log2(3) + 7 / log2(4);
    double ideal = 7 + 3 / log2(3) + 1 / log2(4);
    assertThat(metrics.ndcg()).isCloseTo(dcg / ideal, within(1e-9));
    assertThat(metrics.mrr()).isCloseTo(0.5, within(1e-9));
    assertThat(metrics.precisionAt5()).isCloseTo(2 / 5.0, within(1e-9));
    assertThat(metrics.recallAt10()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void averagesRecallOnlyOverQueriesThatHaveRelevantItems() {
    GradedMetrics metrics = new GradedMetrics();
    metrics.add(List.of("a"), Map.of("a", 1));
    metrics.add(List.of("b", "x"), Map.of("a", 2, "b", 3));
    assertThat(metrics.queries()).isEqualTo(2);
    assertThat(metrics.recallAt10()).isCloseTo(0.5, within(1e-9));
    assertThat(metrics.precisionAt5()).isCloseTo((0 + 1 / 5.0) / 2, within(1e-9));
    assertThat(metrics.ndcg()).isCloseTo((1 + 7 / (7 + 3 / log2(3))) / 2, within(1e-9));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
