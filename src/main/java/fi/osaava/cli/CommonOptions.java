package fi.osaava.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every subcommand takes; they become Spring properties of the booted application. */
final class CommonOptions {

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Reference data to import (default: ../shared/data when it exists).")
  Path dataDir;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Where Osaava keeps its database and indexes (default: ./data).")
  Path home;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description = "Console log format: text (default) or json (structured, one object a line).")
  LogFormat logFormat = LogFormat.text;

  static final String STRUCTURED_FORMAT_PROPERTY = "logging.structured.format.console";

  enum LogFormat {
    text,
    json
  }

  /**
   * Properties as Spring command-line arguments ({@code --key=value}). Those outrank {@code
   * application.yml} and environment variables, as options typed on the command line should;
   * Spring's "default properties" would rank below both, and {@code server.port: 8080} in {@code
   * application.yml} would silently win over {@code --port}.
   */
  static String[] springArguments(Map<String, Object> properties) {
    return properties.entrySet().stream()
        .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
        .toArray(String[]::new);
  }

  Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    if (dataDir != null) {
      properties.put("osaava.data-dir", dataDir.toAbsolutePath().toString());
    }
    if (home != null) {
      properties.put("osaava.home", home.toAbsolutePath().toString());
    }
    if (logFormat == LogFormat.json) {
      properties.put(STRUCTURED_FORMAT_PROPERTY, "logstash");
    }
    return properties;
  }
}
