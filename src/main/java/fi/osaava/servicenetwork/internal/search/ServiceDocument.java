package fi.osaava.servicenetwork.internal.search;

import fi.osaava.platform.Language;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.annotations.Immutable;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * A service as the search index and the pages see it, read from {@code services_service} (which the
 * importers write with JDBC; hence read-only here, and indexed explicitly after each write).
 *
 * <p>The index lives in the education search's backend ({@value #BACKEND}) and uses its analysers
 * by name: the same fi/sv/en analysis (Voikko lemmas and compound parts for Finnish, Snowball stems
 * for Swedish and English, folded accents), on whichever engine that backend runs, Lucene or
 * OpenSearch (ADR 0009). Hibernate Search refuses to start if an analyser named here is missing.
 */
@Entity
@Immutable
@Table(name = "services_service")
@Indexed(index = ServiceDocument.INDEX, backend = ServiceDocument.BACKEND)
public class ServiceDocument {

  /** Raise the version with every change to the fields or their analysis. */
  public static final String INDEX = "services-service-v1";

  static final String BACKEND = "education";
  static final String FI = "edu_fi";
  static final String FI_QUERY = "edu_fi_query";
  static final String SV = "edu_sv";
  static final String EN = "edu_en";

  public static final String GENERAL_DESCRIPTION = "GENERAL_DESCRIPTION";

  @Id private UUID id;

  private String source;

  @KeywordField(aggregable = Aggregable.YES)
  private String kind;

  @Column(name = "general_description_id")
  private UUID generalDescriptionId;

  @Column(name = "reference_code")
  private String referenceCode;

  @Column(name = "organisation_business_id")
  private String businessId;

  @Column(name = "organisation_name_fi")
  private String organisationFi;

  @Column(name = "organisation_name_sv")
  private String organisationSv;

  @Column(name = "organisation_name_en")
  private String organisationEn;

  @Column(name = "name_fi")
  private String nameFi;

  @Column(name = "name_sv")
  private String nameSv;

  @Column(name = "name_en")
  private String nameEn;

  @Column(name = "summary_fi")
  private String summaryFi;

  @Column(name = "summary_sv")
  private String summarySv;

  @Column(name = "summary_en")
  private String summaryEn;

  @Column(name = "description_fi")
  private String descriptionFi;

  @Column(name = "description_sv")
  private String descriptionSv;

  @Column(name = "description_en")
  private String descriptionEn;

  @Column(name = "service_type")
  @KeywordField(name = "type", aggregable = Aggregable.YES)
  private String type;

  @Column(name = "life_situations")
  private String lifeSituations;

  @Column(name = "target_groups")
  private String targetGroups;

  private String areas;

  @Column(name = "area_index")
  private String areaIndex;

  private String languages;

  private String keywords;

  @Column(name = "charge_type")
  private String chargeType;

  @Column(name = "cost_info_fi")
  private String costInfoFi;

  @Column(name = "cost_info_sv")
  private String costInfoSv;

  @Column(name = "cost_info_en")
  private String costInfoEn;

  @GenericField private boolean active;

  protected ServiceDocument() {}

  // --- stored values, for pages and the API ---

  public UUID id() {
    return id;
  }

  public String source() {
    return source;
  }

  public boolean generalDescription() {
    return GENERAL_DESCRIPTION.equals(kind);
  }

  public UUID generalDescriptionId() {
    return generalDescriptionId;
  }

  public String referenceCode() {
    return referenceCode;
  }

  public String businessId() {
    return businessId;
  }

  public boolean active() {
    return active;
  }

  public Map<Language, String> organisationName() {
    return texts(organisationFi, organisationSv, organisationEn);
  }

  public Map<Language, String> name() {
    return texts(nameFi, nameSv, nameEn);
  }

  public Map<Language, String> summary() {
    return texts(summaryFi, summarySv, summaryEn);
  }

  public Map<Language, String> description() {
    return texts(descriptionFi, descriptionSv, descriptionEn);
  }

  public Map<Language, String> costInfo() {
    return texts(costInfoFi, costInfoSv, costInfoEn);
  }

  public String type() {
    return type;
  }

  public String chargeType() {
    return chargeType;
  }

  public Set<String> lifeSituationCodes() {
    return words(lifeSituations);
  }

  public List<String> targetGroups() {
    return targetGroups == null || targetGroups.isBlank()
        ? List.of()
        : List.of(targetGroups.split("\n"));
  }

  public Set<String> areaCodes() {
    return words(areas);
  }

