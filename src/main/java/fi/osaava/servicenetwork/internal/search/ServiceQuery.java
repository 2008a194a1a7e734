package fi.osaava.servicenetwork.internal.search;

import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * A search of the service directory: words (any language) and the chosen facet values, values of
 * one facet or-ed, facets and-ed; without words, listed by name in {@code language}.
 */
public record ServiceQuery(
    String text, Map<ServiceFacet, Set<String>> filters, Paging paging, Language language) {

  public ServiceQuery {
    text = text == null ? "" : text.strip();
    Map<ServiceFacet, Set<String>> copy = new EnumMap<>(ServiceFacet.class);
    filters.forEach((facet, values) -> copy.put(facet, Set.copyOf(values)));
    filters = copy;
  }

  public Set<String> selected(ServiceFacet facet) {
    return filters.getOrDefault(facet, Set.of());
  }
}
