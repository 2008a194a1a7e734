package fi.osaava.text;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Creates {@link FinnishMorphologyFilter}s, for analysers declared by name (Lucene's {@code
 * CustomAnalyzer}, Solr-style configuration). Parameters: {@code compoundParts} (default true) and
 * {@code voikko} (default true; false forces the stemmer fallback). Each factory owns its own
 * {@link FinnishMorphology}; inside the application prefer building the filter around the injected
 * bean, which shares one cache.
 */
public final class FinnishMorphologyFilterFactory extends TokenFilterFactory {

  /** SPI name. */
  public static final String NAME = "osaavaFinnishMorphology";

  private final boolean compoundParts;
  private final FinnishMorphology morphology;

  public FinnishMorphologyFilterFactory(Map<String, String> args) {
    super(args);
    compoundParts = getBoolean(args, "compoundParts", true);
    boolean voikko = getBoolean(args, "voikko", true);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
    morphology = FinnishMorphology.create(voikko);
  }

  /** Lucene's service loader needs it; factories are only built from parameters. */
  public FinnishMorphologyFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new FinnishMorphologyFilter(input, morphology, compoundParts);
  }

  /** The morphology this factory's filters use, for callers that want to tell the fallback. */
  public FinnishMorphology morphology() {
    return morphology;
  }
}
