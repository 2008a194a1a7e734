package fi.osaava.notifications.internal;

import fi.osaava.platform.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A search to save as a person sends it from a search page, or as an API client sends it with a
 * webhook subscription: its kind, its words and the facets that kind keeps, checked the same way
 * for both, each refusal naming its field. Facets the kind does not keep are dropped, as a search
 * page's other parameters are.
 *
 * @param kind one of {@link SavedSearches#FACETS_BY_KIND}'s kinds
 * @param words the words, stripped
 * @param facets the kept facets' non-blank values, each stripped
 */
public record SearchToSave(String kind, String words, Map<String, Set<String>> facets) {

  /** Values per facet at most. */
  static final int MAX_VALUES = 50;

  /** Characters per value at most. */
  static final int MAX_VALUE_LENGTH = 200;

  /** Characters of words at most. */
  static final int MAX_WORDS = 500;

  /**
   * @param source what the refusals name as the input (such as {@code form} or {@code request
   *     body})
   * @param kind the kind as sent, or null
   * @param words the words as sent, or null
   * @param values a facet's values as sent, or null when it was not sent
   */
  public static SearchToSave of(
      String source,
      @Nullable String kind,
      @Nullable String words,
      Function<String, @Nullable List<String>> values) {
    String checkedKind = Objects.requireNonNullElse(kind, "");
    List<String> kindFacets = SavedSearches.FACETS_BY_KIND.get(checkedKind);
    if (kindFacets == null) {
      throw new InvalidInputException(
          source, 0, "kind", "must be education, service, opportunity or goal");
    }
    String stripped = Objects.requireNonNullElse(words, "").strip();
    if (stripped.length() > MAX_WORDS) {
      throw new InvalidInputException(
          source, 0, "q", "must be at most " + MAX_WORDS + " characters");
    }
    Map<String, Set<String>> facets = new LinkedHashMap<>();
    for (String facet : kindFacets) {
      List<String> sent = values.apply(facet);
      if (sent == null) {
        continue;
      }
      Set<String> kept = new LinkedHashSet<>();
      for (String value : sent) {
        if (value == null || value.isBlank()) {
          continue;
        }
        if (value.length() > MAX_VALUE_LENGTH || kept.size() >= MAX_VALUES) {
          throw new InvalidInputException(
              source,
              0,
              facet,
              "at most " + MAX_VALUES + " values of at most " + MAX_VALUE_LENGTH + " characters");
        }
        kept.add(value.strip());
      }
      if (!kept.isEmpty()) {
        facets.put(facet, kept);
      }
    }
    return new SearchToSave(checkedKind, stripped, facets);
  }
}
