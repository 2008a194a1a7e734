package fi.osaava.education;

/**
 * Published after offerings were added, changed or deactivated, so that modules holding derived
 * data (matching indexes) can refresh.
 *
 * @param changedOfferings how many offerings changed in this commit
 */
public record CatalogueChanged(long changedOfferings) {

  /** The catalogue's name in {@link fi.osaava.platform.DataChanged}. */
  public static final String DATASET = "education";
}
