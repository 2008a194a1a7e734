package fi.osaava.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.identification.MatchReason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ranker's partial selection against its oracle, the head of a full stable sort. */
class RankerBestTest {

  @Test
  void bestIsTheHeadOfAStableSortOnRandomListsWithTies() {
    Random random = new Random(20261207L);
    for (int round = 0; round < 2_000; round++) {
      int size = random.nextInt(60);
      // Few distinct scores, so that ties are common and their order is tested.
      int distinct = 1 + random.nextInt(8);
      List<Candidate> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(new Candidate(i, random.nextInt(distinct) / 8.0, MatchReason.RELATED, List.of()));
      }
      int keep = random.nextInt(size + 5);
      List<Candidate> oracle = new ArrayList<>(list);
      oracle.sort(Comparator.comparingDouble(Candidate::score).reversed());
      List<Candidate> expected = oracle.subList(0, Math.min(keep, oracle.size()));

      List<Candidate> best = Ranker.best(new ArrayList<>(list), keep);

      assertThat(best).as("round %d, size %d, keep %d", round, size, keep).isEqualTo(expected);
    }
  }

  @Test
  void inflectionOnlyAcceptsPluralAndGenitiveEndingsOnly() {
    assertThat(LabelIndex.inflectionOnly("nurse", "nurses")).isTrue();
    assertThat(LabelIndex.inflectionOnly("nurses", "nurse")).isTrue();
    assertThat(LabelIndex.inflectionOnly("nurse's", "nurse")).isTrue();
    assertThat(LabelIndex.inflectionOnly("box", "boxes")).isTrue();
    assertThat(LabelIndex.inflectionOnly("manager", "management")).isFalse();
    assertThat(LabelIndex.inflectionOnly("nurse", "nurse")).isFalse();
    assertThat(LabelIndex.inflectionOnly("nurse", "nursed")).isFalse();
    assertThat(LabelIndex.inflectionOnly("nurse", "purses")).isFalse();
  }
}
