package fi.osaava.platform.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL cluster run by the service itself. It keeps its files under {@code <home>/postgres}
 * with durable settings (fsync and synchronous commit on), and recovers from a crash of a previous
 * run: a postgres left behind by a killed JVM is stopped, and a stale {@code postmaster.pid} is
 * removed. A lock file keeps two Osaava processes off the same cluster.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  static final String USER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Duration STALE_SHUTDOWN_WAIT = Duration.ofSeconds(30);

  private final EmbeddedPostgres postgres;
  private final String jdbcUrl;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Path ephemeralDirectory;
  private final Path dataDirectory;

  private EmbeddedDatabase(
      EmbeddedPostgres postgres,
      FileChannel lockChannel,
      FileLock lock,
      Path dataDirectory,
      Path ephemeralDirectory,
      String jdbcUrl) {
    this.postgres = postgres;
    this.jdbcUrl = jdbcUrl;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.dataDirectory = dataDirectory;
    this.ephemeralDirectory = ephemeralDirectory;
  }

  /**
   * Starts the cluster under {@code home}, or, when {@code ephemeral}, in a temporary folder that
   * is deleted on close and runs without fsync (tests only).
   */
  static EmbeddedDatabase start(Path home, boolean ephemeral, Integer port, boolean attach) {
    Path ephemeralDirectory = null;
    FileChannel channel = null;
    FileLock lock = null;
    try {
      Path dataDirectory;
      if (ephemeral) {
        ephemeralDirectory = Files.createTempDirectory("osaava-pg-");
        dataDirectory = ephemeralDirectory.resolve("postgres");
      } else {
        Files.createDirectories(home);
        dataDirectory = home.resolve("postgres");
        channel =
            FileChannel.open(
                home.resolve("osaava.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        lock = channel.tryLock();
        if (lock == null) {
          channel.close();
          if (attach) {
            return attachToRunning(dataDirectory);
          }
          throw new IllegalStateException(
              "Another Osaava process is using " + home + "; stop it or choose another --home");
        }
        recoverFromCrash(dataDirectory);
      }
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("fsync", ephemeral ? "off" : "on")
              .setServerConfig("synchronous_commit", ephemeral ? "off" : "on")
              .setServerConfig("full_page_writes", ephemeral ? "off" : "on")
              .setServerConfig("max_connections", "50");
      if (port != null) {
        builder.setPort(port);
      }
      long started = System.nanoTime();
      EmbeddedPostgres postgres = builder.start();
      log.info(
          "Embedded PostgreSQL started on port {} with data in {} ({} ms{})",
          postgres.getPort(),
          dataDirectory,
          (System.nanoTime() - started) / 1_000_000,
          ephemeral ? ", ephemeral, fsync off" : ", fsync on");
      return new EmbeddedDatabase(
          postgres,
          channel,
          lock,
          dataDirectory,
          ephemeralDirectory,
          postgres.getJdbcUrl(USER, "postgres"));
    } catch (IOException e) {
      releaseQuietly(lock, channel);
      deleteQuietly(ephemeralDirectory);
      throw new IllegalStateException(
          "Embedded PostgreSQL could not start under " + home + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      releaseQuietly(lock, channel);
      deleteQuietly(ephemeralDirectory);
      throw e;
    }
  }

  /**
   * Another Osaava process runs the cluster: connect to it as a client (for {@code status} and
   * imports while the service runs). {@code postmaster.pid} holds the port on its fourth line.
   */
  private static EmbeddedDatabase attachToRunning(Path dataDirectory) throws IOException {
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
        "jdbc:postgresql://localhost:" + port + "/postgres?user=" + USER);
  }

  /**
   * We hold the home's lock, so no live Osaava owns this cluster. A {@code postmaster.pid} whose
   * process still runs is therefore a postgres orphaned by a killed JVM: stop it. One whose process
   * is gone is stale: remove it, so that the start does not wait for a server that never comes.
   */
  static void recoverFromCrash(Path dataDirectory) throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<Long> pid = readPid(pidFile);
    Optional<ProcessHandle> process =
        pid.flatMap(ProcessHandle::of).filter(EmbeddedDatabase::isPostgres);
    if (process.isPresent()) {
      ProcessHandle orphan = process.get();
      log.warn(
          "A PostgreSQL (pid {}) left by an earlier run still holds {}; stopping it",
          orphan.pid(),
          dataDirectory);
      orphan.destroy();
      try {
        orphan.onExit().get(STALE_SHUTDOWN_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception timeout) {
        log.warn("PostgreSQL pid {} did not stop in time; killing it", orphan.pid());
        orphan.destroyForcibly();
        orphan.onExit().join();
      }
    } else {
      log.warn("Removing stale {} left by a crashed run (pid {})", pidFile, pid.orElse(null));
    }
    Files.deleteIfExists(pidFile);
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

  private static boolean isPostgres(ProcessHandle process) {
    return process.isAlive()
        && process.info().command().map(c -> c.contains("postgres")).orElse(true);
  }

  public String jdbcUrl() {
    return jdbcUrl;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public void close() throws IOException {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } finally {
      releaseQuietly(lock, lockChannel);
      deleteQuietly(ephemeralDirectory);
    }
  }

  private static void releaseQuietly(FileLock lock, FileChannel channel) {
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

  private static void deleteQuietly(Path directory) {
    if (directory == null || !Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("Could not delete {}", directory, e);
    }
  }
}
