package fi.osaava.community.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * An article as the search index sees it, read from {@code community_article} (which {@link
 * CommunityStore} writes with JDBC; hence read-only here, and indexed explicitly after each write).
 *
 * <p>The index lives in the education search's backend and uses its analysers by name, as the
 * service directory's does: the same fi/sv/en analysis (Voikko lemmas and compound parts for
 * Finnish, Snowball stems for Swedish and English, folded accents). Hibernate Search refuses to
 * start if an analyser named here is missing.
 */
@Entity
@Immutable
@Table(name = "community_article")
@Indexed(index = ArticleDocument.INDEX, backend = ArticleDocument.BACKEND)
public class ArticleDocument {

  /** Raise the version with every change to the fields or their analysis. */
  static final String INDEX = "community-article-v1";

  static final String BACKEND = "education";
  static final String FI = "edu_fi";
  static final String FI_QUERY = "edu_fi_query";
  static final String SV = "edu_sv";
  static final String EN = "edu_en";

  @Id private UUID id;

  private String kind;

  @Column(name = "title_fi")
  private String titleFi;

  @Column(name = "title_sv")
  private String titleSv;

  @Column(name = "title_en")
  private String titleEn;

  @Column(name = "body_fi")
  private String bodyFi;

  @Column(name = "body_sv")
  private String bodySv;

  @Column(name = "body_en")
  private String bodyEn;

  private String themes;

  protected ArticleDocument() {}

  public UUID id() {
    return id;
  }

  // Derived properties are named unlike the columns: Hibernate Search reads a property through the
  // ORM's access type, which is the field, so a getter named after a column would index the field.

  @FullTextField(name = "title_fi", analyzer = FI, searchAnalyzer = FI_QUERY)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getFinnishTitle() {
    return titleFi;
  }

  @FullTextField(name = "title_sv", analyzer = SV)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getSwedishTitle() {
    return titleSv;
  }

  @FullTextField(name = "title_en", analyzer = EN)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getEnglishTitle() {
    return titleEn;
  }

  @FullTextField(name = "body_fi", analyzer = FI, searchAnalyzer = FI_QUERY)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getFinnishBody() {
    return bodyFi;
  }

  @FullTextField(name = "body_sv", analyzer = SV)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getSwedishBody() {
    return bodySv;
  }

  @FullTextField(name = "body_en", analyzer = EN)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getEnglishBody() {
    return bodyEn;
  }

  @KeywordField(name = "theme")
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public List<String> getThemeKeys() {
    return themes == null || themes.isBlank()
        ? List.of()
        : Arrays.asList(themes.strip().split("\\s+"));
  }

  @KeywordField(name = "kind")
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getKindKey() {
    return kind;
  }
}
