package fi.osaava.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.OsaavaApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service on an external database ({@code spring.datasource.url}) rides out the server's
 * absence without a restart: the server (a PostgreSQL of its own on a fixed port, which the service
 * knows only by its URL) is stopped under the running service; readiness goes DOWN within 5 s while
 * liveness stays UP, a request meanwhile gets a fast 503; the server is started again on the same
 * port and data, and the pool reconnects by itself: readiness UP and serving within 30 s, with the
 * data still there.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ExternalDatabaseRecoveryTest {

  @TempDir Path home;
  @TempDir Path data;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private EmbeddedPostgres server;
  private ConfigurableApplicationContext context;
  private int port;

  @AfterEach
  void stop() throws Exception {
    if (context != null) {
      context.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void poolReconnectsWhenTheServerComesBack() throws Exception {
    int databasePort;
    try (ServerSocket free = new ServerSocket(0)) {
      databasePort = free.getLocalPort();
    }
    server = startServer(databasePort);
    // As command-line arguments, which outrank the test configuration.
    context =
        new SpringApplicationBuilder(OsaavaApplication.class)
            .run(
                "--spring.datasource.url=jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=unused",
                "--osaava.home=" + home,
                "--osaava.bootstrap=false",
                "--server.port=0");
    assertThat(context.getBeanProvider(EmbeddedDatabase.class).getIfAvailable())
        .as("no embedded database beside an external one")
        .isNull();
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
    String offering = "/api/v1/education/offerings/" + UUID.randomUUID();
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(get(offering).statusCode()).isEqualTo(404);
    long migrations = migrations();
    assertThat(migrations).as("migrations ran on the external server").isPositive();

    server.close(); // a fast shutdown: the pool's connections are cut
    server = null;
    long stopped = System.nanoTime();

    HttpResponse<String> readiness = get("/actuator/health/readiness");
    while (readiness.statusCode() == 200 && since(stopped).compareTo(Duration.ofSeconds(6)) < 0) {
      Thread.sleep(100);
      readiness = get("/actuator/health/readiness");
    }
    Duration readinessDown = since(stopped);
    assertThat(readiness.statusCode()).as("readiness after the stop").isEqualTo(503);
    assertThat(readinessDown)
        .as("readiness goes DOWN within 5 s")
        .isLessThan(Duration.ofSeconds(5));
    assertThat(get("/actuator/health/liveness").statusCode()).as("liveness").isEqualTo(200);

    long asked = System.nanoTime();
    HttpResponse<String> api = get(offering);
    Duration apiTook = since(asked);
    assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
    assertThat(apiTook).as("the API fails fast").isLessThan(Duration.ofSeconds(4));
    assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(api.body()).contains("database is not reachable");

    server = startServer(databasePort);
    long restarted = System.nanoTime();
    while (get("/actuator/health/readiness").statusCode() != 200
        && since(restarted).compareTo(Duration.ofSeconds(40)) < 0) {
      Thread.sleep(200);
    }
    Duration readinessUp = since(restarted);
    assertThat(readinessUp).as("readiness UP within 30 s").isLessThan(Duration.ofSeconds(30));
    assertThat(get(offering).statusCode()).as("serving again").isEqualTo(404);
    assertThat(migrations()).as("the same data").isEqualTo(migrations);
    System.out.printf(
        "ExternalDatabaseRecoveryTest: readiness DOWN %d ms after the stop, a request during the"
            + " outage answered 503 in %d ms, readiness UP %d ms after the restart%n",
        readinessDown.toMillis(), apiTook.toMillis(), readinessUp.toMillis());
  }

  /** The server on a fixed port and data directory, kept when it stops. */
  private EmbeddedPostgres startServer(int databasePort) throws Exception {
    return EmbeddedPostgres.builder()
        .setPort(databasePort)
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .start();
  }

  private long migrations() throws Exception {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("select count(*) from flyway_schema_history where success")) {
      result.next();
      return result.getLong(1);
    }
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
