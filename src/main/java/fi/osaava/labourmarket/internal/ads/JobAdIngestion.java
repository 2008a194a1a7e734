package fi.osaava.labourmarket.internal.ads;

import fi.osaava.identification.Evidence;
import fi.osaava.identification.Identification;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifiedConcept;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.labourmarket.JobAdId;
import fi.osaava.labourmarket.JobAdIngestReport;
import fi.osaava.labourmarket.JobAdsClosed;
import fi.osaava.labourmarket.JobAdsPublished;
import fi.osaava.platform.DataChanged;
import fi.osaava.platform.DataChanges;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.regions.RegionsImported;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.EscoImported;
import fi.osaava.taxonomy.TaxonomyApi;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ingests one input (a file or a request) in one transaction, all or nothing: a bad ad anywhere, or
 * any failure, rolls back every ad of the input with the demand aggregates they changed, so the
 * error can name the bad line and say truthfully that nothing was stored. Ads are identified and
 * stored in batches inside that transaction, so memory stays bounded however long the input. Ads
 * whose identifier is already stored are skipped, so sending the same input again counts nothing
 * twice.
 */
@Component
public class JobAdIngestion {

  /** Ads identified and inserted together: large enough for batched identification and inserts. */
  static final int BATCH = 250;

  /** Fewer texts than this per core are identified on the calling thread alone. */
  static final int MIN_TEXTS_PER_PART = 8;

  /** MinHash similarity from which an ad counts as a repost of an earlier one. */
  static final double DUPLICATE_SIMILARITY = 0.8;

  // One advisory lock for all writers, held for a whole input, so two concurrent ingestions cannot
  // both miss each other's reposts or both count the same ad.
  private static final long LOCK = 0x4C4D_4A4F_4241_4453L;

  private static final IdentifyOptions OPTIONS =
      new IdentifyOptions(25, IdentifyOptions.DEFAULT_THRESHOLD, false, true, null);

  private final JdbcClient jdbc;

  /** For the batched inserts, which {@link JdbcClient} has no operation for. */
  private final JdbcTemplate batch;

  private final TransactionTemplate transaction;
  private final IdentificationApi identification;
  private final TaxonomyApi taxonomy;
  private final RegionsApi regions;
  private final DataChanges dataChanges;
  private final ApplicationEventPublisher events;
  private final JsonMapper json = JsonMapper.builder().build();
  private volatile @Nullable Map<String, String> occupationIsco;
  private final Map<String, Optional<Area>> municipalities = new ConcurrentHashMap<>();

  JobAdIngestion(
      JdbcClient jdbc,
      JdbcTemplate batch,
      TransactionTemplate transaction,
      IdentificationApi identification,
      TaxonomyApi taxonomy,
      RegionsApi regions,
      DataChanges dataChanges,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.transaction = transaction;
    this.identification = identification;
    this.taxonomy = taxonomy;
    this.regions = regions;
    this.dataChanges = dataChanges;
    this.events = events;
  }

  /** Occupations and municipalities are looked up again after ESCO or the regions changed. */
  @EventListener
  void onDataChanged(DataChanged event) {
    if (event.concerns(EscoImported.DATASET)) {
      occupationIsco = null;
    }
    if (event.concerns(RegionsImported.DATASET)) {
      municipalities.clear();
    }
  }

  /**
   * Reads and ingests everything in {@code in}, in one transaction. {@code progress} hears of every
   * ad written (not yet committed); if it throws, everything is rolled back and the exception
   * passes on.
   *
   * @throws fi.osaava.platform.InvalidInputException naming the source, line and field of the first
   *     bad ad; nothing of the input is stored then
   */
  public JobAdIngestReport ingest(InputStream in, String source, ImportProgress progress) {
    long started = System.currentTimeMillis();
    Counts totals =
        transaction.execute(
            status -> {
              lock();
              List<JobAdId> announced = new ArrayList<>();
              Counts counts = ingestAll(in, source, progress, announced);
              if (counts.read() > counts.unchanged()) {
                dataChanges.record(JobAdIngestReport.DATASET);
              }
              announce(announced);
              return counts;
            });
    return totals.report(System.currentTimeMillis() - started);
  }

