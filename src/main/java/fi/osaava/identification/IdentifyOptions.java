package fi.osaava.identification;

import org.jspecify.annotations.Nullable;

/**
 * How much to return and which signals to use.
 *
 * @param limit at most this many skills, and as many occupations
 * @param threshold suggestions whose confidence is below this are left out; 0 keeps all
 * @param semantic whether to use sentence embeddings (English) besides lexical matching
 * @param occupations whether to suggest occupations as well as skills
 * @param labelLanguage the language of the labels returned; null for the text's language
 * @param minimum when fewer than this many reach the threshold, the best below it fill the list up
 *     to this many, each marked as not confident; 0 shows only those above the threshold
 */
public record IdentifyOptions(
    int limit,
    double threshold,
    boolean semantic,
    boolean occupations,
    fi.osaava.platform.@Nullable Language labelLanguage,
    int minimum) {

  /** How many suggestions a text gets at least, the unsure ones marked as such. */
  public static final int DEFAULT_MINIMUM = 5;

  /** The threshold the page and the API use: tuned so that about half of the shown are right. */
  public static final double DEFAULT_THRESHOLD = 0.35;

  public IdentifyOptions {
    limit = Math.clamp(limit, 1, 200);
    threshold = Math.clamp(threshold, 0.0, 1.0);
    minimum = Math.clamp(minimum, 0, limit);
  }

  /** Only suggestions above the threshold: for callers that store them rather than show them. */
  public IdentifyOptions(
      int limit,
      double threshold,
      boolean semantic,
      boolean occupations,
      fi.osaava.platform.@Nullable Language labelLanguage) {
    this(limit, threshold, semantic, occupations, labelLanguage, 0);
  }

  public static IdentifyOptions defaults() {
    return new IdentifyOptions(20, DEFAULT_THRESHOLD, true, true, null, DEFAULT_MINIMUM);
  }

  /** Ranked lists for evaluation: {@code limit} of each, nothing cut by the threshold. */
  public static IdentifyOptions ranking(int limit) {
    return new IdentifyOptions(limit, 0.0, true, true, null);
  }

  public IdentifyOptions withLimit(int newLimit) {
    return new IdentifyOptions(newLimit, threshold, semantic, occupations, labelLanguage, minimum);
  }

  public IdentifyOptions withThreshold(double newThreshold) {
    return new IdentifyOptions(limit, newThreshold, semantic, occupations, labelLanguage, minimum);
  }

  public IdentifyOptions withLabelLanguage(fi.osaava.platform.@Nullable Language language) {
    return new IdentifyOptions(limit, threshold, semantic, occupations, language, minimum);
  }

  public IdentifyOptions withSemantic(boolean useSemantic) {
    return new IdentifyOptions(limit, threshold, useSemantic, occupations, labelLanguage, minimum);
  }

  /** Only what reaches the threshold, with no low-confidence fill. */
  public IdentifyOptions withMinimum(int newMinimum) {
    return new IdentifyOptions(limit, threshold, semantic, occupations, labelLanguage, newMinimum);
  }
}
