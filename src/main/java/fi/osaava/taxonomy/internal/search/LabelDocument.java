package fi.osaava.taxonomy.internal.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.engine.backend.types.Norms;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.type.SqlTypes;

/**
 * One label of one concept in one language: a document of the autocomplete index, read from the
 * view {@code taxonomy_search_label}. One document per label (rather than per concept and language)
 * lets a hit say which label matched and of which kind, and lets the kind weigh in the score
 * without per-field boosts. Each language's text goes to its own fields, analysed for that
 * language; the getters return null for the other languages, so those fields stay empty.
 */
@Entity
@Immutable
@Table(name = "taxonomy_search_label")
@Indexed(index = LabelDocument.INDEX)
public class LabelDocument {

  static final String INDEX = "taxonomy-label";

  @Id private String id;

  @Column(name = "concept_uri")
  @KeywordField(name = Fields.URI, projectable = Projectable.YES, sortable = Sortable.YES)
  private String conceptUri;

  @Column(name = "concept_type")
  @KeywordField(name = Fields.TYPE, projectable = Projectable.YES)
  private String conceptType;

  @KeywordField(name = Fields.LANGUAGE, projectable = Projectable.YES)
  private String language;

  @KeywordField(name = Fields.KIND, projectable = Projectable.YES)
  private String kind;

  @GenericField(name = Fields.LABEL, projectable = Projectable.YES, searchable = Searchable.NO)
  @FullTextField(
      name = Fields.FOLDED_PREFIX,
      analyzer = LabelAnalysisConfigurer.FOLDED_PREFIX,
      searchAnalyzer = LabelAnalysisConfigurer.TYPO_QUERY,
      norms = Norms.NO)
  @FullTextField(
      name = Fields.START,
      analyzer = LabelAnalysisConfigurer.START,
      searchAnalyzer = LabelAnalysisConfigurer.START_QUERY,
      norms = Norms.NO)
  private String label;

  @Column(name = "display_label")
  @GenericField(
      name = Fields.DISPLAY_LABEL,
      projectable = Projectable.YES,
      searchable = Searchable.NO)
  private String displayLabel;

  @Column(name = "display_language")
  @GenericField(
      name = Fields.DISPLAY_LANGUAGE,
      projectable = Projectable.YES,
      searchable = Searchable.NO)
  private String displayLanguage;

  @Column(name = "preferred_languages")
  @JdbcTypeCode(SqlTypes.ARRAY)
  @KeywordField(name = Fields.PREFERRED_LANGUAGES)
  private List<String> preferredLanguages;

  protected LabelDocument() {}

  @GenericField(name = Fields.LENGTH, sortable = Sortable.YES, searchable = Searchable.NO)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public int getLabelLength() {
    return label == null ? 0 : label.length();
  }

  @FullTextField(
      name = "fi_word",
      analyzer = "fi_word",
      searchAnalyzer = "fi_word_query",
      norms = Norms.NO)
  @FullTextField(
      name = "fi_prefix",
      analyzer = "fi_prefix",
      searchAnalyzer = "fi_prefix_query",
      norms = Norms.NO)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getLabelFi() {
    return labelIn("fi");
  }

  @FullTextField(
      name = "sv_word",
      analyzer = "sv_word",
      searchAnalyzer = "sv_word_query",
      norms = Norms.NO)
  @FullTextField(
      name = "sv_prefix",
      analyzer = "sv_prefix",
      searchAnalyzer = "sv_prefix_query",
      norms = Norms.NO)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getLabelSv() {
    return labelIn("sv");
  }

  @FullTextField(
      name = "en_word",
      analyzer = "en_word",
      searchAnalyzer = "en_word_query",
      norms = Norms.NO)
  @FullTextField(
      name = "en_prefix",
      analyzer = "en_prefix",
      searchAnalyzer = "en_prefix_query",
      norms = Norms.NO)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getLabelEn() {
    return labelIn("en");
  }

  @FullTextField(
      name = "no_word",
      analyzer = "no_word",
      searchAnalyzer = "no_word_query",
      norms = Norms.NO)
  @FullTextField(
      name = "no_prefix",
      analyzer = "no_prefix",
      searchAnalyzer = "no_prefix_query",
      norms = Norms.NO)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getLabelNo() {
    return labelIn("no");
  }

  private String labelIn(String wanted) {
    return wanted.equals(language) ? label : null;
  }

  /** Index field names the query side uses. */
  static final class Fields {
    static final String URI = "concept_uri";
    static final String TYPE = "concept_type";
    static final String LANGUAGE = "language";
    static final String KIND = "kind";
    static final String LABEL = "label";
    static final String START = "label_start";
    static final String FOLDED_PREFIX = "label_folded_prefix";
    static final String DISPLAY_LABEL = "display_label";
    static final String DISPLAY_LANGUAGE = "display_language";
    static final String PREFERRED_LANGUAGES = "preferred_languages";
    static final String LENGTH = "label_length";

    private Fields() {}

    /** Whole words (lemmatised or stemmed) of labels in {@code languageCode}. */
    static String word(String languageCode) {
      return languageCode + "_word";
    }

    /** Edge n-grams of the words (and their lemmas and compound parts) in {@code languageCode}. */
    static String prefix(String languageCode) {
      return languageCode + "_prefix";
    }
  }
}
