package fi.osaava.education.internal.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The words of the active catalogue (titles, alternative names, descriptions) with their counts,
 * for "did you mean": a query word the catalogue never uses is replaced by the most frequent
 * catalogue word within the typo distance. Rebuilt after every index change.
 */
@Component
class Vocabulary {

  private static final int MIN_FREQUENCY = 2;

  private final JdbcClient jdbc;
  private volatile @Nullable Map<String, Integer> counts;

  Vocabulary(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void invalidate() {
    counts = null;
  }

  /** Whether the catalogue uses {@code word}, in any case, as it is written. */
  boolean knows(String word) {
    return counts().containsKey(fold(word));
  }

  /** The query with unknown words corrected, or null when nothing needed correcting. */
  @Nullable String suggest(List<String> words) {
    if (words.isEmpty()) {
      return null;
    }
    Map<String, Integer> vocabulary = counts();
    List<String> corrected = new ArrayList<>(words.size());
    boolean changed = false;
    for (String word : words) {
      String folded = fold(word);
      if (vocabulary.containsKey(folded) || QueryWords.allowedEdits(word) == 0) {
        corrected.add(word);
        continue;
      }
      String best = null;
      int bestDistance = Integer.MAX_VALUE;
      int bestCount = 0;
      int allowed = QueryWords.allowedEdits(word);
      for (Map.Entry<String, Integer> entry : vocabulary.entrySet()) {
        String candidate = entry.getKey();
        if (entry.getValue() < MIN_FREQUENCY
            || Math.abs(candidate.length() - folded.length()) > allowed) {
          continue;
        }
        int distance = distance(folded, candidate, allowed);
        if (distance <= allowed
            && (distance < bestDistance
                || (distance == bestDistance && entry.getValue() > bestCount))) {
          best = candidate;
          bestDistance = distance;
          bestCount = entry.getValue();
        }
      }
      if (best != null) {
        corrected.add(best);
        changed = true;
      } else {
        corrected.add(word);
      }
    }
    return changed ? String.join(" ", corrected) : null;
  }

  private Map<String, Integer> counts() {
    Map<String, Integer> current = counts;
    if (current == null) {
      synchronized (this) {
        current = counts;
        if (current == null) {
          current = load();
          counts = current;
        }
      }
    }
    return current;
  }

  private Map<String, Integer> load() {
    Map<String, Integer> words = new HashMap<>();
    jdbc.sql(
            "select concat_ws(' ', title_fi, title_sv, title_en, alternative_names, description_fi,"
                + " description_sv, description_en) from education_offering where active and not"
                + " synthetic")
        .query(
            rs -> {
              for (String word : QueryWords.of(rs.getString(1))) {
                if (word.length() >= 3 && word.chars().allMatch(Character::isLetter)) {
                  words.merge(fold(word), 1, Integer::sum);
                }
              }
            });
    return Map.copyOf(words);
  }

  static String fold(String word) {
    return Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
  }

  /**
   * Levenshtein distance, giving up (returning {@code limit + 1}) once it exceeds {@code limit}.
   */
  static int distance(String a, String b, int limit) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
