package fi.osaava.education.internal.bench;

import fi.osaava.education.internal.bench.RelevanceJudgements.JudgedQuery;
import fi.osaava.education.internal.search.EducationSearchService;
import fi.osaava.platform.GradedMetrics;
import fi.osaava.platform.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs the judged query set through the education search and through the {@code ILIKE}/trigram
 * baseline on the same database, and scores both with nDCG@10 and MRR, overall and per language.
 */
@Component
public class EducationRelevanceEvaluation {

  private final EducationSearchService search;
  private final TrigramBaseline baseline;
  private final JdbcTemplate jdbc;

  EducationRelevanceEvaluation(
      EducationSearchService search, TrigramBaseline baseline, JdbcTemplate jdbc) {
    this.search = search;
    this.baseline = baseline;
    this.jdbc = jdbc;
  }

  /**
   * @param engine engine → language ("all", "fi", "sv", "en") → scores
   * @param millis engine → per-query latencies in milliseconds
   */
  public record Result(
      int queries,
      Map<String, Map<String, Scores>> engine,
      Map<String, List<Double>> millis,
      Map<String, double[]> perQuery) {

    public Scores osaava() {
      return engine.get("osaava").get("all");
    }

    public Scores baseline() {
      return engine.get("baseline").get("all");
    }
  }

  public record Scores(int queries, double ndcg10, double mrr) {}

  public Result run() {
    RelevanceJudgements judgements = RelevanceJudgements.load();
    Map<UUID, String> keys = new HashMap<>();
    jdbc.query(
        "select id, source || ':' || source_id from education_offering where active",
        rs -> {
          keys.put(rs.getObject(1, UUID.class), rs.getString(2));
        });
    Map<String, Map<String, GradedMetrics>> metrics = new LinkedHashMap<>();
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    for (String engine : List.of("osaava", "baseline")) {
      metrics.put(engine, new LinkedHashMap<>());
      millis.put(engine, new ArrayList<>());
    }
    Map<String, double[]> perQuery = new LinkedHashMap<>();
    for (JudgedQuery query : judgements.queries()) {
      Language language = Language.require(query.language());
      long started = System.nanoTime();
      List<String> osaava =
          search.rank(query.text(), language, GradedMetrics.K).stream()
              .map(id -> keys.getOrDefault(id, id.toString()))
              .toList();
      millis.get("osaava").add((System.nanoTime() - started) / 1e6);
      started = System.nanoTime();
      List<String> reference = baseline.rank(query.text(), GradedMetrics.K);
      millis.get("baseline").add((System.nanoTime() - started) / 1e6);
      add(metrics.get("osaava"), query, osaava);
      add(metrics.get("baseline"), query, reference);
      GradedMetrics one = new GradedMetrics();
      one.add(osaava, query.grades());
      GradedMetrics other = new GradedMetrics();
      other.add(reference, query.grades());
      perQuery.put(query.id() + " " + query.text(), new double[] {one.ndcg(), other.ndcg()});
    }
    Map<String, Map<String, Scores>> scores = new LinkedHashMap<>();
    metrics.forEach(
        (engine, byLanguage) -> {
          Map<String, Scores> engineScores = new LinkedHashMap<>();
          byLanguage.forEach(
              (language, m) ->
                  engineScores.put(language, new Scores(m.queries(), m.ndcg(), m.mrr())));
          scores.put(engine, engineScores);
        });
    return new Result(judgements.queries().size(), scores, millis, perQuery);
  }

  private static void add(
      Map<String, GradedMetrics> byLanguage, JudgedQuery query, List<String> ranked) {
    byLanguage.computeIfAbsent("all", k -> new GradedMetrics()).add(ranked, query.grades());
    byLanguage
        .computeIfAbsent(query.language(), k -> new GradedMetrics())
        .add(ranked, query.grades());
  }
}