  /**
   * What ingestion did with a batch of ads, or with a whole input.
   *
   * @see JobAdIngestReport
   */
  private record Counts(
      int read,
      int added,
      int duplicates,
      int unchanged,
      int withOccupation,
      int withMunicipality) {

    static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

    Counts plus(Counts o) {
      return new Counts(
          read + o.read,
          added + o.added,
          duplicates + o.duplicates,
          unchanged + o.unchanged,
          withOccupation + o.withOccupation,
          withMunicipality + o.withMunicipality);
    }

    JobAdIngestReport report(long millis) {
      return new JobAdIngestReport(
          read, added, duplicates, unchanged, withOccupation, withMunicipality, millis);
    }
  }

  /** Waits for any other writer's input to commit (see {@link #LOCK}). */
  private void lock() {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().listOfRows();
  }

  /**
   * Tells other modules (saved-search alerts) of the new and changed ads, in the storing
   * transaction, so the event publication registry records it with them.
   */
  private void announce(List<JobAdId> ads) {
    if (!ads.isEmpty()) {
      events.publishEvent(new JobAdsPublished(ads));
    }
  }

  private Counts ingestAll(
      InputStream in, String source, ImportProgress progress, List<JobAdId> announced) {
    Counts totals = Counts.NONE;
    try (JobPostingReader reader = new JobPostingReader(json, in, source)) {
      List<JobPosting> postings = new ArrayList<>(BATCH);
      while (reader.hasNext()) {
        postings.add(reader.next());
        if (postings.size() == BATCH) {
          totals = totals.plus(ingestBatch(postings, source, progress, announced));
          postings.clear();
        }
      }
      if (!postings.isEmpty()) {
        totals = totals.plus(ingestBatch(postings, source, progress, announced));
      }
    }
    return totals;
  }

  /** The stable id of an ad: the same source identifier always gives the same id. */
  static UUID idOf(String identifier) {
    return UUID.nameUUIDFromBytes(("job-ad:" + identifier).getBytes(StandardCharsets.UTF_8));
  }

  private Counts ingestBatch(
      List<JobPosting> postings, String source, ImportProgress progress, List<JobAdId> announced) {
    // Within one input the last copy of an identifier wins, as a source re-sending it would.
    Map<String, JobPosting> byKey = new LinkedHashMap<>();
    postings.forEach(p -> byKey.put(p.identifier(), p));
    Set<String> known =
        new HashSet<>(
            jdbc.sql("select source_key from lm_job_ad where source_key = any(?)")
                .param(byKey.keySet().toArray(String[]::new))
                .query(String.class)
                .list());
    List<JobPosting> fresh =
        byKey.values().stream().filter(p -> !known.contains(p.identifier())).toList();
    int unchanged = postings.size() - fresh.size();
    List<Enriched> enriched = enrich(fresh, source);
    return new Counts(postings.size(), 0, 0, unchanged, 0, 0)
        .plus(store(enriched, progress, announced));
  }

  /** An ad with what ingestion adds to it. */
  private record Enriched(
      JobPosting posting,
      UUID id,
      Language language,
      @Nullable String occupationUri,
      @Nullable String iscoCode,
      @Nullable String municipalityCode,
      @Nullable String regionCode,
      List<AdSkill> skills,
      int[] signature) {}

  /**
   * A skill of an ad: identified from its text (with score and evidence), chosen by its publisher,
   * or both.
   */
  private record AdSkill(String uri, float score, String evidence, boolean chosen) {}

