package fi.osaava.identification.internal;

import fi.osaava.platform.Language;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Short pieces (a heading, a job title on its own line) compared with occupation and ISCO titles by
 * character n-grams, which forgive spelling and inflection that the label index would miss.
 */
final class TitleSignal {

  /** Pieces of at most this many words may be titles. */
  private static final int TITLE_WORDS = 6;

  private final Map<Language, CharNgramIndex> titles;
  private final FusionWeights weights;

  TitleSignal(Map<Language, CharNgramIndex> titles, FusionWeights weights) {
    this.titles = titles;
    this.weights = weights;
  }

  void collect(List<Piece> pieces, SignalTable signals) {
    for (Piece piece : pieces) {
      if (piece.tokens().isEmpty() || piece.tokens().size() > TITLE_WORDS) {
        continue;
      }
      String phrase = piece.tokens().stream().map(Token::word).collect(Collectors.joining(" "));
      for (Language language : Language.values()) {
        if (piece.language() != null && piece.language() != language) {
          continue;
        }
        Objects.requireNonNull(titles.get(language), language::code)
            .search(phrase, weights.titleFloor())
            .forEach(
                (c, sim) -> {
                  Signals s = signals.of(c);
                  if (sim > s.title) {
                    s.title = sim;
                    s.titleSpan = new int[] {piece.start(), piece.end()};
                  }
                });
      }
    }
  }
}
