package fi.osaava.taxonomy.internal;

import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.Paging;
import fi.osaava.platform.ResultPage;
import fi.osaava.taxonomy.BroaderRelation;
import fi.osaava.taxonomy.Concept;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.EscoImportOptions;
import fi.osaava.taxonomy.EscoImportReport;
import fi.osaava.taxonomy.LabelKind;
import fi.osaava.taxonomy.OccupationSkill;
import fi.osaava.taxonomy.RelatedConcept;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.taxonomy.SkillCollection;
import fi.osaava.taxonomy.SkillRelation;
import fi.osaava.taxonomy.Suggestion;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.taxonomy.TaxonomyStatus;
import fi.osaava.taxonomy.internal.importer.EscoImporter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The taxonomy's reads, straight from PostgreSQL with plain SQL: every list is one indexed query
 * that picks the label in the reader's language with English as the visible fallback.
 */
@Service
@Transactional(readOnly = true)
class TaxonomyService implements TaxonomyApi {

  /**
   * Columns of a concept summary: the preferred label in the wanted language ({@code :lang}), in
   * English, and in any language as the last resort.
   */
  private static final String SUMMARY_COLUMNS =
      """
      c.uri, c.concept_type, c.code, c.obsolete,
      lw.label as wanted_label,
      le.label as en_label,
      (select la.label || '|' || la.language from taxonomy_label la
        where la.concept_uri = c.uri and la.kind = 'PREFERRED'
        order by la.language limit 1) as any_label""";

  private static final String SUMMARY_JOINS =
      """
      left join taxonomy_label lw on lw.concept_uri = c.uri and lw.kind = 'PREFERRED'
        and lw.language = :lang
      left join taxonomy_label le on le.concept_uri = c.uri and le.kind = 'PREFERRED'
        and le.language = 'en'""";

  private static final String LABEL_ORDER = "lower(coalesce(lw.label, le.label, c.uri))";

  private final JdbcClient jdbc;
  private final EscoImporter importer;
  private final ConceptAutocomplete autocomplete;

  TaxonomyService(JdbcClient jdbc, EscoImporter importer, ConceptAutocomplete autocomplete) {
    this.jdbc = jdbc;
    this.importer = importer;
    this.autocomplete = autocomplete;
  }

  @Override
  public Optional<Concept> concept(ConceptUri uri, Language language) {
    List<Map<String, Object>> rows =
        jdbc.sql("select * from taxonomy_concept where uri = :uri")
            .params(Map.of("uri", uri.value()))
            .query()
            .listOfRows();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = rows.getFirst();
    Map<Language, String> preferred = new EnumMap<>(Language.class);
    Map<Language, List<String>> alternatives = new EnumMap<>(Language.class);
    jdbc.sql(
            """
        select language, kind, label from taxonomy_label
        where concept_uri = :uri and kind <> 'HIDDEN' order by language, kind, position""")
        .params(Map.of("uri", uri.value()))
        .query(
            rs -> {
              Optional<Language> lang = Language.fromCode(rs.getString("language"));
              if (lang.isEmpty()) {
                return;
              }
              if (LabelKind.valueOf(rs.getString("kind")) == LabelKind.PREFERRED) {
                preferred.putIfAbsent(lang.get(), rs.getString("label"));
              } else {
                alternatives
                    .computeIfAbsent(lang.get(), k -> new ArrayList<>())
                    .add(rs.getString("label"));
              }
            });
    Map<Language, String> descriptions = new EnumMap<>(Language.class);
    jdbc.sql(
            """
        select language, coalesce(description, definition) as text from taxonomy_text
        where concept_uri = :uri""")
        .params(Map.of("uri", uri.value()))
        .query(
            rs -> {
              String text = rs.getString("text");
              Language.fromCode(rs.getString("language"))
                  .filter(l -> text != null && !text.isBlank())
                  .ifPresent(l -> descriptions.put(l, text.strip()));
            });
    LocalizedText label = LocalizedText.pick(preferred, language);
    if (label == null) {
      label = new LocalizedText(uri.value(), Language.FALLBACK, true);
    }
    return Optional.of(
        new Concept(
            uri,
            ConceptType.valueOf((String) Objects.requireNonNull(row.get("concept_type"))),
            (String) row.get("code"),
            label,
            alternatives.getOrDefault(label.language(), List.of()),
            LocalizedText.pick(descriptions, language),
            preferred,
            (String) row.get("skill_type"),
            (String) row.get("reuse_level"),
            (String) row.get("isco_code"),
            (String) row.get("status"),
            Boolean.TRUE.equals(row.get("obsolete"))));
  }

