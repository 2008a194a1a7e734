package fi.osaava.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

  @Test
  void computesRPrecisionMrrAndMapByHand() {
    RankingMetrics m = new RankingMetrics();
    // Gold {a, b}: a at rank 2, b at rank 7.
    m.add(List.of("x", "a", "y", "z", "w", "v", "b"), Set.of("a", "b"));
    // Gold {c}: not ranked at all.
    m.add(List.of("x", "y"), Set.of("c"));
    // No gold: ignored.
    m.add(List.of("x"), Set.of());
    assertThat(m.n()).isEqualTo(2);
    // RP@5: (1/2 + 0/1) / 2; RP@10: (2/2 + 0) / 2.
    assertThat(m.rp5()).isCloseTo(0.25, within(1e-9));
    assertThat(m.rp10()).isCloseTo(0.5, within(1e-9));
    assertThat(m.mrr()).isCloseTo((0.5 + 0) / 2, within(1e-9));
    // AP: (1/2 + 2/7) / 2 for the first, 0 for the second.
    assertThat(m.map()).isCloseTo(((0.5 + 2.0 / 7) / 2) / 2, within(1e-9));
    assertThat(m.recall10()).isCloseTo(0.5, within(1e-9));
    assertThat(m.accuracy1()).isZero();
    assertThat(m.accuracy5()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void rPrecisionDividesByTheSmallerOfKAndGold() {
    assertThat(RankingMetrics.rPrecision(List.of(1, 2, 3), Set.of(1, 2, 3, 4, 5, 6, 7), 5))
        .isCloseTo(3.0 / 5, within(1e-9));
    assertThat(RankingMetrics.rPrecision(List.of(9, 1), Set.of(1), 5)).isEqualTo(1.0);
  }
}
