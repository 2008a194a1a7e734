package fi.osaava.education.internal.bench;

import fi.osaava.education.internal.bench.EducationRelevanceEvaluation.Result;
import fi.osaava.education.internal.bench.EducationRelevanceEvaluation.Scores;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code osaava bench education-relevance}: nDCG@10 and MRR of the education search and of the
 * {@code ILIKE}/trigram baseline on the judged query set, in one run on the same data.
 */
@Component
class EducationRelevanceBenchmark implements Benchmark {

  /** The target: Osaava's nDCG@10 at least this many times the baseline's. */
  static final double TARGET_RATIO = 1.3;

  private final EducationRelevanceEvaluation evaluation;

  EducationRelevanceBenchmark(EducationRelevanceEvaluation evaluation) {
    this.evaluation = evaluation;
  }

  @Override
  public String name() {
    return "education-relevance";
  }

  @Override
  public String description() {
    return "Education search vs PostgreSQL ILIKE/trigram: nDCG@10 and MRR on the judged queries";
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    progress.report("running the judged queries through both engines");
    evaluation.run();
    // The second run is the one reported: the first warms caches and the JIT for both engines.
    Result result = evaluation.run();
    Scores osaava = result.osaava();
    Scores baseline = result.baseline();
    double ratio =
        baseline.ndcg10() == 0 ? Double.POSITIVE_INFINITY : osaava.ndcg10() / baseline.ndcg10();
    StringBuilder md = new StringBuilder();
    md.append("Judged queries: ")
        .append(result.queries())
        .append(" (fi, sv, en; `src/main/resources/fi/osaava/education/relevance-judgements.tsv`,")
        .append(" judging rules in `docs/education-search.md`). Real catalogue only (synthetic")
        .append(" records excluded from both engines).\n\n");
    md.append("| engine | language | queries | nDCG@10 | MRR | p50 ms | p95 ms |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|\n");
    result
        .engine()
        .forEach(
            (engine, byLanguage) ->
                byLanguage.forEach(
                    (language, s) ->
                        md.append(
                            "| %s | %s | %d | %.3f | %.3f | %s | %s |\n"
                                .formatted(
                                    engine.equals("osaava")
                                        ? "Osaava (Hibernate Search, Lucene)"
                                        : "baseline (ILIKE + pg_trgm)",
                                    language,
                                    s.queries(),
                                    s.ndcg10(),
                                    s.mrr(),
                                    language.equals("all")
                                        ? "%.1f"
                                            .formatted(percentile(result.millis().get(engine), 50))
                                        : "",
                                    language.equals("all")
                                        ? "%.1f"
                                            .formatted(percentile(result.millis().get(engine), 95))
                                        : ""))));
    md.append(
        "\nnDCG@10 ratio Osaava / baseline: **%.2f×** (target ≥ %.1f×: %s).\n"
            .formatted(ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "missed"));
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("queries", result.queries());
    metrics.put("osaava_ndcg10", round(osaava.ndcg10()));
    metrics.put("osaava_mrr", round(osaava.mrr()));
    metrics.put("baseline_ndcg10", round(baseline.ndcg10()));
    metrics.put("baseline_mrr", round(baseline.mrr()));
    metrics.put("ndcg10_ratio", round(ratio));
    return new Report(md.toString(), metrics);
  }

  static double percentile(List<Double> values, int percent) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.clamp(index, 0, sorted.size() - 1));
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
