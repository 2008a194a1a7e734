package fi.osaava.education.internal;

import fi.osaava.education.CatalogueChanged;
import fi.osaava.education.EducationApi;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationImportReport;
import fi.osaava.education.EducationLevel;
import fi.osaava.education.MatchableOffering;
import fi.osaava.education.OfferingId;
import fi.osaava.education.OfferingsPublished;
import fi.osaava.education.OfferingsWithdrawn;
import fi.osaava.education.SearchableOffering;
import fi.osaava.education.internal.importer.CatalogueWriter;
import fi.osaava.education.internal.importer.EducationFiles;
import fi.osaava.education.internal.importer.JsonLdReader;
import fi.osaava.education.internal.importer.ReadResult;
import fi.osaava.education.internal.importer.SyntheticOfferings;
import fi.osaava.education.internal.search.EducationReindexRequests;
import fi.osaava.education.internal.search.SearchableOfferings;
import fi.osaava.education.internal.web.EducationPush;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
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
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue's imports and its read side for other modules. Every import run is written in one
 * transaction, all or nothing, which also publishes {@link CatalogueChanged} and queues the index
 * work; the index and the skill backfill follow after the commit.
 */
@Service
class EducationService implements EducationApi, EducationCatalogue, EducationPush {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(EducationService.class);

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
  private final EducationReindexRequests reindexRequests;
  private final SkillBackfill backfill;
  private final JdbcClient jdbc;
  private final RegionsApi regions;
  private final SyntheticOfferings synthetic;
  private final SearchableOfferings searchable;

  EducationService(
      CatalogueWriter writer,
      TransactionTemplate transactions,
      ApplicationEventPublisher events,
      EducationReindexRequests reindexRequests,
      SkillBackfill backfill,
      JdbcClient jdbc,
      RegionsApi regions,
      SyntheticOfferings synthetic,
      SearchableOfferings searchable) {
    this.searchable = searchable;
    this.regions = regions;
    this.synthetic = synthetic;
    this.writer = writer;
    this.transactions = transactions;
    this.events = events;
    this.reindexRequests = reindexRequests;
    this.backfill = backfill;
    this.jdbc = jdbc;
  }

  @Override
  public List<EducationImportReport> importFiles(
      List<Path> paths, boolean allowShrink, ImportProgress progress) {
    List<Path> files = EducationFiles.find(paths);
    progress.report("reading " + files.size() + " files");
    return write(EducationFiles.read(files), allowShrink, progress);
  }

  @Override
  public EducationImportReport importJsonLd(Path file, ImportProgress progress) {
    return write(List.of(JsonLdReader.read(file, this::municipalityCode)), false, progress)
        .getFirst();
  }

  /** A municipality's code from its name in fi/sv/en, for providers' addresses. */
  Optional<String> municipalityCode(String name) {
    return regions.areaByName(AreaLevel.MUNICIPALITY, name).map(Area::code);
  }

  /** The providers' push: one JSON-LD document, all or nothing, nothing deactivated. */
  @Override
  public EducationImportReport publish(byte[] document) {
    ReadResult read =
        JsonLdReader.read(
            new java.io.ByteArrayInputStream(document), "request body", this::municipalityCode);
    return write(List.of(read), false, ImportProgress.silent()).getFirst();
  }

  /** Deactivates one offering and reindexes it at once, as a deactivating snapshot would. */
  @Override
  public boolean withdraw(UUID offering) {
    Boolean withdrawn =
        transactions.execute(
            status -> {
              int changed =
                  jdbc.sql(
                          "update education_offering set active = false, updated_at = now()"
                              + " where id = ? and active")
                      .param(offering)
                      .update();
              if (changed == 0) {
                return false;
              }
              reindexRequests.request(Set.of(offering));
              events.publishEvent(new CatalogueChanged(1));
              events.publishEvent(new OfferingsWithdrawn(List.of(new OfferingId(offering))));
              return true;
            });
    afterCommit(ImportProgress.silent());
    return Boolean.TRUE.equals(withdrawn);
  }

  /**
   * Writes every read in one transaction, or nothing: a read with any malformed record is refused
   * before anything is written (a snapshot missing a record would otherwise deactivate it, and a
   * batch would be half stored), and a snapshot the shrink guard refuses rolls back every source of
   * the run. The index work commits with the change and is done right after it, here or, when the
   * running service holds the index, by the service.
   */
  private List<EducationImportReport> write(
      List<ReadResult> reads, boolean allowShrink, ImportProgress progress) {
    refuseMalformed(reads, progress);
    List<EducationImportReport> reports =
        transactions.execute(
            status -> {
              List<EducationImportReport> written = new ArrayList<>();
              Set<UUID> changed = new HashSet<>();
              for (ReadResult read : reads) {
                CatalogueWriter.Outcome outcome = writer.write(read, allowShrink);
                changed.addAll(outcome.changedIds());
                written.add(
                    new EducationImportReport(
                        read.source(),
                        read.records().size(),
                        outcome.inserted(),
                        outcome.updated(),
                        outcome.deactivated(),
                        read.errors()));
              }
              if (!changed.isEmpty()) {
                reindexRequests.request(changed);
                events.publishEvent(new CatalogueChanged(changed.size()));
                // Deactivated ones are in changed too; the listeners skip what is not active.
                events.publishEvent(
                    new OfferingsPublished(changed.stream().map(OfferingId::new).toList()));
              }
              return written;
            });
    for (EducationImportReport report : reports) {
      progress.report(
          "%s: %d records, %d new, %d changed, %d deactivated"
              .formatted(
                  report.source(),
                  report.records(),
                  report.inserted(),
                  report.updated(),
                  report.deactivated()));
    }
    afterCommit(progress);
    return reports;
  }

