package fi.osaava.regions.internal;

import fi.osaava.platform.DatasetImporter;
import fi.osaava.platform.ImportProgress;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Plugs the regional classification into the first-start bootstrap: the newest {@code
 * <data-dir>/regions/municipalities-YYYY.csv}, before every dataset that names places.
 */
@Component
class RegionsDatasetImporter implements DatasetImporter {

  private final RegionsService regions;

  RegionsDatasetImporter(RegionsService regions) {
    this.regions = regions;
  }

  @Override
  public String name() {
    return "regions";
  }

  @Override
  public int order() {
    return -10;
  }

  @Override
  public boolean isImported() {
    return regions.isImported();
  }

  @Override
  public boolean hasInput(Path referenceData) {
    return newestFile(referenceData) != null;
  }

  @Override
  public void importFrom(Path referenceData, ImportProgress progress) {
    // Called only after hasInput found the file.
    regions.importFile(
        Objects.requireNonNull(newestFile(referenceData), "no municipalities file"), progress);
  }

  /** The classification file with the highest year in its name, or null when there is none. */
  static @Nullable Path newestFile(Path referenceData) {
    return DatasetImporter.newestFile(
        referenceData.resolve("regions"), "municipalities-\\d{4}\\.csv");
  }
}
