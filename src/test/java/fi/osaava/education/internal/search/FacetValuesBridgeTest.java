package fi.osaava.education.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The combined facet field's "open now" value, indexed from an implementation's application period
 * at the moment of indexing: seeded random periods and moments, many of them on a period's edges,
 * against the definition the nested query used (open from the start inclusive to the end
 * exclusive).
 */
class FacetValuesBridgeTest {

  @Test
  void aPeriodIsIndexedAsOpenExactlyWhileTheClockIsInIt() {
    Random random = new Random(20261208L);
    int open = 0;
    for (int round = 0; round < 5_000; round++) {
      long start = 1_700_000_000_000L + random.nextLong(100_000_000_000L);
      long end = start + random.nextLong(random.nextBoolean() ? 3 : 90L * 24 * 3_600_000);
      long now =
          switch (random.nextInt(7)) {
            case 0 -> start - 1;
            case 1 -> start;
            case 2 -> start + 1;
            case 3 -> end - 1;
            case 4 -> end;
            case 5 -> end + 1;
            default -> start - 30L * 24 * 3_600_000 + random.nextLong(150L * 24 * 3_600_000);
          };
      FacetValuesBridge bridge =
          new FacetValuesBridge(
              new RegionCodeBridge(null), Clock.fixed(Instant.ofEpochMilli(now), ZoneOffset.UTC));
      String value =
          bridge.toIndexedValue(
              FacetValuesBridge.applicationPeriod(
                  Instant.ofEpochMilli(start), Instant.ofEpochMilli(end)),
              null);
      boolean expected = start <= now && now < end;
      assertThat(value)
          .as("period %d–%d at %d", start, end, now)
          .isEqualTo(expected ? FacetValuesBridge.OPEN_NOW : null);
      open += expected ? 1 : 0;
    }
    // Both outcomes were tried, many times.
    assertThat(open).isBetween(1_000, 4_000);
  }

  @Test
  void otherValuesPassAsTheyAre() {
    FacetValuesBridge bridge = new FacetValuesBridge(new RegionCodeBridge(null), Clock.systemUTC());
    assertThat(bridge.toIndexedValue(Facet.LEVEL.combined("MOOC"), null)).isEqualTo("level:MOOC");
    assertThat(bridge.toIndexedValue(null, null)).isNull();
  }
}
