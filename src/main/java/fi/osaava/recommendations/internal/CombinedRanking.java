package fi.osaava.recommendations.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;

/**
 * The rule that orders services, offerings and occupations in one list (docs/services.md,
 * "Recommendations from the profile"). Each kind arrives in its own module's order, which this rule
 * keeps; it only decides how the kinds meet:
 *
 * <ol>
 *   <li>Tier 1, nearest to the person: providers' services given in their municipality or region
 *       (the services' ranks 4 and 3), and offerings that teach at least one essential skill their
 *       goal needs and they lack.
 *   <li>Tier 2: providers' services for the whole country or online (or anywhere, when no
 *       municipality is chosen), the other offerings (teaching optional gap skills, or without a
 *       goal skills new to the person), and the occupations their skills match.
 *   <li>Tier 3: general service descriptions, which say what exists rather than who gives it.
 * </ol>
 *
 * Within a tier the kinds take turns, service, offering, occupation, so that no kind buries the
 * others; a kind with nothing left in the tier gives its turn to the next.
 */
public final class CombinedRanking {

  private CombinedRanking() {}

  /** What the rule needs of an item: its kind and tier. */
  public interface Ranked {
    Kind kind();

    int tier();
  }

  /** The kinds, in the order they take turns within a tier. */
  public enum Kind {
    SERVICE,
    OFFERING,
    OCCUPATION
  }

  static int serviceTier(int serviceRank) {
    return serviceRank >= 3 ? 1 : serviceRank == 2 ? 2 : 3;
  }

  static int offeringTier(boolean teachesEssentialGapSkill) {
    return teachesEssentialGapSkill ? 1 : 2;
  }

  static final int OCCUPATION_TIER = 2;

  /**
   * The items in the rule's order.
   *
   * @param items each kind's items in that kind's own order (other kinds may be interleaved)
   */
  static <T extends Ranked> List<T> rank(List<T> items) {
    List<T> byTier = new ArrayList<>(items);
    // A stable sort: within a tier each kind keeps the order it came in.
    byTier.sort(Comparator.comparingInt(Ranked::tier));
    List<T> out = new ArrayList<>(items.size());
    int i = 0;
    while (i < byTier.size()) {
      int tier = byTier.get(i).tier();
      List<Queue<T>> queues = new ArrayList<>();
      for (int k = 0; k < Kind.values().length; k++) {
        queues.add(new ArrayDeque<>());
      }
      int left = 0;
      for (; i < byTier.size() && byTier.get(i).tier() == tier; i++) {
        queues.get(byTier.get(i).kind().ordinal()).add(byTier.get(i));
        left++;
      }
      while (left > 0) {
        for (Queue<T> queue : queues) {
          T next = queue.poll();
          if (next != null) {
            out.add(next);
            left--;
          }
        }
      }
    }
    return out;
  }
}
