package fi.osaava.servicenetwork.internal.search;

import fi.osaava.platform.ResultPage;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Searches the service directory's index: words in any of fi/sv/en, each language's fields with its
 * own analysis, names weighing most; facet counts for type, area, language and life situation, each
 * counted under the other facets' choices (so a facet still shows its other values).
 */
@Service
public class ServiceSearch {

  private static final List<String> LANGUAGES = List.of("fi", "sv", "en");

  private static final int MAX_QUERY_LENGTH = 500;

  /** A service the words found and the search's score for it (comparable within one query). */
  public record Scored(ServiceDocument service, float score) {}

  /** One value of a facet and how many services match it. */
  public record FacetCount(String value, long count, boolean selected) {}

  /** A page of services and the facets' counts. */
  public record Result(
      ResultPage<ServiceDocument> page, Map<ServiceFacet, List<FacetCount>> facets) {}

  private final SessionFactory sessionFactory;

  ServiceSearch(EntityManagerFactory entityManagerFactory) {
    this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
  }

  public Result search(ServiceQuery query) {
    String text = limited(query.text());
    try (Session session = sessionFactory.openSession()) {
      session.setDefaultReadOnly(true);
      SearchSession search = Search.session(session);
      SearchResult<ServiceDocument> hits =
          search
              .search(ServiceDocument.class)
              .where(f -> predicate(f, text, query, null))
              .sort(
                  f ->
                      text.isEmpty()
                          ? f.field(sortField(query))
                          : f.score().then().field(sortField(query)))
              .fetch((int) query.paging().offset(), query.paging().size());
      Map<ServiceFacet, List<FacetCount>> facets = new EnumMap<>(ServiceFacet.class);
      for (ServiceFacet facet : ServiceFacet.values()) {
        AggregationKey<Map<String, Long>> key = AggregationKey.of(facet.parameter());
        SearchResult<ServiceDocument> counted =
            search
                .search(ServiceDocument.class)
                .where(f -> predicate(f, text, query, facet))
                .aggregation(
                    key, f -> f.terms().field(facet.field(), String.class).maxTermCount(100))
                .fetch(0);
        facets.put(facet, counts(facet, counted.aggregation(key), query.selected(facet)));
      }
      return new Result(
          ResultPage.of(hits.hits(), query.paging(), hits.total().hitCount()), facets);
    }
  }

  /** One service, active or not, for its page and the API. */
  public Optional<ServiceDocument> find(UUID id) {
    try (Session session = sessionFactory.openSession()) {
      session.setDefaultReadOnly(true);
      return Optional.ofNullable(session.find(ServiceDocument.class, id));
    }
  }

  /**
   * Which of these services the query finds, by the same predicate as {@link #search} (facet counts
   * and paging aside).
   */
  public Set<UUID> matching(ServiceQuery query, Collection<UUID> services) {
    if (services.isEmpty()) {
      return Set.of();
    }
    String text = limited(query.text());
    try (Session session = sessionFactory.openSession()) {
      session.setDefaultReadOnly(true);
      return Search.session(session)
          .search(ServiceDocument.class)
          .select(f -> f.id(UUID.class))
          .where(
              f ->
                  f.bool()
                      .must(predicate(f, text, query, null))
                      .filter(f.id().matchingAny(List.copyOf(services))))
          .fetchHits(services.size())
          .stream()
          .collect(Collectors.toSet());
    }
  }

  private static String limited(String text) {
    return text.length() > MAX_QUERY_LENGTH ? text.substring(0, MAX_QUERY_LENGTH) : text;
  }

  private static String sortField(ServiceQuery query) {
    return switch (query.language()) {
      case SV -> "sort_sv";
      case EN -> "sort_en";
      default -> "sort_fi";
    };
  }

  /**
   * The services the query finds, best first by the search's own scoring (names weighing most), at
   * most {@code max}, without facet counts: the recommendations order by it where a person gave a
   * goal.
   */
  public List<Scored> ranked(ServiceQuery query, int max) {
    String text = limited(query.text());
    try (Session session = sessionFactory.openSession()) {
      session.setDefaultReadOnly(true);
      return Search.session(session)
          .search(ServiceDocument.class)
          .select(f -> f.composite().from(f.entity(), f.score()).as(Scored::new))
          .where(f -> predicate(f, text, query, null))
          .sort(f -> f.score().then().field(sortField(query)))
          .fetchHits(max);
    }
  }

  /** Active services of these life situations, for the recommendations. */
  public List<ServiceDocument> forSituations(Set<String> situations, int max) {
    try (Session session = sessionFactory.openSession()) {
      session.setDefaultReadOnly(true);
      return Search.session(session)
          .search(ServiceDocument.class)
          .where(
              f ->
                  f.bool()
                      .filter(f.match().field("active").matching(true))
                      .filter(
                          f.terms().field("life_situation").matchingAny(List.copyOf(situations))))
          .fetchHits(max);
    }
  }

  private static PredicateFinalStep predicate(
      SearchPredicateFactory f, String text, ServiceQuery query, @Nullable ServiceFacet except) {
    BooleanPredicateClausesStep<?, ?> root = f.bool();
    root.filter(f.match().field("active").matching(true));
    if (text.isEmpty()) {
      root.must(f.matchAll());
    } else {
      BooleanPredicateClausesStep<?, ?> words = f.bool();
      words.should(f.match().field("keywords_fi").matching(text).boost(0.3f));
      // Finnish names are compounds whose parts the index holds ("oppisopimuskoulutus": oppi,
      // sopimus, koulutus); the query analyser keeps a compound whole, so "oppisopimuksella" would
      // miss the name. Its parts, at a lower weight, find it.
      words.should(
          f.match().field("name_fi").matching(text).analyzer(ServiceDocument.FI).boost(2f));
      for (String l : LANGUAGES) {
        words.should(f.match().field("name_" + l).matching(text).boost(5f));
        words.should(f.match().field("body_" + l).matching(text));
        words.should(f.match().field("organisation_" + l).matching(text).boost(2f));
      }
      root.must(words.minimumShouldMatchNumber(1));
    }
    for (ServiceFacet facet : ServiceFacet.values()) {
      Set<String> values = query.selected(facet);
      if (facet != except && !values.isEmpty()) {
        root.filter(f.terms().field(facet.field()).matchingAny(List.copyOf(values)));
      }
    }
    return root;
  }

  private static List<FacetCount> counts(
      ServiceFacet facet, Map<String, Long> aggregation, Set<String> selected) {
    Map<String, Long> values = new LinkedHashMap<>();
    aggregation.forEach(
        (value, count) -> {
          // Municipalities are matched but not offered as a facet: 308 of them would drown the
          // regions; the recommendations take a municipality.
          if (facet != ServiceFacet.AREA || !value.startsWith("municipality:")) {
            values.put(value, count);
          }
        });
    selected.forEach(value -> values.putIfAbsent(value, 0L));
    List<FacetCount> counts = new ArrayList<>();
    values.forEach(
        (value, count) -> counts.add(new FacetCount(value, count, selected.contains(value))));
    counts.sort(
        Comparator.comparing(FacetCount::count).reversed().thenComparing(FacetCount::value));
    return counts;
  }
}
