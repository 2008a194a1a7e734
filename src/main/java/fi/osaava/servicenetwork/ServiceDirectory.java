package fi.osaava.servicenetwork;

import fi.osaava.platform.ImportProgress;
import java.nio.file.Path;

/** Imports into the service directory, for the command line and the first-start bootstrap. */
public interface ServiceDirectory {

  /** The directory's name in {@link fi.osaava.platform.DataChanged}. */
  String DATASET = "services";

  /**
   * Imports the national service catalogue's general service descriptions in the format its
   * data-import tooling exports (a JSON array of {@code Id}, {@code Name}, {@code ServiceClass},
   * ...). The file is a snapshot: descriptions no longer in it are retired, which the {@link
   * fi.osaava.platform.SnapshotShrinkGuard} refuses beyond its limit unless {@code allowShrink}.
   * All or nothing.
   *
   * @throws fi.osaava.platform.InvalidInputException naming the file, line and field of the first
   *     malformed record; nothing is changed then
   */
  ServiceImportReport importGeneralDescriptions(
      Path file, boolean allowShrink, ImportProgress progress);

  /**
   * Imports providers' services in the documented JSON format ({@code docs/services.md}), upserted
   * by organisation and the provider's own id; nothing is retired. All or nothing.
   *
   * @throws fi.osaava.platform.InvalidInputException naming the file, line and field of the first
   *     malformed record; nothing is changed then
   */
  ServiceImportReport importServices(Path file, ImportProgress progress);
}
