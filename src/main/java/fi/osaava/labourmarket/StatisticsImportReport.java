package fi.osaava.labourmarket;

import java.util.List;
import java.util.Map;

/**
 * What a statistics import read.
 *
 * @param rows rows stored per dataset (file name or boundary level)
 * @param unmatched per dataset, the names that matched no code, with how many rows carry each; the
 *     rows are kept with an empty code, never dropped
 */
public record StatisticsImportReport(
    Map<String, Integer> rows, Map<String, List<String>> unmatched, long millis) {

  public StatisticsImportReport {
    rows = Map.copyOf(rows);
    unmatched = Map.copyOf(unmatched);
  }

  /**
   * The statistics' (series, occupation indicators, boundaries) name in {@link
   * fi.osaava.platform.DataChanged}.
   */
  public static final String DATASET = "labour-market-statistics";
}
