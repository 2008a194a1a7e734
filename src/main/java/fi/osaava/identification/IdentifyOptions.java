package fi.osaava.identification;

/**
 * How much to return and which signals to use.
 *
 * @param limit at most this many skills, and as many occupations
 * @param threshold suggestions whose confidence is below this are left out; 0 keeps all
 * @param semantic whether to use sentence embeddings (English) besides lexical matching
 * @param occupations whether to suggest occupations as well as skills
 * @param labelLanguage the language of the labels returned; null for the text's language
 */
public record IdentifyOptions(
    int limit,
    double threshold,
    boolean semantic,
    boolean occupations,
    fi.osaava.platform.Language labelLanguage) {

  /** The threshold the page and the API use: tuned so that about half of the shown are right. */
  public static final double DEFAULT_THRESHOLD = 0.35;

  public IdentifyOptions {
    limit = Math.clamp(limit, 1, 200);
    threshold = Math.clamp(threshold, 0.0, 1.0);
  }

  public static IdentifyOptions defaults() {
    return new IdentifyOptions(20, DEFAULT_THRESHOLD, true, true, null);
  }

  /** Ranked lists for evaluation: {@code limit} of each, nothing cut by the threshold. */
  public static IdentifyOptions ranking(int limit) {
    return new IdentifyOptions(limit, 0.0, true, true, null);
  }

  public IdentifyOptions withLimit(int newLimit) {
    return new IdentifyOptions(newLimit, threshold, semantic, occupations, labelLanguage);
  }

  public IdentifyOptions withThreshold(double newThreshold) {
    return new IdentifyOptions(limit, newThreshold, semantic, occupations, labelLanguage);
  }

  public IdentifyOptions withLabelLanguage(fi.osaava.platform.Language language) {
    return new IdentifyOptions(limit, threshold, semantic, occupations, language);
  }

  public IdentifyOptions withSemantic(boolean useSemantic) {
    return new IdentifyOptions(limit, threshold, useSemantic, occupations, labelLanguage);
  }
}
