package fi.osaava.cli;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.EscoImportOptions;
import fi.osaava.taxonomy.EscoImportReport;
import fi.osaava.taxonomy.TaxonomyApi;
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

/** {@code osaava import esco PATH…}: imports official ESCO CSV packages, all or nothing. */
@Command(
    name = "esco",
    mixinStandardHelpOptions = true,
    description = {
      "Import official ESCO CSV packages: zips, directories or single CSV files, in any language.",
      "Without PATH, imports <data-dir>/esco. Re-importing the same files changes nothing.",
      "All or nothing: a bad row (named by file, line and column), or classification files that",
      "lack more than 20 %% of the current concepts of their type, change nothing (exit status 1)."
    })
final class ImportEscoCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--esco-version",
      paramLabel = "V",
      description = "ESCO version of the input, e.g. 1.1.1 (default: read from the paths).")
  String version;

  @Option(
      names = "--reference-language",
      paramLabel = "LANG",
      defaultValue = "en",
      description = "Language whose files define which concepts exist (default: en).")
  String referenceLanguage;

  @Option(
      names = "--allow-shrink",
      description =
          "Mark obsolete the concepts the new files lack even when that is more than 20 %% of the"
              + " current ones (the classification really shrank).")
  boolean allowShrink;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Zips, folders or CSV files.")
  List<Path> paths;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Language reference = Language.require(referenceLanguage);
    try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
      List<Path> inputs = paths;
      if (inputs == null || inputs.isEmpty()) {
        Path data =
            context
                .getBean(fi.osaava.platform.Directories.class)
                .referenceData()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "No PATH given and no data directory found; pass --data-dir or PATH"));
        inputs = List.of(data.resolve("esco"));
      }
      EscoImportReport report =
          context
              .getBean(TaxonomyApi.class)
              .importEsco(
                  inputs,
                  new EscoImportOptions(version, reference, allowShrink),
                  message -> {
                    out.println("  " + message);
                    out.flush();
                  });
      if (report.unchanged()) {
        out.printf("ESCO %s: already imported, nothing changed.%n", report.version());
      } else {
        out.printf(
            "ESCO %s imported in %.1f s: %d concepts (%d new, %d now obsolete), %d labels,"
                + " %d relations from %d files.%n",
            report.version(),
            report.millis() / 1000.0,
            report.concepts(),
            report.added(),
            report.obsoleted(),
            report.labels(),
            report.relations(),
            report.files().size());
      }
      report.warnings().forEach(w -> out.println("warning: " + w));
      return 0;
    }
  }
}
