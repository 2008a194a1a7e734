package fi.osaava.recommendations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.recommendations.internal.CombinedRanking.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The combined ranking rule (docs/services.md): a worked example, and seeded random lists checked
 * against the rule's properties as an oracle.
 */
class CombinedRankingTest {

  record Item(Kind kind, int tier, int order) implements CombinedRanking.Ranked {}

  @Test
  void localServicesAndGapOfferingsComeFirstAndKindsTakeTurns() {
    List<Item> items =
        List.of(
            new Item(Kind.SERVICE, CombinedRanking.serviceTier(4), 0),
            new Item(Kind.SERVICE, CombinedRanking.serviceTier(3), 1),
            new Item(Kind.SERVICE, CombinedRanking.serviceTier(2), 2),
            new Item(Kind.SERVICE, CombinedRanking.serviceTier(1), 3),
            new Item(Kind.OFFERING, CombinedRanking.offeringTier(true), 0),
            new Item(Kind.OFFERING, CombinedRanking.offeringTier(false), 1),
            new Item(Kind.OCCUPATION, CombinedRanking.OCCUPATION_TIER, 0),
            new Item(Kind.OCCUPATION, CombinedRanking.OCCUPATION_TIER, 1));
    assertThat(CombinedRanking.rank(items))
        .extracting(i -> i.kind() + "-" + i.order())
        .containsExactly(
            // Tier 1: the municipality's service, the gap offering, the region's service.
            "SERVICE-0",
            "OFFERING-0",
            "SERVICE-1",
            // Tier 2: country-wide service, other offering, occupations in turn.
            "SERVICE-2",
            "OFFERING-1",
            "OCCUPATION-0",
            "OCCUPATION-1",
            // Tier 3: the general description.
            "SERVICE-3");
  }

  @Test
  void randomListsKeepEachKindsOrderAndTheTiers() {
    SplittableRandom random = new SplittableRandom(17);
    for (int round = 0; round < 500; round++) {
      List<Item> items = new ArrayList<>();
      int[] next = new int[Kind.values().length];
      int size = random.nextInt(30);
      for (int n = 0; n < size; n++) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        items.add(new Item(kind, 1 + random.nextInt(3), next[kind.ordinal()]++));
      }
      List<Item> ranked = CombinedRanking.rank(items);
      assertThat(ranked).as("a permutation").containsExactlyInAnyOrderElementsOf(items);
      for (int i = 1; i < ranked.size(); i++) {
        Item before = ranked.get(i - 1);
        Item after = ranked.get(i);
        assertThat(after.tier()).as("tiers never go back").isGreaterThanOrEqualTo(before.tier());
      }
      for (Kind kind : Kind.values()) {
        // Within a tier each kind keeps the order it came in.
        for (int tier = 1; tier <= 3; tier++) {
          int t = tier;
          List<Integer> came =
              items.stream()
                  .filter(i -> i.kind() == kind && i.tier() == t)
                  .map(Item::order)
                  .toList();
          List<Integer> went =
              ranked.stream()
                  .filter(i -> i.kind() == kind && i.tier() == t)
                  .map(Item::order)
                  .toList();
          assertThat(went).isEqualTo(came);
        }
      }
      // Turns: within a tier, a kind appears twice in a row only when every kind that comes
      // after it in the turn order, and before it, has run out in that tier.
      for (int i = 1; i < ranked.size(); i++) {
        Item before = ranked.get(i - 1);
        Item after = ranked.get(i);
        if (before.tier() == after.tier() && before.kind() == after.kind()) {
          int tier = after.tier();
          long othersLeft =
              ranked.subList(i, ranked.size()).stream()
                  .filter(x -> x.tier() == tier && x.kind() != after.kind())
                  .count();
          assertThat(othersLeft).as("round " + round + " position " + i).isZero();
        }
      }
    }
  }
}
