package fi.osaava.education.internal.search;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Immutable;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.ValueBridgeRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * An offering as the search index and the pages see it, read from the catalogue tables (which only
 * the importers write, with JDBC; hence read-only here, and indexed explicitly after each import).
 * Each language's text goes to its own fields, analysed for that language; facets and filters are
 * keyword and numeric fields derived from the implementations.
 */
@Entity
@Immutable
@Table(name = "education_offering")
@Indexed(index = OfferingDocument.INDEX, backend = EducationSearchBackend.BACKEND)
public class OfferingDocument {

  /**
   * The index name carries the mapping's version: a service upgraded to a changed mapping finds an
   * empty index under the new name and rebuilds it at start-up ({@code EducationMaintenance}
   * compares the document count with the catalogue), rather than searching documents indexed the
   * old way. Raise it with every change to the fields or their analysis; the old index can then be
   * deleted. Version 2: no term vectors, deduplicated language fields, aggregable application end.
   * Version 4: the combined facet field ({@link #getFacetValues}). Version 5: the shown titles and
   * strongest skills, stored for the result page ({@link #getShownTitleFi}, {@link
   * #getShownSkillsFi}). Version 6: the EQF level's doc values, which the relevance sort reads to
   * apply the doctoral prior ({@link DoctoralPriorScores}). Version 7: term vectors with offsets on
   * the description fields, which the highlighter reads instead of analysing the text again.
   * Version 8: no nested implementation documents; "application open now" is a value of the
   * combined facet field ({@link FacetValuesBridge}), kept current by {@code OpenApplications}.
   */
  public static final String INDEX = "education-offering-v8";

  /** Location facet value of offerings that can be taken entirely online. */
  public static final String ONLINE = "online";

  @Id private java.util.UUID id;

  @KeywordField(name = Fields.SOURCE, projectable = Projectable.YES)
  private String source;

  @Column(name = "source_id")
  private String sourceId;

  @KeywordField(name = Fields.KIND, projectable = Projectable.YES)
  private String kind;

  @KeywordField(name = Fields.LEVEL, projectable = Projectable.YES, aggregable = Aggregable.YES)
  private String level;

  @Column(name = "parent_id")
  private java.util.UUID parentId;

  @Column(name = "title_fi")
  private String titleFi;

  @Column(name = "title_sv")
  private String titleSv;

  @Column(name = "title_en")
  private String titleEn;

  @Column(name = "description_fi")
  private String descriptionFi;

  @Column(name = "description_sv")
  private String descriptionSv;

  @Column(name = "description_en")
  private String descriptionEn;

  @Column(name = "alternative_names")
  private String alternativeNames;

  @Column(name = "field_code")
  @KeywordField(name = Fields.FIELD, projectable = Projectable.YES, aggregable = Aggregable.YES)
  private String fieldCode;

  // Sortable for its doc values: the Lucene relevance sort multiplies a doctoral programme's score.
  @GenericField(name = Fields.EQF, sortable = Sortable.YES)
  private Short eqf;

  private Short nqf;

  @Column(name = "national_level_code")
  private String nationalLevelCode;

  @Column(name = "extent_credits")
  private BigDecimal extentCredits;

  @Column(name = "extent_unit")
  private String extentUnit;

  @Column(name = "duration_months")
  @GenericField(name = Fields.DURATION, aggregable = Aggregable.YES)
  private Integer durationMonths;

  @Column(name = "source_url")
  private String sourceUrl;

  @GenericField(name = Fields.ACTIVE)
  private boolean active;

  @GenericField(name = Fields.SYNTHETIC, projectable = Projectable.YES)
  private boolean synthetic;

