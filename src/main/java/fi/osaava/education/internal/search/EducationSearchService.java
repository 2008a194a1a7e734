package fi.osaava.education.internal.search;

import fi.osaava.education.internal.search.EducationSearchResult.FacetCount;
import fi.osaava.education.internal.search.EducationSearchResult.Hit;
import fi.osaava.education.internal.search.Facet.Bucket;
import fi.osaava.education.internal.search.OfferingDocument.Fields;
import fi.osaava.platform.Language;
import fi.osaava.text.FinnishMorphology;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.search.backend.lucene.LuceneExtension;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.aggregation.dsl.AggregationFinalStep;
import org.hibernate.search.engine.search.aggregation.dsl.SearchAggregationFactory;
import org.hibernate.search.engine.search.common.SortMode;
import org.hibernate.search.engine.search.common.ValueModel;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.predicate.SearchPredicate;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.projection.SearchProjection;
import org.hibernate.search.engine.search.projection.dsl.SearchProjectionFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.engine.search.sort.dsl.SortThenStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FieldProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IdProjection;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;
import org.hibernate.search.util.common.data.Range;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The education search: words matched per language field (Finnish lemmas and compound parts,
 * Swedish and English stems), titles and alternative names weighted above descriptions, skills'
 * ESCO labels as synonyms, as-you-type prefixes and typo tolerance on titles; facet counts over the
 * whole filtered result in the same query.
 */
@Component
public class EducationSearchService {

  static final List<String> LANGUAGES = List.of("fi", "sv", "en");

  private static final float TITLE = 6f;
  private static final float NAMES = 1f;
  private static final float SKILLS = 1f;
  private static final float BODY = 0.7f;
  private static final float PREFIX = 0.6f;
  private static final float TYPO = 0.8f;
  private static final float PHRASE = 4f;

  /**
   * A synonym's match against the same match of the words typed: below it, so an offering named
   * with the person's own word comes before one named with another word for the same thing.
   */
  private static final float SYNONYM = 0.5f;

  /** The EQF level of doctoral programmes, which {@link #doctoralPrior} applies to. */
  static final short DOCTORAL_EQF = 8;

  private final SessionFactory sessionFactory;
  private final Vocabulary vocabulary;
  private final FinnishMorphology morphology;
  private final Clock clock;
  private final QuerySynonyms synonyms;
  private final float doctoralPrior;
  private final RelatedSkills relatedSkills;
  private final boolean useOpenSearch;

  /**
   * @param doctoralPrior what a doctoral programme's score is multiplied by ({@code
   *     osaava.education.search.doctoral-prior}, 0 to 1): a four-year research degree is rarely
   *     what a person typing a plain topic wants from a continuous-learning service, yet its short
   *     title ("Doctoral Programme in Law") and topic-dense description outscore the degrees and
   *     units that teach the topic. 1 turns it off. The default, 0.5, halves a doctoral programme's
   *     score; what that costs on the judged query set and what it changes are measured in
   *     docs/benchmarks.md. A prior on the kind of offering, the same for every query.
   */
  EducationSearchService(
      EntityManagerFactory entityManagerFactory,
      Vocabulary vocabulary,
      FinnishMorphology morphology,
      Clock clock,
      QuerySynonyms synonyms,
      RelatedSkills relatedSkills,
      EducationSearchProperties properties,
      @Value("${osaava.education.search.doctoral-prior:0.5}") float doctoralPrior) {
    if (!(doctoralPrior > 0 && doctoralPrior <= 1)) {
      throw new IllegalArgumentException(
          "osaava.education.search.doctoral-prior must be above 0 and at most 1, not "
              + doctoralPrior);
    }
    this.doctoralPrior = doctoralPrior;
    this.useOpenSearch = properties.useOpenSearch();
    this.relatedSkills = relatedSkills;
    this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
    this.synonyms = synonyms;
    this.morphology = morphology;
    this.vocabulary = vocabulary;
    // Dates (start-date facet, "open now") are UTC dates, as they always were; the clock itself is
    // the application's, so tests can fix it.
    this.clock = clock.withZone(ZoneOffset.UTC);
  }

