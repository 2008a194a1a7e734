package fi.osaava.notifications.internal;

import java.util.ArrayList;
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
 * stem, else one value of its first facet, else the catch-all), and an item looks up only the
 * anchors it has: the prefixes of its words and its facet values. Only the searches found that way
 * are checked in full, so the work grows with the item's words and the matching searches, not with
 * the number of saved searches.
 *
 * @param <K> the saved search's key
 */
public final class AlertIndex<K> {

  private static final int ANCHOR_LENGTH = 5;
  private static final String ALL = "*";

  private final Map<String, List<Entry<K>>> byAnchor = new HashMap<>();

  private record Entry<K>(K key, SavedQuery query) {}

  /** An item as the matcher sees it: its words sorted, and its facet values. */
  public record Item(TreeSet<String> words, Map<String, Set<String>> facets) {

    public static Item of(String text, Map<String, Set<String>> facets) {
      return new Item(new TreeSet<>(SavedQuery.words(text)), facets);
    }
  }

  public void add(K key, SavedQuery query) {
    for (String anchor : anchors(query)) {
      byAnchor.computeIfAbsent(anchor, a -> new ArrayList<>()).add(new Entry<>(key, query));
    }
  }

  /** The searches an item matches. */
  public Set<K> matches(Item item) {
    Set<K> found = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (String anchor : anchorsOf(item)) {
      if (!seen.add(anchor)) {
        continue;
      }
      for (Entry<K> entry : byAnchor.getOrDefault(anchor, List.of())) {
        if (entry.query().matches(item.words(), item.facets())) {
          found.add(entry.key());
        }
      }
    }
    return found;
  }

  private static Collection<String> anchors(SavedQuery query) {
    if (!query.stems().isEmpty()) {
      String longest = query.stems().getFirst();
      for (String stem : query.stems()) {
        if (stem.length() > longest.length()) {
          longest = stem;
        }
      }
      return List.of("w:" + longest.substring(0, Math.min(ANCHOR_LENGTH, longest.length())));
    }
    // No words: every matching item has one of the first facet's values (facets are sorted).
    for (Map.Entry<String, Set<String>> facet : query.facets().entrySet()) {
      return facet.getValue().stream().map(v -> "f:" + facet.getKey() + "=" + v).toList();
    }
    return List.of(ALL);
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
