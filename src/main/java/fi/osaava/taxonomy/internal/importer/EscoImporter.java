package fi.osaava.taxonomy.internal.importer;

import fi.osaava.platform.DataChanges;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.SnapshotShrinkGuard;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.EscoImportOptions;
import fi.osaava.taxonomy.EscoImportReport;
import fi.osaava.taxonomy.EscoImported;
import fi.osaava.taxonomy.internal.importer.EscoDataset.ConceptRow;
import fi.osaava.taxonomy.internal.importer.EscoDataset.Edge;
import fi.osaava.taxonomy.internal.importer.EscoDataset.Label;
import fi.osaava.taxonomy.internal.importer.EscoDataset.LabelScope;
import fi.osaava.taxonomy.internal.importer.EscoDataset.TextRow;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes an ESCO import run in one transaction: concepts are upserted by URI (stable across
 * versions), labels and texts replaced per concept, language and column, relation files replace
 * their relation set, and concepts that a newer classification file no longer has are marked
 * obsolete, never deleted. Identical input (same files, same bytes) is recognised by its digest and
 * changes nothing. Any error rolls the whole run back.
 */
@Component
public class EscoImporter {

  private static final Pattern VERSION =
      Pattern.compile("(?i)(?:^|[^0-9a-z])v(\\d+(?:\\.\\d+){1,3})(?![0-9])");
  private static final long LOCK_KEY = 0x65_73_63_6fL;

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final DataChanges dataChanges;
  private final CopyRows.Mode writeMode;

  @org.springframework.beans.factory.annotation.Autowired
  EscoImporter(
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      ApplicationEventPublisher events,
      DataChanges dataChanges) {
    this(dataSource, transactionManager, events, dataChanges, CopyRows.Mode.COPY);
  }

  /**
   * @param dataChanges where the import records that ESCO changed; the benchmark's scratch schema
   *     has no version table and passes one that records nothing
   */
  EscoImporter(
      DataSource dataSource,
      PlatformTransactionManager transactionManager,
      ApplicationEventPublisher events,
      DataChanges dataChanges,
      CopyRows.Mode writeMode) {
    this.writeMode = writeMode;
    this.dataSource = dataSource;
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(transactionManager);
    this.events = events;
    this.dataChanges = dataChanges;
  }