  /**
   * Searches; when the words find nothing, searches again for what they are about: the offerings
   * that teach the skills of the occupations and skills the query names ({@link RelatedSkills}),
   * under the same filters, and the result says so ({@link EducationSearchResult#relatedVia()}).
   */
  public EducationSearchResult search(EducationQuery query) {
    long started = System.nanoTime();
    EducationSearchResult result = search(query, RelatedSkills.Understood.NOTHING, List.of());
    if (result.total() > 0 || query.text() == null || QueryWords.of(query.text()).isEmpty()) {
      return result;
    }
    RelatedSkills.Understood understood = relatedSkills.understand(query.text(), query.language());
    if (understood.offerings().isEmpty()) {
      return result;
    }
    EducationSearchResult related = search(query, understood, understood.via());
    if (related.total() == 0) {
      return result;
    }
    return related.withDidYouMean(result.didYouMean(), (System.nanoTime() - started) / 1e6);
  }

  private EducationSearchResult search(
      EducationQuery query,
      RelatedSkills.Understood related,
      List<fi.osaava.platform.LocalizedText> relatedVia) {
    long started = System.nanoTime();
    List<String> words = QueryWords.of(query.text());
    List<String> teaches = QueryWords.of(query.teaches());
    LocalDate today = LocalDate.now(clock);
    Map<Facet, AggregationKey<Object>> keys = new EnumMap<>(Facet.class);
    for (Facet facet : Facet.values()) {
      if (!COMBINED.contains(facet)) {
        keys.put(facet, AggregationKey.of(facet.parameter()));
      }
    }
    // "Application open now" is counted by the combined aggregation too (FacetValuesBridge).
    AggregationKey<Map<String, Long>> combinedKey = AggregationKey.of("facets");
    List<String> highlightLanguages =
        new ArrayList<>(new LinkedHashSet<>(List.of(query.language().code(), "fi")));
    highlightLanguages.retainAll(LANGUAGES);
    List<QuerySynonyms.Expansion> expansions =
        related.offerings().isEmpty() ? expansions(query, words, true) : List.of();
    try (Session session = sessionFactory.openSession()) {
      var step =
          Search.session(session)
              .search(OfferingDocument.class)
              .select(f -> f.composite().as(IndexedHit.class))
              .where(f -> predicate(f, query, words, teaches, related, expansions, today))
              .sort(
                  f ->
                      sort(
                          f,
                          query.sort(),
                          words.isEmpty() && teaches.isEmpty() && related.offerings().isEmpty()));
      for (Map.Entry<Facet, AggregationKey<Object>> key : keys.entrySet()) {
        step = step.aggregation(key.getValue(), f -> aggregation(f, key.getKey(), today));
      }
      step =
          step.aggregation(
              combinedKey,
              // As indexed: the field's values are the bridge's output, never read back.
              f ->
                  f.terms()
                      .field(Fields.FACETS, String.class, ValueModel.INDEX)
                      .maxTermCount(COMBINED_VALUES));
      SearchResult<IndexedHit> result = step.fetch(query.page() * query.size(), query.size());
      Map<UUID, List<String>> highlights =
          highlights(
              session,
              result.hits().stream().map(IndexedHit::id).toList(),
              query,
              words,
              teaches,
              related,
              expansions,
              highlightLanguages);
      Map<Facet, List<FacetCount>> facets = new EnumMap<>(Facet.class);
      Map<String, Long> combined = result.aggregation(combinedKey);
      for (Facet facet : Facet.values()) {
        Object aggregation =
            COMBINED.contains(facet)
                ? combinedAggregation(facet, combined)
                : result.aggregation(keys.get(facet));
        facets.put(facet, counts(facet, aggregation, query));
      }
      long total = result.total().hitCount();
      String didYouMean = total < 3 && !words.isEmpty() ? vocabulary.suggest(words) : null;
      return new EducationSearchResult(
          total,
          query.page(),
          query.size(),
          result.hits().stream()
              .map(h -> hit(h, highlights.getOrDefault(h.id(), List.of()), query.language()))
              .toList(),
          facets,
          combined.getOrDefault(FacetValuesBridge.OPEN_NOW, 0L),
          didYouMean,
          relatedVia,
          (System.nanoTime() - started) / 1e6);
    }
  }

