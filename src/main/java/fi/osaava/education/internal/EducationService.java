package fi.osaava.education.internal;

import fi.osaava.education.CatalogueChanged;
import fi.osaava.education.EducationApi;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationImportReport;
import fi.osaava.education.EducationLevel;
import fi.osaava.education.MatchableOffering;
import fi.osaava.education.OfferingId;
import fi.osaava.education.internal.importer.CatalogueWriter;
import fi.osaava.education.internal.importer.EducationFiles;
import fi.osaava.education.internal.importer.JsonLdReader;
import fi.osaava.education.internal.importer.ReadResult;
import fi.osaava.education.internal.importer.SyntheticOfferings;
import fi.osaava.education.internal.search.EducationIndexer;
import fi.osaava.education.internal.web.EducationPush;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptUri;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue's imports and its read side for other modules. Each source is written in its own
 * transaction, which also publishes {@link CatalogueChanged}, so listeners see only committed
 * changes; the index and the skill backfill follow after the commit.
 */
@Service
class EducationService implements EducationApi, EducationCatalogue, EducationPush {

  private static final String MATCHABLE =
      """
      select o.id, o.title_fi, o.title_sv, o.title_en, o.level, o.field_code, o.extent_credits,
        o.duration_months, o.synthetic,
        (select array_agg(distinct s.skill_uri) from education_offering_skill s
          where s.offering_id = o.id) as skills,
        (select array_agg(distinct c) from education_implementation i, unnest(i.municipality_codes) c
          where i.offering_id = o.id and i.mode <> 'ONLINE') as municipalities,
        (select array_agg(distinct l) from education_implementation i, unnest(i.teaching_languages) l
          where i.offering_id = o.id) as languages,
        (select coalesce(bool_or(i.mode <> 'ON_SITE'), false) from education_implementation i
          where i.offering_id = o.id) as online,
        (select min(i.cost) from education_implementation i where i.offering_id = o.id) as cost,
        (select array_agg(i.start_date order by i.start_date) from education_implementation i
          where i.offering_id = o.id and i.start_date >= current_date) as starts
      from education_offering o
      where o.active
      """;

  private final CatalogueWriter writer;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher events;
  private final EducationIndexer indexer;
  private final SkillBackfill backfill;
  private final JdbcTemplate jdbc;
  private final RegionsApi regions;
  private final SyntheticOfferings synthetic;

  EducationService(
      CatalogueWriter writer,
      TransactionTemplate transactions,
      ApplicationEventPublisher events,
      EducationIndexer indexer,
      SkillBackfill backfill,
      JdbcTemplate jdbc,
      RegionsApi regions,
      SyntheticOfferings synthetic) {
    this.regions = regions;
    this.synthetic = synthetic;
    this.writer = writer;
    this.transactions = transactions;
    this.events = events;
    this.indexer = indexer;
    this.backfill = backfill;
    this.jdbc = jdbc;
  }

  @Override
  public List<EducationImportReport> importFiles(List<Path> paths, ImportProgress progress) {
    List<Path> files = EducationFiles.find(paths);
    progress.report("reading " + files.size() + " files");
    List<EducationImportReport> reports = new ArrayList<>();
    Set<UUID> changed = new HashSet<>();
    for (ReadResult read : EducationFiles.read(files)) {
      reports.add(write(read, changed, progress));
    }
    afterCommit(changed);
    return reports;
  }

  @Override
  public EducationImportReport importJsonLd(Path file, ImportProgress progress) {
    ReadResult read = JsonLdReader.read(file, this::municipalityCode);
    Set<UUID> changed = new HashSet<>();
    EducationImportReport report = write(read, changed, progress);
    afterCommit(changed);
    return report;
  }

  /** A municipality's code from its name in fi/sv/en, for providers' addresses. */
  Optional<String> municipalityCode(String name) {
    return regions.areaByName(AreaLevel.MUNICIPALITY, name).map(Area::code);
  }

  /** The providers' push: one JSON-LD document, upserted, nothing deactivated. */
  @Override
  public EducationImportReport publish(byte[] document) {
    ReadResult read =
        JsonLdReader.read(
            new java.io.ByteArrayInputStream(document), "request body", this::municipalityCode);
    Set<UUID> changed = new HashSet<>();
    EducationImportReport report = write(read, changed, ImportProgress.silent());
    afterCommit(changed);
    return report;
  }

