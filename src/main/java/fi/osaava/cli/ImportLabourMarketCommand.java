package fi.osaava.cli;

import fi.osaava.labourmarket.LabourMarketImports;
import fi.osaava.labourmarket.StatisticsImportReport;
import fi.osaava.platform.Directories;
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

/**
 * {@code osaava import labour-market [DIR]}: the statistics series, occupation indicators and
 * region boundaries, all or nothing.
 */
@Command(
    name = "labour-market",
    mixinStandardHelpOptions = true,
    description = {
      "Import the labour-market statistics (DIR/labour-market/statfi/*.csv), the ESCO occupation"
          + " indicators and the region boundaries (DIR/regions/geo).",
      "DIR defaults to the data directory. Rerunning replaces the rows with the same ones.",
      "All or nothing: a bad row (named by file, line and column), or a file with more than 20 %%",
      "fewer rows than the previous import had from it, changes nothing (exit status 1)."
    })
final class ImportLabourMarketCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", arity = "0..1", description = "The reference-data directory.")
  Path dir;

  @Option(
      names = "--allow-shrink",
      description =
          "Replace a file's rows even when it has more than 20 %% fewer than the previous import.")
  boolean allowShrink;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
      Path data =
          dir != null
              ? dir
              : context
                  .getBean(Directories.class)
                  .referenceData()
                  .orElseThrow(
                      () -> new IllegalArgumentException("No DIR given and no data directory"));
      StatisticsImportReport report =
          context
              .getBean(LabourMarketImports.class)
              .importStatistics(
                  data,
                  allowShrink,
                  message -> {
                    out.println("  " + message);
                    out.flush();
                  });
      out.printf("Labour-market data imported in %.1f s.%n", report.millis() / 1000.0);
      report.rows().forEach((file, rows) -> out.printf("  %-45s %,9d rows%n", file, rows));
      report
          .unmatched()
          .forEach(
              (file, names) -> {
                out.printf(
                    "Unmatched names in %s (%d), kept without a code:%n", file, names.size());
                names.forEach(n -> out.println("  " + n));
              });
      return 0;
    }
  }
}