  /**
   * A hit as the result page shows it, projected from the document's stored fields: no round trip
   * to the tables (the titles and strongest skills are stored for it, {@link
   * OfferingDocument#getShownTitleFi}).
   */
  @ProjectionConstructor
  record IndexedHit(
      @IdProjection UUID id,
      @FieldProjection(path = Fields.SHOWN_TITLE + "fi") String titleFi,
      @FieldProjection(path = Fields.SHOWN_TITLE + "sv") String titleSv,
      @FieldProjection(path = Fields.SHOWN_TITLE + "en") String titleEn,
      @FieldProjection(path = Fields.SHOWN_SKILLS + "fi") List<String> skillsFi,
      @FieldProjection(path = Fields.SHOWN_SKILLS + "sv") List<String> skillsSv,
      @FieldProjection(path = Fields.SHOWN_SKILLS + "en") List<String> skillsEn,
      @FieldProjection(path = Fields.LEVEL) String level,
      @FieldProjection(path = Fields.FIELD) String field,
      @FieldProjection(path = Fields.LOCATION) List<String> locations,
      @FieldProjection(path = Fields.LANGUAGE) List<String> languages,
      @FieldProjection(path = Fields.PROVIDER) List<String> providers,
      @FieldProjection(path = Fields.EXTENT) Double extent,
      @FieldProjection(path = Fields.SYNTHETIC) Boolean synthetic) {}

  /**
   * The shown hits' highlighted descriptions, from a second search over only those hits with only
   * the description fields' clauses of the query. The unified highlighter evaluates its search's
   * whole query again for every hit and field it highlights; on the search's own query that was the
   * twelve language fields per word, the typo clauses and the filters, although only the clauses on
   * {@code body_*} can mark a description (the highlighter matches fields exactly), so this query
   * marks the same words at a fraction of the cost (docs/benchmarks.md, issue #20). For the same
   * reason it has only the clauses on the descriptions it highlights ({@code languages}): a Finnish
   * query's snippets are Finnish, and its English clauses would be matched against each hit for
   * nothing.
   */
  private Map<UUID, List<String>> highlights(
      Session session,
      List<UUID> ids,
      EducationQuery query,
      List<String> words,
      List<String> teaches,
      RelatedSkills.Understood related,
      List<QuerySynonyms.Expansion> expansions,
      List<String> languages) {
    boolean wordsHighlighted = related.offerings().isEmpty() && !words.isEmpty();
    if (ids.isEmpty() || (!wordsHighlighted && teaches.isEmpty())) {
      return Map.of();
    }
    List<String> content =
        wordsHighlighted ? QueryWords.contentWords(words, query.language()) : List.of();
    Map<UUID, List<String>> byId = new java.util.HashMap<>();
    Search.session(session)
        .search(OfferingDocument.class)
        .select(
            f ->
                f.composite()
                    .from(f.id(UUID.class).toProjection(), highlightFields(f, languages))
                    .as((UUID id, List<String> fragments) -> Map.entry(id, fragments)))
        .where(
            f -> {
              BooleanPredicateClausesStep<?, ?> body = f.bool().filter(f.id().matchingAny(ids));
              for (int i = 0; i < content.size(); i++) {
                for (QuerySynonyms.Expansion expansion : expansions) {
                  if (expansion.start() <= i && i < expansion.end()) {
                    for (QuerySynonyms.Alternative alternative : expansion.alternatives()) {
                      if (languages.contains(alternative.language().code())) {
                        body.should(bodySynonym(f, alternative));
                      }
                    }
                  }
                }
                for (String l : languages) {
                  body.should(f.match().field("body_" + l).matching(content.get(i)).boost(BODY));
                }
              }
              if (!teaches.isEmpty()) {
                for (String l : languages) {
                  body.should(bodyTeaches(f, l, teaches));
                }
              }
              return body;
            })
        .highlighter(
            h ->
                h.unified()
                    .tag("<mark>", "</mark>")
                    .encoder(HighlighterEncoder.HTML)
                    .numberOfFragments(2)
                    .noMatchSize(0))
        .fetchHits(ids.size())
        .forEach(e -> byId.put(e.getKey(), e.getValue()));
    return byId;
  }

