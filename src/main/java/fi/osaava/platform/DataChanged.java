package fi.osaava.platform;

/**
 * A dataset in the database changed, as {@link DataChanges#record} recorded it: published in every
 * running process after the change commits, so that whatever a module keeps in memory from the
 * dataset is refreshed. Heard at once in the process that made the change and within the poll
 * interval ({@code osaava.data-changes.poll-interval}, 5 s) in every running service, also when an
 * import beside it or another node of the service made it.
 *
 * @param dataset the dataset's name, a constant of the module that owns it (for example {@code
 *     fi.osaava.regions.RegionsImported#DATASET})
 * @param elsewhere whether another process made the change; then the in-process events that
 *     followed the import (index rebuilds and the like) were heard only there
 */
public record DataChanged(String dataset, boolean elsewhere) {

  /** Whether this is about the named dataset. */
  public boolean concerns(String name) {
    return dataset.equals(name);
  }
}