  public EscoImportReport importEsco(
      List<Path> inputs, EscoImportOptions options, ImportProgress progress) {
    long started = System.nanoTime();
    String inputNames = inputs.stream().map(Path::toString).collect(Collectors.joining(", "));
    List<EscoSource> sources;
    try {
      sources = EscoSource.expand(inputs);
    } catch (IOException e) {
      throw new InvalidInputException(
          inputNames, 0, null, Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
    }
    if (sources.isEmpty()) {
      throw new InvalidInputException(inputNames, 0, null, "no ESCO CSV files found here");
    }
    String version =
        options.version() != null
            ? checkVersion(options.version())
            : detectVersion(inputs, sources);
    String digest;
    try {
      digest = EscoSource.digest(sources, version);
    } catch (IOException e) {
      throw new InvalidInputException(inputNames, 0, null, "cannot read: " + e.getMessage(), e);
    }
    Result result =
        transactions.execute(
            status -> {
              Result written =
                  write(sources, version, digest, options, progress, started, inputNames);
              if (!written.report().unchanged()) {
                dataChanges.record(EscoImported.DATASET);
              }
              return written;
            });
    if (!result.report().unchanged()) {
      // Fresh planner statistics now: until autovacuum gets to the reloaded tables, the label
      // joins are planned blind and a page query can take seconds instead of milliseconds.
      jdbc.sql(
              "analyze taxonomy_concept, taxonomy_label, taxonomy_text, taxonomy_broader,"
                  + " taxonomy_occupation_skill, taxonomy_skill_relation, taxonomy_collection_member")
          .update();
      progress.report("committed; rebuilding derived indexes");
      // In a transaction of its own, so that the event publication registry records it for every
      // listener before any runs (after its commit), and resubmits the ones that fail.
      transactions.executeWithoutResult(
          status -> events.publishEvent(new EscoImported(version, result.importId())));
    }
    return result.report();
  }

  private record Result(EscoImportReport report, long importId) {}

  private Result write(
      List<EscoSource> sources,
      String version,
      String digest,
      EscoImportOptions options,
      ImportProgress progress,
      long started,
      String inputNames) {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query().listOfRows();
    List<String> files = sources.stream().map(EscoSource::displayName).toList();
    Integer same =
        jdbc.sql("select count(*) from taxonomy_import where content_digest = ?")
            .param(digest)
            .query(Integer.class)
            .single();
    if (same != null && same > 0) {
      return new Result(
          new EscoImportReport(
              version, true, files, 0, 0, 0, 0, 0, List.of(), millisSince(started)),
          -1);
    }
    List<String> latest =
        jdbc.sql("select version from taxonomy_import order by id desc limit 1")
            .query(String.class)
            .list();
    if (!latest.isEmpty() && compareVersions(version, latest.getFirst()) < 0) {
      throw new InvalidInputException(
          inputNames,
          0,
          null,
          "ESCO "
              + version
              + " is older than the imported "
              + latest.getFirst()
              + "; not imported");
    }
    Map<String, ConceptType> stored = new HashMap<>(32_768);
    jdbc.sql("select uri, concept_type from taxonomy_concept")
        .query(
            rs -> {
              stored.put(rs.getString(1), ConceptType.valueOf(rs.getString(2)));
            });
    long reading = System.nanoTime();
    EscoDataset data = new EscoReader(options.referenceLanguage(), stored, progress).read(sources);
    progress.report(
        String.format(
            java.util.Locale.ROOT,
            "read %d files in %.1f s",
            data.files.size(),
            (System.nanoTime() - reading) / 1e9));
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      // Checked against the classification as it was, before this import writes anything.
      checkShrink(connection, data, options.allowShrink(), inputNames);
      int added = writeConcepts(connection, data, version, progress);
      int obsoleted = markObsolete(data);
      writeLabels(connection, data, progress);
      writeTexts(connection, data);
      writeRelations(connection, data, progress);
      Long id =
          jdbc.sql(
                  """
              insert into taxonomy_import
                (version, content_digest, files, concepts, added, obsoleted, labels, relations)
              values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
              .params(
                  version,
                  digest,
                  String.join("\n", files),
                  data.concepts.size(),
                  added,
                  obsoleted,
                  data.labelCount(),
                  data.relationCount())
              .query(Long.class)
              .single();
      return new Result(
          new EscoImportReport(
              version,
              false,
              data.files,
              data.concepts.size(),
              added,
              obsoleted,
              data.labelCount(),
              data.relationCount(),
              data.warnings,
              millisSince(started)),
          id == null ? -1 : id);
    } catch (SQLException e) {
      throw new IllegalStateException("Writing the ESCO import failed: " + e.getMessage(), e);
    }
  }

  private int writeConcepts(
      Connection connection, EscoDataset data, String version, ImportProgress progress)
      throws SQLException {
    progress.report("writing " + data.concepts.size() + " concepts");
    jdbc.sql(
            """
        create temp table tmp_concept (uri text primary key, concept_type text, code text,
          isco_code text, skill_type text, reuse_level text, status text) on commit drop""")
        .update();
    CopyRows rows = rows();
    for (ConceptRow c : data.concepts.values()) {
      rows.add(c.uri)
          .add(c.type.name())
          .add(c.code)
          .add(c.iscoCode)
          .add(c.skillType)
          .add(c.reuseLevel)
          .add(c.status)
          .endRow();
    }
    rows.copyInto(connection, "tmp_concept");
    Integer added =
        jdbc.sql(
                """
            select count(*) from tmp_concept t
            where not exists (select 1 from taxonomy_concept c where c.uri = t.uri)""")
            .query(Integer.class)
            .single();
    jdbc.sql(
            """
        insert into taxonomy_concept as c (uri, concept_type, code, isco_code, skill_type,
          reuse_level, status, obsolete, first_version, last_version)
        select uri, concept_type, code, isco_code, skill_type, reuse_level, status, false, ?, ?
        from tmp_concept
        on conflict (uri) do update set
          code = coalesce(excluded.code, c.code),
          isco_code = coalesce(excluded.isco_code, c.isco_code),
          skill_type = coalesce(excluded.skill_type, c.skill_type),
          reuse_level = coalesce(excluded.reuse_level, c.reuse_level),
          status = coalesce(excluded.status, c.status),
          obsolete = false,
          last_version = excluded.last_version""")
        .params(version, version)
        .update();
    return added == null ? 0 : added;
  }

  /**
   * Refuses an input whose classification files lack more than a plausible share of the current
   * concepts of the types they define (a truncated file would otherwise make them obsolete). Leaves
   * the defined URIs in {@code tmp_defined} for {@link #markObsolete}.
   */
  private void checkShrink(
      Connection connection, EscoDataset data, boolean allowShrink, String inputNames)
      throws SQLException {
    if (data.definedTypes.isEmpty()) {
      return;
    }
    jdbc.sql("create temp table tmp_defined (uri text primary key) on commit drop").update();
    CopyRows rows = rows();
    data.definedUris.forEach(uri -> rows.add(uri).endRow());
    rows.copyInto(connection, "tmp_defined");
    Map<String, Object> counts =
        jdbc.sql(
                "select count(*) as current, count(*) filter (where not exists (select 1 from"
                    + " tmp_defined d where d.uri = c.uri)) as retired from taxonomy_concept c"
                    + " where not c.obsolete and c.concept_type in ("
                    + definedTypes(data)
                    + ")")
            .query()
            .singleRow();
    SnapshotShrinkGuard.check(
        inputNames,
        "current ESCO concepts of the types these files define",
        ((Number) Objects.requireNonNull(counts.get("current"))).longValue(),
        ((Number) Objects.requireNonNull(counts.get("retired"))).longValue(),
        allowShrink);
  }

  private static String definedTypes(EscoDataset data) {
    return data.definedTypes.stream()
        .map(t -> "'" + t.name() + "'")
        .collect(Collectors.joining(","));
  }

  private int markObsolete(EscoDataset data) {
    if (data.definedTypes.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            "update taxonomy_concept c set obsolete = true where not c.obsolete and c.concept_type in ("
                + definedTypes(data)
                + ") and not exists (select 1 from tmp_defined d where d.uri = c.uri)")
        .update();
  }

  private void writeLabels(Connection connection, EscoDataset data, ImportProgress progress)
      throws SQLException {
    progress.report("writing " + data.labelCount() + " labels");
    jdbc.sql(
            """
        create temp table tmp_label_scope (uri text, language text, kind text) on commit drop;
        create temp table tmp_label (uri text, language text, kind text, label text,
          position integer) on commit drop""")
        .update();
    CopyRows scopes = rows();
    for (LabelScope scope : data.labelScopes) {
      scopes.add(scope.uri()).add(scope.language().code()).add(scope.kind().name()).endRow();
    }
    scopes.copyInto(connection, "tmp_label_scope");
    CopyRows labels = rows();
    for (List<Label> list : data.labels.values()) {
      for (Label label : list) {
        labels
            .add(label.uri())
            .add(label.language().code())
            .add(label.kind().name())
            .add(label.text())
            .add(label.position())
            .endRow();
      }
    }
    labels.copyInto(connection, "tmp_label");
    jdbc.sql(
            """
        delete from taxonomy_label l using tmp_label_scope s
        where l.concept_uri = s.uri and l.language = s.language and l.kind = s.kind""")
        .update();
    jdbc.sql(
            """
        insert into taxonomy_label (concept_uri, language, kind, label, position)
        select uri, language, kind, label, position from tmp_label
        on conflict do nothing""")
        .update();
  }

  private void writeTexts(Connection connection, EscoDataset data) throws SQLException {
    if (data.texts.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
        create temp table tmp_text (uri text, language text, description text, definition text,
          scope_note text, has_description boolean, has_definition boolean,
          has_scope_note boolean) on commit drop""")
        .update();
    CopyRows rows = rows();
    for (TextRow t : data.texts.values()) {
      rows.add(t.uri)
          .add(t.language.code())
          .add(t.description)
          .add(t.definition)
          .add(t.scopeNote)
          .add(t.hasDescription ? "t" : "f")
          .add(t.hasDefinition ? "t" : "f")
          .add(t.hasScopeNote ? "t" : "f")
          .endRow();
    }
    rows.copyInto(connection, "tmp_text");
    jdbc.sql(
            """
        update taxonomy_text t set
          description = case when s.has_description then s.description else t.description end,
          definition = case when s.has_definition then s.definition else t.definition end,
          scope_note = case when s.has_scope_note then s.scope_note else t.scope_note end
        from tmp_text s where t.concept_uri = s.uri and t.language = s.language""")
        .update();
    jdbc.sql(
            """
        insert into taxonomy_text (concept_uri, language, description, definition, scope_note)
        select uri, language, description, definition, scope_note from tmp_text s
        where not exists (select 1 from taxonomy_text t
                          where t.concept_uri = s.uri and t.language = s.language)""")
        .update();
  }

  /** Occupation–skill and skill–skill files always give the type; the reader requires it. */
  private static String relationName(Edge e) {
    return Objects.requireNonNull(e.relation(), "relation").name();
  }

  private void writeRelations(Connection connection, EscoDataset data, ImportProgress progress)
      throws SQLException {
    progress.report("writing " + data.relationCount() + " relations");
    for (var entry : data.broader.entrySet()) {
      jdbc.sql("delete from taxonomy_broader where pillar = ?")
          .param(entry.getKey().name())
          .update();
      CopyRows rows = rows();
      for (Edge e : entry.getValue().values()) {
        rows.add(e.from()).add(e.to()).add(entry.getKey().name()).endRow();
      }
      rows.copyInto(connection, "taxonomy_broader (concept_uri, broader_uri, pillar)");
    }
    if (data.occupationSkills != null) {
      jdbc.sql("delete from taxonomy_occupation_skill").update();
      CopyRows rows = rows();
      for (Edge e : data.occupationSkills.values()) {
        rows.add(e.from()).add(e.to()).add(relationName(e)).endRow();
      }
      rows.copyInto(connection, "taxonomy_occupation_skill (occupation_uri, skill_uri, relation)");
    }
    if (data.skillSkills != null) {
      jdbc.sql("delete from taxonomy_skill_relation").update();
      CopyRows rows = rows();
      for (Edge e : data.skillSkills.values()) {
        rows.add(e.from()).add(e.to()).add(relationName(e)).endRow();
      }
      rows.copyInto(connection, "taxonomy_skill_relation (skill_uri, related_uri, relation)");
    }
    for (var entry : data.collections.entrySet()) {
      jdbc.sql("delete from taxonomy_collection_member where collection = ?")
          .param(entry.getKey())
          .update();
      CopyRows rows = rows();
      for (Edge e : entry.getValue().values()) {
        rows.add(entry.getKey()).add(e.from()).endRow();
      }
      rows.copyInto(connection, "taxonomy_collection_member (collection, concept_uri)");
    }
  }

  private CopyRows rows() {
    return new CopyRows(writeMode);
  }

  /** Finds the one ESCO version named in the paths, such as {@code v1.1.1}. */
  static String detectVersion(List<Path> inputs, List<EscoSource> sources) {
    Set<String> found = new TreeSet<>();
    List<String> names = new ArrayList<>();
    inputs.forEach(p -> names.add(p.toAbsolutePath().normalize().toString()));
    sources.forEach(s -> names.add(s.displayName()));
    for (String name : names) {
      Matcher m = VERSION.matcher(name);
      while (m.find()) {
        found.add(m.group(1));
      }
    }
    String where = names.isEmpty() ? "input" : names.getFirst();
    if (found.isEmpty()) {
      throw new InvalidInputException(
          where, 0, null, "cannot tell the ESCO version from the paths; pass --esco-version");
    }
    if (found.size() > 1) {
      throw new InvalidInputException(
          where,
          0,
          null,
          "the paths name several ESCO versions " + found + "; import one at a time");
    }
    return found.iterator().next();
  }

  private static String checkVersion(String version) {
    String v = version.strip().replaceFirst("^[vV]", "");
    if (!v.matches("\\d+(\\.\\d+){0,3}")) {
      throw new InvalidInputException(
          "--esco-version", 0, null, "not a version number: '" + version + "'");
    }
    return v;
  }

  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? Integer.parseInt(x[i]) : 0;
      int q = i < y.length ? Integer.parseInt(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static long millisSince(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