  /**
   * The highlighted description fragments: in the query's language, then in Finnish, which every
   * offering has.
   */
  private static SearchProjection<List<String>> highlightFields(
      SearchProjectionFactory<?, ?> f, List<String> languages) {
    SearchProjection<List<String>> first =
        f.highlight("body_" + languages.getFirst()).toProjection();
    if (languages.size() == 1) {
      return first;
    }
    return f.composite()
        .from(first, f.highlight("body_" + languages.get(1)).toProjection())
        .as(
            (own, finnish) -> {
              List<String> both = new ArrayList<>(own);
              both.addAll(finnish);
              return both;
            })
        .toProjection();
  }

  /**
   * The facets counted by one terms aggregation over the combined facet field ({@link
   * OfferingDocument#getFacetValues}), in one pass over the matches; each of the others (provider,
   * start date) has an aggregation of its own.
   */
  static final Set<Facet> COMBINED = EnumSet.complementOf(EnumSet.of(Facet.PROVIDER, Facet.START));

  /**
   * How many values the combined aggregation returns: all of them (levels, fields, regions, the
   * municipalities and "online", languages, modes, cost, the extent and duration ranges: about 370
   * in Finland), so that each facet's own top values below are exact.
   */
  private static final int COMBINED_VALUES = 2_000;

  /** How many values a facet shows, as its own terms aggregation would count them. */
  private static int maxTermCount(Facet facet) {
    return switch (facet) {
      case FIELD -> 20;
      case LOCATION -> 400;
      case PROVIDER, REGION -> 30;
      // Hibernate Search's default for a terms aggregation.
      default -> 100;
    };
  }

  /**
   * One facet's part of the combined aggregation, shaped as the facet's own aggregation would
   * return it: a terms facet's values by count (then value, as both backends order equal counts),
   * at most {@link #maxTermCount}; a range facet's buckets in their order, zero where none matched.
   */
  private static Map<String, Long> combinedAggregation(Facet facet, Map<String, Long> combined) {
    String prefix = facet.combined("");
    Map<String, Long> counts = new LinkedHashMap<>();
    List<Bucket> buckets =
        switch (facet) {
          case EXTENT -> Facet.EXTENT_BUCKETS;
          case DURATION -> Facet.DURATION_BUCKETS;
          default -> null;
        };
    if (buckets != null) {
      for (Bucket bucket : buckets) {
        counts.put(bucket.key(), combined.getOrDefault(prefix + bucket.key(), 0L));
      }
      return counts;
    }
    int limit = maxTermCount(facet);
    // The aggregation's own order: count descending, then the value.
    for (Map.Entry<String, Long> entry : combined.entrySet()) {
      if (entry.getKey().startsWith(prefix) && counts.size() < limit) {
        counts.put(entry.getKey().substring(prefix.length()), entry.getValue());
      }
    }
    return counts;
  }

  /**
   * The own aggregation of a facet not in {@link #COMBINED}, over the whole filtered result: the
   * provider's top values, or the start date's ranges from today.
   */
  @SuppressWarnings("unchecked")
  private static AggregationFinalStep<Object> aggregation(
      SearchAggregationFactory f, Facet facet, LocalDate today) {
    AggregationFinalStep<?> step =
        switch (facet) {
          case PROVIDER ->
              f.terms().field(Fields.PROVIDER, String.class).maxTermCount(maxTermCount(facet));
          case START ->
              f.range()
                  .field(Fields.START_DATE, LocalDate.class)
                  .ranges(
                      Facet.START_BUCKETS.stream()
                          .map(b -> range(b, (Integer x) -> today.plusMonths(x)))
                          .toList());
          default ->
              throw new IllegalArgumentException(facet + " is counted in the combined facet field");
        };
    return (AggregationFinalStep<Object>) step;
  }

  /** A plain text query by relevance, no filters: what the evaluations ask. */
  private static EducationQuery textOnly(String text, Language language, int size) {
    return new EducationQuery(
        text, "", Map.of(), false, Set.of(), EducationQuery.SortOrder.RELEVANCE, 0, size, language);
  }

