package fi.osaava.servicenetwork;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The service search for other modules: which services a search of {@code /services} finds, for
 * alerting on saved service searches (notifications). A search is given as the page's parameters:
 * the words ({@code q}) and the chosen values of each facet parameter in {@link #FACETS}.
 */
public interface ServiceSearches {

  /** The search page's facet parameters, in the order of its filters. */
  List<String> FACETS = List.of("type", "area", "language", "situation");

  /**
   * A search as the page takes it.
   *
   * @param words the typed words, empty for facet choices only
   * @param facets facet parameter to chosen values; a parameter not in {@link #FACETS} makes a
   *     search that finds nothing
   */
  record Criteria(String words, Map<String, Set<String>> facets) {

    public Criteria {
      words = words == null ? "" : words;
      facets = Map.copyOf(facets);
    }
  }

  /**
   * Which of these services each search finds among the active ones: the search page's own query
   * (the same fi/sv/en analysis, facets ANDed and values within a facet ORed), limited to them. The
   * services are indexed on this node first, so a service committed a moment ago is found.
   *
   * @param searches the searches by the caller's key
   * @return for each key whose search finds any of the services, the ones found
   * @throws IllegalStateException in a command-line process, which does not hold the services index
   *     (a listener that calls this there leaves its event to the service)
   */
  <K> Map<K, Set<UUID>> matching(Map<K, Criteria> searches, Collection<UUID> services);
}
