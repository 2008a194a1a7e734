package fi.osaava.labourmarket;

import fi.osaava.platform.ImportProgress;
import java.io.InputStream;
import java.nio.file.Path;

/** The labour-market module's importers, for the command line and the push API. */
public interface LabourMarketImports {

  /**
   * Imports the statistics series, the occupation indicators and the region boundaries from the
   * reference-data directory, all or nothing; running it again replaces them with the same rows.
   *
   * @throws fi.osaava.platform.InvalidInputException naming file, line and field on bad input
   */
  StatisticsImportReport importStatistics(Path referenceData, ImportProgress progress);

  /**
   * Ingests schema.org JobPosting JSON-LD (one object per line, or one JSON array), in
   * transactional batches. Ads whose identifier is already stored are left alone, so an interrupted
   * run can simply be repeated.
   *
   * @param source names the input in error messages
   * @throws fi.osaava.platform.InvalidInputException naming source, line and field of a bad ad;
   *     batches before it stay stored
   */
  JobAdIngestReport ingestJobAds(InputStream json, String source, ImportProgress progress);

  /**
   * Writes {@code count} synthetic JobPosting ads as JSON lines, deterministic for a seed, each
   * marked synthetic.
   */
  void generateJobAds(int count, long seed, java.io.Writer out);
}
