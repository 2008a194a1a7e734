package fi.osaava.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fi.osaava.OsaavaApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service on its durable embedded database survives the death of its postmaster ({@code kill
 * -9}) without a restart: readiness goes DOWN within 5 s while liveness stays UP, requests
 * meanwhile get a fast 503 (problem for the API, the localized page for pages, both with {@code
 * Retry-After}), and the supervisor brings the server back on the same port, with every row kept. A
 * graceful stop afterwards logs no warning about the service's own PostgreSQL.
 *
 * <p>The supervisor waits 15 s before restarting here (1 s by default), so that the outage lasts
 * long enough to be observed.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class EmbeddedDatabaseSupervisionTest {

  private static final Duration RESTART_DELAY = Duration.ofSeconds(15);

  @TempDir Path home;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private ConfigurableApplicationContext context;
  private int port;

  @AfterEach
  void stopTheService() throws Exception {
    if (context != null) {
      context.close();
    }
    root().detachAppender(logs);
    EmbeddedDatabase.recoverFromCrash(home.resolve("postgres"));
  }

  @Test
  void killedPostmasterIsRestartedWhileRequestsGetAFast503() throws Exception {
    // As command-line arguments, which outrank the test configuration's ephemeral database.
    context =
        new SpringApplicationBuilder(OsaavaApplication.class)
            .run(
                "--osaava.home=" + home,
                "--osaava.bootstrap=false",
                "--osaava.embedded-database.ephemeral=false",
                "--osaava.embedded-database.restart-delay=" + RESTART_DELAY.toMillis() + "ms",
                "--server.port=0");
    port = ((WebServerApplicationContext) context).getWebServer().getPort();
    EmbeddedDatabase database = context.getBean(EmbeddedDatabase.class);
    String offering = "/education/offerings/" + UUID.randomUUID();

    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(get("/api/v1" + offering).statusCode()).isEqualTo(404);
    // Also renders the error page once, so that the timing below is not Thymeleaf's first parse.
    assertThat(page(offering).statusCode()).isEqualTo(404);
    Map<String, Long> rowsBefore = rowCounts(database);
    assertThat(rowsBefore).as("tables made by the migrations").isNotEmpty();
    int databasePort = databasePort();
    ProcessHandle postmaster = postmaster();
    logs.start();
    root().addAppender(logs);

    postmaster.destroyForcibly(); // SIGKILL, as kill -9
    long killed = System.nanoTime();

    HttpResponse<String> readiness = get("/actuator/health/readiness");
    while (readiness.statusCode() == 200 && since(killed).compareTo(Duration.ofSeconds(6)) < 0) {
      Thread.sleep(100);
      readiness = get("/actuator/health/readiness");
    }
    Duration readinessDown = since(killed);
    assertThat(readiness.statusCode()).as("readiness after the kill").isEqualTo(503);
    assertThat(readinessDown)
        .as("readiness goes DOWN within 5 s")
        .isLessThan(Duration.ofSeconds(5));
    assertThat(get("/actuator/health/liveness").statusCode()).as("liveness").isEqualTo(200);

    long asked = System.nanoTime();
    HttpResponse<String> api = get("/api/v1" + offering);
    Duration apiTook = since(asked);
    assertThat(api.statusCode()).isEqualTo(503);
    assertThat(apiTook).as("the API fails fast").isLessThan(Duration.ofSeconds(4));
    assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(api.body()).contains("\"status\":503", "database is not reachable");

    asked = System.nanoTime();
    HttpResponse<String> page = page(offering);
    Duration pageTook = since(asked);
    assertThat(page.statusCode()).isEqualTo(503);
    assertThat(pageTook).as("the page fails fast").isLessThan(Duration.ofSeconds(4));
    assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(page.body()).contains("Palvelu on tilapäisesti poissa käytöstä");
    assertThat(since(killed))
        .as("all of the above happened during the outage")
        .isLessThan(RESTART_DELAY);

    while (get("/actuator/health/readiness").statusCode() != 200
        && since(killed).compareTo(Duration.ofSeconds(40)) < 0) {
      Thread.sleep(200);
    }
    assertThat(since(killed)).as("serving again within 30 s").isLessThan(Duration.ofSeconds(30));
    assertThat(get("/api/v1" + offering).statusCode()).isEqualTo(404);
    assertThat(databasePort()).as("restarted on the same port").isEqualTo(databasePort);
    assertThat(postmaster().pid()).isNotEqualTo(postmaster.pid());
    assertThat(rowCounts(database)).isEqualTo(rowsBefore);
    assertThat(messages(Level.ERROR, EmbeddedDatabase.class))
        .as("the death is logged once, not per request")
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("stopped unexpectedly");
    // The lines outside the supervisor and the 503 handler alone, so that a failure names them.
    assertThat(warningsAndErrors())
        .as("the outage is logged by the supervisor and the 503 handler, nothing else")
        .filteredOn(
            line ->
                !line.startsWith(EmbeddedDatabase.class.getName())
                    && !line.startsWith("fi.osaava.web.internal.DatabaseUnavailableHandler"))
        .isEmpty();
    assertThat(warningsAndErrors())
        .as("the 503 handler logs the outage once")
        .filteredOn(line -> line.contains("answering 503"))
        .hasSize(1);

    logs.list.clear();
    context.close();
    context = null;
    assertThat(home.resolve("postgres/postmaster.pid")).doesNotExist();
    assertThat(warningsAndErrors()).as("a graceful stop is quiet").isEmpty();
  }

  private Map<String, Long> rowCounts(EmbeddedDatabase database) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = EmbeddedDatabaseRecoveryTest.connect(database);
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet result =
          statement.executeQuery(
              "select quote_ident(table_schema) || '.' || quote_ident(table_name)"
                  + " from information_schema.tables where table_type = 'BASE TABLE'"
                  + " and table_schema not in ('pg_catalog', 'information_schema')"
                  // ShedLock's lease rows are bookkeeping, not data: a scheduled task whose first
                  // round falls between the two counts adds its row (it did in one CI run).
                  + " and table_name <> 'shedlock'"
                  + " order by 1")) {
        while (result.next()) {
          tables.add(result.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet result = statement.executeQuery("select count(*) from " + table)) {
          result.next();
          counts.put(table, result.getLong(1));
        }
      }
    }
    return counts;
  }

  private ProcessHandle postmaster() throws Exception {
    long pid = Long.parseLong(pidFileLines().getFirst().strip());
    return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
  }

  private int databasePort() throws Exception {
    return Integer.parseInt(pidFileLines().get(3).strip());
  }

  private List<String> pidFileLines() throws Exception {
    return Files.readAllLines(home.resolve("postgres/postmaster.pid"));
  }

  private List<String> messages(Level level, Class<?> logger) {
    return logs.list.stream()
        .filter(event -> event.getLevel() == level)
        .filter(event -> event.getLoggerName().equals(logger.getName()))
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  private List<String> warningsAndErrors() {
    return logs.list.stream()
        .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
        .map(
            event ->
                event.getLoggerName()
                    + ": "
                    + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null
                        ? ""
                        : " (" + stackTop(event.getThrowableProxy()) + ")"))
        .toList();
  }

  /** A logged failure's class and message and where it was thrown, to say whose it is. */
  private static String stackTop(ch.qos.logback.classic.spi.IThrowableProxy thrown) {
    var frames = thrown.getStackTraceElementProxyArray();
    return thrown.getClassName()
        + ": "
        + thrown.getMessage()
        + java.util.Arrays.stream(frames)
            .limit(12)
            .map(frame -> " at " + frame.getStackTraceElement())
            .collect(java.util.stream.Collectors.joining());
  }

  private static ch.qos.logback.classic.Logger root() {
    return (ch.qos.logback.classic.Logger)
        LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static Duration since(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> page(String path) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path + "?lang=fi")).header("Accept", "text/html").build());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(
        HttpRequest.newBuilder(request, (name, value) -> true)
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