  /**
   * What a person typing {@code text} sees first, with no filters: the words' hits or, when they
   * find nothing, the related ones. For the query-log evaluation.
   */
  public EducationSearchResult firstPage(String text, Language language, int size) {
    return search(textOnly(text, language, size));
  }

  /**
   * Ids of the best {@code limit} real (not synthetic) hits for {@code text}, for the relevance
   * evaluation.
   */
  public List<UUID> rank(String text, Language language, int limit) {
    EducationQuery query = textOnly(text, language, limit);
    List<String> words = QueryWords.of(text);
    try (Session session = sessionFactory.openSession()) {
      return Search.session(session)
          .search(OfferingDocument.class)
          .select(f -> f.id(UUID.class))
          .where(
              f ->
                  f.bool()
                      .must(predicate(f, query, words, List.of(), LocalDate.now(clock), true))
                      .filter(f.match().field(Fields.SYNTHETIC).matching(false)))
          .sort(f -> sort(f, query.sort(), words.isEmpty()))
          .fetchHits(limit);
    }
  }

  /**
   * How many real (not synthetic) offerings match {@code text}, with or without the query-time
   * synonyms, for the zero-result evaluation: the same predicate as {@link #search}, no facets.
   */
  public long count(String text, Language language, boolean withSynonyms) {
    EducationQuery query = textOnly(text, language, 1);
    List<String> words = QueryWords.of(text);
    try (Session session = sessionFactory.openSession()) {
      return Search.session(session)
          .search(OfferingDocument.class)
          .where(
              f ->
                  f.bool()
                      .must(
                          predicate(f, query, words, List.of(), LocalDate.now(clock), withSynonyms))
                      .filter(f.match().field(Fields.SYNTHETIC).matching(false)))
          .fetchTotalHitCount();
    }
  }

  private static Hit hit(IndexedHit indexed, List<String> highlights, Language language) {
    Map<String, String> titles = new LinkedHashMap<>();
    for (String l : LANGUAGES) {
      String title =
          switch (l) {
            case "fi" -> indexed.titleFi();
            case "sv" -> indexed.titleSv();
            default -> indexed.titleEn();
          };
      if (title != null) {
        titles.put(l, title);
      }
    }
    // The reader's language's labels; other languages read the English ones.
    List<String> skills =
        switch (language) {
          case FI -> indexed.skillsFi();
          case SV -> indexed.skillsSv();
          default -> indexed.skillsEn();
        };
    return new Hit(
        indexed.id(),
        titles,
        indexed.level(),
        indexed.field(),
        indexed.locations(),
        indexed.languages(),
        indexed.providers(),
        indexed.extent(),
        Boolean.TRUE.equals(indexed.synthetic()),
        (highlights.size() > 2 ? highlights.subList(0, 2) : highlights)
            .stream().map(h -> SnippetWindow.around(h, SNIPPET_LENGTH, SNIPPET_LEAD)).toList(),
        skills);
  }

  /**
   * A shown snippet's visible characters at most (then to the end of a word), of which up to {@link
   * #SNIPPET_LEAD} before its first marked word: two or three lines of a result list.
   */
  static final int SNIPPET_LENGTH = 240;

  static final int SNIPPET_LEAD = 60;

  /** Skills shown per hit: the strongest few, enough to say what it teaches. */
  static final int SKILLS_PER_HIT = 3;

  private PredicateFinalStep predicate(
      SearchPredicateFactory f,
      EducationQuery query,
      List<String> words,
      List<String> teaches,
      LocalDate today,
      boolean withSynonyms) {
    return predicate(
        f,
        query,
        words,
        teaches,
        RelatedSkills.Understood.NOTHING,
        expansions(query, words, withSynonyms),
        today);
  }

  /** Other names for spans of the query's content words, when synonyms are asked for. */
  private List<QuerySynonyms.Expansion> expansions(
      EducationQuery query, List<String> words, boolean withSynonyms) {
    return withSynonyms && !words.isEmpty()
        ? synonyms.expand(QueryWords.contentWords(words, query.language()))
        : List.of();
  }

