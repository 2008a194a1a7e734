package fi.osaava.education.internal.search;

import static fi.osaava.education.internal.search.EducationAnalysisConfigurer.EN;
import static fi.osaava.education.internal.search.EducationAnalysisConfigurer.FI;
import static fi.osaava.education.internal.search.EducationAnalysisConfigurer.FI_QUERY;
import static fi.osaava.education.internal.search.EducationAnalysisConfigurer.FOLDED;
import static fi.osaava.education.internal.search.EducationAnalysisConfigurer.MAX_GRAM;
import static fi.osaava.education.internal.search.EducationAnalysisConfigurer.PREFIX;
import static fi.osaava.education.internal.search.EducationAnalysisConfigurer.SV;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;
import org.springframework.stereotype.Component;

/**
 * The education analysers for the OpenSearch backend: the names of {@link
 * EducationAnalysisConfigurer} (the mapping refers to those constants, so the two sets cannot
 * drift), declared with OpenSearch's built-in components in the same order as the Lucene chains.
 *
 * <p>One deliberate difference: an OpenSearch node cannot run Voikko (there is no analysis plugin
 * for it here), so Finnish is stemmed. A multiplexer puts the word, its Snowball stem and its light
 * Finnish stem at the same position: Snowball keeps {@code sairaanhoitajaksi} and {@code
 * sairaanhoitajan} with {@code sairaanhoitaja}, where the light stemmer splits them; the light
 * stemmer keeps {@code metsätalouden} with {@code metsätalous} (consonant gradation), where
 * Snowball splits them. Neither splits compounds: {@code ohjelmointi} does not find {@code
 * tietokoneohjelmointi} on this backend. ADR 0009 measures what that costs in relevance.
 */
@Component(EducationOpenSearchAnalysisConfigurer.BEAN)
class EducationOpenSearchAnalysisConfigurer implements ElasticsearchAnalysisConfigurer {

  static final String BEAN = "educationOpenSearchAnalysisConfigurer";

  private static final String FOLD_KEEPING_ORIGINAL = "edu_fold_keep";
  private static final String FINNISH_STEM = "edu_stem_fi";
  private static final String FINNISH_SNOWBALL = "edu_snowball_fi";
  private static final String FINNISH_LIGHT = "edu_light_fi";
  private static final String SWEDISH_STEM = "edu_stem_sv";
  private static final String ENGLISH_STEM = "edu_stem_en";
  private static final String ENGLISH_POSSESSIVE = "edu_possessive_en";
  private static final String ENGLISH_UNSTEMMED = "edu_unstemmed_en";
  private static final String EDGE_GRAMS = "edu_edge_grams";
  private static final String TRUNCATE = "edu_truncate";

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
    context.tokenFilter(SWEDISH_STEM).type("snowball").param("language", "Swedish");
    context.tokenFilter(ENGLISH_STEM).type("snowball").param("language", "English");
    context
        .tokenFilter(ENGLISH_UNSTEMMED)
        .type("keyword_marker")
        .param("keywords_pattern", EducationAnalysisConfigurer.ENGLISH_UNSTEMMED);
    context.tokenFilter(ENGLISH_POSSESSIVE).type("stemmer").param("language", "possessive_english");
    context
        .tokenFilter(EDGE_GRAMS)
        .type("edge_ngram")
        .param("min_gram", 2)
        .param("max_gram", MAX_GRAM)
        .param("preserve_original", true);
    context.tokenFilter(TRUNCATE).type("truncate").param("length", MAX_GRAM);

    // Index and query analysis are the same here: the Lucene pair differs only in compound parts,
    // which the stemmer does not produce.
    for (String finnish : new String[] {FI, FI_QUERY}) {
      context
          .analyzer(finnish)
          .custom()
          .tokenizer("standard")
          .tokenFilters("lowercase", FINNISH_STEM, FOLD_KEEPING_ORIGINAL, "remove_duplicates");
    }
    context
        .analyzer(SV)
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", SWEDISH_STEM, FOLD_KEEPING_ORIGINAL, "remove_duplicates");
    context
        .analyzer(EN)
        .custom()
        .tokenizer("standard")
        .tokenFilters(
            "lowercase", ENGLISH_POSSESSIVE, ENGLISH_UNSTEMMED, ENGLISH_STEM, "asciifolding");
    context
        .analyzer(PREFIX)
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", "asciifolding", EDGE_GRAMS);
    context
        .analyzer(FOLDED)
        .custom()
        .tokenizer("standard")
        .tokenFilters("lowercase", "asciifolding", TRUNCATE);
  }
}
