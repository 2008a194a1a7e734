package fi.osaava.cli;

import fi.osaava.identification.IdentificationEvaluation;
import fi.osaava.opportunities.MatchingEvaluation;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.Directories;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code osaava evaluate TASK …}: measures identification on a public benchmark next to a BM25
 * baseline, prints a table and a last line of JSON, and records the table in {@code
 * docs/benchmarks.md}.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Evaluate skill and occupation identification on public benchmarks.",
    subcommands = {
      EvaluateCommand.SkillExtraction.class,
      EvaluateCommand.SkillStatements.class,
      EvaluateCommand.OccupationMatching.class,
      EvaluateCommand.OccupationSkillsFi.class,
      EvaluateCommand.IscoFi.class,
      EvaluateCommand.Fusion.class,
      EvaluateCommand.Matching.class,
      EvaluateCommand.WorkHistories.class,
      EvaluateCommand.LabourMarketForecasts.class,
      EvaluateCommand.EducationQueries.class,
      EvaluateCommand.ServiceRecommendations.class
    })
final class EvaluateCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** What every task shares: booting, recording and the JSON line. */
  abstract static class Task implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Mixin BenchmarkOutput.RecordOptions record;

    abstract String name();

    abstract String command();

    /** Runs the task in the booted application. */
    abstract Benchmark.Report run(ConfigurableApplicationContext context, ImportProgress progress);

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
        Benchmark.Report report = run(context, BenchmarkOutput.progress(out));
        BenchmarkOutput.print(out, report, record.file(), "evaluate-" + name(), command());
        return 0;
      }
    }
  }

  /** A task of identification's {@link IdentificationEvaluation}. */
  abstract static class IdentificationTask extends Task {

    abstract Benchmark.Report evaluate(
        IdentificationEvaluation evaluation, Directories directories, ImportProgress progress);

    @Override
    Benchmark.Report run(ConfigurableApplicationContext context, ImportProgress progress) {
      return evaluate(
          context.getBean(IdentificationEvaluation.class),
          context.getBean(Directories.class),
          progress);
    }

    /** A file of the reference data, for tasks whose input ships there. */
    static Path referenceFile(Directories directories, String path) {
      return directories
          .referenceData()
          .orElseThrow(
              () -> new IllegalArgumentException("No data directory; pass --data-dir or FILE"))
          .resolve(path);
    }
  }

  @Command(
      name = "skill-extraction",
      mixinStandardHelpOptions = true,
      description = {
        "Skill extraction on a CSV in the format of Decorte et al. (sentence,span,sub_span,label"
            + " or sentence,label; label = ESCO preferred English label).",
        "Prints R-Precision@5, @10 and MRR per sentence for Osaava and a BM25 baseline."
      })
  static final class SkillExtraction extends IdentificationTask {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--top", defaultValue = "100", description = "Ranked skills per sentence.")
    int top;

    @Override
    String name() {
      return "skill-extraction-" + stem(file);
    }

    @Override
    String command() {
      return "./osaava evaluate skill-extraction " + file + " --top " + top;
    }

    @Override
    Benchmark.Report evaluate(
        IdentificationEvaluation evaluation, Directories directories, ImportProgress progress) {
      return evaluation.skillExtraction(file, top, progress);
    }
  }

  @Command(
      name = "occupation-matching",
      mixinStandardHelpOptions = true,
      description = {
        "Occupation matching on a MELO-format TSV: query TAB space-separated gold ESCO URIs.",
        "Prints MRR and Recall@10 for Osaava and a BM25 baseline."
      })
  static final class OccupationMatching extends IdentificationTask {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--lang", required = true, description = "Language of the queries.")
    String lang;

    @Option(names = "--top", defaultValue = "100", description = "Ranked concepts per query.")
    int top;

    @Override
    String name() {
      return "occupation-matching-" + stem(file);
    }

    @Override
    String command() {
      return "./osaava evaluate occupation-matching " + file + " --lang " + lang;
    }

    @Override
    Benchmark.Report evaluate(
        IdentificationEvaluation evaluation, Directories directories, ImportProgress progress) {
      return evaluation.occupationMatching(file, Language.require(lang), top, progress);
    }
  }

  @Command(
      name = "skill-statements",
      mixinStandardHelpOptions = true,
      description = {
        "Competence statements in JSON lines ({\"text\": …, \"gold\": [ESCO URI, …],"
            + " \"lang\": …}); lines of other languages than --lang are skipped.",
        "Prints RP@5, RP@10 and MRR of the skills as the API returns them (threshold"
            + " included), of the ranking without a threshold, and of a BM25 baseline."
      })
  static final class SkillStatements extends IdentificationTask {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Option(names = "--lang", required = true, description = "Language of the statements.")
    String lang;

    @Override
    String name() {
      return "skill-statements-" + stem(file) + "-" + lang;
    }

    @Override
    String command() {
      return "./osaava evaluate skill-statements " + file + " --lang " + lang;
    }

    @Override
    Benchmark.Report evaluate(
        IdentificationEvaluation evaluation, Directories directories, ImportProgress progress) {
      return evaluation.skillStatements(file, Language.require(lang), progress);
    }
  }

  @Command(
      name = "occupation-skills-fi",
      mixinStandardHelpOptions = true,
      description =
          "Each Finnish ESCO occupation description ranks skills against its essential skills"
              + " (MAP, RP@10).")
  static final class OccupationSkillsFi extends IdentificationTask {
    @Override
    String name() {
      return "occupation-skills-fi";
    }

    @Override
    String command() {
      return "./osaava evaluate occupation-skills-fi";
    }

    @Override
    Benchmark.Report evaluate(
        IdentificationEvaluation evaluation, Directories directories, ImportProgress progress) {
      return evaluation.finnishOccupationSkills(progress);
    }
  }

  @Command(
      name = "isco-fi",
      mixinStandardHelpOptions = true,
      description =
          "Occupation descriptions of the job-market service: requirementsText ranks ISCO unit"
              + " groups against professionCode (accuracy@1, @5).")
  static final class IscoFi extends IdentificationTask {
    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "FILE",
        description = "Default: <data-dir>/labour-market/ammattitieto-2022-10-05.jsonl")
    Path file;

    @Override
    String name() {
      return "isco-fi";
    }

    @Override
    String command() {
      return "./osaava evaluate isco-fi" + (file == null ? "" : " " + file);
    }

    @Override
    Benchmark.Report evaluate(
        IdentificationEvaluation evaluation, Directories directories, ImportProgress progress) {
      Path input =
          file != null
              ? file
              : referenceFile(directories, "labour-market/ammattitieto-2022-10-05.jsonl");
      return evaluation.finnishIscoGroups(input, progress);
    }
  }

  @Command(
      name = "fusion",
      mixinStandardHelpOptions = true,
      description = {
        "Fit the skill fusion's weights on skill-extraction CSVs (the development sets).",
        "Each file is scored with weights fitted on the other files; the weights are printed."
      })
  static final class Fusion extends IdentificationTask {
    @Parameters(arity = "2..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    String name() {
      return "fusion";
    }

    @Override
    String command() {
      return "./osaava evaluate fusion "
          + String.join(" ", files.stream().map(Path::toString).toList());
    }

    @Override
    Benchmark.Report evaluate(
        IdentificationEvaluation evaluation, Directories directories, ImportProgress progress) {
      return evaluation.fitFusion(files, progress);
    }
  }

  @Command(
      name = "forecasts",
      mixinStandardHelpOptions = true,
      description = {
        "Backtest the 12-month vacancy forecasts per region and ISCO group on held-back months:",
        "MASE and sMAPE of the seasonal ARIMA and of the seasonal-naive baseline."
      })
  static final class LabourMarketForecasts extends Task {
    @Override
    String name() {
      return "forecasts";
    }

    @Override
    String command() {
      return "./osaava evaluate forecasts";
    }

    @Override
    Benchmark.Report run(ConfigurableApplicationContext context, ImportProgress progress) {
      return BenchCommand.benchmark(context, "forecasts").run(Map.of(), progress);
    }
  }

  @Command(
      name = "education-queries",
      mixinStandardHelpOptions = true,
      description = {
        "Zero-result rate of the education search on a query log (one query a line: fi, sv or"
            + " en, a tab, the query), per language.",
        "Prints the rate with today's analysis alone (the baseline) and with the query-time"
            + " synonyms, in one run."
      })
  static final class EducationQueries extends Task {
    @Parameters(
        index = "0",
        paramLabel = "FILE",
        arity = "0..1",
        defaultValue = "docs/evaluation/education-queries.txt")
    Path file;

    @Override
    String name() {
      return "education-queries";
    }

    @Override
    String command() {
      return "./osaava evaluate education-queries " + file;
    }

    @Override
    Benchmark.Report run(ConfigurableApplicationContext context, ImportProgress progress) {
      return BenchCommand.benchmark(context, "education-queries")
          .run(Map.of("file", file.toString()), progress);
    }
  }

  @Command(
      name = "service-recommendations",
      mixinStandardHelpOptions = true,
      description = {
        "The service recommendations on the judged situation -> service set (TSV: query, split,"
            + " situation, municipality, lang, goal, service, grade 0-3), per dev and test half.",
        "Prints nDCG@10, P@5 and recall@10 of the recommendations without and with the goal and"
            + " of the directory search with the goal text only (the baseline), in one run.",
        "Needs the national catalogue's general descriptions imported."
      })
  static final class ServiceRecommendations extends Task {
    @Parameters(
        index = "0",
        paramLabel = "FILE",
        arity = "0..1",
        defaultValue = "docs/evaluation/service-recommendations.tsv")
    Path file;

    @Override
    String name() {
      return "service-recommendations";
    }

    @Override
    String command() {
      return "./osaava evaluate service-recommendations " + file;
    }

    @Override
    Benchmark.Report run(ConfigurableApplicationContext context, ImportProgress progress) {
      return BenchCommand.benchmark(context, "service-recommendations")
          .run(Map.of("file", file.toString()), progress);
    }
  }

  static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_-]", "-");
  }

  @Command(
      name = "work-histories",
      mixinStandardHelpOptions = true,
      description = {
        "Occupation matching on work-history texts in JSON lines ({\"text\": …, \"lang\": …,"
            + " \"accepted\": [ESCO occupation URI, …]}), through identification and matching"
            + " as the API runs them.",
        "Prints success@10 and MRR per language next to the plain-overlap baseline."
      })
  static final class WorkHistories extends Task {
    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    String name() {
      return "work-histories-" + stem(file);
    }

    @Override
    String command() {
      return "./osaava evaluate work-histories " + file;
    }

    @Override
    Benchmark.Report run(ConfigurableApplicationContext context, ImportProgress progress) {
      return context.getBean(MatchingEvaluation.class).workHistories(file, progress);
    }
  }

  @Command(
      name = "matching",
      mixinStandardHelpOptions = true,
      description = {
        "Opportunity matching on ground truth derived from ESCO: occupation recall (Recall@10,"
            + " MRR; Osaava and a plain overlap baseline) and learning-path quality under a credit"
            + " budget (gap coverage, credits, offerings; Osaava's CP-SAT path and greedy"
            + " selection by the peer's ratio), in one run over the imported catalogue."
      })
  static final class Matching extends Task {
    @Option(names = "--occupations", defaultValue = "500", description = "Recall task size.")
    int occupations;

    @Option(names = "--goals", defaultValue = "200", description = "Path task size.")
    int goals;

    @Option(names = "--budget", defaultValue = "60", description = "Credit budget of a path.")
    double budget;

    @Option(names = "--seed", defaultValue = "20261122", description = "Sampling seed.")
    long seed;

    @Override
    String name() {
      return "matching";
    }

    @Override
    String command() {
      return "./osaava evaluate matching --occupations "
          + occupations
          + " --goals "
          + goals
          + " --budget "
          + budget
          + " --seed "
          + seed;
    }

    @Override
    Benchmark.Report run(ConfigurableApplicationContext context, ImportProgress progress) {
      return context
          .getBean(MatchingEvaluation.class)
          .evaluate(occupations, goals, budget, seed, progress);
    }
  }
}
