package fi.osaava.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

/**
 * What the {@code search} health component reads from an OpenSearch cluster, against a local HTTP
 * server standing in for the cluster: its colour, or why it is unreachable, never after more than
 * the timeout. (The component on a real node: EducationSearchOpenSearchTest.)
 */
class SearchHealthIndicatorTest {

  @Test
  void readsTheClusterColour() throws IOException {
    for (String colour : new String[] {"green", "yellow", "red"}) {
      HttpServer server = answering(200, "{\"cluster_name\":\"x\",\"status\":\"" + colour + "\"}");
      try (RestClient client = client(server.getAddress().getPort())) {
        assertThat(SearchHealthIndicator.clusterStatus(client)).isEqualTo(colour);
      } finally {
        server.stop(0);
      }
    }
  }

  @Test
  void aClusterThatAnswersAnErrorOrNothingIsUnreachable() throws IOException {
    HttpServer failing = answering(503, "{\"error\":\"not ready\"}");
    try (RestClient client = client(failing.getAddress().getPort())) {
      assertThat(SearchHealthIndicator.clusterStatus(client)).startsWith("unreachable: ");
    } finally {
      failing.stop(0);
    }
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    try (RestClient client = client(closed)) {
      assertThat(SearchHealthIndicator.clusterStatus(client)).startsWith("unreachable: ");
    }
  }

  @Test
  void aClusterThatHangsIsUnreachableWithinTheTimeout() throws IOException {
    CountDownLatch release = new CountDownLatch(1);
    HttpServer hanging = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hanging.createContext(
        "/",
        exchange -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    hanging.start();
    try (RestClient client = client(hanging.getAddress().getPort())) {
      long started = System.nanoTime();
      assertThat(SearchHealthIndicator.clusterStatus(client))
          .startsWith("unreachable: no answer within");
      assertThat((System.nanoTime() - started) / 1_000_000)
          .isLessThan(SearchHealthIndicator.TIMEOUT_MILLIS + 3000);
    } finally {
      release.countDown();
      hanging.stop(0);
    }
  }

  private static HttpServer answering(int status, String body) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/_cluster/health",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static RestClient client(int port) {
    return RestClient.builder(new HttpHost("127.0.0.1", port, "http")).build();
  }
}
