package fi.osaava.taxonomy.internal.search;

import fi.osaava.taxonomy.internal.search.FinnishLabelAnalyzer.Role;
import fi.osaava.text.FinnishMorphology;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilterFactory;
import org.apache.lucene.analysis.core.KeywordTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilterFactory;
import org.apache.lucene.analysis.miscellaneous.TrimFilterFactory;
import org.apache.lucene.analysis.miscellaneous.TruncateTokenFilterFactory;
import org.apache.lucene.analysis.ngram.EdgeNGramFilterFactory;
import org.apache.lucene.analysis.pattern.PatternReplaceFilterFactory;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;
import org.hibernate.search.backend.lucene.analysis.model.dsl.LuceneAnalysisOptionalComponentsStep;
import org.springframework.stereotype.Component;

/**
 * The analysers of the label autocomplete index, per language: {@code <lang>_word} (whole words,
 * lemmatised for Finnish, stemmed for the others) and {@code <lang>_prefix} (edge n-grams of words,
 * so that what is being typed matches as a prefix), each with a {@code _query} counterpart, plus
 * {@code label_start} (edge n-grams of the whole folded label, to reward labels that start with
 * what was typed). Everything except the Finnish morphology is declared by Lucene factory name and
 * parameters, which map one to one onto Elasticsearch/OpenSearch analysis settings. Hibernate
 * Search finds this bean through {@code hibernate.search.backend.analysis.configurer}.
 */
@Component("labelAnalysisConfigurer")
public class LabelAnalysisConfigurer implements LuceneAnalysisConfigurer {

  static final String START = "label_start";
  static final String START_QUERY = "label_start_query";

  /**
   * The search analyser of typo-tolerant clauses, in every language: one folded term per word.
   * Lucene builds a Levenshtein automaton for every term of a fuzzy query, which is most of a
   * query's cost, so the variants the other query analysers add (lemmas, unfolded originals) are
   * left out here: the folded form already lies within the allowed edits of them.
   */
  static final String TYPO_QUERY = "label_typo_query";

  /**
   * Edge n-grams of every label's words in every language, lower-cased and without diacritics: the
   * one field typo-tolerant clauses search, so that a word costs one Levenshtein automaton however
   * many languages the query covers.
   */
  static final String FOLDED_PREFIX = "label_folded_prefix";

  /** One letter already narrows the list in a useful way for a person typing. */
  static final int MIN_GRAM = 1;

  /** Longer typed prefixes are cut to this and still match: few words share 20 letters. */
  static final int MAX_GRAM = 20;

  /** How much of the label's start {@code label_start} compares. */
  static final int MAX_START_GRAM = 40;

  private static final String COMPOUND_PARTS = "fi/osaava/taxonomy/internal/search/compound-parts-";

  private final FinnishMorphology morphology;

  LabelAnalysisConfigurer(FinnishMorphology morphology) {
    this.morphology = morphology;
  }

