package fi.osaava.platform;

import static fi.osaava.platform.ServiceProcesses.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.education.OpenSearchProcess;
import fi.osaava.web.OidcTestSupport;
import fi.osaava.web.OidcTestSupport.SignedInClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short CI version of issue 20's fault run: two service nodes, each a process of its own, on
 * one database (Debian's PostgreSQL, see {@link ExternalPostgres}) with every index in one
 * OpenSearch process. A person signed in at node 2 writes work-history entries through both nodes
 * while node 1 is killed with SIGKILL mid-stream; every write that was acknowledged (201) must be
 * there afterwards, and node 2 must go on serving the same session.
 *
 * <p>The client plays the balancer: it alternates between the nodes and, like HAProxy's {@code
 * redispatch}, sends a request again to the other node only when it could not connect at all. A
 * request cut off after it was sent is not resent (the balancer does not either): it was not
 * acknowledged, so it may or may not be there, and is never counted as lost.
 *
 * <p>The long version, with HAProxy, PostgreSQL restarts and an OpenSearch outage under 5 minutes
 * of mixed load, is {@code deploy/topology fault-run} (docs/operations.md).
 */
class TwoNodeFailoverTest {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  @TempDir static Path work;

  private static ExternalPostgres.Server server;
  private static String unavailableReason;
  private static String schema;
  private static final ServiceProcesses processes = new ServiceProcesses("two-node-test");
  private static Process node1;
  private static String node1Url;
  private static String node2Url;

  @BeforeAll
  static void startOpenSearchAndTwoNodes() throws Exception {
    ExternalPostgres.Availability availability = ExternalPostgres.fromEnvironment();
    server = availability.server();
    unavailableReason = availability.reason();
    if (server == null) {
      return;
    }
    schema = ExternalPostgres.newSchema(server);
    int openSearchPort = freePort();
    Process openSearch =
        processes.launch(
            "opensearch",
            List.of(
                "-Xms256m",
                "-Xmx384m",
                "-da:org.opensearch...",
                "-Dlog4j2.provider=org.apache.logging.log4j.core.impl.Log4jProvider"),
            OpenSearchProcess.class.getName(),
            List.of(
                work.resolve("opensearch").toString(),
                Integer.toString(openSearchPort),
                Integer.toString(freePort())));
    String openSearchUrl = "http://127.0.0.1:" + openSearchPort;
    processes.awaitOk(openSearch, "opensearch", openSearchUrl + "/_cluster/health");
    int port1 = freePort();
    int port2 = freePort();
    node1Url = "http://localhost:" + port1;
    node2Url = "http://localhost:" + port2;
    // Both start together, as after a deployment: one runs the migrations and builds the shared
    // label index, the other waits for the locks.
    node1 = startNode("node1", port1, openSearchUrl);
    Process node2 = startNode("node2", port2, openSearchUrl);
    processes.awaitOk(node1, "node1", node1Url + "/actuator/health/readiness");
    processes.awaitOk(node2, "node2", node2Url + "/actuator/health/readiness");
  }

  @AfterAll
  static void stopEverything() throws SQLException, InterruptedException {
    processes.close();
    if (server != null) {
      server.drop(schema);
    }
  }

