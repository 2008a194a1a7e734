package fi.osaava.regionalintelligence;

import java.util.UUID;

/** Labelled synthetic survey responses, for demonstrations and scale tests. */
public interface SyntheticSurveys {

  /**
   * Stores a synthetic survey (labelled so in its titles) with {@code count} submitted responses of
   * companies with random backgrounds, closes it and publishes its results; the same seed gives the
   * same answers. The companies name the most demanded skills of the job ads, where there are ads.
   */
  Generated generateSurveyResponses(int count, long seed, String organisation);

  /** What {@link #generateSurveyResponses} stored. */
  record Generated(UUID survey, int responses) {}
}