  private List<Enriched> enrich(List<JobPosting> postings, String source) {
    if (postings.isEmpty()) {
      return List.of();
    }
    checkChosenSkills(postings, source);
    List<String> texts = postings.stream().map(p -> p.title() + ".\n" + p.description()).toList();
    // One language per call lets identification skip detection; mixed batches detect per sentence.
    Set<Language> languages = new HashSet<>();
    postings.forEach(p -> languages.add(p.language()));
    Language common = languages.size() == 1 ? languages.iterator().next() : null;
    List<Identification> results = identifyInParallel(texts, common);
    Map<String, String> isco = occupationIsco();
    List<Enriched> enriched = new ArrayList<>(postings.size());
    for (int i = 0; i < postings.size(); i++) {
      JobPosting p = postings.get(i);
      Identification found = results.get(i);
      String occupationUri = null;
      String iscoCode = null;
      String category = p.occupationalCategory();
      if (category != null && category.startsWith("http") && isco.containsKey(category)) {
        occupationUri = category;
        iscoCode = isco.get(category);
      } else if (category != null && category.matches("\\d{4}")) {
        iscoCode = category;
      }
      if (occupationUri == null) {
        for (IdentifiedConcept occupation : found.occupations()) {
          String code = isco.get(occupation.uri().value());
          if (code != null && (iscoCode == null || code.equals(iscoCode))) {
            occupationUri = occupation.uri().value();
            iscoCode = code;
            break;
          }
        }
      }
      Optional<Area> place = locate(p);
      Language language = p.language();
      if (language == null) {
        language =
            found.sentences().isEmpty() ? Language.FI : found.sentences().getFirst().language();
      }
      enriched.add(
          new Enriched(
              p,
              idOf(p.identifier()),
              language,
              occupationUri,
              iscoCode,
              place.filter(a -> a.level() == AreaLevel.MUNICIPALITY).map(Area::code).orElse(null),
              place.map(Area::regionCode).orElse(null),
              skills(p, found),
              MinHash.signature(p.fingerprintText())));
    }
    return enriched;
  }

  /**
   * Identification is most of ingestion's work and reads no shared state it writes, so a batch's
   * texts are split into one part per core, each identified on a thread of the common fork-join
   * pool (this thread takes a part too), and the results joined in the input's order. An engine
   * that is not built yet is built once, by the first part to ask; the others wait for it.
   */
  private List<Identification> identifyInParallel(List<String> texts, @Nullable Language common) {
    int parts =
        Math.min(Runtime.getRuntime().availableProcessors(), texts.size() / MIN_TEXTS_PER_PART);
    if (parts <= 1) {
      return identification.identifyAll(texts, common, OPTIONS);
    }
    int size = (texts.size() + parts - 1) / parts;
    return java.util.stream.IntStream.range(0, parts)
        .parallel()
        .mapToObj(
            part ->
                identification.identifyAll(
                    texts.subList(part * size, Math.min(texts.size(), (part + 1) * size)),
                    common,
                    OPTIONS))
        .flatMap(List::stream)
        .toList();
  }

  /** The identified skills, with the publisher's chosen ones marked and added. */
  private List<AdSkill> skills(JobPosting p, Identification found) {
    Set<String> chosen = new HashSet<>(p.skills());
    Map<String, AdSkill> skills = new LinkedHashMap<>();
    for (IdentifiedConcept skill : found.skills()) {
      if (skill.type() == ConceptType.SKILL) {
        String uri = skill.uri().value();
        skills.putIfAbsent(
            uri, new AdSkill(uri, (float) skill.score(), evidence(skill), chosen.contains(uri)));
      }
    }
    for (String uri : p.skills()) {
      skills.putIfAbsent(uri, new AdSkill(uri, 1f, "[]", true));
    }
    return List.copyOf(skills.values());
  }

  /**
   * Refuses a chosen skill that ESCO does not have (or that is no skill), naming the ad's line and
   * the field, as the reader refuses what it can check without the taxonomy.
   */
  private void checkChosenSkills(List<JobPosting> postings, String source) {
    Set<String> wanted = new java.util.TreeSet<>();
    postings.forEach(p -> wanted.addAll(p.skills()));
    if (wanted.isEmpty()) {
      return;
    }
    Set<String> known = new HashSet<>();
    taxonomy
        .summaries(wanted.stream().map(ConceptUri::of).toList(), Language.EN)
        .forEach(
            c -> {
              if (c.type() == ConceptType.SKILL) {
                known.add(c.uri().value());
              }
            });
    for (JobPosting p : postings) {
      for (String uri : p.skills()) {
        if (!known.contains(uri)) {
          throw new InvalidInputException(
              source, p.line(), "skills", "no ESCO skill has the URI \"" + uri + "\"");
        }
      }
    }
  }

  private Optional<Area> locate(JobPosting p) {
    if (p.locality() != null) {
      Optional<Area> municipality =
          municipalities.computeIfAbsent(
              p.locality(), name -> regions.areaByName(AreaLevel.MUNICIPALITY, name));
      if (municipality.isPresent()) {
        return municipality;
      }
    }
    String regionName = p.regionName();
    if (regionName != null) {
      return municipalities.computeIfAbsent(
          "region:" + regionName, name -> regions.areaByName(AreaLevel.REGION, regionName));
    }
    return Optional.empty();
  }

