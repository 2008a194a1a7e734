package fi.osaava.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import fi.osaava.platform.ServiceProcesses;
import fi.osaava.web.OidcTestSupport;
import fi.osaava.web.OidcTestSupport.SignedInClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17's crash test: the service is killed with SIGKILL between the change and the delivery,
 * started again on the same database, and the alert arrives exactly once.
 *
 * <p>The node is a process of its own ({@link ServiceProcesses}) on a PostgreSQL server that the
 * test owns, with mail going to a GreenMail server the test owns and webhooks to a subscriber in
 * the test. A person saves an education search, takes mail at once and subscribes a webhook to the
 * search; a matching offering is pushed through the API. The first node holds its mail (a send
 * interval of an hour) and posts the webhook, whose subscriber does not answer: the node is killed
 * while the inbox message and the pending mail are committed but not sent, and while the webhook
 * has reached the subscriber but its delivery row, locked in the attempt's transaction, was never
 * marked delivered. The second node, on the same database, sends the mail and delivers the webhook
 * again: one inbox message, one mail, and two attempts of the webhook with one {@code webhook-id},
 * both signed, so the subscriber drops the repeat by its id.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AlertDeliveryCrashTest {

  private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]+");

  @TempDir Path work;

  private final ServiceProcesses processes = new ServiceProcesses("alert-crash-test");
  private EmbeddedPostgres database;
  private GreenMail mail;
  private HttpServer subscriber;
  private final ExecutorService subscriberThreads = Executors.newCachedThreadPool();

  /** One request the subscriber took. */
  record Received(Map<String, List<String>> headers, String body) {
    String webhookId() {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase("webhook-id"))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse("");
    }
  }

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch firstAttemptArrived = new CountDownLatch(1);
  private final CountDownLatch releaseFirstAttempt = new CountDownLatch(1);

  @AfterEach
  void stop() throws Exception {
    releaseFirstAttempt.countDown();
    processes.close();
    if (subscriber != null) {
      subscriber.stop(0);
    }
    subscriberThreads.shutdownNow();
    if (mail != null) {
      mail.stop();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void anAlertPendingWhenTheNodeIsKilledArrivesOnceAfterTheRestart() throws Exception {
    long started = System.nanoTime();
    database = EmbeddedPostgres.builder().start();
    mail =
        new GreenMail(
            new ServerSetup(
                ServiceProcesses.freePort(),
                InetAddress.getLoopbackAddress().getHostAddress(),
                ServerSetup.PROTOCOL_SMTP));
    mail.start();
    startSubscriber();

    // The first node holds its mail for an hour and posts webhooks every second; its webhook
    // answer timeout is long, so that the attempt is still open when the node is killed.
    int port = ServiceProcesses.freePort();
    int providerPort = ServiceProcesses.freePort();
    String url = "http://localhost:" + port;
    Process first =
        startNode(
            "before-crash",
            port,
            providerPort,
            List.of(
                "-Dosaava.notifications.send-interval=PT1H",
                "-Dosaava.notifications.webhooks.send-interval=PT1S",
                "-Dosaava.notifications.webhooks.read-timeout=PT5M"));
    processes.awaitOk(first, "before-crash", url + "/actuator/health/readiness");

    String word = "kaatumiskurssi" + UUID.randomUUID().toString().substring(0, 6);
    String address = "crash-" + UUID.randomUUID() + "@example.fi";
    SignedInClient person = OidcTestSupport.signInAt(url, "crash-person");
    assertThat(
            person
                .postForm("/notifications/searches", Map.of("kind", "education", "q", word))
                .statusCode())
        .isEqualTo(302);
    assertThat(
            person
                .postForm(
                    "/notifications/settings", Map.of("email", address, "frequency", "IMMEDIATE"))
                .statusCode())
        .isEqualTo(302);
    String search = single("select id::text from nt_saved_search where words = '" + word + "'");
    HttpResponse<String> created =
        person.postForm(
            "/notifications/webhooks",
            Map.of(
                "savedSearch",
                search,
                "url",
                "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/hook"));
    assertThat(created.statusCode()).isEqualTo(302);
    Matcher secret =
        SECRET.matcher(
            person
                .get(
                    URI.create(created.headers().firstValue("Location").orElseThrow()).getPath()
                        + "?created")
                .body());
    assertThat(secret.find()).as("the secret shown once after the subscription is made").isTrue();

    assertThat(push(url, providerPort, word).statusCode()).isEqualTo(200);

    // The change is committed with its inbox message, pending mail and pending webhook delivery;
    // the webhook is at the subscriber, which does not answer.
    assertThat(firstAttemptArrived.await(60, TimeUnit.SECONDS))
        .as("the first webhook attempt reached the subscriber")
        .isTrue();
    assertThat(count("select count(*) from nt_inbox")).isEqualTo(1);
    assertThat(count("select count(*) from nt_outbox where sent_at is null")).isEqualTo(1);
    assertThat(count("select count(*) from nt_webhook_delivery where status = 'PENDING'"))
        .isEqualTo(1);
    assertThat(mail.getReceivedMessages()).isEmpty();

    first.destroyForcibly(); // SIGKILL: no shutdown hook, no commit, no graceful close
    assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
    releaseFirstAttempt.countDown();
    long killed = System.nanoTime();

    // The killed node held the webhook round's ShedLock lock; ShedLock frees it after
    // lockAtMostFor, at most a minute. The test stands in for that minute, and only for it.
    assertThat(
            count(
                "select count(*) from shedlock where name = 'notifications-webhooks'"
                    + " and lock_until > now() and lock_until <= now() + interval '1 minute'"))
        .as("the dead node's lock, held for at most a minute")
        .isEqualTo(1);
    execute("update shedlock set lock_until = now() where name = 'notifications-webhooks'");

    int secondProviderPort = ServiceProcesses.freePort();
    Process second =
        startNode(
            "after-restart",
            port,
            secondProviderPort,
            List.of(
                "-Dosaava.notifications.send-interval=PT1S",
                "-Dosaava.notifications.webhooks.send-interval=PT1S"));
    processes.awaitOk(second, "after-restart", url + "/actuator/health/readiness");

    awaitTrue(
        () ->
            SavedSearchSteps.mailsTo(mail, address).size() == 1
                && received.size() == 2
                && count("select count(*) from nt_webhook_delivery where status = 'DELIVERED'")
                    == 1,
        "the mail and the webhook after the restart");
    Duration deliveredAfterKill = Duration.ofNanos(System.nanoTime() - killed);
    // A few more rounds of both outboxes, which must send nothing more.
    Thread.sleep(2_000);

    assertThat(count("select count(*) from nt_inbox")).as("inbox messages").isEqualTo(1);
    assertThat(count("select count(*) from nt_outbox where sent_at is null")).isZero();
    List<MimeMessage> mails = SavedSearchSteps.mailsTo(mail, address);
    assertThat(mails).as("mails").hasSize(1);
    assertThat(mails.getFirst().getHeader("X-Osaava-Idempotency-Key")).isNotEmpty();
    assertThat(mail.getReceivedMessages()).hasSize(1);

    assertThat(received).as("webhook attempts: one cut off by the kill, one after").hasSize(2);
    assertThat(received.stream().map(Received::webhookId).distinct().toList())
        .as("webhook-ids")
        .hasSize(1)
        .allSatisfy(id -> assertThat(id).startsWith("msg_"));
    for (Received attempt : received) {
      assertThatCode(() -> new Webhook(secret.group()).verify(attempt.body(), attempt.headers()))
          .doesNotThrowAnyException();
      assertThat(attempt.body()).contains("Johdatus " + word);
    }
    assertThat(count("select count(*) from nt_webhook_delivery")).isEqualTo(1);

    SignedInClient again = OidcTestSupport.signInAt(url, "crash-person");
    assertThat(again.get("/notifications/inbox").body().split("Johdatus " + word, -1))
        .as("the inbox page names the offering once")
        .hasSize(2);
    System.out.printf(
        "AlertDeliveryCrashTest: delivered %d ms after the kill, %d s in all%n",
        deliveredAfterKill.toMillis(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  private Process startNode(String name, int port, int providerPort, List<String> settings)
      throws IOException {
    List<String> options = new ArrayList<>();
    options.add("-Dspring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"));
    options.add("-Dspring.datasource.username=postgres");
    options.add("-Dspring.datasource.password=postgres");
    options.add("-Dspring.mail.host=" + InetAddress.getLoopbackAddress().getHostAddress());
    options.add("-Dspring.mail.port=" + mail.getSmtp().getPort());
    options.add("-Dosaava.sign-in.development-provider-port=" + providerPort);
    options.add("-Dosaava.bootstrap=false");
    options.addAll(settings);
    return processes.startNode(name, port, work.resolve("home"), options);
  }

  /** A provider pushes one offering whose title holds the saved search's word. */
  private static HttpResponse<String> push(String url, int providerPort, String word)
      throws IOException, InterruptedException {
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> token =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + providerPort + "/osaava/token"))
                  .header(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString(
                                  "crash-provider:any".getBytes(StandardCharsets.UTF_8)))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "grant_type=client_credentials&scope=education.publish"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(token.statusCode()).isEqualTo(200);
      String bearer =
          JsonMapper.builder().build().readTree(token.body()).path("access_token").asString();
      return http.send(
          HttpRequest.newBuilder(URI.create(url + "/api/v1/education/offerings"))
              .header("Authorization", "Bearer " + bearer)
              .header("Content-Type", "application/ld+json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      """
                      {"@context": "https://schema.org", "@type": "Course",
                       "@id": "https://courses.example.fi/crash/%1$s",
                       "name": {"@language": "fi", "@value": "Johdatus %1$siin"},
                       "description": "Verkkokurssi.",
                       "provider": {"@type": "Organization", "name": "Testiopisto"}}
                      """
                          .formatted(word)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  /**
   * The subscriber holds its first request unanswered until the node is dead; later ones are
   * answered 204.
   */
  private void startSubscriber() throws IOException {
    subscriber = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    subscriber.setExecutor(subscriberThreads);
    subscriber.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
          if (received.size() == 1) {
            firstAttemptArrived.countDown();
            try {
              releaseFirstAttempt.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          try {
            exchange.sendResponseHeaders(204, -1);
          } catch (IOException connectionGone) {
            // the node that asked is dead
          }
          exchange.close();
        });
    subscriber.start();
  }

  private void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    Instant limit = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as(what).isBefore(limit);
      Thread.sleep(100);
    }
  }

  private long count(String sql) {
    return Long.parseLong(single(sql));
  }

  private String single(String sql) {
    try (Connection connection = database.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      assertThat(result.next()).as(sql).isTrue();
      return result.getString(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private void execute(String sql) throws java.sql.SQLException {
    try (Connection connection = database.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
