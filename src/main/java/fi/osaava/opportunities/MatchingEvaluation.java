package fi.osaava.opportunities;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;

/**
 * {@code ./osaava evaluate matching}: occupation recall and learning-path quality on ground truth
 * derived from ESCO, Osaava next to its baselines in the same run (see {@code docs/matching.md}).
 */
public interface MatchingEvaluation {

  /**
   * @param occupations how many occupations the recall task samples (500 in the issue)
   * @param goals how many goals the path task samples (200 in the issue)
   * @param budget the credit budget of a path (60 in the issue)
   * @param seed the sampling seed
   */
  Benchmark.Report evaluate(
      int occupations, int goals, double budget, long seed, ImportProgress progress);
}