  private Map<String, String> occupationIsco() {
    Map<String, String> map = occupationIsco;
    if (map == null || map.isEmpty()) {
      Map<String, String> loaded = new HashMap<>();
      taxonomy.forEachConcept(
          Set.of(ConceptType.OCCUPATION),
          c -> {
            if (c.iscoCode() != null) {
              loaded.put(c.uri().value(), c.iscoCode());
            }
          });
      occupationIsco = loaded;
      map = loaded;
    }
    return map;
  }

  /** A stored ad as duplicate detection sees it. */
  private record Candidate(UUID id, UUID root, int[] signature) {}

  /**
   * Stores new ads: each ad row (compared with the stored ads and the batch's earlier ones for
   * reposts), then the batch's skills and bands, then what the ads add to the demand aggregates.
   */
  private Counts store(List<Enriched> ads, ImportProgress progress, List<JobAdId> announced) {
    if (ads.isEmpty()) {
      return Counts.NONE;
    }
    Map<Long, List<Candidate>> byBand = candidates(ads);
    DemandChange demand = new DemandChange();
    Timestamp now = Timestamp.from(Instant.now());
    int added = 0;
    int duplicates = 0;
    int withOccupation = 0;
    int withMunicipality = 0;
    List<Map<String, @Nullable Object>> rows = new ArrayList<>(ads.size());
    for (Enriched ad : ads) {
      UUID duplicateOf = duplicateOf(ad, byBand, null);
      rows.add(insertColumns(ad, duplicateOf, now));
      if (duplicateOf == null && !ad.posting().synthetic()) {
        announced.add(new JobAdId(ad.id()));
      }
      Candidate self =
          new Candidate(ad.id(), duplicateOf == null ? ad.id() : duplicateOf, ad.signature());
      long[] bands = MinHash.bands(ad.signature());
      for (int b = 0; b < bands.length; b++) {
        byBand.computeIfAbsent(key(b, bands[b]), k -> new ArrayList<>()).add(self);
      }
      if (ad.occupationUri() != null || ad.iscoCode() != null) {
        withOccupation++;
      }
      if (ad.municipalityCode() != null) {
        withMunicipality++;
      }
      if (duplicateOf != null) {
        duplicates++;
      } else {
        added++;
        demand.count(ad, 1);
      }
    }
    insertAds(rows);
    // Reported once the batch's rows are written, so a progress that stops the input stops it
    // with every reported ad in the (then rolled back) transaction.
    ads.forEach(ad -> progress.report("stored " + ad.posting().identifier()));
    insertSkills(ads);
    insertBands(ads);
    applyDemand(demand);
    return new Counts(0, added, duplicates, 0, withOccupation, withMunicipality);
  }

  /**
   * The earliest ad of the repost family most similar to {@code ad} among the candidates, or null
   * when none is similar enough.
   *
   * @param self an ad to leave out with its reposts (the ad being edited), or null
   */
  private static @Nullable UUID duplicateOf(
      Enriched ad, Map<Long, List<Candidate>> byBand, @Nullable UUID self) {
    long[] bands = MinHash.bands(ad.signature());
    UUID duplicateOf = null;
    double best = 0;
    for (int b = 0; b < bands.length; b++) {
      for (Candidate c : byBand.getOrDefault(key(b, bands[b]), List.of())) {
        if (self != null && (c.id().equals(self) || c.root().equals(self))) {
          continue;
        }
        double similarity = MinHash.similarity(ad.signature(), c.signature());
        if (similarity >= DUPLICATE_SIMILARITY && similarity > best) {
          best = similarity;
          duplicateOf = c.root();
        }
      }
    }
    return duplicateOf;
  }

