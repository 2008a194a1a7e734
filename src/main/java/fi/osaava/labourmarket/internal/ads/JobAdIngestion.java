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
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
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
          add(totals, ingestBatch(batch, source, progress));
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        add(totals, ingestBatch(batch, source, progress));
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

  private int[] ingestBatch(List<JobPosting> postings, String source, ImportProgress progress) {
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
    List<Enriched> enriched = enrich(fresh, source);
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
              skills(p, found),
              MinHash.signature(p.fingerprintText())));
    }
    return enriched;
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
              + " date_posted, valid_through, synthetic, duplicate_of, minhash, ingested_at,"
              + " organisation, url)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
          now,
          p.organisation(),
          p.url());
      Candidate self =
          new Candidate(ad.id(), duplicateOf == null ? ad.id() : duplicateOf, ad.signature());
      for (int b = 0; b < bands.length; b++) {
        bandRows.add(new Object[] {(short) b, bands[b], ad.id()});
        byBand.computeIfAbsent(key(b, bands[b]), k -> new ArrayList<>()).add(self);
      }
      for (AdSkill skill : ad.skills()) {
        skillRows.add(
            new Object[] {ad.id(), skill.uri(), skill.score(), skill.evidence(), skill.chosen()});
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
        for (AdSkill skill : ad.skills()) {
          skillTotals.merge(new SkillKey(key, skill.uri()), 1, Integer::sum);
        }
      }
      progress.report("stored " + p.identifier());
    }
    jdbc.batchUpdate(
        "insert into lm_job_ad_skill (ad_id, skill_uri, score, evidence, chosen)"
            + " values (?, ?, ?, ?, ?)",
        skillRows);
    jdbc.batchUpdate(
        "insert into lm_job_ad_band (band, hash, ad_id) values (?, ?, ?) on conflict do nothing",
        bandRows);
    applyDemand(adTotals, skillTotals);
  }

  /**
   * Adds {@code adTotals} and {@code skillTotals} (negative for an ad that no longer counts as it
   * did) to the demand aggregates; a row that falls to zero goes, as if never counted.
   */
  private void applyDemand(Map<DemandKey, Integer> adTotals, Map<SkillKey, Integer> skillTotals) {
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
    jdbc.batchUpdate(
        "delete from lm_demand_ads where month = ? and region_code = ? and isco_code = ?"
            + " and ads <= 0",
        adTotals.entrySet().stream()
            .filter(e -> e.getValue() < 0)
            .map(
                e ->
                    new Object[] {
                      Date.valueOf(e.getKey().month()), e.getKey().region(), e.getKey().isco()
                    })
            .toList());
    jdbc.batchUpdate(
        "delete from lm_demand_skill where month = ? and region_code = ? and isco_code = ?"
            + " and skill_uri = ? and ads <= 0",
        skillTotals.entrySet().stream()
            .filter(e -> e.getValue() < 0)
            .map(
                e ->
                    new Object[] {
                      Date.valueOf(e.getKey().key().month()),
                      e.getKey().key().region(),
                      e.getKey().key().isco(),
                      e.getKey().skill()
                    })
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
          jdbc.queryForList("select pg_advisory_xact_lock(?)", LOCK);
          List<Stored> stored =
              jdbc.query(
                  "select duplicate_of, organisation, date_posted, region_code, isco_code"
                      + " from lm_job_ad where id = ? for update",
                  (rs, i) ->
                      new Stored(
                          rs.getObject("duplicate_of", UUID.class),
                          rs.getString("organisation"),
                          rs.getDate("date_posted").toLocalDate(),
                          rs.getString("region_code"),
                          rs.getString("isco_code")),
                  id);
          if (!stored.isEmpty() && !organisation.equals(stored.getFirst().organisation())) {
            throw new InvalidInputException(
                source, 1, "identifier", "another organisation's ad has this identifier");
          }
          Enriched ad = enrich(List.of(posting), source).getFirst();
          if (stored.isEmpty()) {
            store(List.of(ad), new int[6], ImportProgress.silent());
          } else {
            replace(id, stored.getFirst(), ad);
          }
          dataChanges.record(JobAdIngestReport.DATASET);
        });
    return id;
  }

  /**
   * Closes an organisation's ad: it is no longer open (matching leaves it out) but still counts in
   * the demand of the month it was posted, as a filled vacancy does.
   *
   * @return whether the organisation has such an ad
   */
  public boolean close(UUID id, String organisation) {
    Boolean closed =
        transaction.execute(
            status -> {
              int changed =
                  jdbc.update(
                      "update lm_job_ad set closed_at = coalesce(closed_at, now())"
                          + " where id = ? and organisation = ?",
                      id,
                      organisation);
              if (changed > 0) {
                dataChanges.record(JobAdIngestReport.DATASET);
              }
              return changed > 0;
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

  private void replace(UUID id, Stored old, Enriched ad) {
    Map<DemandKey, Integer> adTotals = new HashMap<>();
    Map<SkillKey, Integer> skillTotals = new HashMap<>();
    // Take back what the ad counted as it was.
    if (old.duplicateOf() == null) {
      DemandKey before =
          new DemandKey(
              old.posted().withDayOfMonth(1),
              old.region() == null ? "" : old.region(),
              old.isco() == null ? "" : old.isco());
      adTotals.merge(before, -1, Integer::sum);
      for (String uri :
          jdbc.queryForList(
              "select skill_uri from lm_job_ad_skill where ad_id = ?", String.class, id)) {
        skillTotals.merge(new SkillKey(before, uri), -1, Integer::sum);
      }
    }
    // An ad that others repost stays the one they count under; any other is compared afresh
    // with the ads stored, itself left out, as if it came in now.
    boolean reposted =
        Boolean.TRUE.equals(
            jdbc.queryForObject(
                "select exists (select 1 from lm_job_ad where duplicate_of = ?)",
                Boolean.class,
                id));
    UUID duplicateOf = null;
    long[] bands = MinHash.bands(ad.signature());
    if (!reposted) {
      Map<Long, List<Candidate>> byBand = candidates(List.of(ad));
      double best = 0;
      for (int b = 0; b < bands.length; b++) {
        for (Candidate c : byBand.getOrDefault(key(b, bands[b]), List.of())) {
          if (c.id().equals(id) || c.root().equals(id)) {
            continue;
          }
          double similarity = MinHash.similarity(ad.signature(), c.signature());
          if (similarity >= DUPLICATE_SIMILARITY && similarity > best) {
            best = similarity;
            duplicateOf = c.root();
          }
        }
      }
    }
    JobPosting p = ad.posting();
    jdbc.update(
        "update lm_job_ad set title = ?, description = ?, language = ?, employer = ?,"
            + " occupation_uri = ?, isco_code = ?, municipality_code = ?, region_code = ?,"
            + " location_text = ?, remote = ?, date_posted = ?, valid_through = ?, synthetic = ?,"
            + " duplicate_of = ?, minhash = ?, organisation = ?, url = ?, updated_at = now(),"
            + " closed_at = null where id = ?",
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
        p.organisation(),
        p.url(),
        id);
    jdbc.update("delete from lm_job_ad_skill where ad_id = ?", id);
    jdbc.update("delete from lm_job_ad_band where ad_id = ?", id);
    jdbc.batchUpdate(
        "insert into lm_job_ad_skill (ad_id, skill_uri, score, evidence, chosen)"
            + " values (?, ?, ?, ?, ?)",
        ad.skills().stream()
            .map(s -> new Object[] {id, s.uri(), s.score(), s.evidence(), s.chosen()})
            .toList());
    List<Object[]> bandRows = new ArrayList<>();
    for (int b = 0; b < bands.length; b++) {
      bandRows.add(new Object[] {(short) b, bands[b], id});
    }
    jdbc.batchUpdate(
        "insert into lm_job_ad_band (band, hash, ad_id) values (?, ?, ?) on conflict do nothing",
        bandRows);
    // Count the ad as it is now.
    if (duplicateOf == null) {
      DemandKey after =
          new DemandKey(
              p.datePosted().withDayOfMonth(1),
              ad.regionCode() == null ? "" : ad.regionCode(),
              ad.iscoCode() == null ? "" : ad.iscoCode());
      adTotals.merge(after, 1, Integer::sum);
      for (AdSkill skill : ad.skills()) {
        skillTotals.merge(new SkillKey(after, skill.uri()), 1, Integer::sum);
      }
    }
    adTotals.values().removeIf(v -> v == 0);
    skillTotals.values().removeIf(v -> v == 0);
    applyDemand(adTotals, skillTotals);
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
