package fi.osaava.cli;

import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationImportReport;
import fi.osaava.platform.Directories;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osaava import education [PATH…]}: the national education files. */
@Command(
    name = "education",
    mixinStandardHelpOptions = true,
    description = {
      "Import national education files: konfo-*.jsonl, ePerusteet qualification exports and",
      "osaamismerkit.json, or folders holding them. Without PATH, imports <data-dir>/education.",
      "Each file is a complete snapshot of its source: records are upserted and records gone",
      "from it are deactivated, all files in one transaction. A malformed record (named by file,",
      "line and field) or a snapshot that would deactivate more than 20 %% of the source's active",
      "offerings refuses the whole run: nothing changes and the exit status is 1.",
      "Beside a running service the change is committed and the service indexes it."
    })
final class ImportEducationCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders.")
  List<Path> paths;

  @Option(
      names = "--allow-shrink",
      description =
          "Accept a snapshot that deactivates more than 20 %% of what it replaces (the source"
              + " really shrank).")
  boolean allowShrink;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
      List<Path> inputs = paths;
      if (inputs == null || inputs.isEmpty()) {
        Path data =
            context
                .getBean(Directories.class)
                .referenceData()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "No PATH given and no data directory found; pass --data-dir or PATH"));
        inputs = List.of(data.resolve("education"));
      }
      List<EducationImportReport> reports =
          context
              .getBean(EducationCatalogue.class)
              .importFiles(
                  inputs,
                  allowShrink,
                  message -> {
                    out.println("  " + message);
                    out.flush();
                  });
      return ImportEducationCommand.summary(out, reports);
    }
  }

  static int summary(PrintWriter out, List<EducationImportReport> reports) {
    for (EducationImportReport report : reports) {
      out.printf(
          "%s: %d records, %d new, %d changed, %d deactivated.%n",
          report.source(),
          report.records(),
          report.inserted(),
          report.updated(),
          report.deactivated());
    }
    out.println("Skills are identified in the background by the running service.");
    return 0;
  }
}
