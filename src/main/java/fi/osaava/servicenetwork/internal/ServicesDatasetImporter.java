package fi.osaava.servicenetwork.internal;

import fi.osaava.platform.DatasetImporter;
import fi.osaava.platform.ImportProgress;
import fi.osaava.servicenetwork.ServiceDirectory;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds the directory at the first start with the national catalogue's general service descriptions
 * ({@code <data-dir>/services/ptv-general-descriptions-*.json}): real, public reference data like
 * the regions and ESCO, shown as general descriptions, not as any provider's service.
 */
@Component
class ServicesDatasetImporter implements DatasetImporter {

  static final String FILE_PREFIX = "ptv-general-descriptions-";

  private final ServiceDirectory directory;
  private final JdbcClient jdbc;

  ServicesDatasetImporter(ServiceDirectory directory, JdbcClient jdbc) {
    this.directory = directory;
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "services";
  }

  /** After the regions (the directory's areas), independent of ESCO and education. */
  @Override
  public int order() {
    return 30;
  }

  @Override
  public boolean isImported() {
    return jdbc.sql("select exists (select 1 from services_service where source = 'ptv')")
        .query(Boolean.class)
        .single();
  }

  @Override
  public boolean hasInput(Path referenceData) {
    return file(referenceData) != null;
  }

  @Override
  public void importFrom(Path referenceData, ImportProgress progress) {
    directory.importGeneralDescriptions(
        Objects.requireNonNull(file(referenceData), "no services file"), false, progress);
  }

  /** The newest snapshot in the folder, by the year in its name. */
  static @Nullable Path file(Path referenceData) {
    return DatasetImporter.newestFile(
        referenceData.resolve("services"), Pattern.quote(FILE_PREFIX) + ".*\\.json");
  }
}
