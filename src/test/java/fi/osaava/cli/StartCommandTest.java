package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code osaava start} with options boots the web service as asked. Options must outrank {@code
 * application.yml}, which sets {@code server.port: 8080}.
 */
class StartCommandTest {

  @TempDir Path home;

  @Test
  void portAndHomeOptionsWinOverTheApplicationDefaults() throws Exception {
    try (RunningService service = RunningService.start(home)) {
      assertThat(service.command().context.getEnvironment().getProperty("osaava.home"))
          .isEqualTo(home.toString());
      // Links in mails name the port the service answers on, not the built-in 8080.
      assertThat(
              service
                  .command()
                  .context
                  .getEnvironment()
                  .getProperty("osaava.notifications.base-url"))
          .isEqualTo("http://localhost:" + service.uri("/").getPort());
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(service.uri("/actuator/health/liveness")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }
}