  /**
   * Throws for the first malformed record of any read, after listing every one: nothing of a run
   * with a bad record is written.
   */
  private static void refuseMalformed(List<ReadResult> reads, ImportProgress progress) {
    List<EducationImportReport.RecordError> errors =
        reads.stream().flatMap(r -> r.errors().stream()).toList();
    if (errors.isEmpty()) {
      return;
    }
    errors.forEach(e -> progress.report("malformed: " + e));
    EducationImportReport.RecordError first = errors.getFirst();
    boolean snapshot = reads.stream().anyMatch(r -> r.snapshot() && !r.errors().isEmpty());
    throw new InvalidInputException(
        first.file(),
        first.line(),
        first.field(),
        first.message()
            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more malformed records)" : "")
            + (snapshot
                ? "; the file is a complete snapshot, so an unreadable record would wrongly"
                    + " deactivate its offering: nothing was imported"
                : "; nothing was imported"));
  }

  @Override
  public int generateSynthetic(int count, long seed, ImportProgress progress) {
    SyntheticOfferings.Generated generated = synthetic.generate(count, seed, progress::report);
    progress.report(
        "%,d synthetic offerings from %,d real ones: %,d new, %,d changed; indexing"
            .formatted(count, generated.donors(), generated.inserted(), generated.updated()));
    transactions.executeWithoutResult(
        status -> {
          reindexRequests.request(generated.changedIds());
          if (!generated.changedIds().isEmpty()) {
            events.publishEvent(new CatalogueChanged(generated.changedIds().size()));
          }
        });
    afterCommit(progress);
    return generated.changedIds().size();
  }

  /**
   * The committed change's index work, here when this process can write the index. It never throws:
   * the change is committed and its request queued, so a failure here only delays the indexing to
   * the running service's next poll or the next start.
   *
   * <p>A caller may write to the catalogue inside a transaction of its own (a training package is
   * listed in the same transaction that publishes it, so a refused listing leaves it a draft). The
   * change is then not committed when the write returns, and the index work waits for the caller's
   * commit: indexed earlier, the index would read the catalogue without the change.
   */
  private void afterCommit(ImportProgress progress) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              index(progress);
            }
          });
    } else {
      index(progress);
    }
  }

  private void index(ImportProgress progress) {
    try {
      switch (reindexRequests.drain()) {
        case HELD_ELSEWHERE ->
            progress.report(
                "the running service holds the search index; it indexes these changes within"
                    + " seconds");
        case INDEXED, NOTHING -> {}
      }
    } catch (RuntimeException e) {
      log.warn("The education index could not be updated now; the change stays queued", e);
      progress.report(
          "the search index could not be updated here ("
              + e.getMessage()
              + "); the change is queued and the service indexes it while running or at its"
              + " next start");
    }
    backfill.trigger();
  }

  @Override
  public void forEachMatchableOffering(Language language, Consumer<MatchableOffering> consumer) {
    jdbc.sql(MATCHABLE)
        .query(
            rs -> {
              consumer.accept(matchable(rs, language));
            });
  }

  @Override
  public Map<String, Set<OfferingId>> offeringsByProvider(Language language) {
    String column =
        switch (language) {
          case SV -> "i.provider_sv";
          case EN -> "i.provider_en";
          default -> "i.provider_fi";
        };
    Map<String, Set<OfferingId>> providers = new java.util.TreeMap<>();
    jdbc.sql(
            "select distinct coalesce("
                + column
                + ", i.provider_fi, i.provider_sv, i.provider_en), o.id"
                + " from education_implementation i join education_offering o"
                + " on o.id = i.offering_id where o.active")
        .query(
            rs -> {
              String name = rs.getString(1);
              if (name != null && !name.isBlank()) {
                providers
                    .computeIfAbsent(name.strip(), k -> new HashSet<>())
                    .add(new OfferingId(rs.getObject(2, UUID.class)));
              }
            });
    return providers;
  }

  @Override
  public int identifyPendingSkills() {
    return backfill.runToCompletion();
  }

  @Override
  public Optional<SearchableOffering> searchableOffering(OfferingId id) {
    return searchable.find(id);
  }

  @Override
  public Optional<MatchableOffering> matchableOffering(OfferingId id, Language language) {
    List<MatchableOffering> found =
        jdbc.sql(MATCHABLE + " and o.id = ?")
            .param(id.value())
            .query((rs, n) -> matchable(rs, language))
            .list();
    return found.stream().findFirst();
  }

  private static MatchableOffering matchable(ResultSet rs, Language language) throws SQLException {
    Map<Language, String> titles = new EnumMap<>(Language.class);
    putIfPresent(titles, Language.FI, rs.getString("title_fi"));
    putIfPresent(titles, Language.SV, rs.getString("title_sv"));
    putIfPresent(titles, Language.EN, rs.getString("title_en"));
    // Every importer refuses an offering without a title in fi, sv or en.
    LocalizedText title =
        Objects.requireNonNull(
            LocalizedText.pickNational(titles, language), "an offering without a title");
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

  private static void putIfPresent(
      Map<Language, String> map, Language language, @Nullable String text) {
    if (text != null && !text.isBlank()) {
      map.put(language, text);
    }
  }

  private static List<String> strings(@Nullable Array array) throws SQLException {
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
