package fi.osaava.taxonomy.internal.search;

import static fi.osaava.taxonomy.internal.search.LabelAnalysisConfigurer.FOLDED_PREFIX;
import static fi.osaava.taxonomy.internal.search.LabelAnalysisConfigurer.MAX_GRAM;
import static fi.osaava.taxonomy.internal.search.LabelAnalysisConfigurer.MAX_START_GRAM;
import static fi.osaava.taxonomy.internal.search.LabelAnalysisConfigurer.MIN_GRAM;
import static fi.osaava.taxonomy.internal.search.LabelAnalysisConfigurer.START;
import static fi.osaava.taxonomy.internal.search.LabelAnalysisConfigurer.START_QUERY;
import static fi.osaava.taxonomy.internal.search.LabelAnalysisConfigurer.TYPO_QUERY;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.springframework.stereotype.Component;

/**
 * The label analysers for the OpenSearch backend: the names of {@link LabelAnalysisConfigurer} (the
 * mapping refers to those), declared with OpenSearch's built-in components in the same order as the
 * Lucene chains, the Swedish and Norwegian compound dictionaries included (sent inline).
 *
 * <p>One deliberate difference, as for the education index (ADR 0009): an OpenSearch node cannot
 * run Voikko, so Finnish is stemmed rather than lemmatised. A multiplexer puts the word, its
 * Snowball stem and its light Finnish stem at the same position, so inflected forms ({@code
 * ohjelmointia}, {@code sairaanhoitajan}) still find their base form, as whole words and as
 * prefixes; compounds are not split, so {@code ohjelmointi} does not find {@code
 * tietokoneohjelmointi} on this backend.
 */
@Component(LabelOpenSearchAnalysisConfigurer.BEAN)
class LabelOpenSearchAnalysisConfigurer implements ElasticsearchAnalysisConfigurer {

  static final String BEAN = "labelOpenSearchAnalysisConfigurer";

  private static final String FOLD_KEEPING_ORIGINAL = "label_fold_keep";
  private static final String FINNISH_STEM = "label_stem_fi";
  private static final String FINNISH_SNOWBALL = "label_snowball_fi";
  private static final String FINNISH_LIGHT = "label_light_fi";
  private static final String ENGLISH_STEM = "label_stem_en";
  private static final String ENGLISH_POSSESSIVE = "label_possessive_en";
  private static final String WORD_GRAMS = "label_word_grams";
  private static final String START_GRAMS = "label_start_grams";
  private static final String TRUNCATE = "label_truncate";
  private static final String TRUNCATE_START = "label_truncate_start";
  private static final String PUNCTUATION_TO_SPACE = "label_punctuation_to_space";

  private static final String COMPOUND_PARTS = "compound-parts-";

  @Override
  public void configure(ElasticsearchAnalysisConfigurationContext context) {
    context
        .tokenFilter(FOLD_KEEPING_ORIGINAL)
        .type("asciifolding")
        .param("preserve_original", true);
    context.tokenFilter(FINNISH_SNOWBALL).type("snowball").param("language", "Finnish");
    context.tokenFilter(FINNISH_LIGHT).type("stemmer").param("language", "light_finnish");
    context
        .tokenFilter(FINNISH_STEM)
        .type("multiplexer")
        .param("filters", FINNISH_SNOWBALL, FINNISH_LIGHT);
    context.tokenFilter(ENGLISH_STEM).type("snowball").param("language", "English");
    context.tokenFilter(ENGLISH_POSSESSIVE).type("stemmer").param("language", "possessive_english");
    context
        .tokenFilter(WORD_GRAMS)
        .type("edge_ngram")
        .param("min_gram", MIN_GRAM)
        .param("max_gram", MAX_GRAM)
        .param("preserve_original", true);
    context
        .tokenFilter(START_GRAMS)
        .type("edge_ngram")
        .param("min_gram", 1)
        .param("max_gram", MAX_START_GRAM)
        .param("preserve_original", false);
    context.tokenFilter(TRUNCATE).type("truncate").param("length", MAX_GRAM);
    context.tokenFilter(TRUNCATE_START).type("truncate").param("length", MAX_START_GRAM);
    context
        .tokenFilter(PUNCTUATION_TO_SPACE)
        .type("pattern_replace")
        .param("pattern", "[^\\p{L}\\p{N}]+")
        .param("replacement", " ")
        .param("all", true);

    finnish(context);
    scandinavian(context, "sv", "Swedish");
    scandinavian(context, "no", "Norwegian");
    english(context);

    context
        .analyzer(TYPO_QUERY)
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", "asciifolding", TRUNCATE);
    context
        .analyzer(FOLDED_PREFIX)
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", "asciifolding", WORD_GRAMS);
    context
        .analyzer(START)
        .custom()
        .tokenizer("keyword")
        .tokenFilters("lowercase", "asciifolding", PUNCTUATION_TO_SPACE, "trim", START_GRAMS);
    context
        .analyzer(START_QUERY)
        .custom()
        .tokenizer("keyword")
        .tokenFilters("lowercase", "asciifolding", PUNCTUATION_TO_SPACE, "trim", TRUNCATE_START);
  }

