package fi.osaava.cli;

import fi.osaava.OsaavaApplication;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Starts the web service; it imports missing datasets first (the first-start bootstrap). */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Start the service.")
final class StartCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: 8080).")
  Integer port;

  /** The running service, so that tests can stop it. */
  @Nullable ConfigurableApplicationContext context;

  @Override
  public Integer call() {
    Map<String, Object> properties = common.properties();
    if (port != null) {
      properties.put("server.port", port);
    }
    SpringApplicationBuilder application = new SpringApplicationBuilder(OsaavaApplication.class);
    if (port != null) {
      // Links in mails and published listings name the service's own address; on another port
      // the built-in localhost:8080 would send a reader nowhere. Default properties rank below
      // application.yml and the environment, so a configured public address still wins.
      String address = "http://localhost:" + port;
      application.properties(
          Map.of(
              "osaava.notifications.base-url", address,
              "osaava.programmes.public-url", address));
    }
    context = application.run(CommonOptions.springArguments(properties));
    return OsaavaCommand.KEEP_RUNNING;
  }
}
