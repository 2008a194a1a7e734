package fi.osaava.servicenetwork.internal;

import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import fi.osaava.servicenetwork.ServiceSearches;
import fi.osaava.servicenetwork.internal.search.ServiceFacet;
import fi.osaava.servicenetwork.internal.search.ServiceIndexer;
import fi.osaava.servicenetwork.internal.search.ServiceQuery;
import fi.osaava.servicenetwork.internal.search.ServiceSearch;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;
import org.springframework.web.context.WebApplicationContext;

/** {@link ServiceSearches} on the search page's own query. */
@Service
class ServiceSearchesService implements ServiceSearches {

  private final ServiceSearch search;
  private final ServiceIndexer indexer;
  private final boolean service;

  ServiceSearchesService(ServiceSearch search, ServiceIndexer indexer, ApplicationContext context) {
    this.search = search;
    this.indexer = indexer;
    this.service = context instanceof WebApplicationContext;
  }

  @Override
  public <K> Map<K, Set<UUID>> matching(Map<K, Criteria> searches, Collection<UUID> services) {
    if (!service) {
      throw new IllegalStateException(
          "The services index is the service's: a command-line process cannot search it");
    }
    if (searches.isEmpty() || services.isEmpty()) {
      return Map.of();
    }
    // The writer indexes after its commit, and a listener of its event may run before that ends.
    indexer.reindex(services);
    Map<K, Set<UUID>> found = new LinkedHashMap<>();
    searches.forEach(
        (key, criteria) ->
            query(criteria)
                .map(query -> search.matching(query, services))
                .filter(matched -> !matched.isEmpty())
                .ifPresent(matched -> found.put(key, matched)));
    return found;
  }

  private static Optional<ServiceQuery> query(Criteria criteria) {
    Map<ServiceFacet, Set<String>> filters = new EnumMap<>(ServiceFacet.class);
    for (Map.Entry<String, Set<String>> facet : criteria.facets().entrySet()) {
      Optional<ServiceFacet> known = ServiceFacet.byParameter(facet.getKey());
      if (known.isEmpty()) {
        // Ignoring a filter would widen the search; a search the page cannot run finds nothing.
        return Optional.empty();
      }
      if (!facet.getValue().isEmpty()) {
        filters.put(known.get(), facet.getValue());
      }
    }
    return Optional.of(new ServiceQuery(criteria.words(), filters, new Paging(0, 1), Language.FI));
  }
}
