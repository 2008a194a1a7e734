package fi.osaava.text;

import fi.osaava.text.internal.DefaultFinnishMorphology;
import java.util.List;

/**
 * Finnish morphology: the lemmas (base forms) of a word and the parts of a compound. Backed by
 * Voikko when its native library and Finnish dictionary are installed; otherwise by Lucene's light
 * Finnish stemmer, which gives a stem instead of a lemma and no compound parts. Implementations are
 * thread-safe. Inject the application's instance; {@link #create} is for code outside Spring.
 */
public interface FinnishMorphology {

  /** Analyses one word (no spaces); anything that is not a word yields an unknown analysis. */
  WordAnalysis analyze(String word);

  /** The base forms of {@code word}; empty when unknown. */
  default List<String> lemmas(String word) {
    return analyze(word).lemmas();
  }

  /** The base forms of the parts of a compound word; empty when it is not one. */
  default List<String> compoundParts(String word) {
    return analyze(word).compoundParts();
  }

  /** Whether Voikko answers, rather than the stemmer fallback. */
  boolean isVoikkoAvailable();

  /**
   * A new instance with its own Voikko handles and cache, for code that Spring does not wire (such
   * as {@link FinnishMorphologyFilterFactory}).
   *
   * @param useVoikko false to use the stemmer fallback even when Voikko is installed
   */
  static FinnishMorphology create(boolean useVoikko) {
    return DefaultFinnishMorphology.create(
        useVoikko, null, DefaultFinnishMorphology.DEFAULT_POOL_SIZE, 50_000);
  }
}
