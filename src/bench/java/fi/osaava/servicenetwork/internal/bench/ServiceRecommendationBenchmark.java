package fi.osaava.servicenetwork.internal.bench;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.GradedMetrics;
import fi.osaava.platform.ImportProgress;
import fi.osaava.servicenetwork.internal.bench.ServiceJudgements.JudgedQuery;
import fi.osaava.servicenetwork.internal.bench.ServiceRecommendationEvaluation.Engine;
import fi.osaava.servicenetwork.internal.bench.ServiceRecommendationEvaluation.Result;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code osaava evaluate service-recommendations}: nDCG@10, P@5, recall@10 and MRR of the
 * recommendations and of the plain directory search with the goal text, on the judged set, per
 * split, in one run on the same index.
 */
@Component
class ServiceRecommendationBenchmark implements Benchmark {

  static final String DEFAULT_FILE = "docs/evaluation/service-recommendations.tsv";

  private final ServiceRecommendationEvaluation evaluation;

  ServiceRecommendationBenchmark(ServiceRecommendationEvaluation evaluation) {
    this.evaluation = evaluation;
  }

  @Override
  public String name() {
    return "service-recommendations";
  }

  @Override
  public String description() {
    return "Service recommendations vs the directory search with the goal text: nDCG@10, P@5,"
        + " recall@10 on the judged situation → service set";
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    Path file = Path.of(options.getOrDefault("file", DEFAULT_FILE));
    progress.report("running the judged queries of " + file + " through three rankings");
    Result result = evaluation.run(file);
    if (!result.missing().isEmpty()) {
      throw new IllegalStateException(
          file
              + " judges services that are not in the directory (import the general descriptions,"
              + " or the set is stale): "
              + String.join(", ", result.missing()));
    }
    Map<String, JudgedQuery> queries = new LinkedHashMap<>();
    result.queries().forEach(q -> queries.put(q.id(), q));
    StringBuilder md = new StringBuilder();
    md.append("Judged set: `")
        .append(file)
        .append("`, ")
        .append(result.queries().size())
        .append(" queries (situation, municipality or none, goal in fi/sv/en), split into dev and")
        .append(" test halves; judging rules in `docs/services.md`, \"Evaluation\". The directory")
        .append(" holds the national catalogue's 458 general descriptions only. Relevant for P@5,")
        .append(" recall@10 and MRR: grade 2 or 3.\n\n");
    md.append("| ranking | split | queries | nDCG@10 | P@5 | recall@10 | MRR |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|\n");
    result
        .scores()
        .forEach(
            (engine, bySplit) -> {
              for (String split : new String[] {"dev", "test", "all"}) {
                GradedMetrics m = bySplit.get(split);
                if (m != null) {
                  md.append(
                      String.format(
                          Locale.ROOT,
                          "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f |%n",
                          engine.label(),
                          split,
                          m.queries(),
                          m.ndcg(),
                          m.precisionAt5(),
                          m.recallAt10(),
                          m.mrr()));
                }
              }
            });
    double plain = ndcg(result, Engine.RECOMMENDATIONS, "test");
    double withGoal = ndcg(result, Engine.RECOMMENDATIONS_WITH_GOAL, "test");
    double baseline = ndcg(result, Engine.TEXT_SEARCH, "test");
    md.append(
        String.format(
            Locale.ROOT,
            "%nOn the test half, nDCG@10: recommendations without the goal %.3f, with the goal"
                + " %.3f, the text-search baseline %.3f. Without the goal the ranker %s the"
                + " baseline; with it, it %s.%n",
            plain,
            withGoal,
            baseline,
            plain < baseline ? "**loses to**" : "beats",
            withGoal < baseline ? "**loses to** it" : "beats it"));
    md.append("\nPer query (nDCG@10):\n\n");
    md.append("| query | split | situation | place | lang | goal | without goal | with goal |")
        .append(" baseline |\n");
    md.append("|---|---|---|---|---|---|---:|---:|---:|\n");
    result
        .perQuery()
        .forEach(
            (id, ndcg) -> {
              JudgedQuery q = queries.get(id);
              md.append(
                  String.format(
                      Locale.ROOT,
                      "| %s | %s | %s | %s | %s | %s | %.3f | %.3f | %.3f |%n",
                      id,
                      q.split(),
                      q.situation(),
                      q.municipality() == null ? "" : q.municipality(),
                      q.language().code(),
                      q.goal().replace("|", "\\|"),
                      ndcg.get(Engine.RECOMMENDATIONS),
                      ndcg.get(Engine.RECOMMENDATIONS_WITH_GOAL),
                      ndcg.get(Engine.TEXT_SEARCH)));
            });
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("queries", result.queries().size());
    result
        .scores()
        .forEach(
            (engine, bySplit) ->
                bySplit.forEach(
                    (split, m) -> {
                      String prefix = engine.name().toLowerCase(Locale.ROOT) + "_" + split + "_";
                      metrics.put(prefix + "ndcg10", round(m.ndcg()));
                      metrics.put(prefix + "p5", round(m.precisionAt5()));
                      metrics.put(prefix + "recall10", round(m.recallAt10()));
                    }));
    return new Report(md.toString(), metrics);
  }

  private static double ndcg(Result result, Engine engine, String split) {
    GradedMetrics m = result.scores().get(engine).get(split);
    return m == null ? 0 : m.ndcg();
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
