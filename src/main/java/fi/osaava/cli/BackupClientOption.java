package fi.osaava.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine.Option;

/** Where PostgreSQL's client programs are, for {@code backup} and {@code restore}. */
final class BackupClientOption {

  static final String PROPERTY = "osaava.backup.client-dir";

  @Option(
      names = "--client-dir",
      paramLabel = "DIR",
      description =
          "Folder holding pg_dump and pg_restore (default: osaava.backup.client-dir, else PATH"
              + " and /usr/lib/postgresql/*/bin, the newest).")
  @Nullable Path clientDir;

  /**
   * The option, else the setting as a system property or environment variable ({@code
   * OSAAVA_BACKUP_CLIENT_DIR}), read before the application boots.
   */
  @Nullable Path directory() {
    if (clientDir != null) {
      return clientDir.toAbsolutePath();
    }
    String configured = new StandardEnvironment().getProperty(PROPERTY);
    return configured == null || configured.isBlank() ? null : Path.of(configured);
  }

  /** The setting for the booted application, when the option gives it. */
  Map<String, Object> properties() {
    Map<String, Object> properties = new HashMap<>();
    if (clientDir != null) {
      properties.put(PROPERTY, clientDir.toAbsolutePath().toString());
    }
    return properties;
  }
}