  @Override
  public void configure(LuceneAnalysisConfigurationContext context) {
    context.analyzer("fi_word").instance(new FinnishLabelAnalyzer(morphology, Role.WORD_INDEX));
    context
        .analyzer("fi_word_query")
        .instance(new FinnishLabelAnalyzer(morphology, Role.WORD_QUERY));
    context.analyzer("fi_prefix").instance(new FinnishLabelAnalyzer(morphology, Role.PREFIX_INDEX));
    context
        .analyzer("fi_prefix_query")
        .instance(new FinnishLabelAnalyzer(morphology, Role.PREFIX_QUERY));

    scandinavian(context, "sv", "Swedish");
    scandinavian(context, "no", "Norwegian");
    english(context);

    context
        .analyzer(TYPO_QUERY)
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(ASCIIFoldingFilterFactory.class)
        .tokenFilter(TruncateTokenFilterFactory.class)
        .param("prefixLength", Integer.toString(MAX_GRAM));

    context
        .analyzer(FOLDED_PREFIX)
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(ASCIIFoldingFilterFactory.class)
        .tokenFilter(EdgeNGramFilterFactory.class)
        .param("minGramSize", Integer.toString(MIN_GRAM))
        .param("maxGramSize", Integer.toString(MAX_GRAM))
        .param("preserveOriginal", "true");

    context
        .analyzer(START)
        .custom()
        .tokenizer(KeywordTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(ASCIIFoldingFilterFactory.class)
        .tokenFilter(PatternReplaceFilterFactory.class)
        .param("pattern", "[^\\p{L}\\p{N}]+")
        .param("replacement", " ")
        .param("replace", "all")
        .tokenFilter(TrimFilterFactory.class)
        .tokenFilter(EdgeNGramFilterFactory.class)
        .param("minGramSize", "1")
        .param("maxGramSize", Integer.toString(MAX_START_GRAM))
        .param("preserveOriginal", "false");
    context
        .analyzer(START_QUERY)
        .custom()
        .tokenizer(KeywordTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(ASCIIFoldingFilterFactory.class)
        .tokenFilter(PatternReplaceFilterFactory.class)
        .param("pattern", "[^\\p{L}\\p{N}]+")
        .param("replacement", " ")
        .param("replace", "all")
        .tokenFilter(TrimFilterFactory.class)
        .tokenFilter(TruncateTokenFilterFactory.class)
        .param("prefixLength", Integer.toString(MAX_START_GRAM));
  }

  /**
   * Swedish and Norwegian write compounds as one word ({@code sjuksköterska}), so a dictionary of
   * common compound parts (mostly occupational heads such as {@code sköterska}, {@code lärare})
   * splits them at index time: typing {@code sköt} then finds {@code sjuksköterska} too.
   */
  private static void scandinavian(
      LuceneAnalysisConfigurationContext context, String code, String snowball) {
    String dictionary = COMPOUND_PARTS + code + ".txt";
    compounds(
            context
                .analyzer(code + "_word")
                .custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class),
            dictionary)
        .tokenFilter(SnowballPorterFilterFactory.class)
        .param("language", snowball)
        .tokenFilter(ASCIIFoldingFilterFactory.class)
        .tokenFilter(RemoveDuplicatesTokenFilterFactory.class);
    context
        .analyzer(code + "_word_query")
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(SnowballPorterFilterFactory.class)
        .param("language", snowball)
        .tokenFilter(ASCIIFoldingFilterFactory.class);
    prefixGrams(
        compounds(
            context
                .analyzer(code + "_prefix")
                .custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class),
            dictionary));
    prefixQuery(context, code);
  }

  private static void english(LuceneAnalysisConfigurationContext context) {
    context
        .analyzer("en_word")
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(EnglishPossessiveFilterFactory.class)
        .tokenFilter(SnowballPorterFilterFactory.class)
        .param("language", "English")
        .tokenFilter(ASCIIFoldingFilterFactory.class);
    context
        .analyzer("en_word_query")
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(EnglishPossessiveFilterFactory.class)
        .tokenFilter(SnowballPorterFilterFactory.class)
        .param("language", "English")
        .tokenFilter(ASCIIFoldingFilterFactory.class);
    prefixGrams(
        context
            .analyzer("en_prefix")
            .custom()
            .tokenizer(StandardTokenizerFactory.class)
            .tokenFilter(LowerCaseFilterFactory.class));
    prefixQuery(context, "en");
  }

  private static LuceneAnalysisOptionalComponentsStep compounds(
      LuceneAnalysisOptionalComponentsStep chain, String dictionary) {
    return chain
        .tokenFilter(DictionaryCompoundWordTokenFilterFactory.class)
        .param("dictionary", dictionary)
        .param("minWordSize", "6")
        .param("minSubwordSize", "4")
        .param("maxSubwordSize", "20")
        .param("onlyLongestMatch", "true");
  }

  /** Accents folded with the original kept, so {@code lakare} finds {@code läkare} as well. */
  private static void prefixGrams(LuceneAnalysisOptionalComponentsStep chain) {
    chain
        .tokenFilter(ASCIIFoldingFilterFactory.class)
        .param("preserveOriginal", "true")
        .tokenFilter(RemoveDuplicatesTokenFilterFactory.class)
        .tokenFilter(EdgeNGramFilterFactory.class)
        .param("minGramSize", Integer.toString(MIN_GRAM))
        .param("maxGramSize", Integer.toString(MAX_GRAM))
        .param("preserveOriginal", "true");
  }

  private static void prefixQuery(LuceneAnalysisConfigurationContext context, String code) {
    context
        .analyzer(code + "_prefix_query")
        .custom()
        .tokenizer(StandardTokenizerFactory.class)
        .tokenFilter(LowerCaseFilterFactory.class)
        .tokenFilter(ASCIIFoldingFilterFactory.class)
        .param("preserveOriginal", "true")
        .tokenFilter(TruncateTokenFilterFactory.class)
        .param("prefixLength", Integer.toString(MAX_GRAM));
  }
}
