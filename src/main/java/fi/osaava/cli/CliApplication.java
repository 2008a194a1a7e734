package fi.osaava.cli;

import fi.osaava.OsaavaApplication;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Boots the application without a web server and first-start imports, for one-shot commands. */
final class CliApplication {

  private CliApplication() {}

  static ConfigurableApplicationContext boot(CommonOptions common) {
    Map<String, Object> properties = common.properties();
    properties.put("osaava.bootstrap", "false");
    properties.put("osaava.embedded-database.attach", "true");
    properties.put("spring.main.log-startup-info", "false");
    return new SpringApplicationBuilder(OsaavaApplication.class)
        .web(WebApplicationType.NONE)
        // A default only: logging.level.root set anywhere else still wins.
        .properties(Map.of("logging.level.root", "WARN"))
        .run(CommonOptions.springArguments(properties));
  }
}
