package fi.osaava.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Service nodes (and other JVMs) started as processes of their own on the tests' class path, the
 * test configuration included, for the tests that must kill one with SIGKILL: no shutdown hook, no
 * graceful close of anything, which a Spring context in the test's own JVM cannot show. Each
 * process writes its output to {@code target/<folder>/<name>.log}, so that a failed run's logs stay
 * to be read. Closing stops every process still running.
 */
public final class ServiceProcesses implements AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofMinutes(4);

  private final String folder;
  private final List<Process> processes = new ArrayList<>();

  /**
   * @param folder the folder under {@code target/} for the processes' logs
   */
  public ServiceProcesses(String folder) {
    this.folder = folder;
  }

  /**
   * A service node ({@code osaava start}) on {@code port} with its home in {@code home}; {@code
   * options} are JVM options, typically {@code -Dspring.datasource.*} and settings, which outrank
   * the test configuration.
   */
  public Process startNode(String name, int port, Path home, List<String> options)
      throws IOException {
    Files.createDirectories(home);
    List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"));
    jvm.addAll(options);
    return launch(
        name,
        jvm,
        "fi.osaava.cli.OsaavaCommand",
        List.of("start", "--port", Integer.toString(port), "--home", home.toString()));
  }

  /** A JVM on the tests' class path (the test configuration included), its output in a file. */
  public Process launch(
      String name, List<String> jvmOptions, String mainClass, List<String> arguments)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:auto");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logOf(name).toFile())
            .start();
    synchronized (processes) {
      processes.add(process);
    }
    return process;
  }

  /** Waits until {@code url} answers 200; fails with the log's tail if the process exits first. */
  public void awaitOk(Process process, String name, String url) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant limit = Instant.now().plus(READY_WITHIN);
    while (Instant.now().isBefore(limit)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited during start-up: " + tail(name));
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        name + " was not ready within " + READY_WITHIN + ": " + tail(name));
  }

  /** The last 3,000 characters of a process's log. */
  public String tail(String name) throws IOException {
    String log = Files.readString(logOf(name));
    return log.substring(Math.max(0, log.length() - 3000));
  }

  private Path logOf(String name) throws IOException {
    return Files.createDirectories(Path.of("target", folder)).resolve(name + ".log");
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Asks every process still running to stop, and kills those that have not within 30 s. */
  @Override
  public void close() throws InterruptedException {
    List<Process> all;
    synchronized (processes) {
      all = List.copyOf(processes);
    }
    for (Process p : all) {
      p.destroy();
    }
    for (Process p : all) {
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }
}
