package fi.osaava.taxonomy.internal.search;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.LabelKind;
import fi.osaava.taxonomy.Suggestion;
import fi.osaava.taxonomy.internal.ConceptAutocomplete;
import fi.osaava.taxonomy.internal.search.LabelDocument.Fields;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link ConceptAutocomplete} on the Hibernate Search index of {@link LabelDocument}s. Queries use
 * only the backend-neutral DSL, so the Elasticsearch/OpenSearch backend can serve them unchanged.
 *
 * <p>Ranking is additive constant scores rather than BM25, because label length and term rarity say
 * little about what a person typing wants: each word must match the label as a whole word (lemma or
 * stem), as a prefix, or with a typo; labels that start with the whole typed text, preferred
 * labels, and labels in the requested language get fixed bonuses. Ties go to the shorter label, so
 * an exact match comes first.
 *
 * <p>Typo tolerance is the expensive part (Lucene builds a Levenshtein automaton per fuzzy term),
 * so a query runs without it first and again with it only when that found fewer concepts than
 * wanted. The first pass then returns what the second would have: a match that only a typo explains
 * always scores below any exact one.
 */
@Component
class LabelIndexAutocomplete implements ConceptAutocomplete {

  static final int MAX_LIMIT = 50;

  // The scores below only need the right order: a whole-word match beats a prefix, which beats a
  // typo; starting the label with the typed text beats any single word's quality; the label kind
  // and the label's language break ties between otherwise equal matches, never outweighing a
  // better match (PREFERRED + NATIVE < LAST_WORD_PREFIX - TYPO).
  private static final float WHOLE_WORD = 10;
  private static final float LAST_WORD_PREFIX = 8;
  private static final float EARLIER_WORD_PREFIX = 6;
  private static final float TYPO = 3;
  private static final float LABEL_START = 15;
  private static final float PREFERRED = 3;
  private static final float ALTERNATIVE = 1.5f;
  private static final float NATIVE = 1;

  private static final int MAX_FETCH = 800;

  /** Text up to this long is first matched against label starts only. */
  static final int SHORT_TEXT = 3;

  /** The typo pass runs when exact matching found fewer concepts than this (or than wanted). */
  static final int TYPO_PASS_BELOW = 3;

  /** What a pass requires of a label; a later pass finds a superset of an earlier one. */
  enum Pass {
    /** The label starts with the typed text: few documents, so a short prefix stays cheap. */
    LABEL_START,
    /** Every word matches as a whole word or a prefix, anywhere in the label. */
    WORDS,
    /** As {@link #WORDS}, or with a typo. */
    TYPOS
  }

  private static final Logger log = LoggerFactory.getLogger(LabelIndexAutocomplete.class);

  private final SessionFactory sessionFactory;
  private final JdbcClient jdbc;
  private final LabelIndexState state;

  LabelIndexAutocomplete(
      EntityManagerFactory entityManagerFactory, JdbcClient jdbc, LabelIndexState state) {
    this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
    this.jdbc = jdbc;
    this.state = state;
  }

  @Override
  public List<Suggestion> suggest(
      String text, Language language, Set<ConceptType> types, int limit) {
    QueryText query = QueryText.parse(text);
    if (query.isEmpty()) {
      return List.of();
    }
    Language wanted = language == null ? Language.FALLBACK : language;
    Set<ConceptType> wantedTypes = types == null ? Set.of() : types;
    int size = Math.clamp(limit, 1, MAX_LIMIT);
    try (Session session = sessionFactory.openSession()) {
      SearchSession search = Search.session(session);
      if (query.joined().length() <= SHORT_TEXT) {
        List<Suggestion> starts =
            search(search, query, wanted, wantedTypes, size, Pass.LABEL_START);
        if (starts.size() >= size) {
          return starts;
        }
      }
      List<Suggestion> exact = search(search, query, wanted, wantedTypes, size, Pass.WORDS);
      if (exact.size() >= Math.min(size, TYPO_PASS_BELOW) || !query.allowsTypos()) {
        return exact;
      }
      return search(search, query, wanted, wantedTypes, size, Pass.TYPOS);
    }
  }

