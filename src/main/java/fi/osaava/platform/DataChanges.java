package fi.osaava.platform;

/**
 * Records that an imported dataset changed, in the importing transaction, so that every running
 * service refreshes its in-memory copies of it ({@link DataChanged}). Through the database only: no
 * node needs to know another, and a change made while a service was down is simply read from the
 * tables at its start.
 */
public interface DataChanges {

  /**
   * Counts up the dataset's version in the caller's transaction; after the commit this process
   * hears {@link DataChanged} at once and every running service within its poll interval.
   */
  void record(String dataset);
}
