package fi.osaava.notifications.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Saved searches indexed for evaluating new items against them ("reverse search"): each search is
 * filed under one anchor that any matching item must have (the first five letters of its longest
 * stem, else the values of one of its facets, else the catch-all), and an item looks up only the
 * anchors it has: the prefixes of its words and its facet values. Only the searches found that way
 * are checked in full (a search of one facet and no words not even that: its anchor proves it), so
 * the work grows with the item's words and the matching searches, not with the number of saved
 * searches.
 *
 * @param <K> the saved search's key
 */
public final class AlertIndex<K> {

  private static final int ANCHOR_LENGTH = 5;
  private static final String ALL = "*";

  private final Map<String, List<Entry<K>>> byAnchor = new HashMap<>();
  private final List<String> anchorFacets;
  private int searches;

  /**
   * A search filed under one of its anchors.
   *
   * @param number the search's number, the same under each of its anchors
   * @param certain whether an item found under the anchor matches without a check: a search of no
   *     words and at most one facet, whose anchors are that facet's values
   */
  private record Entry<K>(K key, SavedQuery query, int number, boolean certain) {}

  /** An item as the matcher sees it: its words sorted, and its facet values. */
  public record Item(TreeSet<String> words, Map<String, Set<String>> facets) {

    public static Item of(String text, Map<String, Set<String>> facets) {
      return new Item(new TreeSet<>(SavedQuery.words(text)), facets);
    }
  }

  /** An index that files a search without words under its first facet in alphabetical order. */
  public AlertIndex() {
    this(List.of());
  }

  /**
   * An index that files a search without words under the first of {@code anchorFacets} it has, else
   * its first facet in alphabetical order: the facets whose values are the rarest among the items
   * go first, so that an item's lookup finds few searches that then fail their check.
   */
  public AlertIndex(List<String> anchorFacets) {
    this.anchorFacets = List.copyOf(anchorFacets);
  }

  public void add(K key, SavedQuery query) {
    int number = searches++;
    boolean certain = query.stems().isEmpty() && query.facets().size() <= 1;
    for (String anchor : anchors(query)) {
      byAnchor
          .computeIfAbsent(anchor, a -> new ArrayList<>())
          .add(new Entry<>(key, query, number, certain));
    }
  }

  /**
   * The searches an item matches, each once. A search filed under several anchors that the item has
   * is checked once: a bit per search marks those already seen.
   */
  public List<K> matches(Item item) {
    List<K> found = new ArrayList<>();
    BitSet seen = new BitSet(searches);
    Set<String> anchorsSeen = new HashSet<>();
    for (String anchor : anchorsOf(item)) {
      if (!anchorsSeen.add(anchor)) {
        continue;
      }
      for (Entry<K> entry : byAnchor.getOrDefault(anchor, List.of())) {
        if (seen.get(entry.number())) {
          continue;
        }
        seen.set(entry.number());
        if (entry.certain() || entry.query().matches(item.words(), item.facets())) {
          found.add(entry.key());
        }
      }
    }
    return found;
  }

  private Collection<String> anchors(SavedQuery query) {
    if (!query.stems().isEmpty()) {
      String longest = query.stems().getFirst();
      for (String stem : query.stems()) {
        if (stem.length() > longest.length()) {
          longest = stem;
        }
      }
      return List.of("w:" + longest.substring(0, Math.min(ANCHOR_LENGTH, longest.length())));
    }
    // No words: every matching item has one of the chosen facet's values.
    for (String facet : anchorFacets) {
      Set<String> values = query.facets().get(facet);
      if (values != null) {
        return facetAnchors(facet, values);
      }
    }
    for (Map.Entry<String, Set<String>> facet : query.facets().entrySet()) {
      return facetAnchors(facet.getKey(), facet.getValue());
    }
    return List.of(ALL);
  }

  private static List<String> facetAnchors(String facet, Set<String> values) {
    return values.stream().map(v -> "f:" + facet + "=" + v).toList();
  }

  private static List<String> anchorsOf(Item item) {
    List<String> anchors = new ArrayList<>();
    anchors.add(ALL);
    for (String word : item.words()) {
      for (int length = 2; length <= Math.min(ANCHOR_LENGTH, word.length()); length++) {
        anchors.add("w:" + word.substring(0, length));
      }
    }
    item.facets()
        .forEach((facet, values) -> values.forEach(v -> anchors.add("f:" + facet + "=" + v)));
    return anchors;
  }
}