  /**
   * The columns an ad's row has whether inserted or replaced by an edit, in the order of {@link
   * #insertAd} and {@link #updateAd}.
   */
  private static Map<String, @Nullable Object> adColumns(Enriched ad, @Nullable UUID duplicateOf) {
    JobPosting p = ad.posting();
    Map<String, @Nullable Object> columns = new LinkedHashMap<>();
    columns.put("title", p.title());
    columns.put("description", p.description());
    columns.put("language", ad.language().code());
    columns.put("employer", p.employer());
    columns.put("occupation_uri", ad.occupationUri());
    columns.put("isco_code", ad.iscoCode());
    columns.put("municipality_code", ad.municipalityCode());
    columns.put("region_code", ad.regionCode());
    columns.put("location_text", p.locality() != null ? p.locality() : p.regionName());
    columns.put("remote", p.remote());
    columns.put("date_posted", Date.valueOf(p.datePosted()));
    columns.put("valid_through", p.validThrough() == null ? null : Date.valueOf(p.validThrough()));
    columns.put("synthetic", p.synthetic());
    columns.put("duplicate_of", duplicateOf);
    columns.put("minhash", ad.signature());
    columns.put("organisation", p.organisation());
    columns.put("url", p.url());
    return columns;
  }

  private static Map<String, @Nullable Object> insertColumns(
      Enriched ad, @Nullable UUID duplicateOf, Timestamp now) {
    Map<String, @Nullable Object> columns = new LinkedHashMap<>();
    columns.put("id", ad.id());
    columns.put("source_key", ad.posting().identifier());
    columns.put("ingested_at", now);
    columns.putAll(adColumns(ad, duplicateOf));
    return columns;
  }

  /** A batch's new ad rows in one JDBC batch: the rows of one batch have the same columns. */
  private void insertAds(List<Map<String, @Nullable Object>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    Set<String> columns = rows.getFirst().keySet();
    batch.batchUpdate(
        "insert into lm_job_ad ("
            + String.join(", ", columns)
            + ") values ("
            + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
            + ")",
        rows.stream().map(r -> r.values().toArray()).toList());
  }

  /**
   * Replaces an edited ad's row; saving reopens a closed ad, and lets an expired one expire again.
   */
  private void updateAd(Enriched ad, @Nullable UUID duplicateOf) {
    Map<String, @Nullable Object> columns = adColumns(ad, duplicateOf);
    List<Object> params = new ArrayList<>(columns.values());
    params.add(ad.id());
    jdbc.sql(
            "update lm_job_ad set "
                + columns.keySet().stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
                + ", updated_at = now(), closed_at = null,"
                + " expiry_announced_at = null where id = ?")
        .params(params)
        .update();
  }

  private void insertSkills(List<Enriched> ads) {
    List<Object[]> rows = new ArrayList<>();
    for (Enriched ad : ads) {
      for (AdSkill skill : ad.skills()) {
        rows.add(
            new Object[] {ad.id(), skill.uri(), skill.score(), skill.evidence(), skill.chosen()});
      }
    }
    batch.batchUpdate(
        "insert into lm_job_ad_skill (ad_id, skill_uri, score, evidence, chosen)"
            + " values (?, ?, ?, ?, ?)",
        rows);
  }

  /** The ads' MinHash bands, by which later ads find them as repost candidates. */
  private void insertBands(List<Enriched> ads) {
    List<Object[]> rows = new ArrayList<>();
    for (Enriched ad : ads) {
      long[] bands = MinHash.bands(ad.signature());
      for (int b = 0; b < bands.length; b++) {
        rows.add(new Object[] {(short) b, bands[b], ad.id()});
      }
    }
    batch.batchUpdate(
        "insert into lm_job_ad_band (band, hash, ad_id) values (?, ?, ?) on conflict do nothing",
        rows);
  }

  /**
   * What a set of ads changes in the demand aggregates: ads and skill mentions per month, region
   * and ISCO group (negative for an ad that no longer counts as it did).
   */
  private static final class DemandChange {
    final Map<DemandKey, Integer> ads = new HashMap<>();
    final Map<SkillKey, Integer> skills = new HashMap<>();

    void count(Enriched ad, int delta) {
      DemandKey key = DemandKey.of(ad.posting().datePosted(), ad.regionCode(), ad.iscoCode());
      count(key, ad.skills().stream().map(AdSkill::uri).toList(), delta);
    }

    void count(DemandKey key, List<String> skillUris, int delta) {
      ads.merge(key, delta, Integer::sum);
      for (String uri : skillUris) {
        skills.merge(new SkillKey(key, uri), delta, Integer::sum);
      }
    }

    /** Leaves out what an edit took back and added again. */
    void dropUnchanged() {
      ads.values().removeIf(v -> v == 0);
      skills.values().removeIf(v -> v == 0);
    }
  }

