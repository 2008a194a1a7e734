package fi.osaava.servicenetwork;

import fi.osaava.platform.Language;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Published in the transaction that added, changed or retired services in the directory (an import,
 * a provider's push, an organisation editor's page), naming each one with its names, so that
 * modules publishing changes (the open-data change feed) need not read the directory's tables.
 * Records sent again unchanged are not in it.
 *
 * @param changes each service that changed in this commit, once
 */
public record ServicesChanged(List<Change> changes) {

  public ServicesChanged {
    changes = List.copyOf(changes);
  }

  /** What happened to a service. */
  public enum Kind {
    ADDED,
    UPDATED,
    /**
     * No longer offered: gone from the catalogue's snapshot, or withdrawn by an editor of its
     * organisation (who may restore it, which is {@link #UPDATED}).
     */
    RETIRED
  }

  /**
   * @param service the service's id, as in {@code /api/v1/services/{id}}
   * @param names its name in the languages the record gives
   */
  public record Change(UUID service, Kind kind, Map<Language, String> names) {

    public Change {
      names = Map.copyOf(names);
    }
  }
}
