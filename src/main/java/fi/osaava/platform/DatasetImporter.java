package fi.osaava.platform;

import java.nio.file.Path;

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
}
