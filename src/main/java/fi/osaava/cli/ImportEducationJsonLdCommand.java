package fi.osaava.cli;

import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationImportReport;
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

/** {@code osaava import education-jsonld FILE}: a provider's schema.org JSON-LD document. */
@Command(
    name = "education-jsonld",
    mixinStandardHelpOptions = true,
    description = {
      "Import a schema.org JSON-LD document of Course / EducationalOccupationalProgram nodes",
      "with CourseInstances (format: docs/education-jsonld.md). Records are upserted by @id, all",
      "or nothing: a malformed record (named by line and field) stores nothing, exit status 1."
    })
final class ImportEducationJsonLdCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The JSON-LD file.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
      EducationImportReport report =
          context
              .getBean(EducationCatalogue.class)
              .importJsonLd(
                  file,
                  message -> {
                    out.println("  " + message);
                    out.flush();
                  });
      return ImportEducationCommand.summary(out, List.of(report));
    }
  }
}
