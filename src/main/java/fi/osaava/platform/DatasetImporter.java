package fi.osaava.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A module's importer of one published dataset, run by the first-start bootstrap. Modules
 * contribute one bean per dataset; the bootstrap runs them in {@link #order()} and skips those
 * whose data is already there, so a restart imports nothing twice.
 */
public interface DatasetImporter {

  /** Short name shown in progress output, for example {@code esco}. */
  String name();

  /** Lower runs first; importers that depend on the taxonomy use a higher order. */
  int order();

  /** Whether this dataset is already in the database, so the bootstrap need not run. */
  boolean isImported();

  /**
   * Whether the reference-data directory holds this importer's input. When it does not, the
   * bootstrap reports the dataset as missing instead of failing the start.
   */
  boolean hasInput(Path referenceData);

  /** Imports everything this importer knows from the reference-data directory, all or nothing. */
  void importFrom(Path referenceData, ImportProgress progress);

  /**
   * The file in {@code folder} whose whole name matches {@code pattern} and sorts last, for inputs
   * named by year or date ({@code municipalities-2026.csv}); null when there is none or no folder.
   */
  static @Nullable Path newestFile(Path folder, String pattern) {
    if (!Files.isDirectory(folder)) {
      return null;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.getFileName().toString().matches(pattern))
          .max(Comparator.comparing(f -> f.getFileName().toString()))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }
}
