package fi.osaava.cli;

import fi.osaava.labourmarket.JobAdIngestReport;
import fi.osaava.labourmarket.LabourMarketImports;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osaava import job-ads FILE}: schema.org JobPosting JSON-LD, idempotent by identifier. */
@Command(
    name = "job-ads",
    mixinStandardHelpOptions = true,
    description = {
      "Ingest job ads: schema.org JobPosting JSON-LD, one object per line or one JSON array"
          + " (docs/job-ads-jsonld.md).",
      "The input is stored in one transaction, all or nothing: a bad ad (named by line and"
          + " field) stores nothing and exits with status 1.",
      "Ads already ingested (same identifier) are skipped, so an input can be sent again."
    })
final class ImportJobAdsCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "JSON lines or a JSON array; - for stdin.")
  Path file;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = CliApplication.boot(common);
        InputStream in = file.toString().equals("-") ? System.in : Files.newInputStream(file)) {
      AtomicLong stored = new AtomicLong();
      long started = System.currentTimeMillis();
      JobAdIngestReport report =
          context
              .getBean(LabourMarketImports.class)
              .ingestJobAds(
                  in,
                  file.toString(),
                  message -> {
                    long n = stored.incrementAndGet();
                    if (n % 10_000 == 0) {
                      out.printf(
                          "  %,d ads processed (%.0f/s), committed when the input ends%n",
                          n, n * 1000.0 / Math.max(1, System.currentTimeMillis() - started));
                      out.flush();
                    }
                  });
      out.printf(
          "%,d ads read in %.1f s (%.0f ads/s): %,d added, %,d reposts of earlier ads, %,d already"
              + " ingested; %,d with an occupation, %,d located in a municipality.%n",
          report.read(),
          report.millis() / 1000.0,
          report.adsPerSecond(),
          report.added(),
          report.duplicates(),
          report.unchanged(),
          report.withOccupation(),
          report.withMunicipality());
      return 0;
    }
  }
}
