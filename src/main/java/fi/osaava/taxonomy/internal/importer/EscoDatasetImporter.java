package fi.osaava.taxonomy.internal.importer;

import fi.osaava.platform.DatasetImporter;
import fi.osaava.platform.ImportProgress;
import fi.osaava.taxonomy.EscoImportOptions;
import fi.osaava.taxonomy.EscoImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Plugs the ESCO import into the first-start bootstrap: imports every ESCO package under {@code
 * <data-dir>/esco/<version>/} (the newest version when there are several) unless one is already
 * imported.
 */
@Component
class EscoDatasetImporter implements DatasetImporter {

  private final EscoImporter importer;
  private final JdbcClient jdbc;

  EscoDatasetImporter(EscoImporter importer, JdbcClient jdbc) {
    this.importer = importer;
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "esco";
  }

  @Override
  public int order() {
    return 0;
  }

  @Override
  public boolean isImported() {
    return jdbc.sql("select exists (select 1 from taxonomy_import)").query(Boolean.class).single();
  }

  @Override
  public boolean hasInput(Path referenceData) {
    return newestRelease(referenceData) != null;
  }

  @Override
  public void importFrom(Path referenceData, ImportProgress progress) {
    Path release = newestRelease(referenceData);
    EscoImportReport report =
        importer.importEsco(List.of(release), EscoImportOptions.defaults(), progress);
    progress.report(
        String.format(
            "ESCO %s: %d concepts, %d labels, %d relations",
            report.version(), report.concepts(), report.labels(), report.relations()));
    report.warnings().forEach(w -> progress.report("warning: " + w));
  }

  /** {@code <data>/esco/v1.1.1} style folders; the highest version wins. */
  static @Nullable Path newestRelease(Path referenceData) {
    Path esco = referenceData.resolve("esco");
    if (!Files.isDirectory(esco)) {
      return null;
    }
    try (Stream<Path> children = Files.list(esco)) {
      return children
          .filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches("[vV]?\\d+(\\.\\d+){0,3}"))
          .max(
              (a, b) ->
                  EscoImporter.compareVersions(
                      a.getFileName().toString().replaceFirst("^[vV]", ""),
                      b.getFileName().toString().replaceFirst("^[vV]", "")))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }
}
