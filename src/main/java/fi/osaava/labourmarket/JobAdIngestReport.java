package fi.osaava.labourmarket;

/**
 * What one job-ad ingestion did.
 *
 * @param read ads read from the input
 * @param added new ads stored and counted in the demand figures
 * @param duplicates new ads stored as reposts of an earlier ad (near-duplicates), not counted again
 * @param unchanged ads whose identifier was already ingested, left as they were
 * @param withOccupation new ads that got an occupation
 * @param withMunicipality new ads located in a municipality
 */
public record JobAdIngestReport(
    int read,
    int added,
    int duplicates,
    int unchanged,
    int withOccupation,
    int withMunicipality,
    long millis) {

  public double adsPerSecond() {
    return millis == 0 ? 0 : read * 1000.0 / millis;
  }

  /** The job ads' name in {@link fi.osaava.platform.DataChanged}. */
  public static final String DATASET = "job-ads";
}