  /** The stem stands in for Voikko's lemma, on the query side too (typed whole words inflect). */
  private static void finnish(ElasticsearchAnalysisConfigurationContext context) {
    for (String word : new String[] {"fi_word", "fi_word_query"}) {
      context
          .analyzer(word)
          .custom()
          .tokenizer("standard")
          .tokenFilters("lowercase", FINNISH_STEM, "remove_duplicates");
    }
    context
        .analyzer("fi_prefix")
        .custom()
        .tokenizer("standard")
        .tokenFilters(
            "lowercase", FINNISH_STEM, FOLD_KEEPING_ORIGINAL, "remove_duplicates", WORD_GRAMS);
    context
        .analyzer("fi_prefix_query")
        .custom()
        .tokenizer("standard")
        .tokenFilters(
            "lowercase", FINNISH_STEM, FOLD_KEEPING_ORIGINAL, "remove_duplicates", TRUNCATE);
  }

  private static void scandinavian(
      ElasticsearchAnalysisConfigurationContext context, String code, String snowball) {
    String compounds = "label_compounds_" + code;
    context
        .tokenFilter(compounds)
        .type("dictionary_decompounder")
        .param("word_list", dictionary(code))
        .param("min_word_size", 6)
        .param("min_subword_size", 4)
        .param("max_subword_size", 20)
        .param("only_longest_match", true);
    String stem = "label_stem_" + code;
    context.tokenFilter(stem).type("snowball").param("language", snowball);
    context
        .analyzer(code + "_word")
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", compounds, stem, "asciifolding", "remove_duplicates");
    context
        .analyzer(code + "_word_query")
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", stem, "asciifolding");
    context
        .analyzer(code + "_prefix")
        .custom()
        .tokenizer("standard")
        .tokenFilters(
            "lowercase", compounds, FOLD_KEEPING_ORIGINAL, "remove_duplicates", WORD_GRAMS);
    prefixQuery(context, code);
  }

  private static void english(ElasticsearchAnalysisConfigurationContext context) {
    for (String word : new String[] {"en_word", "en_word_query"}) {
      context
          .analyzer(word)
          .custom()
          .tokenizer("standard")
          .tokenFilters("lowercase", ENGLISH_POSSESSIVE, ENGLISH_STEM, "asciifolding");
    }
    context
        .analyzer("en_prefix")
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", FOLD_KEEPING_ORIGINAL, "remove_duplicates", WORD_GRAMS);
    prefixQuery(context, "en");
  }

  private static void prefixQuery(ElasticsearchAnalysisConfigurationContext context, String code) {
    context
        .analyzer(code + "_prefix_query")
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", FOLD_KEEPING_ORIGINAL, TRUNCATE);
  }

  /** The Lucene chain's dictionary file, as the inline word list OpenSearch takes. */
  private static String[] dictionary(String code) {
    String name = COMPOUND_PARTS + code + ".txt";
    try (InputStream in = LabelOpenSearchAnalysisConfigurer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing compound dictionary " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + name, e);
    }
  }
}