  private List<Suggestion> search(
      SearchSession search,
      QueryText query,
      Language language,
      Set<ConceptType> types,
      int size,
      Pass pass) {
    // Half as many hits again as wanted, since a concept's several labels may all match; more
    // when too few distinct concepts come back. Each fetched hit costs a stored-fields read.
    int fetch = size + (size + 1) / 2;
    while (true) {
      List<List<?>> hits =
          search
              .search(LabelDocument.class)
              .select(
                  f ->
                      f.composite()
                          .from(
                              f.field(Fields.URI, String.class),
                              f.field(Fields.TYPE, String.class),
                              f.field(Fields.KIND, String.class),
                              f.field(Fields.LABEL, String.class),
                              f.field(Fields.DISPLAY_LABEL, String.class),
                              f.field(Fields.DISPLAY_LANGUAGE, String.class),
                              f.score())
                          .asList())
              .where(f -> predicate(f, query, language, types, pass))
              // Equal scores: the shorter label first. No further key: Lucene breaks the
              // remaining ties by document order, and a string key costs a tenth of a query.
              .sort(f -> f.score().then().field(Fields.LENGTH).asc())
              .fetchHits(fetch);
      List<Suggestion> suggestions = distinctConcepts(hits, language, size);
      if (suggestions.size() >= size || hits.size() < fetch || fetch >= MAX_FETCH) {
        return suggestions;
      }
      fetch = Math.min(fetch * 4, MAX_FETCH);
    }
  }

  private static List<Suggestion> distinctConcepts(List<List<?>> hits, Language wanted, int size) {
    Map<String, Suggestion> byConcept = new LinkedHashMap<>();
    for (List<?> hit : hits) {
      String uri = (String) hit.get(0);
      if (byConcept.containsKey(uri)) {
        continue;
      }
      Language shown = Language.fromCode((String) hit.get(5)).orElse(Language.FALLBACK);
      byConcept.put(
          uri,
          new Suggestion(
              new ConceptUri(uri),
              ConceptType.valueOf((String) hit.get(1)),
              new LocalizedText((String) hit.get(4), shown, shown != wanted),
              (String) hit.get(3),
              LabelKind.valueOf((String) hit.get(2)),
              (Float) hit.get(6)));
      if (byConcept.size() == size) {
        break;
      }
    }
    return new ArrayList<>(byConcept.values());
  }

  /**
   * Labels in the requested language and, for concepts that have no preferred label in it, their
   * English labels (Swedish and Norwegian ESCO have no skills, Finnish ESCO no ISCO groups). One
   * query covers both, so each word's clauses, the typo clause above all, are built once.
   */
  private static PredicateFinalStep predicate(
      SearchPredicateFactory f,
      QueryText query,
      Language language,
      Set<ConceptType> types,
      Pass pass) {
    BooleanPredicateClausesStep<?, ?> root = f.bool();
    List<String> codes = new ArrayList<>(2);
    codes.add(language.code());
    if (language == Language.FALLBACK) {
      root.filter(f.match().field(Fields.LANGUAGE).matching(language.code()));
    } else {
      codes.add(Language.FALLBACK.code());
      root.filter(
          f.bool()
              .should(f.match().field(Fields.LANGUAGE).matching(language.code()))
              .should(
                  f.bool()
                      .filter(f.match().field(Fields.LANGUAGE).matching(Language.FALLBACK.code()))
                      .mustNot(
                          f.match().field(Fields.PREFERRED_LANGUAGES).matching(language.code()))));
      root.should(
          f.match().field(Fields.LANGUAGE).matching(language.code()).constantScore().boost(NATIVE));
    }
    if (!types.isEmpty()) {
      root.filter(
          f.terms().field(Fields.TYPE).matchingAny(types.stream().map(Enum::name).toList()));
    }
    // In the first pass the label start is required and the word clauses only score: a label
    // that starts with the typed text matches every word, so the scores are those of the later
    // passes, while Lucene only visits the labels that start so.
    List<String> words = query.words();
    for (int i = 0; i < words.size(); i++) {
      PredicateFinalStep word =
          wordClause(f, codes, words.get(i), i == words.size() - 1, pass == Pass.TYPOS);
      if (pass == Pass.LABEL_START) {
        root.should(word);
      } else {
        root.must(word);
      }
    }
    PredicateFinalStep start =
        f.match().field(Fields.START).matching(query.joined()).constantScore().boost(LABEL_START);
    if (pass == Pass.LABEL_START) {
      root.must(start);
    } else {
      root.should(start);
    }
    root.should(
        f.match()
            .field(Fields.KIND)
            .matching(LabelKind.PREFERRED.name())
            .constantScore()
            .boost(PREFERRED));
    root.should(
        f.match()
            .field(Fields.KIND)
            .matching(LabelKind.ALTERNATIVE.name())
            .constantScore()
            .boost(ALTERNATIVE));
    return root;
  }

