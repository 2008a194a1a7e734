package fi.osaava.identification;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import java.nio.file.Path;

/**
 * Measures identification on public benchmarks, each next to a plain BM25-over-labels baseline
 * computed in the same harness. Every method returns markdown for {@code docs/benchmarks.md} and
 * the headline metrics of the engine.
 */
public interface IdentificationEvaluation {

  /**
   * Skill extraction in the format of Decorte et al.: {@code sentence,span,sub_span,label} or
   * {@code sentence,label}, label being an ESCO preferred English label. Rows of one sentence are
   * grouped; {@code LABEL NOT PRESENT} and {@code UNDERSPECIFIED} are ignored; labels that match no
   * concept are counted and reported. Metrics: R-Precision@5, @10 and MRR per sentence.
   */
  Benchmark.Report skillExtraction(Path file, int top, ImportProgress progress);

  /**
   * Fits the skill fusion's weights on skill-extraction files (the development sets), scoring each
   * file with weights fitted on the others, next to the hand-set weights; the weights themselves
   * are printed for review, not applied.
   */
  Benchmark.Report fitFusion(java.util.List<Path> files, ImportProgress progress);

  /**
   * Occupation matching in the MELO format: {@code query TAB space-separated gold URIs}; all
   * occupations and ISCO groups are ranked. Metrics: MRR and Recall@10.
   */
  Benchmark.Report occupationMatching(
      Path file, Language language, int top, ImportProgress progress);

  /**
   * Each Finnish ESCO occupation description ranks skills, scored against the occupation's
   * essential skills. Metrics: MAP and R-Precision@10.
   */
  Benchmark.Report finnishOccupationSkills(ImportProgress progress);

  /**
   * Each occupation of the job-market service's occupation descriptions: its {@code
   * requirementsText} ranks ISCO unit groups, scored against the first four digits of its {@code
   * professionCode}. Metrics: accuracy@1 and accuracy@5.
   */
  Benchmark.Report finnishIscoGroups(Path file, ImportProgress progress);

  /**
   * Competence statements in JSON lines, {@code {"text": …, "gold": [ESCO URI, …], "lang": …}}
   * ({@code lang} optional; lines of other languages are skipped): RP@5, RP@10 and MRR of the
   * skills as the API returns them (threshold and low-confidence fill included), of the ranking
   * without a threshold, and of a BM25 baseline over the language's skill labels (English where it
   * has none).
   */
  Benchmark.Report skillStatements(Path file, Language language, ImportProgress progress);
}