  @Override
  public List<ConceptSummary> summaries(List<ConceptUri> uris, Language language) {
    if (uris.isEmpty()) {
      return List.of();
    }
    Map<String, ConceptSummary> byUri = new HashMap<>();
    jdbc.sql(
            "select "
                + SUMMARY_COLUMNS
                + " from taxonomy_concept c "
                + SUMMARY_JOINS
                + " where c.uri in (:uris)")
        .paramSource(
            params(language).addValue("uris", uris.stream().map(ConceptUri::value).toList()))
        .query(
            rs -> {
              ConceptSummary summary = summary(rs, language);
              byUri.put(summary.uri().value(), summary);
            });
    List<ConceptSummary> ordered = new ArrayList<>(uris.size());
    for (ConceptUri uri : uris) {
      ConceptSummary summary = byUri.get(uri.value());
      if (summary != null) {
        ordered.add(summary);
      }
    }
    return ordered;
  }

  @Override
  public ResultPage<ConceptSummary> browse(ConceptType type, Language language, Paging paging) {
    MapSqlParameterSource params = paged(language, paging).addValue("type", type.name());
    return page(
        "select count(*) from taxonomy_concept where concept_type = :type and not obsolete",
        "",
        "taxonomy_concept c",
        "where c.concept_type = :type and not c.obsolete order by " + LABEL_ORDER + ", c.uri",
        params,
        paging,
        (rs, i) -> summary(rs, language));
  }

  @Override
  public List<ConceptSummary> broader(ConceptUri uri, Language language) {
    return jdbc.sql(
            "select "
                + SUMMARY_COLUMNS
                + " from taxonomy_broader b"
                + " join taxonomy_concept c on c.uri = b.broader_uri "
                + SUMMARY_JOINS
                + " where b.concept_uri = :uri order by "
                + LABEL_ORDER)
        .paramSource(params(language).addValue("uri", uri.value()))
        .query((rs, i) -> summary(rs, language))
        .list();
  }

  @Override
  public ResultPage<ConceptSummary> narrower(ConceptUri uri, Language language, Paging paging) {
    MapSqlParameterSource params = paged(language, paging).addValue("uri", uri.value());
    return page(
        "select count(*) from taxonomy_broader where broader_uri = :uri",
        "",
        "taxonomy_broader b join taxonomy_concept c on c.uri = b.concept_uri",
        "where b.broader_uri = :uri order by c.concept_type, " + LABEL_ORDER + ", c.uri",
        params,
        paging,
        (rs, i) -> summary(rs, language));
  }

  @Override
  public ResultPage<RelatedConcept> skillsOfOccupation(
      ConceptUri occupation, RelationType relation, Language language, Paging paging) {
    return related(
        "taxonomy_occupation_skill",
        "occupation_uri",
        "skill_uri",
        occupation,
        relation,
        language,
        paging);
  }

  @Override
  public ResultPage<RelatedConcept> occupationsOfSkill(
      ConceptUri skill, RelationType relation, Language language, Paging paging) {
    return related(
        "taxonomy_occupation_skill",
        "skill_uri",
        "occupation_uri",
        skill,
        relation,
        language,
        paging);
  }

