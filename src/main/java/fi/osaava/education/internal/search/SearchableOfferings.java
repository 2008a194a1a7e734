package fi.osaava.education.internal.search;

import fi.osaava.education.OfferingId;
import fi.osaava.education.SearchableOffering;
import fi.osaava.platform.Language;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * An active offering's words and facet values, taken from the same getters the index is built from,
 * so that a saved search evaluated against one offering agrees with the search page's facets. The
 * start facet is left out: it is relative to the day of the search, not a property of the offering.
 */
@Component
public class SearchableOfferings {

  private final OfferingLookup lookup;
  private final RegionsApi regions;

  SearchableOfferings(OfferingLookup lookup, RegionsApi regions) {
    this.lookup = lookup;
    this.regions = regions;
  }

  public Optional<SearchableOffering> find(OfferingId id) {
    return lookup.find(id.value()).filter(OfferingDocument::active).map(this::searchable);
  }

  private SearchableOffering searchable(OfferingDocument document) {
    Map<Language, String> titles = new EnumMap<>(Language.class);
    put(titles, Language.FI, document.title("fi"));
    put(titles, Language.SV, document.title("sv"));
    put(titles, Language.EN, document.title("en"));
    String text =
        Stream.of(
                document.getAllTitles(),
                document.getNames(),
                document.description("fi"),
                document.description("sv"),
                document.description("en"))
            .filter(Objects::nonNull)
            .collect(Collectors.joining("\n"));
    Map<String, Set<String>> facets = new HashMap<>();
    facets.put(Facet.LEVEL.parameter(), optional(document.level()));
    facets.put(Facet.FIELD.parameter(), optional(document.fieldCode()));
    facets.put(
        Facet.REGION.parameter(),
        document.getOnSiteMunicipalities().stream()
            .map(m -> regions.area(AreaLevel.MUNICIPALITY, m).map(Area::regionCode).orElse(null))
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(TreeSet::new)));
    facets.put(Facet.LOCATION.parameter(), document.getLocations());
    facets.put(Facet.LANGUAGE.parameter(), document.getTeachingLanguages());
    facets.put(Facet.MODE.parameter(), document.getModes());
    facets.put(Facet.COST.parameter(), document.getCostKinds());
    facets.put(Facet.PROVIDER.parameter(), document.getProviders());
    Double extent = document.getExtent();
    facets.put(
        Facet.EXTENT.parameter(), extent == null ? Set.of() : bucket(Facet.EXTENT_BUCKETS, extent));
    Integer duration = document.durationMonths();
    facets.put(
        Facet.DURATION.parameter(),
        duration == null ? Set.of() : bucket(Facet.DURATION_BUCKETS, duration));
    return new SearchableOffering(new OfferingId(document.id()), titles, text, facets);
  }

  private static Set<String> bucket(List<Facet.Bucket> buckets, double value) {
    return buckets.stream()
        .filter(b -> value >= b.from() && (b.to() == null || value < b.to()))
        .map(Facet.Bucket::key)
        .collect(Collectors.toSet());
  }

  private static Set<String> optional(@Nullable String value) {
    return value == null ? Set.of() : Set.of(value);
  }

  private static void put(Map<Language, String> titles, Language language, @Nullable String text) {
    if (text != null && !text.isBlank()) {
      titles.put(language, text);
    }
  }
}
