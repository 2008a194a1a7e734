package fi.osaava.cli;

import fi.osaava.servicenetwork.ServiceDirectory;
import fi.osaava.servicenetwork.ServiceImportReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code osaava import services FILE}: providers' services in the documented JSON format, or with
 * {@code --general-descriptions} the national service catalogue's general descriptions.
 */
@Command(
    name = "services",
    mixinStandardHelpOptions = true,
    description = {
      "Import services into the service directory: providers' services in the JSON format of"
          + " docs/services.md, upserted by organisation and id.",
      "With --general-descriptions, the national service catalogue's general service descriptions"
          + " (its export format), a snapshot: descriptions no longer in it are retired.",
      "All or nothing: a bad record (named by line and field) stores nothing, exit status 1."
    })
final class ImportServicesCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--general-descriptions",
      description = "The file is the national catalogue's export of general service descriptions.")
  boolean generalDescriptions;

  @Option(
      names = "--allow-shrink",
      description =
          "With --general-descriptions: accept a snapshot that retires more than 20 %% of the"
              + " descriptions (the source really shrank).")
  boolean allowShrink;

  @Parameters(paramLabel = "FILE", description = "The JSON file.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
      ServiceDirectory directory = context.getBean(ServiceDirectory.class);
      ServiceImportReport report =
          generalDescriptions
              ? directory.importGeneralDescriptions(file, allowShrink, out::println)
              : directory.importServices(file, out::println);
      out.printf(
          "%s: %,d read, %,d added, %,d updated, %,d unchanged, %,d retired.%n",
          report.source(),
          report.read(),
          report.added(),
          report.updated(),
          report.unchanged(),
          report.retired());
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("source", report.source());
      json.put("read", report.read());
      json.put("added", report.added());
      json.put("updated", report.updated());
      json.put("unchanged", report.unchanged());
      json.put("retired", report.retired());
      out.println(JsonMapper.shared().writeValueAsString(json));
      return 0;
    }
  }
}
