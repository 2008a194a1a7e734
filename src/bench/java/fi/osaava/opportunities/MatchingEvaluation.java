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

  /**
   * Occupation matching on work-history texts in JSON lines ({@code {"text": …, "lang": …,
   * "accepted": [ESCO occupation URI, …]}}), through identification and matching as the API runs
   * them: success@10 and MRR per language, next to the plain-overlap baseline and identification's
   * own occupation suggestions.
   */
  Benchmark.Report workHistories(java.nio.file.Path file, ImportProgress progress);
}
