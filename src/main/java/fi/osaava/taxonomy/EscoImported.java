package fi.osaava.taxonomy;

/** Published after an ESCO import committed changes, so derived indexes can rebuild. */
public record EscoImported(String version, long importId) {

  /** ESCO's name in {@link fi.osaava.platform.DataChanged}. */
  public static final String DATASET = "esco";
}