  @Test
  void aNodeKilledMidStreamLosesNoAcknowledgedWrite() throws Exception {
    Assumptions.assumeTrue(
        server != null, () -> "External PostgreSQL not available: " + unavailableReason);
    SignedInClient person = OidcTestSupport.signInAt(node2Url, "two-node-person");
    String cookie = "JSESSIONID=" + person.sessionAfterSignIn();

    // One write before the writers start, which also fetches the session's CSRF token once.
    assertThat(write(person, cookie, node2Url, 0).statusCode()).isEqualTo(201);

    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger byNode1 = new AtomicInteger();
    AtomicInteger afterKill = new AtomicInteger();
    AtomicInteger notAcknowledged = new AtomicInteger();
    Map<String, Integer> answers = new ConcurrentHashMap<>();
    AtomicBoolean killed = new AtomicBoolean();
    AtomicInteger sequence = new AtomicInteger();
    List<Throwable> problems = new java.util.concurrent.CopyOnWriteArrayList<>();
    int writers = 3;
    int perWriter = 30;
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      for (int i = 0; i < perWriter; i++) {
                        int n = sequence.incrementAndGet();
                        boolean first = (writer + i) % 2 == 0;
                        String target = first ? node1Url : node2Url;
                        HttpResponse<byte[]> response;
                        try {
                          response = write(person, cookie, target, n);
                        } catch (ConnectException refused) {
                          // The balancer's redispatch: nothing reached the dead node.
                          target = first ? node2Url : node1Url;
                          try {
                            response = write(person, cookie, target, n);
                          } catch (ConnectException alsoRefused) {
                            notAcknowledged.incrementAndGet();
                            continue;
                          }
                        } catch (IOException cutOff) {
                          notAcknowledged.incrementAndGet();
                          continue;
                        }
                        answers.merge(
                            (target.equals(node1Url) ? "node 1: " : "node 2: ")
                                + response.statusCode(),
                            1,
                            Integer::sum);
                        if (response.statusCode() == 201) {
                          Matcher m =
                              ID.matcher(new String(response.body(), StandardCharsets.UTF_8));
                          assertThat(m.find()).as("the created entry's id").isTrue();
                          acknowledged.add(m.group(1));
                          if (target.equals(node1Url)) {
                            byNode1.incrementAndGet();
                          }
                          if (killed.get()) {
                            afterKill.incrementAndGet();
                          }
                        } else {
                          notAcknowledged.incrementAndGet();
                        }
                      }
                    } catch (Throwable t) {
                      problems.add(t);
                    }
                  }));
    }
    // Kill node 1 once a third of the writes are acknowledged, while the writers are busy.
    Instant limit = Instant.now().plus(Duration.ofMinutes(1));
    while (acknowledged.size() < writers * perWriter / 3 && Instant.now().isBefore(limit)) {
      Thread.sleep(20);
    }
    killed.set(true);
    node1.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close of anything
    for (Thread t : threads) {
      t.join(Duration.ofMinutes(3));
    }
    assertThat(problems).isEmpty();
    assertThat(node1.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThat(byNode1.get())
        .as("writes acknowledged by node 1 before it died; answers: %s", answers)
        .isPositive();
    assertThat(afterKill.get()).as("writes acknowledged by node 2 after the kill").isPositive();
    assertThat(acknowledged.size() + notAcknowledged.get()).isEqualTo(writers * perWriter);

    HttpResponse<String> entries =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(node2Url + "/api/v1/profile/experiences"))
                    .header("Cookie", cookie)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(entries.statusCode()).isEqualTo(200);
    Set<String> stored = new HashSet<>();
    Matcher m = ID.matcher(entries.body());
    while (m.find()) {
      stored.add(m.group(1));
    }
    assertThat(stored)
        .as("every acknowledged write, after node 1 was killed with SIGKILL")
        .containsAll(acknowledged);
  }

  private static HttpResponse<byte[]> write(
      SignedInClient person, String cookie, String node, int n)
      throws IOException, InterruptedException {
    // No description: the test's database has no ESCO, so nothing is identified from the text;
    // the write is the entry itself.
    String body =
        """
        {"kind": "WORK", "organisation": "Two-node test", "title": "Entry %d",
         "start": "2020-01-01", "description": ""}
        """
            .formatted(n);
    return person.exchange(
        HttpRequest.newBuilder(URI.create(node + "/api/v1/profile/experiences"))
            .timeout(Duration.ofSeconds(30))
            .header("Cookie", cookie)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static Process startNode(String name, int port, String openSearchUrl) throws IOException {
    return processes.startNode(
        name,
        port,
        work.resolve(name),
        List.of(
            "-Dspring.datasource.url=" + server.urlOf(schema),
            "-Dspring.datasource.username=" + server.user(),
            "-Dspring.datasource.password=" + server.password(),
            "-Dspring.flyway.schemas=" + schema,
            "-Dspring.flyway.default-schema=" + schema,
            "-Dspring.jpa.properties.hibernate.default_schema=" + schema,
            "-Dosaava.education.search.backend=opensearch",
            "-Dosaava.education.search.opensearch.uris=" + openSearchUrl,
            "-Dosaava.taxonomy.search.backend=opensearch",
            "-Dosaava.taxonomy.search.opensearch.uris=" + openSearchUrl,
            "-Dosaava.bootstrap=false"));
  }
}
