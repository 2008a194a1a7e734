package fi.osaava.education.internal;

import fi.osaava.education.CatalogueChanged;
import fi.osaava.education.OfferingId;
import fi.osaava.education.OfferingSkillsIdentified;
import fi.osaava.education.internal.search.EducationReindexRequests;
import fi.osaava.identification.Evidence;
import fi.osaava.identification.Identification;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifiedConcept;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attaches ESCO skills to offerings in the background: every active offering whose skills are not
 * identified yet ({@code skills_identified_at} null: new or changed since) is run through the
 * identification engine in batches, its description and learning outcomes as text, and the skills
 * are stored with their evidence. A qualification also gets its units' skills as
 * qualification-defined. Restartable: a batch is committed with its marks, so a stopped backfill
 * picks up where it was; imports and start-up trigger it, and it never blocks them.
 */
@Component
public class SkillBackfill implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SkillBackfill.class);

  static final int BATCH = 100;

  /** Skills kept per offering: the engine's best, above its default threshold. */
  static final int SKILLS_PER_OFFERING = 15;

  /** Skills a qualification takes over from each of its units. */
  static final int SKILLS_PER_UNIT = 5;

  private final JdbcClient jdbc;

  /** Only for batch updates, which {@link JdbcClient} does not have. */
  private final JdbcTemplate jdbcBatch;

  private final TransactionTemplate transactions;
  private final IdentificationApi identification;
  private final TaxonomyApi taxonomy;
  private final EducationReindexRequests reindexRequests;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon().name("education-skill-backfill").factory());
  private final AtomicBoolean pending = new AtomicBoolean();
  private final ApplicationEventPublisher events;

  SkillBackfill(
      JdbcClient jdbc,
      JdbcTemplate jdbcBatch,
      TransactionTemplate transactions,
      IdentificationApi identification,
      TaxonomyApi taxonomy,
      EducationReindexRequests reindexRequests,
      ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.jdbcBatch = jdbcBatch;
    this.transactions = transactions;
    this.identification = identification;
    this.taxonomy = taxonomy;
    this.reindexRequests = reindexRequests;
  }

  /** Starts a run unless one is queued already; returns at once. */
  public void trigger() {
    if (pending.compareAndSet(false, true)) {
      executor.submit(
          () -> {
            pending.set(false);
            try {
              runToCompletion();
            } catch (RuntimeException e) {
              log.error("Skill backfill stopped; it resumes at the next import or start", e);
            }
          });
    }
  }

  /** Processes batches until no offering waits; returns how many were processed. */
  public int runToCompletion() {
    if (!taxonomy.imported()) {
      log.info("Skill backfill waits: ESCO is not imported yet");
      return 0;
    }
    int processed = 0;
    while (true) {
      int done = runBatch();
      if (done == 0) {
        if (processed > 0) {
          // Matching indexes were built from the catalogue without these skills. Published in a
          // transaction, which the event publication registry records it in.
          int changed = processed;
          transactions.executeWithoutResult(
              status -> events.publishEvent(new CatalogueChanged(changed)));
          log.info("Skills identified for {} offerings", processed);
        }
        return processed;
      }
      processed += done;
      log.debug("Skills identified for {} offerings", processed);
    }
  }

  /** Offerings still waiting for skill identification. */
  public long waiting() {
    Long count =
        jdbc.sql(
                "select count(*) from education_offering where active and skills_identified_at is null")
            .query(Long.class)
            .single();
    return count == null ? 0 : count;
  }

  /** One batch at a time, whichever thread asks: batches must not overlap. */
  private synchronized int runBatch() {
    List<Pending> batch =
        jdbc.sql(
                """
            select o.id, o.parent_id, concat_ws(E'\\n', o.title_fi, o.description_fi,
                (select string_agg(text_fi, E'\\n' order by position)
                   from education_learning_outcome where offering_id = o.id)),
              concat_ws(E'\\n', o.title_sv, o.description_sv,
                (select string_agg(text_sv, E'\\n' order by position)
                   from education_learning_outcome where offering_id = o.id)),
              concat_ws(E'\\n', o.title_en, o.description_en,
                (select string_agg(text_en, E'\\n' order by position)
                   from education_learning_outcome where offering_id = o.id)),
              o.synthetic
            from education_offering o
            where o.active and o.skills_identified_at is null
            order by o.id
            limit ?
            """)
            .param(BATCH)
            .query(
                (rs, n) ->
                    new Pending(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getBoolean(6)))
            .list();
    if (batch.isEmpty()) {
      return 0;
    }
    IdentifyOptions options =
        new IdentifyOptions(
            SKILLS_PER_OFFERING, IdentifyOptions.DEFAULT_THRESHOLD, false, false, null);
    // The skills come from one text per offering, in the richest language it has: Finnish, else
    // Swedish, else English. A Swedish text, where there is one beside it, is identified too, only
    // for its evidence: a Swedish page then quotes the Swedish text rather than the Finnish one.
    List<String> texts = new ArrayList<>(batch.stream().map(Pending::text).toList());
    Map<Integer, Integer> swedishOf = new HashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      if (batch.get(i).swedishBeside()) {
        swedishOf.put(i, texts.size());
        texts.add(batch.get(i).sv());
      }
    }
    List<Identification> results = identification.identifyAll(texts, null, options);
    Map<UUID, List<IdentifiedConcept>> skills = new LinkedHashMap<>();
    Map<UUID, Language> textLanguage = new HashMap<>();
    Map<UUID, Map<ConceptUri, String>> swedishEvidence = new HashMap<>();
    Set<ConceptUri> uris = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      UUID id = batch.get(i).id();
      skills.put(id, results.get(i).skills());
      textLanguage.put(id, batch.get(i).textLanguage());
      results.get(i).skills().forEach(s -> uris.add(s.uri()));
      Integer sv = swedishOf.get(i);
      if (sv != null) {
        Map<ConceptUri, String> byUri = new HashMap<>();
        for (IdentifiedConcept skill : results.get(sv).skills()) {
          String text = evidence(skill.evidence());
          if (text != null) {
            byUri.put(skill.uri(), text);
          }
        }
        swedishEvidence.put(id, byUri);
      }
    }
    Map<Language, Map<String, String>> labels = labels(uris);
    Set<UUID> parents = new HashSet<>();
    batch.stream().map(Pending::parentId).filter(p -> p != null).forEach(parents::add);
    transactions.executeWithoutResult(
        status -> {
          Object[] ids = skills.keySet().toArray();
          jdbc.sql(
                  "delete from education_offering_skill where source = 'IDENTIFIED'"
                      + " and offering_id = any(?)")
              .param(new SqlArrayValue("uuid", ids))
              .update();
          List<Object[]> rows = new ArrayList<>();
          skills.forEach(
              (id, found) -> {
                Language language = textLanguage.get(id);
                Map<ConceptUri, String> swedish = swedishEvidence.getOrDefault(id, Map.of());
                for (IdentifiedConcept skill : found) {
                  String uri = skill.uri().value();
                  String evidence = evidence(skill.evidence());
                  rows.add(
                      new Object[] {
                        id,
                        uri,
                        "IDENTIFIED",
                        (float) skill.score(),
                        evidence,
                        // labels() holds a map for each of the three languages.
                        Objects.requireNonNull(labels.get(Language.FI)).get(uri),
                        Objects.requireNonNull(labels.get(Language.SV)).get(uri),
                        Objects.requireNonNull(labels.get(Language.EN)).get(uri),
                        language == Language.FI ? evidence : null,
                        language == Language.SV ? evidence : swedish.get(skill.uri()),
                        language == Language.EN ? evidence : null
                      });
                }
              });
          jdbcBatch.batchUpdate(
              "insert into education_offering_skill (offering_id, skill_uri, source, score,"
                  + " evidence, label_fi, label_sv, label_en, evidence_fi, evidence_sv,"
                  + " evidence_en) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                  + " on conflict do nothing",
              rows);
          jdbc.sql("update education_offering set skills_identified_at = now() where id = any(?)")
              .param(new SqlArrayValue("uuid", ids))
              .update();
          for (UUID parent : parents) {
            qualificationDefined(parent);
          }
          Set<UUID> reindex = new HashSet<>(skills.keySet());
          reindex.addAll(parents);
          reindexRequests.request(reindex);
          // Alerts for a goal's missing skills look at an offering's skills when it is published,
          // before identification has run for one without curated skills: they hear of these too.
          // Generated offerings alert nobody, as they announce no OfferingsPublished.
          List<OfferingId> identified =
              batch.stream()
                  .filter(p -> !p.synthetic() && !skills.getOrDefault(p.id(), List.of()).isEmpty())
                  .map(p -> new OfferingId(p.id()))
                  .toList();
          if (!identified.isEmpty()) {
            events.publishEvent(new OfferingSkillsIdentified(identified));
          }
        });
    // Here, or by the service when it holds the index.
    reindexRequests.drain();
    return batch.size();
  }

  /**
   * A qualification is defined by its units: it teaches each unit's strongest skills. Recomputed
   * whenever a unit's skills change.
   */
  private void qualificationDefined(UUID qualification) {
    // Evidence per language only where every unit has a title in it, so that a page never shows
    // some of the units as if they were all.
    jdbc.sql(
            "delete from education_offering_skill where offering_id = ? and source ="
                + " 'QUALIFICATION_DEFINED'")
        .param(qualification)
        .update();
    jdbc.sql(
            """
        insert into education_offering_skill (offering_id, skill_uri, source, score, evidence,
          label_fi, label_sv, label_en, evidence_fi, evidence_sv, evidence_en)
        select ?, skill_uri, 'QUALIFICATION_DEFINED', max(score),
          string_agg(distinct unit_title, '; '), max(label_fi), max(label_sv), max(label_en),
          case when count(unit_fi) = count(*) then string_agg(distinct unit_fi, '; ') end,
          case when count(unit_sv) = count(*) then string_agg(distinct unit_sv, '; ') end,
          case when count(unit_en) = count(*) then string_agg(distinct unit_en, '; ') end
        from (
          select s.offering_id, s.skill_uri, s.score, s.label_fi, s.label_sv, s.label_en,
            coalesce(u.title_fi, u.title_sv, u.title_en) as unit_title,
            u.title_fi as unit_fi, u.title_sv as unit_sv, u.title_en as unit_en,
            row_number() over (partition by s.offering_id order by s.score desc) as rank
          from education_offering u join education_offering_skill s on s.offering_id = u.id
          where u.parent_id = ? and u.active and s.source = 'IDENTIFIED'
        ) ranked
        where rank <= ?
        group by skill_uri
        on conflict do nothing
        """)
        .params(qualification, qualification, SKILLS_PER_UNIT)
        .update();
  }

  private Map<Language, Map<String, String>> labels(Set<ConceptUri> uris) {
    Map<Language, Map<String, String>> labels = new HashMap<>();
    List<ConceptUri> list = List.copyOf(uris);
    for (Language language : List.of(Language.FI, Language.SV, Language.EN)) {
      Map<String, String> byUri = new HashMap<>();
      if (!list.isEmpty()) {
        for (ConceptSummary summary : taxonomy.summaries(list, language)) {
          if (summary.label() != null && !summary.label().fallback()) {
            byUri.put(summary.uri().value(), summary.label().text());
          }
        }
      }
      labels.put(language, byUri);
    }
    return labels;
  }

  /** The supporting sentences, joined; the page shows them beside the skill. */
  private static @Nullable String evidence(List<Evidence> evidence) {
    List<String> parts = new ArrayList<>();
    for (Evidence e : evidence) {
      if (parts.size() == 3) {
        break;
      }
      parts.add(e.text());
    }
    return parts.isEmpty() ? null : String.join(" … ", parts);
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }

  private record Pending(
      UUID id, UUID parentId, String fi, String sv, String en, boolean synthetic) {

    String text() {
      return switch (textLanguage()) {
        case FI -> fi;
        case SV -> sv;
        default -> en == null ? "" : en;
      };
    }

    /** The language of {@link #text()}; the evidence migration repeats this rule in SQL. */
    Language textLanguage() {
      if (fi != null && fi.length() > 20) {
        return Language.FI;
      }
      if (sv != null && sv.length() > 20) {
        return Language.SV;
      }
      return Language.EN;
    }

    boolean swedishBeside() {
      return textLanguage() != Language.SV && sv != null && sv.length() > 20;
    }
  }
}
