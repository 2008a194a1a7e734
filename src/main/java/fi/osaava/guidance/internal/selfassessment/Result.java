package fi.osaava.guidance.internal.selfassessment;

import fi.osaava.guidance.internal.selfassessment.SelfAssessmentCatalogue.Area;
import java.time.Instant;
import java.util.List;

/**
 * A self-assessment scored: each area's mean (1 to 5) and band, and the weakest areas, for which
 * the result page suggests exercises, services and offerings.
 */
public record Result(
    Version version, Instant completedAt, List<AreaScore> scores, List<AreaScore> weakest) {

  /**
   * One area's score.
   *
   * @param mean the mean of the area's answers, 1 to 5
   * @param band {@code low} (below 2.5), {@code mid} (below 3.75) or {@code high}
   */
  public record AreaScore(Area area, double mean, String band) {

    /** The mean with one decimal, as shown in tables and the chart. */
    public double rounded() {
      return Math.round(mean * 10) / 10.0;
    }
  }

  /** How many of the lowest areas get suggestions. */
  static final int WEAKEST = 2;

  /** The areas scored, the weakest two (ties in area order) first among the suggestions. */
  static Result of(Version version, Instant completedAt, List<AreaScore> scores) {
    List<AreaScore> weakest =
        scores.stream()
            .sorted(java.util.Comparator.comparingDouble(AreaScore::mean))
            .limit(WEAKEST)
            .toList();
    return new Result(version, completedAt, scores, weakest);
  }

  static String band(double mean) {
    if (mean < 2.5) {
      return "low";
    }
    return mean < 3.75 ? "mid" : "high";
  }
}
