package fi.osaava.identification.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The signals of one text by concept. The signals fill it in a fixed order and the ranker iterates
 * it; that order decides between candidates of equal score, so it must not change.
 */
final class SignalTable {

  private final Map<Integer, Signals> byConcept = new HashMap<>();

  /** The concept's signals, created empty at its first mention. */
  Signals of(int concept) {
    return byConcept.computeIfAbsent(concept, k -> new Signals());
  }

  /** The concept's signals, or null when no signal mentioned it. */
  @Nullable Signals get(int concept) {
    return byConcept.get(concept);
  }

  Set<Map.Entry<Integer, Signals>> entries() {
    return byConcept.entrySet();
  }
}
