package fi.osaava.platform.internal;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code osaava.*}.
 *
 * @param home where the service keeps its state (embedded database, indexes); default {@code
 *     ./data}
 * @param dataDir published reference data to import; default {@code ../shared/data} when that
 *     exists
 * @param bootstrap whether to import missing datasets at start-up
 * @param embeddedDatabase settings of the embedded PostgreSQL used when no {@code
 *     spring.datasource.url} is given
 */
@ConfigurationProperties("osaava")
record OsaavaProperties(
    Path home, @Nullable Path dataDir, Boolean bootstrap, EmbeddedDatabase embeddedDatabase) {

  // The nested record's own compact constructor puts its defaults in place of these nulls (as
  // TextProperties does for Voikko).
  @SuppressWarnings("NullAway")
  OsaavaProperties {
    if (home == null) {
      home = Path.of("data");
    }
    if (bootstrap == null) {
      bootstrap = Boolean.TRUE;
    }
    if (embeddedDatabase == null) {
      embeddedDatabase = new EmbeddedDatabase(null, null, null, null);
    }
  }

  /**
   * @param ephemeral a throw-away cluster in a temporary folder with fsync off, for tests
   * @param port fixed port, or random when absent
   * @param attach when another Osaava process runs the cluster, connect to it instead of failing
   * @param restartDelay how long the supervisor waits before restarting a postmaster that died
   *     (default 1 s), doubled after each failed restart up to 30 s
   */
  record EmbeddedDatabase(
      Boolean ephemeral, @Nullable Integer port, Boolean attach, Duration restartDelay) {
    EmbeddedDatabase {
      if (ephemeral == null) {
        ephemeral = Boolean.FALSE;
      }
      if (restartDelay == null) {
        restartDelay = fi.osaava.platform.internal.EmbeddedDatabase.DEFAULT_RESTART_DELAY;
      }
      if (attach == null) {
        attach = Boolean.FALSE;
      }
    }
  }
}