  /**
   * @param related when it has offerings, the words are replaced by them: only those offerings,
   *     each scoring the sum of the weights of the skills it teaches, with the doctoral prior as
   *     for words
   * @param expansions other names for spans of the content words ({@link #expansions})
   */
  private PredicateFinalStep predicate(
      SearchPredicateFactory f,
      EducationQuery query,
      List<String> words,
      List<String> teaches,
      RelatedSkills.Understood related,
      List<QuerySynonyms.Expansion> expansions,
      LocalDate today) {
    BooleanPredicateClausesStep<?, ?> root = f.bool();
    root.filter(f.match().field(Fields.ACTIVE).matching(true));
    // What scores: the words (or the related skills), their phrase and what the person asked the
    // offering to teach; the doctoral prior is a factor on all of it (withDoctoralPrior).
    BooleanPredicateClausesStep<?, ?> scoring = f.bool();
    if (!related.offerings().isEmpty()) {
      root.filter(f.id().matchingAny(related.offerings()));
      BooleanPredicateClausesStep<?, ?> skills = f.bool();
      for (RelatedSkills.Weighted skill : related.skills()) {
        skills.should(
            f.match()
                .field(Fields.SKILL)
                .matching(skill.uri())
                .constantScore()
                .boost((float) skill.weight()));
      }
      scoring.must(skills.minimumShouldMatchNumber(1));
    } else if (words.isEmpty()) {
      scoring.must(f.matchAll());
    } else {
      List<String> content = QueryWords.contentWords(words, query.language());
      scoring.must(text(f, words, content, expansions));
      if (words.size() > 1) {
        String phrase = String.join(" ", words);
        for (String l : LANGUAGES) {
          scoring.should(f.phrase().field("title_" + l).matching(phrase).slop(1).boost(PHRASE));
        }
      }
    }
    if (!teaches.isEmpty()) {
      BooleanPredicateClausesStep<?, ?> skill = f.bool();
      for (String l : LANGUAGES) {
        skill.should(f.match().field("skills_" + l).matching(String.join(" ", teaches)).boost(3f));
        skill.should(bodyTeaches(f, l, teaches));
      }
      scoring.must(skill);
    }
    boolean scored = !words.isEmpty() || !teaches.isEmpty() || !related.offerings().isEmpty();
    root.must(scored ? withDoctoralPrior(f, scoring.toPredicate()) : scoring);
    if (!query.skills().isEmpty()) {
      root.filter(f.terms().field(Fields.SKILL).matchingAny(List.copyOf(query.skills())));
    }
    for (Map.Entry<Facet, Set<String>> filter : query.filters().entrySet()) {
      if (!filter.getValue().isEmpty()) {
        root.filter(facetFilter(f, filter.getKey(), filter.getValue(), today));
      }
    }
    if (query.openNow()) {
      root.filter(
          f.match().field(Fields.FACETS).matching(FacetValuesBridge.OPEN_NOW, ValueModel.INDEX));
    }
    return root;
  }

  /**
   * Only words that neither the catalogue nor Finnish morphology knows get typo tolerance: a known
   * word is no typo, and a fuzzy clause is the dearest part of a query (a Levenshtein automaton;
   * the highlights' own query leaves it out, {@link #highlights}).
   */
  private boolean mayBeTypo(String word) {
    return !vocabulary.knows(word)
        && !(morphology.isVoikkoAvailable() && morphology.analyze(word).isKnown());
  }

