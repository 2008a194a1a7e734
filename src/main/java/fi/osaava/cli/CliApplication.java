package fi.osaava.cli;

import fi.osaava.OsaavaApplication;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boots the application without a web server and first-start imports, for one-shot commands; their
 * logs go to standard error ({@code fi/osaava/cli/logback-cli*.xml}).
 */
final class CliApplication {

  private CliApplication() {}

  static ConfigurableApplicationContext boot(CommonOptions common) {
    return boot(common, Map.of());
  }

  /**
   * @param overrides properties that win over the defaults here (a command that must not attach to
   *     a running service's database, say)
   */
  static ConfigurableApplicationContext boot(CommonOptions common, Map<String, Object> overrides) {
    Map<String, Object> properties = common.properties();
    properties.put("osaava.bootstrap", "false");
    properties.put("osaava.embedded-database.attach", "true");
    properties.putAll(overrides);
    properties.put("spring.main.log-startup-info", "false");
    // A one-shot command must not deliver again what the running service may be delivering.
    properties.put("spring.modulith.events.republish-outstanding-events-on-restart", "false");
    return new SpringApplicationBuilder(OsaavaApplication.class)
        .web(WebApplicationType.NONE)
        // Defaults only: logging.level.root or logging.config set anywhere else still wins.
        .properties(
            Map.of(
                "logging.level.root",
                "WARN",
                // Logs go to standard error; standard output is the command's data.
                "logging.config",
                properties.containsKey(CommonOptions.STRUCTURED_FORMAT_PROPERTY)
                    ? "classpath:fi/osaava/cli/logback-cli-json.xml"
                    : "classpath:fi/osaava/cli/logback-cli.xml"))
        .run(CommonOptions.springArguments(properties));
  }
}
