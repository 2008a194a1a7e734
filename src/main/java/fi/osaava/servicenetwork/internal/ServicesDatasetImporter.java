package fi.osaava.servicenetwork.internal;

import fi.osaava.platform.DatasetImporter;
import fi.osaava.platform.ImportProgress;
import fi.osaava.servicenetwork.ServiceDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;
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
  private final JdbcTemplate jdbc;

  ServicesDatasetImporter(ServiceDirectory directory, JdbcTemplate jdbc) {
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
    Integer count =
        jdbc.queryForObject(
            "select count(*) from services_service where source = 'ptv'", Integer.class);
    return count != null && count > 0;
  }

  @Override
  public boolean hasInput(Path referenceData) {
    return file(referenceData) != null;
  }

  @Override
  public void importFrom(Path referenceData, ImportProgress progress) {
    directory.importGeneralDescriptions(file(referenceData), false, progress);
  }

  /** The newest snapshot in the folder, by the year in its name. */
  static Path file(Path referenceData) {
    Path folder = referenceData.resolve("services");
    if (!Files.isDirectory(folder)) {
      return null;
    }
    try (var files = Files.list(folder)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(FILE_PREFIX))
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .max(java.util.Comparator.comparing(f -> f.getFileName().toString()))
          .orElse(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