  /**
   * @param words all the words of the query, which set how many must match
   * @param content the words matched: without the function words, which match nearly every offering
   *     and count as matched
   * @param expansions other names for spans of the content words: a word also counts as matched
   *     where an alternative of a span that covers it matches, in that alternative's language
   */
  private PredicateFinalStep text(
      SearchPredicateFactory f,
      List<String> words,
      List<String> content,
      List<QuerySynonyms.Expansion> expansions) {
    BooleanPredicateClausesStep<?, ?> any = f.bool();
    for (int i = 0; i < content.size(); i++) {
      String word = content.get(i);
      BooleanPredicateClausesStep<?, ?> clause = f.bool();
      for (QuerySynonyms.Expansion expansion : expansions) {
        if (expansion.start() <= i && i < expansion.end()) {
          for (QuerySynonyms.Alternative alternative : expansion.alternatives()) {
            clause.should(synonym(f, alternative));
          }
        }
      }
      for (String l : LANGUAGES) {
        clause.should(f.match().field("title_" + l).matching(word).boost(TITLE));
        clause.should(f.match().field("names_" + l).matching(word).boost(NAMES));
        // A skill's label counts once, however many of an offering's skills use the word: an
        // offering with dozens of music skills is not more about "musiikki" than a music degree
        // whose title says so.
        clause.should(f.match().field("skills_" + l).matching(word).constantScore().boost(SKILLS));
        clause.should(f.match().field("body_" + l).matching(word).boost(BODY));
      }
      if (word.length() >= 3) {
        clause.should(f.match().field(Fields.PREFIX).matching(word).constantScore().boost(PREFIX));
      }
      int edits = QueryWords.allowedEdits(word);
      if (edits > 0 && mayBeTypo(word)) {
        clause.should(f.match().field(Fields.TYPO).matching(word).fuzzy(edits, 1).boost(TYPO));
      }
      any.should(clause);
    }
    // Short queries need every word somewhere (in any language field, as a lemma, prefix or
    // with a typo); longer ones most words, since people add filler ("course in English").
    int required =
        words.size() <= 2
            ? words.size()
            : words.size() <= 4 ? words.size() - 1 : (int) Math.ceil(words.size() * 0.6);
    required -= words.size() - content.size();
    return any.minimumShouldMatchNumber(Math.clamp(required, 1, content.size()));
  }

  /**
   * The scoring predicate with doctoral programmes' scores multiplied by {@link #doctoralPrior}. On
   * Lucene the predicate is left as it is and the relevance sort applies the factor ({@link
   * DoctoralPriorScores}), so the query is evaluated once. OpenSearch gets the same factor in the
   * query: the predicate twice, once for every other offering and once, boosted, for doctoral ones
   * (a boost on a query multiplies its score).
   */
  private PredicateFinalStep withDoctoralPrior(SearchPredicateFactory f, SearchPredicate scoring) {
    if (doctoralPrior == 1f || !useOpenSearch) {
      return f.bool().must(scoring);
    }
    PredicateFinalStep doctoral = f.match().field(Fields.EQF).matching(DOCTORAL_EQF);
    return f.bool()
        .should(f.bool().must(scoring).mustNot(doctoral))
        .should(f.bool().must(scoring).filter(doctoral).boost(doctoralPrior));
  }

  /** The words a person asked an offering to teach, in one language's description. */
  private static PredicateFinalStep bodyTeaches(
      SearchPredicateFactory f, String language, List<String> teaches) {
    return f.match().field("body_" + language).matching(String.join(" ", teaches)).boost(0.5f);
  }

  /** An alternative name, as a phrase in the description of its language. */
  private static PredicateFinalStep bodySynonym(
      SearchPredicateFactory f, QuerySynonyms.Alternative alternative) {
    return f.phrase()
        .field("body_" + alternative.language().code())
        .matching(alternative.text())
        .slop(1)
        .boost(BODY * SYNONYM);
  }

  /** An alternative name, as a phrase in the fields of its language, weighted below the words. */
  private static PredicateFinalStep synonym(
      SearchPredicateFactory f, QuerySynonyms.Alternative alternative) {
    String l = alternative.language().code();
    String text = alternative.text();
    return f.bool()
        .should(f.phrase().field("title_" + l).matching(text).slop(1).boost(TITLE * SYNONYM))
        .should(f.phrase().field("names_" + l).matching(text).slop(1).boost(NAMES * SYNONYM))
        .should(
            f.phrase()
                .field("skills_" + l)
                .matching(text)
                .slop(1)
                .constantScore()
                .boost(SKILLS * SYNONYM))
        .should(bodySynonym(f, alternative));
  }

