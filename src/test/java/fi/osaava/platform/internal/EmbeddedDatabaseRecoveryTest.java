package fi.osaava.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The durable embedded database must come back after the ways a service dies: the JVM killed with
 * its PostgreSQL left running, both killed at once (as in a power cut, recovered from the WAL), and
 * a {@code postmaster.pid} naming a process that is gone or is not this cluster's postgres. Every
 * recovery must keep committed data and lose uncommitted data.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedDatabaseRecoveryTest {

  private static final Duration CHILD_START_LIMIT = Duration.ofSeconds(90);

  @TempDir Path home;

  private final List<Process> processes = new ArrayList<>();

  @BeforeAll
  static void quietServerOutput() {
    // Without Spring, logback logs everything at DEBUG; zonky echoes every server line at INFO.
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
  }

  @AfterEach
  void killWhatTheTestStarted() throws IOException {
    processes.forEach(Process::destroyForcibly);
    // A failed test may leave a postgres behind; stop it so it does not outlive the test run.
    EmbeddedDatabase.recoverFromCrash(home.resolve("postgres"));
  }

  @Test
  void postgresLeftRunningByAKilledJvmIsStoppedAndCommittedDataSurvives() throws Exception {
    Process child = startChild();
    ProcessHandle postmaster = postmaster();

    // While the child lives it owns the home: a second service is refused, a client attaches.
    assertThatThrownBy(() -> EmbeddedDatabase.start(home, false, null, false))
        .hasMessageContaining("Another Osaava process");
    try (EmbeddedDatabase attached = EmbeddedDatabase.start(home, false, null, true)) {
      assertThat(probeRows(attached)).containsExactly(1);
    }

    child.destroyForcibly().waitFor();
    assertThat(postmaster.isAlive()).as("postgres outlives its killed JVM").isTrue();

    try (EmbeddedDatabase database = EmbeddedDatabase.start(home, false, null, false)) {
      assertThat(postmaster.isAlive()).as("the orphaned postgres was stopped").isFalse();
      assertThat(probeRows(database)).containsExactly(1);
      assertThat(setting(database, "fsync")).isEqualTo("on");
      assertThat(setting(database, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(database, "full_page_writes")).isEqualTo("on");
    }
  }

  @Test
  void killingTheJvmAndPostgresTogetherIsRecoveredFromTheWal() throws Exception {
    Process child = startChild();
    ProcessHandle postmaster = postmaster();

    child.destroyForcibly().waitFor();
    postmaster.destroyForcibly();
    postmaster.onExit().get(30, TimeUnit.SECONDS);
    assertThat(home.resolve("postgres/postmaster.pid")).exists();

    try (EmbeddedDatabase database = EmbeddedDatabase.start(home, false, null, false)) {
      assertThat(probeRows(database)).containsExactly(1);
      assertThat(postmaster().pid()).isNotEqualTo(postmaster.pid());
    }
  }

  @Test
  void orphanStillServingAnAttachedClientIsStoppedPromptly() throws Exception {
    Process child = startChild();
    ProcessHandle postmaster = postmaster();
    // A client such as 'osaava status' may still be connected when the service's JVM dies; a
    // shutdown that waits for clients to leave would wait for it.
    try (Connection client =
        DriverManager.getConnection(
            jdbcUrlOfRunningCluster(),
            EmbeddedDatabase.USER,
            EmbeddedDatabasePassword.read(home))) {
      client.setAutoCommit(false);
      client.createStatement().execute("select * from crash_probe for update");
      child.destroyForcibly().waitFor();

      long started = System.nanoTime();
      try (EmbeddedDatabase database = EmbeddedDatabase.start(home, false, null, false)) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(postmaster.isAlive()).isFalse();
        assertThat(probeRows(database)).containsExactly(1);
      }
      assertThat(client.isValid(2)).as("the orphan's sessions were ended").isFalse();
    }
  }

  @Test
  void firstStartInterruptedDuringInitdbIsRedoneFromScratch() throws Exception {
    // What a JVM killed during initdb leaves: a half-made cluster in the staging folder.
    Path staging = Files.createDirectories(home.resolve("postgres.init"));
    Files.writeString(staging.resolve("PG_VERSION"), "17\n");
    Files.writeString(staging.resolve("postgresql.conf"), "");

    createProbeAndStop();

    assertThat(staging).doesNotExist();
    assertThat(home.resolve("postgres/global/pg_control")).exists();
  }

  @Test
  void incompleteClusterIsRefusedWithoutTouchingIt() throws Exception {
    Path data = Files.createDirectories(home.resolve("postgres"));
    Files.writeString(data.resolve("PG_VERSION"), "17\n");
    Files.writeString(data.resolve("postgresql.conf"), "");

    long started = System.nanoTime();
    assertThatThrownBy(() -> EmbeddedDatabase.start(home, false, null, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(data.toString())
        .hasMessageContaining("global/pg_control");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    try (var files = Files.list(data)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("PG_VERSION", "postgresql.conf");
    }
  }

  @Test
  void failedStartQuotesThePostgresLog() throws Exception {
    createProbeAndStop();
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      // Hang up on every caller, so the readiness probe fails at once instead of waiting on us.
      Thread.ofVirtual().start(() -> hangUpOnCallers(taken));
      assertThatThrownBy(
              () ->
                  EmbeddedDatabase.start(
                      home, false, taken.getLocalPort(), false, Duration.ofSeconds(3)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(home.resolve("postgres.log").toString())
          .hasMessageContaining("could not bind");
    }
    // The failed start must not leave the home locked or a server behind.
    try (EmbeddedDatabase database = EmbeddedDatabase.start(home, false, null, false)) {
      assertThat(probeRows(database)).containsExactly(1);
    }
  }

  @Test
  void stalePidFileOfAProcessThatIsGoneIsRemoved() throws Exception {
    createProbeAndStop();
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    writePidFile(gone.pid());

    try (EmbeddedDatabase database = EmbeddedDatabase.start(home, false, null, false)) {
      assertThat(probeRows(database)).containsExactly(1);
    }
  }

  @Test
  void pidFileNamingAnUnrelatedLiveProcessIsStaleAndThatProcessIsLeftAlone() throws Exception {
    createProbeAndStop();
    // After a reboot the old postmaster's PID may belong to anything; postgres would refuse to
    // start while that process lives, and it must not be killed either.
    Process unrelated = new ProcessBuilder("sleep", "300").start();
    processes.add(unrelated);
    writePidFile(unrelated.pid());

    try (EmbeddedDatabase database = EmbeddedDatabase.start(home, false, null, false)) {
      assertThat(probeRows(database)).containsExactly(1);
    }
    assertThat(unrelated.isAlive()).isTrue();
  }

  @Test
  void durableModeKeepsDataAcrossACleanRestart() throws Exception {
    createProbeAndStop();
    try (EmbeddedDatabase database = EmbeddedDatabase.start(home, false, null, false)) {
      assertThat(probeRows(database)).containsExactly(1);
      assertThat(database.dataDirectory()).isEqualTo(home.resolve("postgres"));
    }
    assertThat(home.resolve("postgres/postmaster.pid")).doesNotExist();
  }

  private void createProbeAndStop() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(home, false, null, false);
        Connection connection = connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("create table crash_probe (id int primary key, note text)");
      statement.execute("insert into crash_probe values (1, 'committed')");
    }
  }

  /** A {@code postmaster.pid} as PostgreSQL writes it, naming {@code pid} as the postmaster. */
  private void writePidFile(long pid) throws IOException {
    Path data = home.resolve("postgres");
    Files.writeString(
        data.resolve("postmaster.pid"),
        String.join(
            "\n",
            Long.toString(pid),
            data.toString(),
            Long.toString(System.currentTimeMillis() / 1000),
            "54329",
            "/tmp",
            "localhost",
            "  5432001    196608",
            "ready   ",
            ""),
        StandardCharsets.US_ASCII);
  }

  @Test
  void gracefulStopIsQuietAndLeavesNothingRunning() throws Exception {
    Process child = startChild(EmbeddedDatabaseCrashChild.CLOSE_ON_EXIT);
    ProcessHandle postmaster = postmaster();

    child.destroy(); // SIGTERM, as for a service stopped with Ctrl-C or by its supervisor
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exited").isTrue();

    assertThat(postmaster.isAlive()).isFalse();
    assertThat(home.resolve("postgres/postmaster.pid")).doesNotExist();
    String output = Files.readString(home.resolve("child.log"));
    assertThat(output.lines().filter(line -> line.matches(".*\\b(WARN|ERROR)\\b.*")))
        .as("warnings or errors at a graceful stop in:%n%s", output)
        .isEmpty();
  }

  private Process startChild(String... arguments) throws Exception {
    Path log = home.resolve("child.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                classPath,
                "-XX:TieredStopAtLevel=1",
                EmbeddedDatabaseCrashChild.class.getName(),
                home.toString(),
                String.join(" ", arguments))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    processes.add(child);
    long deadline = System.nanoTime() + CHILD_START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)
          && Files.readString(log)
              .contains(EmbeddedDatabaseCrashChild.READY + System.lineSeparator())) {
        return child;
      }
      if (!child.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("The child JVM did not get ready:\n" + Files.readString(log));
  }

  private static void hangUpOnCallers(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        socket.accept().close();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private String jdbcUrlOfRunningCluster() throws IOException {
    List<String> lines = Files.readAllLines(home.resolve("postgres/postmaster.pid"));
    return "jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres";
  }

  private ProcessHandle postmaster() throws IOException {
    Path pidFile = home.resolve("postgres/postmaster.pid");
    long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
    return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
  }

  private static List<Integer> probeRows(EmbeddedDatabase database) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select id from crash_probe order by id")) {
      while (result.next()) {
        ids.add(result.getInt(1));
      }
    }
    return ids;
  }

  static Connection connect(EmbeddedDatabase database) throws SQLException {
    return DriverManager.getConnection(
        database.jdbcUrl(), EmbeddedDatabase.USER, database.password());
  }

  private static String setting(EmbeddedDatabase database, String name) throws SQLException {
    try (Connection connection = connect(database);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("show " + name)) {
      result.next();
      return result.getString(1);
    }
  }
}
