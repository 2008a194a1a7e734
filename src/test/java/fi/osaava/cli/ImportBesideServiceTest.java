package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
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
 * {@code osaava import education} while {@code osaava start} runs on the same home: the service
 * holds the search index, so the import commits to the database, queues the index work there and
 * exits 0 saying so; the running service indexes the change and its search finds it within a
 * minute. Both run in this JVM, on a durable database and an index on disk, as a person runs them.
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
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    StartCommand start =
        (StartCommand)
            OsaavaCommand.commandLine()
                .parseArgs("start", "--port", Integer.toString(port), "--home", home.toString())
                .subcommand()
                .commandSpec()
                .userObject();
    assertThat(start.call()).isEqualTo(OsaavaCommand.KEEP_RUNNING);
    try {
      HttpClient http = HttpClient.newHttpClient();
      URI search =
          URI.create("http://localhost:" + port + "/api/v1/education/search?q=kvanttiviljely");
      // The service indexes at its start: nothing matches before the import.
      assertThat(total(http, search)).isZero();

      Path konfo = files.resolve("konfo-beside.jsonl");
      Files.writeString(
          konfo,
          "{\"oid\": \"1.2.246.562.13.99900000000000042\", \"nimi\": {\"fi\":"
              + " \"Kvanttiviljelyn koulutus\"}, \"kielivalinta\": [\"fi\"]}\n");
      originalOut = System.out;
      originalErr = System.err;
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int exit =
          OsaavaCommand.execute("import", "education", "--home", home.toString(), konfo.toString());
      System.setOut(originalOut);
      System.setErr(originalErr);

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
    } finally {
      start.context.close();
    }
  }

  private static long total(HttpClient http, URI uri) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).header("Accept", "application/json").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JsonMapper.shared().readTree(response.body()).path("total").asLong();
  }
}