  private static PredicateFinalStep facetFilter(
      SearchPredicateFactory f, Facet facet, Set<String> values, LocalDate today) {
    List<String> list = List.copyOf(values);
    return switch (facet) {
      case LEVEL -> f.terms().field(Fields.LEVEL).matchingAny(list);
      case FIELD -> f.terms().field(Fields.FIELD).matchingAny(list);
      case LOCATION -> f.terms().field(Fields.LOCATION).matchingAny(list);
      case REGION ->
          f.terms()
              .field(Fields.REGION)
              .matchingAny(
                  list.stream().map(v -> "%02d".formatted(Integer.parseInt(v))).toList(),
                  ValueModel.INDEX);
      case LANGUAGE -> f.terms().field(Fields.LANGUAGE).matchingAny(list);
      case MODE -> f.terms().field(Fields.MODE).matchingAny(list);
      case COST -> f.terms().field(Fields.COST).matchingAny(list);
      case PROVIDER -> f.terms().field(Fields.PROVIDER).matchingAny(list);
      case EXTENT -> anyRange(f, Fields.EXTENT, Facet.EXTENT_BUCKETS, values, b -> (double) b);
      case DURATION -> anyRange(f, Fields.DURATION, Facet.DURATION_BUCKETS, values, b -> b);
      case START ->
          anyRange(f, Fields.START_DATE, Facet.START_BUCKETS, values, b -> today.plusMonths(b));
    };
  }

  private static <T> PredicateFinalStep anyRange(
      SearchPredicateFactory f,
      String field,
      List<Bucket> buckets,
      Set<String> values,
      Function<Integer, T> bound) {
    BooleanPredicateClausesStep<?, ?> any = f.bool();
    for (Bucket bucket : buckets) {
      if (values.contains(bucket.key())) {
        any.should(f.range().field(field).within(range(bucket, bound)));
      }
    }
    return any;
  }

  private static <T> Range<T> range(Bucket bucket, Function<Integer, T> bound) {
    return bucket.to() == null
        ? Range.atLeast(bound.apply(bucket.from()))
        : Range.canonical(bound.apply(bucket.from()), bound.apply(bucket.to()));
  }

  private SortFinalStep sort(SearchSortFactory f, EducationQuery.SortOrder order, boolean browse) {
    return switch (order) {
      case RELEVANCE ->
          browse ? f.field(Fields.SORT_KEY) : relevance(f).then().field(Fields.SORT_KEY);
      case START_DATE ->
          relevance(f.field(Fields.START_DATE).asc().mode(SortMode.MIN).missing().last().then())
              .then()
              .field(Fields.SORT_KEY);
      case APPLICATION_DEADLINE ->
          relevance(f.field(Fields.DEADLINE).asc().mode(SortMode.MIN).missing().last().then())
              .then()
              .field(Fields.SORT_KEY);
    };
  }

  /**
   * By score, best first, with the doctoral prior applied to it on Lucene ({@link
   * #withDoctoralPrior}).
   */
  private SortThenStep relevance(SearchSortFactory f) {
    if (doctoralPrior == 1f || useOpenSearch) {
      return f.score();
    }
    return f.extension(LuceneExtension.get())
        .fromLuceneSortField(
            new DoctoralPriorScores(Fields.EQF, DOCTORAL_EQF, doctoralPrior).getSortField(true));
  }

  private static List<FacetCount> counts(Facet facet, Object aggregation, EducationQuery query) {
    Set<String> selected = query.filters().getOrDefault(facet, Set.of());
    List<FacetCount> counts = new ArrayList<>();
    Map<?, ?> map = (Map<?, ?>) aggregation;
    List<Bucket> buckets =
        switch (facet) {
          case EXTENT -> Facet.EXTENT_BUCKETS;
          case DURATION -> Facet.DURATION_BUCKETS;
          case START -> Facet.START_BUCKETS;
          default -> null;
        };
    if (buckets != null) {
      List<Long> values = map.values().stream().map(v -> (Long) v).toList();
      for (int i = 0; i < buckets.size() && i < values.size(); i++) {
        String key = buckets.get(i).key();
        if (values.get(i) > 0 || selected.contains(key)) {
          counts.add(new FacetCount(key, values.get(i), selected.contains(key)));
        }
      }
      return counts;
    }
    map.forEach(
        (value, count) ->
            counts.add(
                new FacetCount(
                    String.valueOf(value),
                    (Long) count,
                    selected.contains(String.valueOf(value)))));
    for (String value : selected) {
      if (counts.stream().noneMatch(c -> c.value().equals(value))) {
        counts.add(new FacetCount(value, 0, true));
      }
    }
    return counts;
  }
}
