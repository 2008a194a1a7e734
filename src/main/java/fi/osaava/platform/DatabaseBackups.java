package fi.osaava.platform;

import fi.osaava.platform.internal.PostgresBackups;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Backups of the service's database with PostgreSQL's own tools ({@code pg_dump}, {@code
 * pg_restore}), in the embedded and the external mode alike (docs/operations.md, "Backup and
 * restore").
 */
public interface DatabaseBackups {

  /**
   * Writes a consistent dump of the database to {@code file} in {@code pg_dump}'s custom format: to
   * a temporary file beside it first, renamed to {@code file} only once complete, so {@code file}
   * is never a half backup.
   */
  Backup backup(Path file);

  /**
   * Reads the whole of {@code file} with the newest {@code pg_restore} found, without touching any
   * database: its table of contents, that it is an Osaava database's, and every data block (which a
   * truncated file fails).
   *
   * @param clientDirectory the folder of PostgreSQL's client programs ({@code
   *     osaava.backup.client-dir}), or null to search {@code PATH} and Debian's folders
   * @throws InvalidInputException when the file is not a complete, restorable backup
   */
  static CheckedBackup check(Path file, @Nullable Path clientDirectory) {
    return PostgresBackups.check(file, clientDirectory);
  }

  /**
   * Refuses while another client (a service node) uses the database, then replaces the database's
   * contents with the backup's in one transaction and empties every search index, so that each is
   * rebuilt at the next start. A refusal or a failed restore leaves the database as it was.
   */
  Restore restore(CheckedBackup backup);

  /**
   * A file that {@link #check} read whole.
   *
   * @param file the backup
   * @param contents the entries of its table of contents, as {@code pg_restore --list} prints them
   */
  record CheckedBackup(Path file, List<String> contents) {
    public CheckedBackup {
      contents = List.copyOf(contents);
    }
  }

  /**
   * @param file the backup written
   * @param bytes its size
   * @param took how long the dump took
   * @param client the {@code pg_dump} used, with its version
   * @param server the database's server version
   */
  record Backup(Path file, long bytes, Duration took, String client, String server) {}

  /**
   * @param file the backup read
   * @param entries the objects and data sets in the backup's table of contents
   * @param took how long the restore took, the checks included
   * @param client the {@code pg_restore} used, with its version
   * @param indexesEmptied the search indexes emptied, to be rebuilt at the next start
   */
  record Restore(Path file, int entries, Duration took, String client, int indexesEmptied) {}
}
