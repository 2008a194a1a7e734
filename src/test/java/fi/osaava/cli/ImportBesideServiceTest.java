package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports while {@code osaava start} runs on the same home. {@code osaava import education}: the
 * service holds the search index, so the import commits to the database, queues the index work
 * there and exits 0 saying so; the running service indexes the change and its search finds it
 * within a minute. {@code osaava import regions}: the service refreshes the classification it keeps
 * in memory. Both run in this JVM, on a durable database and an index on disk, as a person runs
 * them.
 */
class ImportBesideServiceTest {

  /** What this test changes in the JVM's system properties, with the values it replaces. */
  private static final Map<String, String> PROPERTIES =
      Map.of(
          "osaava.embedded-database.ephemeral", "false",
          // The test configuration keeps indexes in the heap, where no two processes meet.
          "spring.jpa.properties.hibernate.search.backend.directory.type", "local-filesystem",
          "osaava.education.reindex-poll-interval", "1s");

  @TempDir Path home;
  @TempDir Path files;
  private final Map<String, String> replaced = new HashMap<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void useADurableDatabaseAndAnIndexOnDisk() {
    PROPERTIES.forEach((key, value) -> replaced.put(key, System.setProperty(key, value)));
  }

  @AfterEach
  void restore() {
    replaced.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
    if (originalOut != null) {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  @Test
  void theImportExitsZeroAndTheRunningServiceSearchFindsTheChange() throws Exception {
    try (RunningService service = RunningService.start(home)) {
      HttpClient http = HttpClient.newHttpClient();
      URI search = service.uri("/api/v1/education/search?q=kvanttiviljely");
      // The service indexes at its start: nothing matches before the import.
      assertThat(total(http, search)).isZero();

      Path konfo = files.resolve("konfo-beside.jsonl");
      Files.writeString(
          konfo,
          "{\"oid\": \"1.2.246.562.13.99900000000000042\", \"nimi\": {\"fi\":"
              + " \"Kvanttiviljelyn koulutus\"}, \"kielivalinta\": [\"fi\"]}\n");
      int exit = run("import", "education", "--home", home.toString(), konfo.toString());

      assertThat(exit)
          .as("stdout: %s%nstderr: %s", out.toString(StandardCharsets.UTF_8), err)
          .isZero();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("konfo: 1 records, 1 new, 0 changed, 0 deactivated.")
          .contains("the running service holds the search index; it indexes these changes");

      long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
      long found = 0;
      while (found == 0 && System.nanoTime() < deadline) {
        Thread.sleep(500);
        found = total(http, search);
      }
      assertThat(found).as("offerings found by the running service's search").isEqualTo(1);
    }
  }

  /**
   * {@code osaava import regions} beside the service: the service keeps the classification in
   * memory, and serves the imported and then the changed municipalities within a minute, at the
   * default poll interval of the dataset versions (5 s).
   */
  @Test
  void regionsImportedBesideTheServiceAreServedWithinAMinute() throws Exception {
    try (RunningService service = RunningService.start(home)) {
      HttpClient http = HttpClient.newHttpClient();
      URI municipalities = service.uri("/api/v1/regions/municipality?lang=fi");
      // Read once before the import, so the service holds the (empty) classification in memory.
      assertThat(get(http, municipalities)).isEqualTo("[]");

      Path file = files.resolve("municipalities-2026.csv");
      Files.writeString(file, municipalityRows("Testikunta 3"));
      assertThat(run("import", "regions", "--home", home.toString(), file.toString()))
          .as("stdout: %s%nstderr: %s", out.toString(StandardCharsets.UTF_8), err)
          .isZero();
      Duration first = waitUntilServed(http, municipalities, "\"Testikunta 3\"");

      Files.writeString(file, municipalityRows("Muutettu kunta 3"));
      assertThat(run("import", "regions", "--home", home.toString(), file.toString()))
          .as("stdout: %s%nstderr: %s", out.toString(StandardCharsets.UTF_8), err)
          .isZero();
      Duration changed = waitUntilServed(http, municipalities, "\"Muutettu kunta 3\"");
      assertThat(get(http, municipalities)).doesNotContain("\"Testikunta 3\"");
      System.out.printf(
          "ImportBesideServiceTest: regions served %d ms after the first import and %d ms after"
              + " the change%n",
          first.toMillis(), changed.toMillis());
    }
  }

  /** Runs a command in this JVM as a person runs it beside the service, keeping its output. */
  private int run(String... args) {
    out.reset();
    err.reset();
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return OsaavaCommand.execute(args);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  /** How long after the import the text appeared; fails after a minute. */
  private static Duration waitUntilServed(HttpClient http, URI uri, String text) throws Exception {
    long imported = System.nanoTime();
    long deadline = imported + Duration.ofMinutes(1).toNanos();
    String body = get(http, uri);
    while (!body.contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      body = get(http, uri);
    }
    assertThat(body).as("served by the running service within a minute").contains(text);
    return Duration.ofNanos(System.nanoTime() - imported);
  }

  /** Ten municipalities in one region; the third with the given name. */
  private static String municipalityRows(String third) {
    StringBuilder rows =
        new StringBuilder(
            "kunta,municipality_name_fi,maakunta_code,maakunta_name_fi,seutukunta_code,"
                + "seutukunta_name_fi\n");
    for (int n = 1; n <= 10; n++) {
      rows.append(
          "%d,\"%s\",1,\"Testimaakunta\",11,\"Testiseutu\"\n"
              .formatted(n, n == 3 ? third : "Testikunta " + n));
    }
    return rows.toString();
  }

  private static String get(HttpClient http, URI uri) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).header("Accept", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** The {@code total} of an education search answer; shared with the backup round trip. */
  static long total(HttpClient http, URI uri) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).header("Accept", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonMapper.shared().readTree(response.body()).path("total").asLong();
  }
}
