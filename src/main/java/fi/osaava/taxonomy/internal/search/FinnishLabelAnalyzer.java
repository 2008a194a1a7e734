package fi.osaava.taxonomy.internal.search;

import fi.osaava.text.FinnishMorphology;
import fi.osaava.text.FinnishMorphologyFilter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The Finnish label analysers. They are built in code, not declared by factory name, because the
 * morphology filter needs the application's {@link FinnishMorphology} (one Voikko pool and cache
 * for everything). On Elasticsearch or OpenSearch the same chains are declared with the Voikko
 * analysis plugin's {@code voikko} filter in place of {@link FinnishMorphologyFilter}.
 */
final class FinnishLabelAnalyzer extends Analyzer {

  enum Role {
    /** Whole words plus their lemmas and compound parts. */
    WORD_INDEX,
    /** Whole query words plus their lemmas; parts would widen a query word to either part. */
    WORD_QUERY,
    /** Edge n-grams of words, lemmas and compound parts, also without diacritics. */
    PREFIX_INDEX,
    /** What was typed (and its lemma when it is a whole word), cut to the longest n-gram. */
    PREFIX_QUERY
  }

  private final FinnishMorphology morphology;
  private final Role role;

  FinnishLabelAnalyzer(FinnishMorphology morphology, Role role) {
    this.morphology = morphology;
    this.role = role;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(source);
    boolean index = role == Role.WORD_INDEX || role == Role.PREFIX_INDEX;
    stream = new FinnishMorphologyFilter(stream, morphology, index);
    if (role == Role.PREFIX_INDEX || role == Role.PREFIX_QUERY) {
      stream = new ASCIIFoldingFilter(stream, true);
    }
    stream = new RemoveDuplicatesTokenFilter(stream);
    if (role == Role.PREFIX_INDEX) {
      stream =
          new EdgeNGramTokenFilter(
              stream, LabelAnalysisConfigurer.MIN_GRAM, LabelAnalysisConfigurer.MAX_GRAM, true);
    } else if (role == Role.PREFIX_QUERY) {
      stream = new TruncateTokenFilter(stream, LabelAnalysisConfigurer.MAX_GRAM);
    }
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
