package fi.osaava.cli;

import fi.osaava.platform.Directories;
import fi.osaava.regions.RegionsImportApi;
import fi.osaava.regions.RegionsImported;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osaava import regions [FILE]}: imports Statistics Finland's regional classification. */
@Command(
    name = "regions",
    mixinStandardHelpOptions = true,
    description = {
      "Import the municipality classification with regions and sub-regions (CSV, fi/sv/en names).",
      "Without FILE, imports the newest <data-dir>/regions/municipalities-YYYY.csv.",
      "All or nothing: a bad row (named by line and column), or a file lacking more than 20 %% of",
      "the current municipalities, changes nothing (exit status 1)."
    })
final class ImportRegionsCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..1", description = "municipalities-YYYY.csv")
  Path file;

  @Option(
      names = "--allow-shrink",
      description =
          "Replace the classification even when the file lacks more than 20 %% of the current"
              + " municipalities.")
  boolean allowShrink;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
      Path input = file;
      if (input == null) {
        Path data =
            context
                .getBean(Directories.class)
                .referenceData()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "No FILE given and no data directory found; pass --data-dir or FILE"));
        input = newest(data);
      }
      Optional<RegionsImported> imported =
          context
              .getBean(RegionsImportApi.class)
              .importFile(
                  input,
                  allowShrink,
                  message -> {
                    out.println("  " + message);
                    out.flush();
                  });
      if (imported.isEmpty()) {
        out.printf("%s: already imported, nothing changed.%n", input.getFileName());
      } else {
        out.printf(
            "%s imported: %d municipalities.%n",
            input.getFileName(), imported.get().municipalities());
      }
      return 0;
    }
  }

  private static Path newest(Path data) {
    try (var files = Files.list(data.resolve("regions"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("municipalities-\\d{4}\\.csv"))
          .max(Comparator.comparing(p -> p.getFileName().toString()))
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "No municipalities-YYYY.csv under " + data.resolve("regions")));
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot list " + data.resolve("regions"), e);
    }
  }
}
