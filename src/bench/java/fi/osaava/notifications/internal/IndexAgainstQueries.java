package fi.osaava.notifications.internal;

import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.PageLatency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run of the saved-search benchmarks: the saved searches evaluated against a batch of new items
 * through the inverted {@link AlertIndex} and, as the baseline, each search run as a query over the
 * batch, in the same run on the same data. Both must find the same (search, item) pairs: each side
 * keeps their number and an order-free fingerprint (the sum of a 64-bit mix of each pair), not the
 * pairs themselves, which at millions of pairs would cost more memory and time than the matching.
 *
 * @param buildSeconds filing every search in the index
 * @param matchSeconds looking up every item of the batch
 * @param baselineSeconds every search evaluated against every item
 * @param pairs the (search, item) pairs the index found
 * @param samePairs whether the baseline found exactly those pairs
 * @param loadBefore the system's load average before the run (the machine is shared)
 * @param loadAfter and after it
 */
record IndexAgainstQueries(
    double buildSeconds,
    double matchSeconds,
    double baselineSeconds,
    long pairs,
    boolean samePairs,
    double loadBefore,
    double loadAfter) {

  /**
   * @param anchorFacets the facets the index files searches without words under, as the listener
   *     builds it
   */
  static IndexAgainstQueries run(
      List<SavedQuery> searches,
      List<AlertIndex.Item> items,
      List<String> anchorFacets,
      ImportProgress progress) {
    long itemCount = items.size();
    double loadBefore = PageLatency.load();
    long started = System.nanoTime();
    AlertIndex<Integer> index = new AlertIndex<>(anchorFacets);
    for (int i = 0; i < searches.size(); i++) {
      index.add(i, searches.get(i));
    }
    long indexed = System.nanoTime();
    long invertedPairs = 0;
    long invertedPrint = 0;
    for (int item = 0; item < items.size(); item++) {
      for (int search : index.matches(items.get(item))) {
        invertedPairs++;
        invertedPrint += mix(search * itemCount + item);
      }
    }
    long inverted = System.nanoTime();
    progress.report("inverted index done; running each search as a query");

    long baselineStarted = System.nanoTime();
    long baselinePairs = 0;
    long baselinePrint = 0;
    for (int search = 0; search < searches.size(); search++) {
      SavedQuery query = searches.get(search);
      for (int item = 0; item < items.size(); item++) {
        AlertIndex.Item candidate = items.get(item);
        if (query.matches(candidate.words(), candidate.facets())) {
          baselinePairs++;
          baselinePrint += mix(search * itemCount + item);
        }
      }
    }
    long baseline = System.nanoTime();
    return new IndexAgainstQueries(
        (indexed - started) / 1e9,
        (inverted - indexed) / 1e9,
        (baseline - baselineStarted) / 1e9,
        invertedPairs,
        invertedPairs == baselinePairs && invertedPrint == baselinePrint,
        loadBefore,
        PageLatency.load());
  }

  /** The pairs found, the conditions and the table of times, for the report's markdown. */
  String markdown(String item) {
    return String.format(
        Locale.ROOT,
        """
        Both methods find %,d (search, %s) pairs; the same pairs: %s. Load average %.2f before \
        and %.2f after, on %d cores (a shared machine).

        | method | time |
        |---|---:|
        | inverted index (build) | %.2f s |
        | inverted index (match the batch) | %.2f s |
        | inverted index (total) | %.2f s |
        | each search as a query over the batch | %.2f s |
        """,
        pairs,
        item,
        samePairs ? "yes" : "NO",
        loadBefore,
        loadAfter,
        Runtime.getRuntime().availableProcessors(),
        buildSeconds,
        matchSeconds,
        indexSeconds(),
        baselineSeconds);
  }

  /** The figures for the report's JSON line, added to the benchmark's own. */
  void addMetrics(Map<String, Object> metrics) {
    metrics.put("pairs", pairs);
    metrics.put("samePairs", samePairs);
    metrics.put("invertedSeconds", indexSeconds());
    metrics.put("baselineSeconds", baselineSeconds);
    metrics.put("loadAverage", loadBefore);
  }

  /** SplitMix64's finaliser: a pair's bits spread, so that different sets of pairs sum apart. */
  private static long mix(long pair) {
    long z = pair + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  double indexSeconds() {
    return buildSeconds + matchSeconds;
  }
}
