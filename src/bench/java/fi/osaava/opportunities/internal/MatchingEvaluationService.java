package fi.osaava.opportunities.internal;

import fi.osaava.education.EducationApi;
import fi.osaava.opportunities.MatchingEvaluation;
import fi.osaava.opportunities.internal.engine.MatchIndex;
import fi.osaava.opportunities.internal.engine.MatchingEvaluator;
import fi.osaava.opportunities.internal.engine.PathComposer;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Runs the evaluation over the current index: ESCO's occupations and the imported catalogue's real
 * offerings (synthetic ones are left out, so the path figures speak of the real catalogue).
 */
@Service
class MatchingEvaluationService implements MatchingEvaluation {

  private final MatchingData data;
  private final EducationApi education;
  private final WorkHistoryEvaluation workHistories;

  MatchingEvaluationService(
      MatchingData data, EducationApi education, WorkHistoryEvaluation workHistories) {
    this.data = data;
    this.education = education;
    this.workHistories = workHistories;
  }

  @Override
  public Benchmark.Report workHistories(java.nio.file.Path file, ImportProgress progress) {
    return workHistories.evaluate(file, progress);
  }

  @Override
  public Benchmark.Report evaluate(
      int occupations, int goals, double budget, long seed, ImportProgress progress) {
    // Skills arrive by a background backfill after imports; the path figures need all of them.
    int identified = education.identifyPendingSkills();
    if (identified > 0) {
      progress.report("identified the skills of " + identified + " offerings first");
    }
    MatchIndex all = data.refresh();
    MatchIndex index =
        new MatchIndex(
            all.graph(),
            all.occupations(),
            all.jobAds(),
            all.offerings().stream().filter(o -> !o.synthetic()).toList(),
            all.skillDemand());
    long withSkills = index.offerings().stream().filter(o -> o.skills().length > 0).count();
    MatchingEvaluator evaluator =
        new MatchingEvaluator(index, new PathComposer(index, OpportunityService.SOLVE_LIMIT));
    MatchingEvaluator.RecallResult recall =
        evaluator.occupationRecall(occupations, seed, progress::report);
    MatchingEvaluator.PathResult path =
        withSkills == 0 ? null : evaluator.pathQuality(goals, budget, seed + 1, progress::report);
    java.util.BitSet essential = new java.util.BitSet();
    index
        .occupations()
        .forEach(o -> java.util.Arrays.stream(o.essential()).forEach(essential::set));
    long teachingEssential =
        index.offerings().stream()
            .filter(o -> java.util.Arrays.stream(o.skills()).anyMatch(essential::get))
            .count();
    long paths =
        index.offerings().stream()
            .filter(o -> !o.wholeDegree())
            .filter(o -> java.util.Arrays.stream(o.skills()).anyMatch(essential::get))
            .count();
    String catalogue =
        withSkills
            + " real offerings with ESCO skills (of "
            + index.offerings().size()
            + "); "
            + teachingEssential
            + " teach at least one essential skill of some occupation, "
            + paths
            + " of them below a whole degree (what a path may use unless degrees are asked for)";
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("offeringsTeachingEssential", teachingEssential);
    metrics.put("pathableTeachingEssential", paths);
    metrics.put("recall10", recall.recall10());
    metrics.put("mrr", recall.mrr());
    metrics.put("baselineRecall10", recall.baselineRecall10());
    metrics.put("baselineMrr", recall.baselineMrr());
    if (path != null) {
      metrics.put("pathCoverage", path.coverage());
      metrics.put("pathCredits", path.credits());
      metrics.put("pathOfferings", path.offerings());
      metrics.put("baselineCoverage", path.baselineCoverage());
      metrics.put("baselineCredits", path.baselineCredits());
      metrics.put("baselineOfferings", path.baselineOfferings());
      metrics.put("coverageAtBaselineCredits", path.coverageAtBaselineCredits());
      metrics.put("shareHigherCoverage", path.shareHigherCoverage());
      metrics.put("pathP95Millis", path.p95Millis());
    }
    return new Benchmark.Report(MatchingEvaluator.markdown(recall, path, catalogue, seed), metrics);
  }
}
