package fi.osaava.education.internal.search;

import fi.osaava.platform.LocalizedText;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One page of education search results with facet counts.
 *
 * @param facets facet → values with counts, in display order; counts are over the whole filtered
 *     result
 * @param openNow how many of the results have an application period open now
 * @param didYouMean a corrected query when some words are unknown to the catalogue, else null
 * @param relatedVia empty when the hits match the words; else nothing matched them, and the hits
 *     teach the skills of these occupations and skills, which the words were understood as
 * @param tookMillis server-side time of the search, facets included
 */
public record EducationSearchResult(
    long total,
    int page,
    int size,
    List<Hit> hits,
    Map<Facet, List<FacetCount>> facets,
    long openNow,
    @Nullable String didYouMean,
    List<LocalizedText> relatedVia,
    double tookMillis) {

  public EducationSearchResult {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
    relatedVia = List.copyOf(relatedVia);
  }

  /** Whether the hits were found through what the words are about rather than the words. */
  public boolean related() {
    return !relatedVia.isEmpty();
  }

  EducationSearchResult withDidYouMean(@Nullable String suggestion, double millis) {
    return new EducationSearchResult(
        total, page, size, hits, facets, openNow, suggestion, relatedVia, millis);
  }

  public int totalPages() {
    return (int) Math.min((total + size - 1) / size, EducationQuery.MAX_RESULT_WINDOW / size);
  }

  /**
   * One hit.
   *
   * @param titles title by language code (fi, sv, en), where the source has one
   * @param highlights snippets with the matched words in {@code <mark>}, HTML-escaped otherwise
   * @param skills labels of the ESCO skills it teaches most strongly, in the reader's language
   *     where ESCO has one
   */
  public record Hit(
      UUID id,
      Map<String, String> titles,
      String level,
      String field,
      List<String> locations,
      List<String> languages,
      List<String> providers,
      Double extent,
      boolean synthetic,
      List<String> highlights,
      List<String> skills) {

    public Hit {
      skills = List.copyOf(skills);
      titles = Map.copyOf(titles);
      locations = List.copyOf(locations);
      languages = List.copyOf(languages);
      providers = List.copyOf(providers);
      highlights = List.copyOf(highlights);
    }
  }

  /** One value of a facet with the number of results that have it. */
  public record FacetCount(String value, long count, boolean selected) {}
}
