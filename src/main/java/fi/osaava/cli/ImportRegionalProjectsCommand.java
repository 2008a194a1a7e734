package fi.osaava.cli;

import fi.osaava.regionalintelligence.RegionalProjectsApi;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osaava import regional-projects FILE}: regional actors and development projects. */
@Command(
    name = "regional-projects",
    mixinStandardHelpOptions = true,
    description = {
      "Import regional actors and development projects (CSV, one row per partner, or JSON with"
          + " actors and projects; docs/regional-intelligence.md) for the organisation that owns"
          + " them, upserted by their ids.",
      "All or nothing: a bad record (named by line and field) stores nothing, exit status 1."
    })
final class ImportRegionalProjectsCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--organisation",
      required = true,
      paramLabel = "ORG",
      description = "The owning organisation, as its regional developers' organisation claim.")
  String organisation;

  @Parameters(paramLabel = "FILE", description = "The CSV or JSON file.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
      RegionalProjectsApi.ProjectsSaved saved =
          context.getBean(RegionalProjectsApi.class).importProjects(file, organisation);
      out.printf(
          "%s: %,d actors and %,d projects stored for %s.%n",
          file.getFileName(), saved.actors(), saved.projects(), organisation);
      return 0;
    }
  }
}
