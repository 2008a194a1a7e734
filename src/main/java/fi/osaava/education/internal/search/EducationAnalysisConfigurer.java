package fi.osaava.education.internal.search;

import fi.osaava.text.FinnishMorphology;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.miscellaneous.KeywordMarkerFilterFactory;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilterFactory;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilterFactory;
import org.apache.lucene.analysis.ngram.EdgeNGramFilterFactory;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.springframework.stereotype.Component;

/**
 * The analysers of the education index on its Lucene backend ({@code
 * hibernate.search.backends.education.analysis.configurer}). Their names, {@code edu_*}, are the
 * constants here, which the mapping and {@link EducationOpenSearchAnalysisConfigurer} share, so the
 * OpenSearch backend declares the same analysers. Finnish gets Voikko lemmas and compound parts;
 * Swedish and English Snowball stems; every language folds accents, so {@code sjukskotare} finds
 * {@code sjuksköterska}.
 */
@Component("educationAnalysisConfigurer")
public class EducationAnalysisConfigurer implements LuceneAnalysisConfigurer {

  static final String FI = "edu_fi";
  static final String FI_QUERY = "edu_fi_query";
  static final String SV = "edu_sv";
  static final String EN = "edu_en";

  /** Edge n-grams of folded title words: what is being typed matches as a prefix. */
  static final String PREFIX = "edu_prefix";

  /** Folded whole words, cut to the longest n-gram: prefix queries and typo-tolerant matching. */
  static final String FOLDED = "edu_folded";

  static final int MAX_GRAM = 20;

  /**
   * English words kept from the stemmer: Porter stems "programming", "programmer" and the Swedish
   * "programmering" to the stem of "program(me)", the word that names the type of hundreds of
   * degrees ("Doctoral Programme in Law"), so a search for programming found every programme.
   */
  static final String ENGLISH_UNSTEMMED = "programm(?:ing|ings|er|ers|ering)";

  private final FinnishMorphology morphology;

  EducationAnalysisConfigurer(FinnishMorphology morphology) {
    this.morphology = morphology;
  }

  @Override
  public void configure(LuceneAnalysisConfigurationContext context) {
    context.analyzer(FI).instance(new FinnishTextAnalyzer(morphology, true));
    context.analyzer(FI_QUERY).instance(new FinnishTextAnalyzer(morphology, false));
    context
        .analyzer(SV)
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(SnowballPorterFilterFactory.class)
        .param("language", "Swedish")
        .tokenFilter(ASCIIFoldingFilterFactory.class)
        .param("preserveOriginal", "true")
        .tokenFilter(RemoveDuplicatesTokenFilterFactory.class);
    context
        .analyzer(EN)
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(EnglishPossessiveFilterFactory.class)
        .tokenFilter(KeywordMarkerFilterFactory.class)
        .param("pattern", ENGLISH_UNSTEMMED)
        .tokenFilter(SnowballPorterFilterFactory.class)
        .param("language", "English")
        .tokenFilter(ASCIIFoldingFilterFactory.class);
    context
        .analyzer(PREFIX)
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(ASCIIFoldingFilterFactory.class)
        .tokenFilter(EdgeNGramFilterFactory.class)
        .param("minGramSize", "2")
        .param("maxGramSize", Integer.toString(MAX_GRAM))
        .param("preserveOriginal", "true");
    context
        .analyzer(FOLDED)
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(ASCIIFoldingFilterFactory.class)
        .tokenFilter(TruncateTokenFilterFactory.class)
        .param("prefixLength", Integer.toString(MAX_GRAM));
  }
}