  public Set<String> matchedAreas() {
    return words(areaIndex);
  }

  public Set<String> serviceLanguages() {
    return words(languages);
  }

  private static Map<Language, String> texts(String fi, String sv, String en) {
    Map<Language, String> texts = new EnumMap<>(Language.class);
    if (fi != null) {
      texts.put(Language.FI, fi);
    }
    if (sv != null) {
      texts.put(Language.SV, sv);
    }
    if (en != null) {
      texts.put(Language.EN, en);
    }
    return texts;
  }

  private static Set<String> words(String value) {
    return value == null || value.isBlank()
        ? Set.of()
        : new LinkedHashSet<>(Arrays.asList(value.strip().split("\\s+")));
  }

  // --- derived index fields ---

  @FullTextField(name = "name_fi", analyzer = FI, searchAnalyzer = FI_QUERY)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getNameFi() {
    return nameFi;
  }

  @FullTextField(name = "name_sv", analyzer = SV)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getNameSv() {
    return nameSv;
  }

  @FullTextField(name = "name_en", analyzer = EN)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getNameEn() {
    return nameEn;
  }

  @FullTextField(name = "body_fi", analyzer = FI, searchAnalyzer = FI_QUERY)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getBodyFi() {
    return join(summaryFi, descriptionFi);
  }

  /**
   * The catalogue's subject words and service classes (Finnish), weighed below the texts: a class
   * such as "Oppisopimus" on a student-welfare description must not outrank the description of
   * apprenticeship training itself.
   */
  @FullTextField(name = "keywords_fi", analyzer = FI, searchAnalyzer = FI_QUERY)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getSubjectWords() {
    return keywords;
  }

  @FullTextField(name = "body_sv", analyzer = SV)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getBodySv() {
    return join(summarySv, descriptionSv);
  }

  @FullTextField(name = "body_en", analyzer = EN)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getBodyEn() {
    return join(summaryEn, descriptionEn);
  }

  /** Providers' names in any language, analysed for each, since a name's language is not known. */
  @FullTextField(name = "organisation_fi", analyzer = FI, searchAnalyzer = FI_QUERY)
  @FullTextField(name = "organisation_sv", analyzer = SV)
  @FullTextField(name = "organisation_en", analyzer = EN)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getOrganisations() {
    return join(organisationFi, organisationSv, organisationEn);
  }

  // The derived properties are named unlike the columns: Hibernate Search reads a property through
  // the ORM's access type, which is the field, so a getter named after a column would index the
  // column's raw text instead of its words.

  @KeywordField(name = "life_situation", aggregable = Aggregable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public Set<String> getSituationCodes() {
    return lifeSituationCodes();
  }

  /** {@code country}, {@code online}, {@code region:NN}, {@code municipality:NNN}. */
  @KeywordField(name = "area", aggregable = Aggregable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public Set<String> getAreaKeys() {
    return matchedAreas();
  }

  /**
   * The languages the service is given in; for a general description, which no one gives, the
   * languages it is written in (docs/services.md).
   */
  @KeywordField(name = "language", aggregable = Aggregable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public Set<String> getLanguageKeys() {
    if (!generalDescription()) {
      return serviceLanguages();
    }
    return name().keySet().stream()
        .map(Language::code)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * Concrete services before general descriptions, then by the name a reader of each language sees
   * (the Finnish original where there is no translation): the order without a query.
   */
  @KeywordField(name = "sort_fi", sortable = Sortable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getSortFi() {
    return sortKey(nameFi, nameSv, nameEn);
  }

  @KeywordField(name = "sort_sv", sortable = Sortable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getSortSv() {
    return sortKey(nameSv, nameFi, nameEn);
  }

  @KeywordField(name = "sort_en", sortable = Sortable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getSortEn() {
    return sortKey(nameEn, nameFi, nameSv);
  }

  /** The order of services of one language's readers, for lists outside the index. */
  public String sortKey(Language language) {
    return switch (language) {
      case SV -> getSortSv();
      case EN -> getSortEn();
      default -> getSortFi();
    };
  }

  private String sortKey(String... names) {
    String name = Stream.of(names).filter(Objects::nonNull).findFirst().orElse("");
    return (generalDescription() ? "1" : "0") + name.toLowerCase(Locale.ROOT);
  }

  private static String join(String... texts) {
    String joined =
        Stream.of(texts).filter(t -> t != null && !t.isBlank()).collect(Collectors.joining("\n"));
    return joined.isEmpty() ? null : joined;
  }
}
