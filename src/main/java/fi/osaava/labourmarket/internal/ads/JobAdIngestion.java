package fi.osaava.labourmarket.internal.ads;

import fi.osaava.identification.Evidence;
import fi.osaava.identification.Identification;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifiedConcept;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.labourmarket.JobAdIngestReport;
import fi.osaava.platform.DataChanged;
import fi.osaava.platform.DataChanges;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.regions.RegionsImported;
import fi.osaava.taxonomy.ConceptType;
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
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
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

  /** MinHash similarity from which an ad counts as a repost of an earlier one. */
  static final double DUPLICATE_SIMILARITY = 0.8;

  // One advisory lock for all writers, held for a whole input, so two concurrent ingestions cannot
  // both miss each other's reposts or both count the same ad.
  private static final long LOCK = 0x4C4D_4A4F_4241_4453L;

  private static final IdentifyOptions OPTIONS =
      new IdentifyOptions(25, IdentifyOptions.DEFAULT_THRESHOLD, false, true, null);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final IdentificationApi identification;
  private final TaxonomyApi taxonomy;
  private final RegionsApi regions;
  private final DataChanges dataChanges;
  private final JsonMapper json = JsonMapper.builder().build();
  private volatile Map<String, String> occupationIsco;
  private final Map<String, Optional<Area>> municipalities = new ConcurrentHashMap<>();

  JobAdIngestion(
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      IdentificationApi identification,
      TaxonomyApi taxonomy,
      RegionsApi regions,
      DataChanges dataChanges) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.identification = identification;
    this.taxonomy = taxonomy;
    this.regions = regions;
    this.dataChanges = dataChanges;
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
    int[] totals = new int[6];
    transaction.executeWithoutResult(
        status -> {
          jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK);
          ingestAll(in, source, progress, totals);
          if (totals[0] > totals[3]) {
            dataChanges.record(JobAdIngestReport.DATASET);
          }
        });
    return new JobAdIngestReport(
        totals[0],
        totals[1],
        totals[2],
        totals[3],
        totals[4],
        totals[5],
        System.currentTimeMillis() - started);
  }

  private void ingestAll(InputStream in, String source, ImportProgress progress, int[] totals) {
    try (JobPostingReader reader = new JobPostingReader(json, in, source)) {
      List<JobPosting> batch = new ArrayList<>(BATCH);
      while (reader.hasNext()) {
        batch.add(reader.next());
        if (batch.size() == BATCH) {
          add(totals, ingestBatch(batch, progress));
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        add(totals, ingestBatch(batch, progress));
      }
    }
  }

  private static void add(int[] totals, int[] batch) {
    for (int i = 0; i < totals.length; i++) {
      totals[i] += batch[i];
    }
  }

  /** The stable id of an ad: the same source identifier always gives the same id. */
  static UUID idOf(String identifier) {
    return UUID.nameUUIDFromBytes(("job-ad:" + identifier).getBytes(StandardCharsets.UTF_8));
  }

  private int[] ingestBatch(List<JobPosting> postings, ImportProgress progress) {
    // Within one input the last copy of an identifier wins, as a source re-sending it would.
    Map<String, JobPosting> byKey = new LinkedHashMap<>();
    postings.forEach(p -> byKey.put(p.identifier(), p));
    Set<String> known =
        new HashSet<>(
            jdbc.queryForList(
                "select source_key from lm_job_ad where source_key = any(?)",
                String.class,
                (Object) byKey.keySet().toArray(String[]::new)));
    List<JobPosting> fresh =
        byKey.values().stream().filter(p -> !known.contains(p.identifier())).toList();
    int unchanged = postings.size() - fresh.size();
    List<Enriched> enriched = enrich(fresh);
    int[] counts = new int[] {postings.size(), 0, 0, unchanged, 0, 0};
    store(enriched, counts, progress);
    return counts;
  }

  /** An ad with what ingestion adds to it. */
  private record Enriched(
      JobPosting posting,
      UUID id,
      Language language,
      String occupationUri,
      String iscoCode,
      String municipalityCode,
      String regionCode,
      List<IdentifiedConcept> skills,
      int[] signature) {}

  private List<Enriched> enrich(List<JobPosting> postings) {
    if (postings.isEmpty()) {
      return List.of();
    }
    List<String> texts = postings.stream().map(p -> p.title() + ".\n" + p.description()).toList();
    // One language per call lets identification skip detection; mixed batches detect per sentence.
    Set<Language> languages = new HashSet<>();
    postings.forEach(p -> languages.add(p.language()));
    Language common = languages.size() == 1 ? languages.iterator().next() : null;
    List<Identification> results = identification.identifyAll(texts, common, OPTIONS);
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
              found.skills().stream().filter(s -> s.type() == ConceptType.SKILL).toList(),
              MinHash.signature(p.fingerprintText())));
    }
    return enriched;
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
    if (p.regionName() != null) {
      return municipalities.computeIfAbsent(
          "region:" + p.regionName(), name -> regions.areaByName(AreaLevel.REGION, p.regionName()));
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

  private void store(List<Enriched> ads, int[] counts, ImportProgress progress) {
    if (ads.isEmpty()) {
      return;
    }
    Map<Long, List<Candidate>> byBand = candidates(ads);
    Map<DemandKey, Integer> adTotals = new HashMap<>();
    Map<SkillKey, Integer> skillTotals = new HashMap<>();
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> skillRows = new ArrayList<>();
    List<Object[]> bandRows = new ArrayList<>();
    for (Enriched ad : ads) {
      long[] bands = MinHash.bands(ad.signature());
      UUID duplicateOf = null;
      double best = 0;
      for (int b = 0; b < bands.length; b++) {
        for (Candidate c : byBand.getOrDefault(key(b, bands[b]), List.of())) {
          double similarity = MinHash.similarity(ad.signature(), c.signature());
          if (similarity >= DUPLICATE_SIMILARITY && similarity > best) {
            best = similarity;
            duplicateOf = c.root();
          }
        }
      }
      JobPosting p = ad.posting();
      jdbc.update(
          "insert into lm_job_ad (id, source_key, title, description, language, employer,"
              + " occupation_uri, isco_code, municipality_code, region_code, location_text, remote,"
              + " date_posted, valid_through, synthetic, duplicate_of, minhash, ingested_at)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          ad.id(),
          p.identifier(),
          p.title(),
          p.description(),
          ad.language().code(),
          p.employer(),
          ad.occupationUri(),
          ad.iscoCode(),
          ad.municipalityCode(),
          ad.regionCode(),
          p.locality() != null ? p.locality() : p.regionName(),
          p.remote(),
          Date.valueOf(p.datePosted()),
          p.validThrough() == null ? null : Date.valueOf(p.validThrough()),
          p.synthetic(),
          duplicateOf,
          ad.signature(),
          now);
      Candidate self =
          new Candidate(ad.id(), duplicateOf == null ? ad.id() : duplicateOf, ad.signature());
      for (int b = 0; b < bands.length; b++) {
        bandRows.add(new Object[] {(short) b, bands[b], ad.id()});
        byBand.computeIfAbsent(key(b, bands[b]), k -> new ArrayList<>()).add(self);
      }
      for (IdentifiedConcept skill : ad.skills()) {
        skillRows.add(
            new Object[] {ad.id(), skill.uri().value(), (float) skill.score(), evidence(skill)});
      }
      if (ad.occupationUri() != null || ad.iscoCode() != null) {
        counts[4]++;
      }
      if (ad.municipalityCode() != null) {
        counts[5]++;
      }
      if (duplicateOf != null) {
        counts[2]++;
      } else {
        counts[1]++;
        DemandKey key =
            new DemandKey(
                p.datePosted().withDayOfMonth(1),
                ad.regionCode() == null ? "" : ad.regionCode(),
                ad.iscoCode() == null ? "" : ad.iscoCode());
        adTotals.merge(key, 1, Integer::sum);
        for (IdentifiedConcept skill : ad.skills()) {
          skillTotals.merge(new SkillKey(key, skill.uri().value()), 1, Integer::sum);
        }
      }
      progress.report("stored " + p.identifier());
    }
    jdbc.batchUpdate(
        "insert into lm_job_ad_skill (ad_id, skill_uri, score, evidence) values (?, ?, ?, ?)",
        skillRows);
    jdbc.batchUpdate(
        "insert into lm_job_ad_band (band, hash, ad_id) values (?, ?, ?) on conflict do nothing",
        bandRows);
    jdbc.batchUpdate(
        "insert into lm_demand_ads (month, region_code, isco_code, ads) values (?, ?, ?, ?)"
            + " on conflict (month, region_code, isco_code) do update"
            + " set ads = lm_demand_ads.ads + excluded.ads",
        adTotals.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                e ->
                    new Object[] {
                      Date.valueOf(e.getKey().month()),
                      e.getKey().region(),
                      e.getKey().isco(),
                      e.getValue()
                    })
            .toList());
    jdbc.batchUpdate(
        "insert into lm_demand_skill (month, region_code, isco_code, skill_uri, ads)"
            + " values (?, ?, ?, ?, ?) on conflict (month, region_code, isco_code, skill_uri)"
            + " do update set ads = lm_demand_skill.ads + excluded.ads",
        skillTotals.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(
                e ->
                    new Object[] {
                      Date.valueOf(e.getKey().key().month()),
                      e.getKey().key().region(),
                      e.getKey().key().isco(),
                      e.getKey().skill(),
                      e.getValue()
                    })
            .toList());
  }

  private record DemandKey(java.time.LocalDate month, String region, String isco)
      implements Comparable<DemandKey> {
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
    jdbc.query(
        "select q.band, q.hash, a.id, coalesce(a.duplicate_of, a.id) as root, a.minhash"
            + " from unnest(?::smallint[], ?::bigint[]) as q(band, hash)"
            + " join lm_job_ad_band b on b.band = q.band and b.hash = q.hash"
            + " join lm_job_ad a on a.id = b.ad_id",
        rs -> {
          Array array = rs.getArray("minhash");
          Integer[] boxed = (Integer[]) array.getArray();
          int[] signature = new int[boxed.length];
          for (int i = 0; i < boxed.length; i++) {
            signature[i] = boxed[i];
          }
          byBand
              .computeIfAbsent(key(rs.getShort("band"), rs.getLong("hash")), k -> new ArrayList<>())
              .add(
                  new Candidate(
                      rs.getObject("id", UUID.class), rs.getObject("root", UUID.class), signature));
        },
        bandNumbers,
        hashes);
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
