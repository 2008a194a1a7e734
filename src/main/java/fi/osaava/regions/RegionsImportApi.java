package fi.osaava.regions;

import fi.osaava.platform.ImportProgress;
import java.nio.file.Path;

/** Imports a regional classification file, for the command line and the first start. */
public interface RegionsImportApi {

  /**
   * Replaces the classification with the one in {@code file} (Statistics Finland's municipality
   * classification CSV with regions and sub-regions), all or nothing. The same file again changes
   * nothing. A file lacking more than {@link fi.osaava.platform.SnapshotShrinkGuard} accepts of the
   * current municipalities is refused unless {@code allowShrink}.
   *
   * @return the import's outcome, or empty when the file was already imported
   * @throws fi.osaava.platform.InvalidInputException naming the line and column of bad input, or
   *     the counts of a refused shrink; nothing is changed then
   */
  java.util.Optional<RegionsImported> importFile(
      Path file, boolean allowShrink, ImportProgress progress);

  /** {@link #importFile(Path, boolean, ImportProgress)} refusing implausible shrinks. */
  default java.util.Optional<RegionsImported> importFile(Path file, ImportProgress progress) {
    return importFile(file, false, progress);
  }
}