  @ElementCollection
  @CollectionTable(
      name = "education_learning_outcome",
      joinColumns = @JoinColumn(name = "offering_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 256)
  private List<OutcomeRow> outcomes = new ArrayList<>();

  @ElementCollection
  @CollectionTable(
      name = "education_implementation",
      joinColumns = @JoinColumn(name = "offering_id"))
  @OrderColumn(name = "position")
  @BatchSize(size = 256)
  private List<ImplementationRow> implementations = new ArrayList<>();

  @ElementCollection
  @CollectionTable(
      name = "education_offering_skill",
      joinColumns = @JoinColumn(name = "offering_id"))
  @BatchSize(size = 256)
  private Set<SkillRow> skills = new LinkedHashSet<>();

  protected OfferingDocument() {}

  // --- stored values, for pages and the API ---

  public java.util.UUID id() {
    return id;
  }

  public String source() {
    return source;
  }

  public String sourceId() {
    return sourceId;
  }

  public String kind() {
    return kind;
  }

  public String level() {
    return level;
  }

  public java.util.UUID parentId() {
    return parentId;
  }

  public String title(String language) {
    return switch (language) {
      case "fi" -> titleFi;
      case "sv" -> titleSv;
      case "en" -> titleEn;
      default -> null;
    };
  }

  public String description(String language) {
    return switch (language) {
      case "fi" -> descriptionFi;
      case "sv" -> descriptionSv;
      case "en" -> descriptionEn;
      default -> null;
    };
  }

  public List<String> alternativeNames() {
    return alternativeNames == null ? List.of() : List.of(alternativeNames.split("\n"));
  }

  public String fieldCode() {
    return fieldCode;
  }

  public Short eqf() {
    return eqf;
  }

  public Short nqf() {
    return nqf;
  }

  public String nationalLevelCode() {
    return nationalLevelCode;
  }

  public BigDecimal extentCredits() {
    return extentCredits;
  }

  public String extentUnit() {
    return extentUnit;
  }

  public Integer durationMonths() {
    return durationMonths;
  }

  public String sourceUrl() {
    return sourceUrl;
  }

  public boolean active() {
    return active;
  }

  public boolean synthetic() {
    return synthetic;
  }

  public List<OutcomeRow> outcomes() {
    return outcomes;
  }

  public List<ImplementationRow> implementations() {
    return implementations;
  }

  public Set<SkillRow> skills() {
    return skills;
  }

  // --- derived index fields ---

  @FullTextField(
      name = "title_fi",
      analyzer = EducationAnalysisConfigurer.FI,
      searchAnalyzer = EducationAnalysisConfigurer.FI_QUERY)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getTitleFi() {
    return titleFi;
  }

  @FullTextField(name = "title_sv", analyzer = EducationAnalysisConfigurer.SV)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getTitleSv() {
    return unlessSame(titleSv, titleFi);
  }

  @FullTextField(name = "title_en", analyzer = EducationAnalysisConfigurer.EN)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getTitleEn() {
    return unlessSame(unlessSame(titleEn, titleFi), titleSv);
  }

  /**
   * A title indexed again under another language would count once per language: many records repeat
   * one (usually English) title in all three, and such offerings outranked those titled so in one
   * language only. The pages and the API show the titles as given ({@link #getShownTitleFi}).
   */
  private static String unlessSame(String title, String other) {
    return title != null && title.equalsIgnoreCase(other) ? null : title;
  }

  // Term vectors with offsets on the three description fields: the highlighter reads the words as
  // indexed (compound parts included) instead of analysing the shown descriptions again (ADR 0010).
  @FullTextField(
      name = "body_fi",
      termVector = TermVector.WITH_POSITIONS_OFFSETS,
      analyzer = EducationAnalysisConfigurer.FI,
      searchAnalyzer = EducationAnalysisConfigurer.FI_QUERY,
      projectable = Projectable.YES,
      highlightable = Highlightable.UNIFIED)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getBodyFi() {
    return body(descriptionFi, OutcomeRow::textFi);
  }

  @FullTextField(
      name = "body_sv",
      termVector = TermVector.WITH_POSITIONS_OFFSETS,
      analyzer = EducationAnalysisConfigurer.SV,
      projectable = Projectable.YES,
      highlightable = Highlightable.UNIFIED)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getBodySv() {
    return unlessSame(body(descriptionSv, OutcomeRow::textSv), getBodyFi());
  }

  @FullTextField(
      name = "body_en",
      termVector = TermVector.WITH_POSITIONS_OFFSETS,
      analyzer = EducationAnalysisConfigurer.EN,
      projectable = Projectable.YES,
      highlightable = Highlightable.UNIFIED)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getBodyEn() {
    return unlessSame(
        unlessSame(body(descriptionEn, OutcomeRow::textEn), getBodyFi()), getBodySv());
  }

  /**
   * Alternative names (degree and qualification titles, in any language), provider and place names:
   * analysed for each language, since the sources do not say which language a name is in.
   */
  @FullTextField(
      name = "names_fi",
      analyzer = EducationAnalysisConfigurer.FI,
      searchAnalyzer = EducationAnalysisConfigurer.FI_QUERY)
  @FullTextField(name = "names_sv", analyzer = EducationAnalysisConfigurer.SV)
  @FullTextField(name = "names_en", analyzer = EducationAnalysisConfigurer.EN)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getNames() {
    Set<String> names = new LinkedHashSet<>(alternativeNames());
    for (ImplementationRow implementation : implementations) {
      Stream.of(
              implementation.providerFi(),
              implementation.providerSv(),
              implementation.providerEn(),
              implementation.placeNames())
          .filter(Objects::nonNull)
          .forEach(names::add);
    }
    return names.isEmpty() ? null : String.join("\n", names);
  }

  @FullTextField(
      name = "skills_fi",
      analyzer = EducationAnalysisConfigurer.FI,
      searchAnalyzer = EducationAnalysisConfigurer.FI_QUERY)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getSkillsFi() {
    return skillLabels(SkillRow::labelFi);
  }

  @FullTextField(name = "skills_sv", analyzer = EducationAnalysisConfigurer.SV)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getSkillsSv() {
    return skillLabels(SkillRow::labelSv);
  }

  @FullTextField(name = "skills_en", analyzer = EducationAnalysisConfigurer.EN)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getSkillsEn() {
    return skillLabels(SkillRow::labelEn);
  }

  /** Titles in every language, for as-you-type prefixes and typo-tolerant matching. */
  @FullTextField(
      name = Fields.PREFIX,
      analyzer = EducationAnalysisConfigurer.PREFIX,
      searchAnalyzer = EducationAnalysisConfigurer.FOLDED)
  @FullTextField(name = Fields.TYPO, analyzer = EducationAnalysisConfigurer.FOLDED)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getAllTitles() {
    return Stream.of(titleFi, titleSv, titleEn, alternativeNames)
        .filter(Objects::nonNull)
        .reduce((a, b) -> a + "\n" + b)
        .orElse(null);
  }

  @KeywordField(name = Fields.SKILL, aggregable = Aggregable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public Set<String> getSkillUris() {
    Set<String> uris = new TreeSet<>();
    skills.forEach(s -> uris.add(s.skillUri()));
    return uris;
  }

  /** Municipality codes where it is taught on site, and {@link #ONLINE} when online. */
  @KeywordField(name = Fields.LOCATION, aggregable = Aggregable.YES, projectable = Projectable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public Set<String> getLocations() {
    Set<String> locations = new TreeSet<>();
    for (ImplementationRow implementation : implementations) {
      if (!"ONLINE".equals(implementation.mode())) {
        locations.addAll(implementation.municipalityCodes());
      }
      if (!"ON_SITE".equals(implementation.mode())) {
        locations.add(ONLINE);
      }
    }
    return locations;
  }

  /** The on-site municipalities, indexed as their regions' codes. */
  @KeywordField(
      name = Fields.REGION,
      aggregable = Aggregable.YES,
      valueBridge = @ValueBridgeRef(type = RegionCodeBridge.class))
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public Set<String> getOnSiteMunicipalities() {
    Set<String> municipalities = new TreeSet<>();
    for (ImplementationRow implementation : implementations) {
      if (!"ONLINE".equals(implementation.mode())) {
        municipalities.addAll(implementation.municipalityCodes());
      }
    }
    return municipalities;
  }

  @KeywordField(name = Fields.LANGUAGE, aggregable = Aggregable.YES, projectable = Projectable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public Set<String> getTeachingLanguages() {
    Set<String> languages = new TreeSet<>();
    implementations.forEach(i -> languages.addAll(i.teachingLanguages()));
    return languages;
  }

  @KeywordField(name = Fields.MODE, aggregable = Aggregable.YES, projectable = Projectable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public Set<String> getModes() {
    Set<String> modes = new TreeSet<>();
    implementations.forEach(i -> modes.add(i.mode()));
    return modes;
  }

  @KeywordField(name = Fields.PROVIDER, aggregable = Aggregable.YES, projectable = Projectable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public Set<String> getProviders() {
    Set<String> providers = new TreeSet<>();
    for (ImplementationRow implementation : implementations) {
      Stream.of(
              implementation.providerFi(), implementation.providerSv(), implementation.providerEn())
          .filter(Objects::nonNull)
          .findFirst()
          .ifPresent(providers::add);
    }
    return providers;
  }

  /** {@code free} when some implementation costs nothing, {@code paid} when one has a fee. */
  @KeywordField(name = Fields.COST, aggregable = Aggregable.YES, projectable = Projectable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public Set<String> getCostKinds() {
    Set<String> kinds = new TreeSet<>();
    for (ImplementationRow implementation : implementations) {
      if (implementation.cost() != null) {
        kinds.add(implementation.cost().signum() == 0 ? "free" : "paid");
      }
    }
    return kinds;
  }

  @GenericField(name = Fields.EXTENT, aggregable = Aggregable.YES, projectable = Projectable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public Double getExtent() {
    return extentCredits == null ? null : extentCredits.doubleValue();
  }

  @GenericField(name = Fields.START_DATE, aggregable = Aggregable.YES, sortable = Sortable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public List<LocalDate> getStartDates() {
    return implementations.stream()
        .map(ImplementationRow::startDate)
        .filter(Objects::nonNull)
        .sorted()
        .toList();
  }

  @GenericField(name = Fields.DEADLINE, sortable = Sortable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public List<java.time.Instant> getApplicationDeadlines() {
    return implementations.stream()
        .map(ImplementationRow::applicationEnd)
        .filter(Objects::nonNull)
        .sorted()
        .toList();
  }

  /**
   * The values of nine facets in one field ({@link Facet#combined}: {@code level:DEGREE}, {@code
   * location:091}, {@code extent:5-15}, …), so that one terms aggregation counts them in one pass
   * over the matches instead of nine aggregations each passing over them (docs/adr/0010, issue
   * #20). The facets' own fields stay for filtering and projections. The provider (the top 30 of
   * thousands of values) and the start date (ranges from today) are counted on their own fields.
   *
   * <p>The implementations' application periods come here too, and the bridge indexes {@link
   * FacetValuesBridge#OPEN_NOW} for an offering with one open when it is indexed: the "open now"
   * count and filter are then a term of this field, instead of a nested document per implementation
   * that every query had to join (ADR 0010, sixth amendment).
   */
  @KeywordField(
      name = Fields.FACETS,
      aggregable = Aggregable.YES,
      valueBridge = @ValueBridgeRef(type = FacetValuesBridge.class))
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public Set<String> getFacetValues() {
    Set<String> values = new TreeSet<>();
    if (level != null) {
      values.add(Facet.LEVEL.combined(level));
    }
    if (fieldCode != null) {
      values.add(Facet.FIELD.combined(fieldCode));
    }
    getOnSiteMunicipalities().forEach(m -> values.add(Facet.REGION.combined(m)));
    getLocations().forEach(l -> values.add(Facet.LOCATION.combined(l)));
    getTeachingLanguages().forEach(l -> values.add(Facet.LANGUAGE.combined(l)));
    getModes().forEach(m -> values.add(Facet.MODE.combined(m)));
    getCostKinds().forEach(c -> values.add(Facet.COST.combined(c)));
    String extent =
        extentCredits == null
            ? null
            : Facet.Bucket.keyOf(Facet.EXTENT_BUCKETS, extentCredits.doubleValue());
    if (extent != null) {
      values.add(Facet.EXTENT.combined(extent));
    }
    String duration =
        durationMonths == null ? null : Facet.Bucket.keyOf(Facet.DURATION_BUCKETS, durationMonths);
    if (duration != null) {
      values.add(Facet.DURATION.combined(duration));
    }
    for (ImplementationRow implementation : implementations) {
      if (implementation.applicationStart() != null && implementation.applicationEnd() != null) {
        values.add(
            FacetValuesBridge.applicationPeriod(
                implementation.applicationStart(), implementation.applicationEnd()));
      }
    }
    return values;
  }

  /*
   * The titles and strongest skills a result page shows, stored (never searched) so that a page of
   * hits is projected from the index alone instead of a PostgreSQL round trip per search
   * (docs/adr/0010, third amendment). They are what the tables held when the offering was last
   * indexed, and every write to an offering or its skills reindexes it.
   */

  @KeywordField(
      name = Fields.SHOWN_TITLE + "fi",
      searchable = Searchable.NO,
      projectable = Projectable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getShownTitleFi() {
    return titleFi;
  }

  @KeywordField(
      name = Fields.SHOWN_TITLE + "sv",
      searchable = Searchable.NO,
      projectable = Projectable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getShownTitleSv() {
    return titleSv;
  }

  @KeywordField(
      name = Fields.SHOWN_TITLE + "en",
      searchable = Searchable.NO,
      projectable = Projectable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getShownTitleEn() {
    return titleEn;
  }

  @KeywordField(
      name = Fields.SHOWN_SKILLS + "fi",
      searchable = Searchable.NO,
      projectable = Projectable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public List<String> getShownSkillsFi() {
    return strongestSkills(SkillRow::labelFi);
  }

  @KeywordField(
      name = Fields.SHOWN_SKILLS + "sv",
      searchable = Searchable.NO,
      projectable = Projectable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public List<String> getShownSkillsSv() {
    return strongestSkills(SkillRow::labelSv);
  }

  @KeywordField(
      name = Fields.SHOWN_SKILLS + "en",
      searchable = Searchable.NO,
      projectable = Projectable.YES)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public List<String> getShownSkillsEn() {
    return strongestSkills(SkillRow::labelEn);
  }

  /**
   * The labels of the {@link EducationSearchService#SKILLS_PER_HIT} strongest skills (by score,
   * then URI), in one language or else English or Finnish; a skill without any label (a provider's
   * curated skill before the backfill labels it) takes its place among the strongest but shows
   * nothing, as the page's query from the tables did.
   */
  private List<String> strongestSkills(Function<SkillRow, String> label) {
    return skills.stream()
        .sorted(
            Comparator.comparingDouble(SkillRow::score)
                .reversed()
                .thenComparing(SkillRow::skillUri))
        .limit(EducationSearchService.SKILLS_PER_HIT)
        .map(
            s ->
                Stream.of(label.apply(s), s.labelEn(), s.labelFi())
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null))
        .filter(Objects::nonNull)
        .toList();
  }

  /** A unique, stable tie-breaker, so that paging never repeats or skips equally scored hits. */
  @KeywordField(name = Fields.SORT_KEY, sortable = Sortable.YES, searchable = Searchable.NO)
  @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
  public String getSortKey() {
    return id.toString();
  }

  private String body(String description, Function<OutcomeRow, String> outcomeText) {
    List<String> parts = new ArrayList<>();
    if (description != null) {
      parts.add(description);
    }
    outcomes.stream().map(outcomeText).filter(Objects::nonNull).forEach(parts::add);
    return parts.isEmpty() ? null : String.join("\n", parts);
  }

  private String skillLabels(Function<SkillRow, String> label) {
    Set<String> labels = new TreeSet<>();
    skills.stream().map(label).filter(Objects::nonNull).forEach(labels::add);
    return labels.isEmpty() ? null : String.join("\n", labels);
  }

  /** Index field names the query side uses. */
  public static final class Fields {
    public static final String SOURCE = "source";
    public static final String KIND = "kind";
    public static final String EQF = "eqf";
    public static final String LEVEL = "level";
    public static final String FIELD = "field";
    public static final String DURATION = "duration";
    public static final String ACTIVE = "active";
    public static final String SYNTHETIC = "synthetic";
    public static final String PREFIX = "title_prefix";
    public static final String TYPO = "title_typo";
    public static final String SKILL = "skill";
    public static final String LOCATION = "location";
    public static final String REGION = "region";
    public static final String LANGUAGE = "teaching_language";
    public static final String MODE = "mode";
    public static final String PROVIDER = "provider";
    public static final String COST = "cost";
    public static final String EXTENT = "extent";
    public static final String START_DATE = "start_date";
    public static final String DEADLINE = "application_deadline";
    public static final String SORT_KEY = "sort_key";
    public static final String FACETS = "facet_values";
    public static final String SHOWN_TITLE = "shown_title_";
    public static final String SHOWN_SKILLS = "shown_skills_";

    private Fields() {}
  }
}
