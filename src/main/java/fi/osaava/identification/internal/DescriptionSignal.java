package fi.osaava.identification.internal;

import fi.osaava.platform.Language;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The text's words, per language, against the skill descriptions of that language; the best match
 * counts 1 and the others relative to it.
 */
final class DescriptionSignal {

  /** Description matches kept per text. */
  private static final int DESCRIPTION_CANDIDATES = 40;

  /** Words shown as the evidence of a description match. */
  private static final int EVIDENCE_WORDS = 3;

  private final Map<Language, DescriptionIndex> descriptions;

  DescriptionSignal(Map<Language, DescriptionIndex> descriptions) {
    this.descriptions = descriptions;
  }

  /**
   * @param embedded whether the text's English has embeddings, which then stand in for its
   *     description matches
   */
  void collect(List<Piece> pieces, boolean embedded, SignalTable signals) {
    for (Map.Entry<Language, List<Token>> e : describedBy(pieces, embedded).entrySet()) {
      DescriptionIndex index = descriptions.get(e.getKey());
      if (index == null) {
        continue;
      }
      List<float[]> hits = index.search(e.getValue(), DESCRIPTION_CANDIDATES);
      if (hits.isEmpty()) {
        continue;
      }
      float best = hits.getFirst()[1];
      List<int[]> evidence = strongestWords(index, e.getValue(), EVIDENCE_WORDS);
      for (float[] hit : hits) {
        Signals s = signals.of((int) hit[0]);
        s.desc = hit[1] / best;
        s.descSpans = evidence;
      }
    }
  }

  /**
   * The words to look up per description language. A language without descriptions of its own
   * (Swedish, Norwegian) reads the English ones through its gloss.
   */
  private Map<Language, List<Token>> describedBy(List<Piece> pieces, boolean embedded) {
    Map<Language, List<Token>> byLanguage = new EnumMap<>(Language.class);
    List<Token> glossed = new ArrayList<>();
    for (Piece piece : pieces) {
      if (!piece.tokens().isEmpty() && piece.language() != null) {
        byLanguage.computeIfAbsent(piece.language(), k -> new ArrayList<>()).addAll(piece.tokens());
      }
      if (piece.language() != null && !descriptions.containsKey(piece.language())) {
        glossed.addAll(piece.gloss());
      }
    }
    if (embedded) {
      // English text has its embeddings; its words go to the descriptions only without them.
      byLanguage.remove(Language.EN);
    }
    if (!glossed.isEmpty()) {
      byLanguage.merge(
          Language.EN,
          glossed,
          (own, gloss) -> Stream.concat(own.stream(), gloss.stream()).toList());
    }
    return byLanguage;
  }

  private static List<int[]> strongestWords(DescriptionIndex index, List<Token> tokens, int n) {
    List<Token> sorted = new ArrayList<>(tokens);
    sorted.sort(Comparator.comparingDouble((Token t) -> index.weight(t.word())).reversed());
    List<int[]> spans = new ArrayList<>(n);
    Set<String> seen = new HashSet<>();
    for (Token token : sorted) {
      if (spans.size() >= n || index.weight(token.word()) <= 0) {
        break;
      }
      if (seen.add(token.word())) {
        spans.add(new int[] {token.start(), token.end()});
      }
    }
    return spans;
  }
}
