package fi.osaava.labourmarket.internal.importer;

import fi.osaava.labourmarket.StatisticsImportReport;
import fi.osaava.platform.DatasetImporter;
import fi.osaava.platform.ImportProgress;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Plugs the statistics import into the first-start bootstrap, after ESCO and the regional
 * classification, whose ISCO groups and area codes it matches names to.
 */
@Component
class StatisticsDatasetImporter implements DatasetImporter {

  private final StatisticsImporter importer;

  StatisticsDatasetImporter(StatisticsImporter importer) {
    this.importer = importer;
  }

  @Override
  public String name() {
    return "labour-market";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public boolean isImported() {
    return importer.isImported();
  }

  @Override
  public boolean hasInput(Path referenceData) {
    return StatisticsImporter.hasInput(referenceData);
  }

  @Override
  public void importFrom(Path referenceData, ImportProgress progress) {
    StatisticsImportReport report = importer.importFrom(referenceData, progress);
    progress.report("Labour-market statistics: " + report.rows());
    report
        .unmatched()
        .forEach((file, names) -> progress.report("unmatched in " + file + ": " + names));
  }
}
