package fi.osaava.notifications.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a saved search asks for, in the form the matcher evaluates: word stems that must all occur
 * in an item's text, and per facet the values of which the item must have at least one (facets are
 * ANDed, values within a facet ORed, as on the search page).
 *
 * <p>Words are compared by stem: lower case, accents other than the Nordic letters kept, and a word
 * of six or more letters cut by two letters (at least five kept), so that {@code ohjelmointi} finds
 * {@code ohjelmoinnin} and {@code python} finds {@code pythonin}. This is coarser than the search's
 * Finnish analysis, and an alert can therefore name an offering the search page ranks low; it never
 * misses one that contains the typed word itself.
 *
 * @param stems the stems, each at least two letters
 * @param facets facet parameter to accepted values
 */
public record SavedQuery(List<String> stems, Map<String, Set<String>> facets) {

  public SavedQuery {
    stems = List.copyOf(stems);
    Map<String, Set<String>> copy = new TreeMap<>();
    facets.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
    facets = java.util.Collections.unmodifiableMap(copy);
  }

  public static SavedQuery of(String words, Map<String, Set<String>> facets) {
    List<String> stems = new ArrayList<>();
    for (String word : words(words)) {
      String stem = stem(word);
      if (!stems.contains(stem)) {
        stems.add(stem);
      }
    }
    return new SavedQuery(stems, facets);
  }

  /** The words of a text: letters and digits, lower case, two or more characters. */
  public static List<String> words(String text) {
    String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    for (String word : lower.split("[^\\p{L}\\p{N}]+")) {
      if (word.length() >= 2) {
        words.add(word);
      }
    }
    return words;
  }

  static String stem(String word) {
    return word.length() >= 6 ? word.substring(0, Math.max(5, word.length() - 2)) : word;
  }

  /**
   * Whether an item with these words (sorted) and facet values matches. Plain loops: this runs for
   * every candidate of every new item.
   */
  public boolean matches(TreeSet<String> itemWords, Map<String, Set<String>> itemFacets) {
    for (Map.Entry<String, Set<String>> facet : facets.entrySet()) {
      Set<String> values = itemFacets.get(facet.getKey());
      if (values == null || !anyOf(facet.getValue(), values)) {
        return false;
      }
    }
    for (String stem : stems) {
      String next = itemWords.ceiling(stem);
      if (next == null || !next.startsWith(stem)) {
        return false;
      }
    }
    return true;
  }

  private static boolean anyOf(Set<String> wanted, Set<String> values) {
    for (String value : wanted) {
      if (values.contains(value)) {
        return true;
      }
    }
    return false;
  }
}
