package fi.osaava.regionalintelligence.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The complementary suppression {@link Suppression} used until December 2026, kept as the named
 * baseline of {@link MobilitySuppressionBenchmark}: after every single figure hidden, a full
 * elimination finds the first figure still pinned, and the smallest published figure of any sum it
 * is in is hidden next, whether or not that sum is the one that pins it.
 */
final class EarlierSuppression {

  private EarlierSuppression() {}

  static boolean[] suppress(long[] values, List<Suppression.Relation> relations, int minimum) {
    int n = values.length;
    boolean[] suppressed = new boolean[n];
    for (int i = 0; i < n; i++) {
      suppressed[i] = values[i] < minimum;
    }
    List<List<Integer>> relationsOf = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      relationsOf.add(new ArrayList<>());
    }
    for (int r = 0; r < relations.size(); r++) {
      for (int v : Suppression.members(relations.get(r))) {
        relationsOf.get(v).add(r);
      }
    }
    while (true) {
      boolean[] determined = Suppression.determined(suppressed, relations, n);
      boolean any = false;
      int hide = -1;
      for (int v = 0; v < n && hide < 0; v++) {
        if (!determined[v]) {
          continue;
        }
        any = true;
        for (int r : relationsOf.get(v)) {
          for (int w : Suppression.members(relations.get(r))) {
            if (!suppressed[w] && (hide < 0 || values[w] < values[hide])) {
              hide = w;
            }
          }
        }
      }
      if (!any) {
        return suppressed;
      }
      if (hide < 0) {
        Arrays.fill(suppressed, true);
        return suppressed;
      }
      suppressed[hide] = true;
    }
  }
}