  @Override
  public List<RelatedConcept> relatedSkills(ConceptUri skill, Language language) {
    List<RelatedConcept> outgoing =
        related(
                "taxonomy_skill_relation",
                "skill_uri",
                "related_uri",
                skill,
                null,
                language,
                new Paging(0, Paging.MAX_SIZE))
            .items();
    List<RelatedConcept> incoming =
        related(
                "taxonomy_skill_relation",
                "related_uri",
                "skill_uri",
                skill,
                null,
                language,
                new Paging(0, Paging.MAX_SIZE))
            .items();
    Map<ConceptUri, RelatedConcept> merged = new LinkedHashMap<>();
    outgoing.forEach(r -> merged.putIfAbsent(r.concept().uri(), r));
    incoming.forEach(r -> merged.putIfAbsent(r.concept().uri(), r));
    return List.copyOf(merged.values());
  }

  private ResultPage<RelatedConcept> related(
      String table,
      String fromColumn,
      String toColumn,
      ConceptUri from,
      @Nullable RelationType relation,
      Language language,
      Paging paging) {
    MapSqlParameterSource params =
        paged(language, paging)
            .addValue("uri", from.value())
            .addValue("relation", relation == null ? null : relation.name());
    String where =
        " where r."
            + fromColumn
            + " = :uri and (cast(:relation as text) is null or r.relation = :relation)";
    return page(
        "select count(*) from " + table + " r" + where,
        "r.relation, ",
        table + " r join taxonomy_concept c on c.uri = r." + toColumn,
        where + " order by r.relation, " + LABEL_ORDER + ", c.uri",
        params,
        paging,
        (rs, i) ->
            new RelatedConcept(
                summary(rs, language), RelationType.valueOf(rs.getString("relation"))));
  }

  @Override
  public List<SkillCollection> collections() {
    return jdbc.sql(
            """
        select collection, count(*) as size from taxonomy_collection_member
        group by collection order by collection""")
        .query((rs, i) -> new SkillCollection(rs.getString("collection"), rs.getInt("size")))
        .list();
  }

  @Override
  public ResultPage<ConceptSummary> collectionMembers(
      String code, Language language, Paging paging) {
    MapSqlParameterSource params = paged(language, paging).addValue("code", code);
    return page(
        "select count(*) from taxonomy_collection_member where collection = :code",
        "",
        "taxonomy_collection_member m join taxonomy_concept c on c.uri = m.concept_uri",
        "where m.collection = :code order by " + LABEL_ORDER + ", c.uri",
        params,
        paging,
        (rs, i) -> summary(rs, language));
  }

  @Override
  public List<String> collectionsOf(ConceptUri uri) {
    return jdbc.sql(
            """
        select collection from taxonomy_collection_member where concept_uri = :uri
        order by collection""")
        .params(Map.of("uri", uri.value()))
        .query(String.class)
        .list();
  }