  /**
   * Adds {@code change} to the demand aggregates; a row that falls to zero goes, as if never
   * counted.
   */
  private void applyDemand(DemandChange change) {
    Map<DemandKey, Integer> adTotals = change.ads;
    Map<SkillKey, Integer> skillTotals = change.skills;
    batch.batchUpdate(
        "insert into lm_demand_ads (month, region_code, isco_code, ads) values (?, ?, ?, ?)"
            + " on conflict (month, region_code, isco_code) do update"
            + " set ads = lm_demand_ads.ads + excluded.ads",
        adTotals.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey().row(e.getValue()))
            .toList());
    batch.batchUpdate(
        "insert into lm_demand_skill (month, region_code, isco_code, skill_uri, ads)"
            + " values (?, ?, ?, ?, ?) on conflict (month, region_code, isco_code, skill_uri)"
            + " do update set ads = lm_demand_skill.ads + excluded.ads",
        skillTotals.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey().row(e.getValue()))
            .toList());
    batch.batchUpdate(
        "delete from lm_demand_ads where month = ? and region_code = ? and isco_code = ?"
            + " and ads <= 0",
        adTotals.entrySet().stream()
            .filter(e -> e.getValue() < 0)
            .map(e -> e.getKey().row())
            .toList());
    batch.batchUpdate(
        "delete from lm_demand_skill where month = ? and region_code = ? and isco_code = ?"
            + " and skill_uri = ? and ads <= 0",
        skillTotals.entrySet().stream()
            .filter(e -> e.getValue() < 0)
            .map(e -> e.getKey().row())
            .toList());
    Map<List<Object>, Integer> regional = new java.util.TreeMap<>(ROLLUP_ORDER);
    Map<List<Object>, Integer> national = new java.util.TreeMap<>(ROLLUP_ORDER);
    skillTotals.forEach(
        (k, v) -> {
          Date month = Date.valueOf(k.key().month());
          regional.merge(List.of(k.key().region(), month, k.skill()), v, Integer::sum);
          national.merge(List.of(month, k.skill()), v, Integer::sum);
        });
    applyRollup("lm_demand_skill_region", List.of("region_code", "month", "skill_uri"), regional);
    applyRollup("lm_demand_skill_national", List.of("month", "skill_uri"), national);
  }

  /** The same order for every writer's rows, so that two writers cannot lock rows crosswise. */
  private static final java.util.Comparator<List<Object>> ROLLUP_ORDER =
      java.util.Comparator.comparing(List::toString);

  /**
   * Adds the deltas to a rollup of the skill aggregate (keyed by {@code keys}, in that order); a
   * row that falls to zero goes, as in the full aggregate.
   */
  private void applyRollup(String table, List<String> keys, Map<List<Object>, Integer> deltas) {
    String columns = String.join(", ", keys);
    batch.batchUpdate(
        "insert into "
            + table
            + " ("
            + columns
            + ", ads) values ("
            + "?, ".repeat(keys.size())
            + "?) on conflict ("
            + columns
            + ") do update set ads = "
            + table
            + ".ads + excluded.ads",
        deltas.entrySet().stream()
            .filter(e -> e.getValue() != 0)
            .map(
                e -> {
                  List<Object> row = new ArrayList<>(e.getKey());
                  row.add(e.getValue());
                  return row.toArray();
                })
            .toList());
    batch.batchUpdate(
        "delete from "
            + table
            + " where "
            + keys.stream().map(k -> k + " = ?").collect(Collectors.joining(" and "))
            + " and ads <= 0",
        deltas.entrySet().stream()
            .filter(e -> e.getValue() < 0)
            .map(e -> e.getKey().toArray())
            .toList());
  }

  // --- one ad from an organisation's editor ------------------------------------------------------

  /**
   * Publishes one ad from an organisation's editor pages, given as the same JobPosting JSON-LD that
   * the push API takes and read by the same reader, so the form obeys the API's rules. A new
   * identifier is ingested as any ad is. A stored one (the editor's own, or one the organisation
   * pushed with itself as {@code hiringOrganization.@id}) is replaced: unlike a push, which skips
   * an identifier it has seen, the edit re-runs skill identification and moves the ad's count in
   * the demand aggregates from what it was to what it is, in one transaction, so nothing counts
   * twice. Saving also reopens a closed ad.
   *
   * @param organisation the editor's organisation; the ad's {@code hiringOrganization.@id} must be
   *     it, and a stored ad must already be that organisation's
   * @return the ad's id
   * @throws InvalidInputException naming the field of the first problem; nothing changes then
   */
  public UUID publish(byte[] jsonLd, String organisation) {
    String source = "form";
    JsonNode node;
    try {
      node = json.readTree(jsonLd);
    } catch (JacksonException e) {
      throw new InvalidInputException(source, 1, null, "not JSON: " + e.getOriginalMessage(), e);
    }
    JobPosting posting = JobPostingReader.parse(node, source, 1);
    if (!organisation.equals(posting.organisation())) {
      throw new InvalidInputException(
          source, 1, "hiringOrganization.@id", "must be the editor's own organisation");
    }
    UUID id = idOf(posting.identifier());
    transaction.executeWithoutResult(
        status -> {
          lock();
          List<Stored> stored =
              jdbc.sql(
                      "select duplicate_of, organisation, date_posted, region_code, isco_code"
                          + " from lm_job_ad where id = ? for update")
                  .param(id)
                  .query(
                      (rs, i) ->
                          new Stored(
                              rs.getObject("duplicate_of", UUID.class),
                              rs.getString("organisation"),
                              rs.getDate("date_posted").toLocalDate(),
                              rs.getString("region_code"),
                              rs.getString("isco_code")))
                  .list();
          if (!stored.isEmpty() && !organisation.equals(stored.getFirst().organisation())) {
            throw new InvalidInputException(
                source, 1, "identifier", "another organisation's ad has this identifier");
          }
          Enriched ad = enrich(List.of(posting), source).getFirst();
          List<JobAdId> announced = new ArrayList<>();
          if (stored.isEmpty()) {
            store(List.of(ad), ImportProgress.silent(), announced);
          } else {
            replace(id, stored.getFirst(), ad, announced);
          }
          dataChanges.record(JobAdIngestReport.DATASET);
          announce(announced);
        });
    return id;
  }

  /**
   * Closes an organisation's ad: it is no longer open (matching leaves it out) but still counts in
   * the demand of the month it was posted, as a filled vacancy does. Closing an open ad announces
   * {@link JobAdsClosed} in the same transaction (the open-data change feed withdraws it).
   *
   * @return whether the organisation has such an ad
   */
  public boolean close(UUID id, String organisation) {
    Boolean closed =
        transaction.execute(
            status -> {
              // Announced as JobAdsPublished announced it: not a repost, not a generated ad.
              List<Boolean> announce =
                  jdbc.sql(
                          "update lm_job_ad set closed_at = now()"
                              + " where id = ? and organisation = ? and closed_at is null"
                              + " returning duplicate_of is null and not synthetic")
                      .params(id, organisation)
                      .query(Boolean.class)
                      .list();
              if (announce.isEmpty()) {
                // Already closed, or not the organisation's ad.
                return jdbc.sql(
                        "select exists (select 1 from lm_job_ad where id = ? and organisation = ?)")
                    .params(id, organisation)
                    .query(Boolean.class)
                    .single();
              }
              dataChanges.record(JobAdIngestReport.DATASET);
              if (announce.getFirst()) {
                events.publishEvent(new JobAdsClosed(List.of(new JobAdId(id))));
              }
              return true;
            });
    return Boolean.TRUE.equals(closed);
  }

  /** What an edit needs of the ad it replaces. */
  private record Stored(
      UUID duplicateOf,
      String organisation,
      java.time.LocalDate posted,
      String region,
      String isco) {}

  /**
   * Replaces a stored ad by its edit: takes back what it counted, compares it afresh for reposts,
   * rewrites its row, skills and bands, and counts it as it is now.
   */
  private void replace(UUID id, Stored old, Enriched ad, List<JobAdId> announced) {
    DemandChange demand = new DemandChange();
    if (old.duplicateOf() == null) {
      demand.count(
          DemandKey.of(old.posted(), old.region(), old.isco()),
          jdbc.sql("select skill_uri from lm_job_ad_skill where ad_id = ?")
              .param(id)
              .query(String.class)
              .list(),
          -1);
    }
    // An ad that others repost stays the one they count under; any other is compared afresh
    // with the ads stored, itself left out, as if it came in now.
    boolean reposted =
        Boolean.TRUE.equals(
            jdbc.sql("select exists (select 1 from lm_job_ad where duplicate_of = ?)")
                .param(id)
                .query(Boolean.class)
                .single());
    UUID duplicateOf = reposted ? null : duplicateOf(ad, candidates(List.of(ad)), id);
    updateAd(ad, duplicateOf);
    if (duplicateOf == null && !ad.posting().synthetic()) {
      announced.add(new JobAdId(id));
    }
    jdbc.sql("delete from lm_job_ad_skill where ad_id = ?").param(id).update();
    jdbc.sql("delete from lm_job_ad_band where ad_id = ?").param(id).update();
    insertSkills(List.of(ad));
    insertBands(List.of(ad));
    if (duplicateOf == null) {
      demand.count(ad, 1);
    }
    demand.dropUnchanged();
    applyDemand(demand);
  }

  private record DemandKey(java.time.LocalDate month, String region, String isco)
      implements Comparable<DemandKey> {

    /** The key an ad posted on {@code posted} counts under; no region or group is "". */
    static DemandKey of(
        java.time.LocalDate posted, @Nullable String region, @Nullable String isco) {
      return new DemandKey(
          posted.withDayOfMonth(1), region == null ? "" : region, isco == null ? "" : isco);
    }

    /** The key's columns as statement parameters, followed by {@code more}. */
    Object[] row(Object... more) {
      Object[] row = new Object[3 + more.length];
      row[0] = Date.valueOf(month);
      row[1] = region;
      row[2] = isco;
      System.arraycopy(more, 0, row, 3, more.length);
      return row;
    }

    @Override
    public int compareTo(DemandKey o) {
      int c = month.compareTo(o.month);
      if (c == 0) {
        c = region.compareTo(o.region);
      }
      return c != 0 ? c : isco.compareTo(o.isco);
    }
  }

  private record SkillKey(DemandKey key, String skill) implements Comparable<SkillKey> {

    /** The key's columns as statement parameters, followed by {@code more}. */
    Object[] row(Object... more) {
      Object[] tail = new Object[1 + more.length];
      tail[0] = skill;
      System.arraycopy(more, 0, tail, 1, more.length);
      return key.row(tail);
    }

    @Override
    public int compareTo(SkillKey o) {
      int c = key.compareTo(o.key);
      return c != 0 ? c : skill.compareTo(o.skill);
    }
  }

  private static long key(int band, long hash) {
    return hash * 31 + band;
  }

  /** The stored ads that share a band with any ad of the batch. */
  private Map<Long, List<Candidate>> candidates(List<Enriched> ads) {
    int[] bandNumbers = new int[ads.size() * MinHash.BANDS];
    long[] hashes = new long[bandNumbers.length];
    int n = 0;
    for (Enriched ad : ads) {
      long[] bands = MinHash.bands(ad.signature());
      for (int b = 0; b < bands.length; b++, n++) {
        bandNumbers[n] = b;
        hashes[n] = bands[b];
      }
    }
    Map<Long, List<Candidate>> byBand = new HashMap<>();
    jdbc.sql(
            "select q.band, q.hash, a.id, coalesce(a.duplicate_of, a.id) as root, a.minhash"
                + " from unnest(?::smallint[], ?::bigint[]) as q(band, hash)"
                + " join lm_job_ad_band b on b.band = q.band and b.hash = q.hash"
                + " join lm_job_ad a on a.id = b.ad_id")
        .params(bandNumbers, hashes)
        .query(
            rs -> {
              Array array = rs.getArray("minhash");
              Integer[] boxed = (Integer[]) array.getArray();
              int[] signature = new int[boxed.length];
              for (int i = 0; i < boxed.length; i++) {
                signature[i] = boxed[i];
              }
              byBand
                  .computeIfAbsent(
                      key(rs.getShort("band"), rs.getLong("hash")), k -> new ArrayList<>())
                  .add(
                      new Candidate(
                          rs.getObject("id", UUID.class),
                          rs.getObject("root", UUID.class),
                          signature));
            });
    return byBand;
  }

  private String evidence(IdentifiedConcept skill) {
    List<Map<String, Object>> spans = new ArrayList<>();
    for (Evidence e : skill.evidence()) {
      spans.add(Map.of("start", e.start(), "end", e.end(), "text", e.text()));
    }
    return json.writeValueAsString(spans);
  }
}
