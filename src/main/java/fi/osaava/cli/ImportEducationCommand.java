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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osaava import education [PATH…]}: the national education files. */
@Command(
    name = "education",
    mixinStandardHelpOptions = true,
    description = {
      "Import national education files: konfo-*.jsonl, ePerusteet qualification exports and",
      "osaamismerkit.json, or folders holding them. Without PATH, imports <data-dir>/education.",
      "Records are upserted; records gone from a source are deactivated; malformed records are",
      "skipped and listed with file, line and field. Exit status 2 when any record was skipped."
    })
final class ImportEducationCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders.")
  List<Path> paths;

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
                  message -> {
                    out.println("  " + message);
                    out.flush();
                  });
      return ImportEducationCommand.summary(out, reports);
    }
  }

  static int summary(PrintWriter out, List<EducationImportReport> reports) {
    int skipped = 0;
    for (EducationImportReport report : reports) {
      out.printf(
          "%s: %d records, %d new, %d changed, %d deactivated, %d skipped.%n",
          report.source(),
          report.records(),
          report.inserted(),
          report.updated(),
          report.deactivated(),
          report.errors().size());
      skipped += report.errors().size();
    }
    out.println("Skills are identified in the background by the running service.");
    return skipped == 0 ? 0 : 2;
  }
}
