package fi.osaava.education.internal.search;

import fi.osaava.text.FinnishMorphology;
import fi.osaava.text.FinnishMorphologyFilter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Finnish running text: each word with its Voikko lemmas (or the stemmer fallback), and at index
 * time the lemmas of its compound parts too, so that {@code ohjelmointia} finds {@code ohjelmointi}
 * and {@code tietokoneohjelmointi}. Built in code because the filter needs the application's {@link
 * FinnishMorphology}.
 */
final class FinnishTextAnalyzer extends Analyzer {

  private final FinnishMorphology morphology;
  private final boolean index;

  FinnishTextAnalyzer(FinnishMorphology morphology, boolean index) {
    this.morphology = morphology;
    this.index = index;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(source);
    stream = new FinnishMorphologyFilter(stream, morphology, index);
    stream = new ASCIIFoldingFilter(stream, true);
    stream = new RemoveDuplicatesTokenFilter(stream);
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }
}
