package fi.osaava.servicenetwork.internal.bench;

import fi.osaava.platform.GradedMetrics;
import fi.osaava.platform.Paging;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.servicenetwork.internal.Recommendations;
import fi.osaava.servicenetwork.internal.Recommendations.Recommendation;
import fi.osaava.servicenetwork.internal.bench.ServiceJudgements.JudgedQuery;
import fi.osaava.servicenetwork.internal.search.ServiceDocument;
import fi.osaava.servicenetwork.internal.search.ServiceIndexer;
import fi.osaava.servicenetwork.internal.search.ServiceQuery;
import fi.osaava.servicenetwork.internal.search.ServiceSearch;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs the judged situation → service queries through the recommendations (as the page asks them
 * today, without the goal; and with the goal) and through the plain directory search with the goal
 * text only, on the same index, and scores each per split with {@link GradedMetrics}.
 */
@Component
public class ServiceRecommendationEvaluation {

  /** The engines, in the order they are reported. */
  public enum Engine {
    RECOMMENDATIONS("recommendations (situation, municipality)"),
    RECOMMENDATIONS_WITH_GOAL("recommendations (situation, municipality, goal)"),
    TEXT_SEARCH("baseline: directory search with the goal text only");

    private final String label;

    Engine(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * @param scores engine → split ("dev", "test", "all") → metrics
   * @param perQuery query id → engine → nDCG@10
   * @param missing judged services that are not in the directory (a stale set)
   */
  public record Result(
      List<JudgedQuery> queries,
      Map<Engine, Map<String, GradedMetrics>> scores,
      Map<String, Map<Engine, Double>> perQuery,
      List<String> missing) {}

  private final Recommendations recommendations;
  private final ServiceSearch search;
  private final ServiceIndexer indexer;
  private final RegionsApi regions;
  private final JdbcTemplate jdbc;

  ServiceRecommendationEvaluation(
      Recommendations recommendations,
      ServiceSearch search,
      ServiceIndexer indexer,
      RegionsApi regions,
      JdbcTemplate jdbc) {
    this.recommendations = recommendations;
    this.search = search;
    this.indexer = indexer;
    this.regions = regions;
    this.jdbc = jdbc;
  }

  public Result run(Path file) {
    ServiceJudgements judgements = ServiceJudgements.load(file);
    // The service rebuilds the small index at every start; the command line does not, so an
    // import made beside it may not be indexed yet. A second or so.
    indexer.rebuild();
    Map<UUID, String> keys = new HashMap<>();
    jdbc.query(
        "select id, source || ':' || source_id from services_service where active",
        rs -> {
          keys.put(rs.getObject(1, UUID.class), rs.getString(2));
        });
    TreeSet<String> missing = new TreeSet<>();
    judgements.queries().forEach(q -> missing.addAll(q.grades().keySet()));
    missing.removeAll(keys.values());
    Function<ServiceDocument, String> key = s -> keys.getOrDefault(s.id(), s.id().toString());
    Map<Engine, Map<String, GradedMetrics>> scores = new LinkedHashMap<>();
    Map<String, Map<Engine, Double>> perQuery = new LinkedHashMap<>();
    for (JudgedQuery query : judgements.queries()) {
      Area municipality =
          query.municipality() == null
              ? null
              : regions
                  .area(AreaLevel.MUNICIPALITY, query.municipality())
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              file
                                  + ": query "
                                  + query.id()
                                  + ": no municipality "
                                  + query.municipality()
                                  + " in the imported classification"));
      Map<Engine, Double> ndcg = new LinkedHashMap<>();
      for (Engine engine : Engine.values()) {
        List<String> ranked = rank(engine, query, municipality).stream().map(key).toList();
        GradedMetrics one = new GradedMetrics();
        one.add(ranked, query.grades());
        ndcg.put(engine, one.ndcg());
        Map<String, GradedMetrics> bySplit =
            scores.computeIfAbsent(engine, e -> new LinkedHashMap<>());
        for (String split : List.of(query.split(), "all")) {
          bySplit.computeIfAbsent(split, s -> new GradedMetrics()).add(ranked, query.grades());
        }
      }
      perQuery.put(query.id(), ndcg);
    }
    return new Result(judgements.queries(), scores, perQuery, List.copyOf(missing));
  }

  private List<ServiceDocument> rank(Engine engine, JudgedQuery query, @Nullable Area place) {
    return switch (engine) {
      // Without the goal is the page's call: the overload without one passes a blank goal.
      case RECOMMENDATIONS, RECOMMENDATIONS_WITH_GOAL ->
          recommendations
              .recommend(
                  query.situation(),
                  engine == Engine.RECOMMENDATIONS_WITH_GOAL ? query.goal() : "",
                  place,
                  query.language(),
                  GradedMetrics.K)
              .stream()
              .map(Recommendation::service)
              .toList();
      case TEXT_SEARCH ->
          search
              .search(
                  new ServiceQuery(
                      query.goal(), Map.of(), Paging.first(GradedMetrics.K), query.language()))
              .page()
              .items();
    };
  }
}
