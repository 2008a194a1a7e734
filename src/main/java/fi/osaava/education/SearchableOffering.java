package fi.osaava.education;

import fi.osaava.platform.Language;
import java.util.Map;
import java.util.Set;

/**
 * One active offering as the education search sees it, for evaluating saved searches against a new
 * offering without running them as queries.
 *
 * @param id the offering
 * @param titles its title by language (at least one of fi, sv, en)
 * @param text its titles, other names and descriptions in every language, for word matching
 * @param facets the values it has for each search facet, keyed by the facet's request parameter
 *     ({@code level}, {@code field}, {@code region}, {@code location}, {@code language}, {@code
 *     mode}, {@code cost}, {@code provider}, {@code extent}, {@code duration}), the same values the
 *     search page offers
 */
public record SearchableOffering(
    OfferingId id, Map<Language, String> titles, String text, Map<String, Set<String>> facets) {

  public SearchableOffering {
    titles = Map.copyOf(titles);
    facets = Map.copyOf(facets);
  }
}