  @Override
  public List<Suggestion> autocomplete(
      String text, Language language, Set<ConceptType> types, int limit) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return autocomplete.suggest(text, language, types, Math.clamp(limit, 1, 50));
  }

  @Override
  public boolean imported() {
    return Boolean.TRUE.equals(
        jdbc.sql("select exists (select 1 from taxonomy_import)").query(Boolean.class).single());
  }

  @Override
  @Transactional(readOnly = true)
  public TaxonomyStatus status() {
    List<Map<String, Object>> latest =
        jdbc.sql("select version, imported_at from taxonomy_import order by id desc limit 1")
            .query()
            .listOfRows();
    Map<ConceptType, Long> concepts = new EnumMap<>(ConceptType.class);
    jdbc.sql(
            """
        select concept_type, count(*) as n from taxonomy_concept where not obsolete
        group by concept_type""")
        .query(
            rs -> {
              concepts.put(ConceptType.valueOf(rs.getString("concept_type")), rs.getLong("n"));
            });
    Long obsolete =
        jdbc.sql("select count(*) from taxonomy_concept where obsolete").query(Long.class).single();
    Map<Language, Long> labels = new EnumMap<>(Language.class);
    jdbc.sql(
            """
        select l.language, count(distinct l.concept_uri) as n from taxonomy_label l
        join taxonomy_concept c on c.uri = l.concept_uri and not c.obsolete
        where l.kind = 'PREFERRED' group by l.language""")
        .query(
            rs -> {
              Language.fromCode(rs.getString("language"))
                  .ifPresent(l -> labels.put(l, safeLong(rs, "n")));
            });
    if (latest.isEmpty()) {
      return new TaxonomyStatus(null, null, concepts, obsolete == null ? 0 : obsolete, labels);
    }
    Map<String, Object> row = latest.getFirst();
    Object importedAt = row.get("imported_at");
    return new TaxonomyStatus(
        (String) row.get("version"),
        importedAt instanceof Timestamp ts
            ? ts.toInstant()
            : importedAt instanceof java.time.OffsetDateTime odt ? odt.toInstant() : null,
        concepts,
        obsolete == null ? 0 : obsolete,
        labels);
  }

  @Override
  public void forEachConcept(Set<ConceptType> types, Consumer<ConceptRecord> consumer) {
    if (types.isEmpty()) {
      return;
    }
    MapSqlParameterSource params =
        new MapSqlParameterSource("types", types.stream().map(Enum::name).toList());
    // Three sorted scans merged in memory: one join of concepts, labels and texts would repeat
    // every description once per label.
    Map<String, List<ConceptRecord.Label>> labels = new HashMap<>();
    jdbc.sql(
            """
        select l.concept_uri, l.language, l.kind, l.label from taxonomy_label l
        join taxonomy_concept c on c.uri = l.concept_uri
        where c.concept_type in (:types) and not c.obsolete
        order by l.concept_uri, l.language, l.kind, l.position""")
        .paramSource(params)
        .query(
            rs -> {
              Optional<Language> language = Language.fromCode(rs.getString("language"));
              if (language.isPresent()) {
                labels
                    .computeIfAbsent(rs.getString("concept_uri"), k -> new ArrayList<>(4))
                    .add(
                        new ConceptRecord.Label(
                            language.get(),
                            LabelKind.valueOf(rs.getString("kind")),
                            rs.getString("label")));
              }
            });
    Map<String, Map<Language, String>> texts = new HashMap<>();
    jdbc.sql(
            """
        select t.concept_uri, t.language, coalesce(t.description, t.definition) as text
        from taxonomy_text t join taxonomy_concept c on c.uri = t.concept_uri
        where c.concept_type in (:types) and not c.obsolete""")
        .paramSource(params)
        .query(
            rs -> {
              String text = rs.getString("text");
              Optional<Language> language = Language.fromCode(rs.getString("language"));
              if (text != null && !text.isBlank() && language.isPresent()) {
                texts
                    .computeIfAbsent(
                        rs.getString("concept_uri"), k -> new EnumMap<>(Language.class))
                    .put(language.get(), text.strip());
              }
            });
    Map<String, ConceptRecord> ordered = new TreeMap<>();
    jdbc.sql(
            """
        select uri, concept_type, isco_code, skill_type, reuse_level from taxonomy_concept
        where concept_type in (:types) and not obsolete""")
        .paramSource(params)
        .query(
            rs -> {
              String uri = rs.getString("uri");
              ordered.put(
                  uri,
                  new ConceptRecord(
                      new ConceptUri(uri),
                      ConceptType.valueOf(rs.getString("concept_type")),
                      rs.getString("isco_code"),
                      rs.getString("skill_type"),
                      rs.getString("reuse_level"),
                      labels.getOrDefault(uri, List.of()),
                      texts.getOrDefault(uri, Map.of())));
            });
    ordered.values().forEach(consumer);
  }

  @Override
  public void forEachOccupationSkill(Consumer<OccupationSkill> consumer) {
    jdbc.sql(
            """
        select r.occupation_uri, r.skill_uri, r.relation from taxonomy_occupation_skill r
        join taxonomy_concept o on o.uri = r.occupation_uri and not o.obsolete
        join taxonomy_concept s on s.uri = r.skill_uri and not s.obsolete
        order by r.occupation_uri, r.relation, r.skill_uri""")
        .query(
            rs -> {
              consumer.accept(
                  new OccupationSkill(
                      new ConceptUri(rs.getString("occupation_uri")),
                      new ConceptUri(rs.getString("skill_uri")),
                      RelationType.valueOf(rs.getString("relation"))));
            });
  }

  @Override
  public void forEachSkillBroader(Consumer<BroaderRelation> consumer) {
    jdbc.sql(
            """
        select b.concept_uri, b.broader_uri from taxonomy_broader b
        join taxonomy_concept c on c.uri = b.concept_uri and not c.obsolete
        join taxonomy_concept p on p.uri = b.broader_uri and not p.obsolete
        where b.pillar = 'SKILL'
        order by b.concept_uri, b.broader_uri""")
        .query(
            rs -> {
              consumer.accept(
                  new BroaderRelation(
                      new ConceptUri(rs.getString("concept_uri")),
                      new ConceptUri(rs.getString("broader_uri"))));
            });
  }

  @Override
  public void forEachSkillRelation(Consumer<SkillRelation> consumer) {
    jdbc.sql(
            """
        select r.skill_uri, r.related_uri, r.relation from taxonomy_skill_relation r
        join taxonomy_concept s on s.uri = r.skill_uri and not s.obsolete
        join taxonomy_concept t on t.uri = r.related_uri and not t.obsolete
        order by r.skill_uri, r.related_uri""")
        .query(
            rs -> {
              consumer.accept(
                  new SkillRelation(
                      new ConceptUri(rs.getString("skill_uri")),
                      new ConceptUri(rs.getString("related_uri")),
                      RelationType.valueOf(rs.getString("relation"))));
            });
  }

  @Override
  @Transactional(readOnly = false)
  public EscoImportReport importEsco(
      List<Path> inputs, EscoImportOptions options, ImportProgress progress) {
    return importer.importEsco(inputs, options, progress);
  }

  /**
   * One page of concept summaries: {@code countSql} counts the whole list; the page selects {@code
   * extraColumns} and the summary columns {@code from} the given tables (with {@code c} the
   * concept), with the label joins, then {@code whereAndOrder}.
   */
  private <T> ResultPage<T> page(
      String countSql,
      String extraColumns,
      String from,
      String whereAndOrder,
      MapSqlParameterSource params,
      Paging paging,
      RowMapper<T> mapper) {
    Long total = jdbc.sql(countSql).paramSource(params).query(Long.class).single();
    List<T> items =
        jdbc.sql(
                "select "
                    + extraColumns
                    + SUMMARY_COLUMNS
                    + " from "
                    + from
                    + " "
                    + SUMMARY_JOINS
                    + " "
                    + whereAndOrder
                    + " limit :limit offset :offset")
            .paramSource(params)
            .query(mapper)
            .list();
    return ResultPage.of(items, paging, total == null ? 0 : total);
  }

  private static long safeLong(ResultSet rs, String column) {
    try {
      return rs.getLong(column);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static MapSqlParameterSource params(Language language) {
    return new MapSqlParameterSource("lang", language.code());
  }

  private static MapSqlParameterSource paged(Language language, Paging paging) {
    return params(language).addValue("limit", paging.size()).addValue("offset", paging.offset());
  }

  private static ConceptSummary summary(ResultSet rs, Language language) throws SQLException {
    String wanted = rs.getString("wanted_label");
    LocalizedText label;
    if (wanted != null) {
      label = new LocalizedText(wanted, language, false);
    } else if (rs.getString("en_label") != null) {
      label = new LocalizedText(rs.getString("en_label"), Language.EN, language != Language.EN);
    } else {
      String any = rs.getString("any_label");
      if (any != null) {
        int bar = any.lastIndexOf('|');
        label =
            new LocalizedText(
                any.substring(0, bar),
                Language.fromCode(any.substring(bar + 1)).orElse(Language.FALLBACK),
                true);
      } else {
        label = new LocalizedText(rs.getString("uri"), Language.FALLBACK, true);
      }
    }
    return new ConceptSummary(
        new ConceptUri(rs.getString("uri")),
        ConceptType.valueOf(rs.getString("concept_type")),
        rs.getString("code"),
        label,
        rs.getBoolean("obsolete"));
  }
}