  private EducationImportReport write(ReadResult read, Set<UUID> changed, ImportProgress progress) {
    CatalogueWriter.Outcome outcome =
        transactions.execute(
            status -> {
              CatalogueWriter.Outcome written = writer.write(read);
              if (!written.changedIds().isEmpty()) {
                events.publishEvent(new CatalogueChanged(written.changedIds().size()));
              }
              return written;
            });
    changed.addAll(outcome.changedIds());
    EducationImportReport report =
        new EducationImportReport(
            read.source(),
            read.records().size(),
            outcome.inserted(),
            outcome.updated(),
            outcome.deactivated(),
            read.errors());
    progress.report(
        "%s: %d records, %d new, %d changed, %d deactivated, %d skipped"
            .formatted(
                report.source(),
                report.records(),
                report.inserted(),
                report.updated(),
                report.deactivated(),
                report.errors().size()));
    report.errors().forEach(e -> progress.report("skipped " + e));
    return report;
  }

  @Override
  public int generateSynthetic(int count, long seed, ImportProgress progress) {
    SyntheticOfferings.Generated generated = synthetic.generate(count, seed, progress::report);
    if (!generated.changedIds().isEmpty()) {
      events.publishEvent(new CatalogueChanged(generated.changedIds().size()));
    }
    progress.report(
        "%,d synthetic offerings from %,d real ones: %,d new, %,d changed; indexing"
            .formatted(count, generated.donors(), generated.inserted(), generated.updated()));
    indexer.reindex(generated.changedIds());
    return generated.changedIds().size();
  }

  private void afterCommit(Set<UUID> changed) {
    indexer.reindex(changed);
    backfill.trigger();
  }

  @Override
  public void forEachMatchableOffering(Language language, Consumer<MatchableOffering> consumer) {
    jdbc.query(
        MATCHABLE,
        rs -> {
          consumer.accept(matchable(rs, language));
        });
  }

  @Override
  public int identifyPendingSkills() {
    return backfill.runToCompletion();
  }

  @Override
  public Optional<MatchableOffering> matchableOffering(OfferingId id, Language language) {
    List<MatchableOffering> found =
        jdbc.query(MATCHABLE + " and o.id = ?", (rs, n) -> matchable(rs, language), id.value());
    return found.stream().findFirst();
  }

  private static MatchableOffering matchable(ResultSet rs, Language language) throws SQLException {
    Map<Language, String> titles = new EnumMap<>(Language.class);
    putIfPresent(titles, Language.FI, rs.getString("title_fi"));
    putIfPresent(titles, Language.SV, rs.getString("title_sv"));
    putIfPresent(titles, Language.EN, rs.getString("title_en"));
    LocalizedText title = LocalizedText.pick(titles, language);
    Set<ConceptUri> skills = new HashSet<>();
    strings(rs.getArray("skills")).forEach(s -> skills.add(ConceptUri.of(s)));
    Set<Language> languages = new HashSet<>();
    strings(rs.getArray("languages")).forEach(l -> Language.fromCode(l).ifPresent(languages::add));
    List<java.time.LocalDate> starts = new ArrayList<>();
    Array startArray = rs.getArray("starts");
    if (startArray != null) {
      for (Object date : (Object[]) startArray.getArray()) {
        starts.add(((java.sql.Date) date).toLocalDate());
      }
    }
    Integer duration = rs.getObject("duration_months", Integer.class);
    return new MatchableOffering(
        new OfferingId(rs.getObject("id", UUID.class)),
        title,
        EducationLevel.valueOf(rs.getString("level")),
        rs.getString("field_code"),
        skills,
        rs.getBigDecimal("extent_credits"),
        duration,
        rs.getBigDecimal("cost"),
        rs.getBoolean("online"),
        new HashSet<>(strings(rs.getArray("municipalities"))),
        languages,
        starts,
        rs.getBoolean("synthetic"));
  }

  private static void putIfPresent(Map<Language, String> map, Language language, String text) {
    if (text != null && !text.isBlank()) {
      map.put(language, text);
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    List<String> values = new ArrayList<>();
    if (array != null) {
      for (Object value : (Object[]) array.getArray()) {
        if (value != null) {
          values.add(value.toString());
        }
      }
    }
    return values;
  }
}
