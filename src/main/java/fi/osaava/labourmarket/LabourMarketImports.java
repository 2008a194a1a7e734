package fi.osaava.labourmarket;

import fi.osaava.platform.ImportProgress;
import java.io.InputStream;
import java.nio.file.Path;

/** The labour-market module's importers, for the command line and the push API. */
public interface LabourMarketImports {

  /**
   * Imports the statistics series, the occupation indicators and the region boundaries from the
   * reference-data directory, all or nothing; running it again replaces them with the same rows. A
   * file with implausibly fewer rows than the previous import had from it ({@link
   * fi.osaava.platform.SnapshotShrinkGuard}) refuses the import unless {@code allowShrink}.
   *
   * @throws fi.osaava.platform.InvalidInputException naming file, line and field on bad input, or
   *     the file and counts of a refused shrink; nothing is changed then
   */
  StatisticsImportReport importStatistics(
      Path referenceData, boolean allowShrink, ImportProgress progress);

  /** {@link #importStatistics(Path, boolean, ImportProgress)} refusing implausible shrinks. */
  default StatisticsImportReport importStatistics(Path referenceData, ImportProgress progress) {
    return importStatistics(referenceData, false, progress);
  }

  /**
   * Ingests schema.org JobPosting JSON-LD (one object per line, or one JSON array) in one
   * transaction: all of the input or nothing. Ads whose identifier is already stored are left
   * alone, so an input can simply be sent again.
   *
   * @param source names the input in error messages
   * @throws fi.osaava.platform.InvalidInputException naming source, line and field of the first bad
   *     ad; nothing of the input is stored then
   */
  JobAdIngestReport ingestJobAds(InputStream json, String source, ImportProgress progress);

  /**
   * Writes {@code count} synthetic JobPosting ads as JSON lines, deterministic for a seed, each
   * marked synthetic.
   */
  void generateJobAds(int count, long seed, java.io.Writer out);
}
