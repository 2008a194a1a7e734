package fi.osaava.regions;

/**
 * Published after a regional classification was imported and committed.
 *
 * @param year the classification year stated in the file, or 0 when it does not say
 * @param municipalities how many municipalities it has
 */
public record RegionsImported(int year, int municipalities) {

  /** The classification's name in {@link fi.osaava.platform.DataChanged}. */
  public static final String DATASET = "regions";
}