  private static PredicateFinalStep wordClause(
      SearchPredicateFactory f, List<String> codes, String word, boolean last, boolean typos) {
    BooleanPredicateClausesStep<?, ?> any = f.bool();
    for (String code : codes) {
      any.should(
          f.match().field(Fields.word(code)).matching(word).constantScore().boost(WHOLE_WORD));
      any.should(
          f.match()
              .field(Fields.prefix(code))
              .matching(word)
              .constantScore()
              .boost(last ? LAST_WORD_PREFIX : EARLIER_WORD_PREFIX));
    }
    int edits = QueryText.allowedEdits(word);
    if (typos && edits > 0) {
      // Earlier words too are matched on the n-gram field: it holds each whole word unstemmed,
      // which is what a typo is measured against.
      any.should(
          f.match()
              .field(Fields.FOLDED_PREFIX)
              .matching(word)
              .fuzzy(edits, 1)
              .constantScore()
              .boost(TYPO));
    }
    return any;
  }

  @Override
  public void rebuild() {
    state.rebuild(this::massIndex);
  }

  /**
   * Rebuilds unless the index turns out to be current once no other rebuild is running: the
   * start-up and periodic checks may race with the rebuild after an import.
   */
  void rebuildIfStale() {
    state.rebuildIf(() -> state.staleness(documentCount()).isPresent(), this::massIndex);
  }

  private void massIndex() {
    long started = System.nanoTime();
    // Without statistics PostgreSQL plans the mass indexer's id lookups on the view as full scans
    // (seconds per batch instead of milliseconds). The importer analyses after loading; this
    // covers rebuilds at start-up or after data changed by other means.
    try {
      jdbc.sql("analyze taxonomy_label").update();
      jdbc.sql("analyze taxonomy_concept").update();
    } catch (RuntimeException e) {
      log.debug("Could not analyze the taxonomy tables: {}", e.getMessage());
    }
    try (Session session = sessionFactory.openSession()) {
      Search.session(session)
          .massIndexer(LabelDocument.class)
          .threadsToLoadObjects(2)
          .batchSizeToLoadObjects(1000)
          .idFetchSize(5000)
          .purgeAllOnStart(true)
          // A Lucene folder is merged into few segments once, for fast queries. OpenSearch merges
          // in the background itself, and a forced merge of a shared index blocks every node's
          // writes for longer than a request may take.
          .mergeSegmentsOnFinish(!state.shared())
          .startAndWait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while rebuilding the label index", e);
    }
    log.info(
        "Label autocomplete index rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Brings the documents of a few concepts in line with the database: removes every document the
   * index holds for them and adds their current rows of the view, so a concept that became obsolete
   * disappears. For changes to a handful of concepts, where a rebuild would be wasteful.
   */
  void reindexConcepts(Collection<ConceptUri> uris) {
    if (uris.isEmpty()) {
      return;
    }
    List<String> values = uris.stream().map(ConceptUri::value).distinct().toList();
    try (Session session = sessionFactory.openSession()) {
      SearchSession search = Search.session(session);
      search.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.readSync());
      List<String> indexed =
          search
              .search(LabelDocument.class)
              .select(f -> f.id(String.class))
              .where(f -> f.terms().field(Fields.URI).matchingAny(values))
              .fetchAllHits();
      SearchIndexingPlan plan = search.indexingPlan();
      indexed.forEach(id -> plan.purge(LabelDocument.class, id, null));
      session
          .createSelectionQuery(
              "from LabelDocument d where d.conceptUri in :uris", LabelDocument.class)
          .setParameter("uris", values)
          .getResultList()
          .forEach(plan::addOrUpdate);
      plan.execute();
    }
  }

  /** Number of documents in the index. */
  long documentCount() {
    try (Session session = sessionFactory.openSession()) {
      return Search.session(session)
          .search(LabelDocument.class)
          .where(f -> f.matchAll())
          .fetchTotalHitCount();
    }
  }
}
