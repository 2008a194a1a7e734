package fi.osaava.identification.internal;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.LabelKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Label matches: each sentence against the labels of its language (and, as a secondary language,
 * English), then each sentence's English gloss against the English skill labels.
 */
final class LexicalSignal {

  /** English labels matched through a gloss count this much of a direct match. */
  private static final float GLOSS_LEXICAL = 0.75f;

  private final EscoSnapshot esco;
  private final Map<Language, LabelIndex> labels;
  private final FusionWeights weights;

  LexicalSignal(EscoSnapshot esco, Map<Language, LabelIndex> labels, FusionWeights weights) {
    this.esco = esco;
    this.labels = labels;
    this.weights = weights;
  }

  void collect(List<Piece> pieces, SignalTable signals) {
    for (Piece piece : pieces) {
      if (!piece.tokens().isEmpty()) {
        matchLabels(piece, signals);
      }
    }
    for (Piece piece : pieces) {
      if (!piece.gloss().isEmpty()) {
        matchGloss(piece, signals);
      }
    }
  }

  private void matchLabels(Piece piece, SignalTable signals) {
    for (Language language : Language.values()) {
      boolean primary = piece.language() == null || piece.language() == language;
      boolean secondary = !primary && language == Language.EN;
      if (!primary && !secondary) {
        continue;
      }
      LabelIndex index = Objects.requireNonNull(labels.get(language), language::code);
      for (LabelIndex.LabelHit hit : index.match(piece.tokens(), secondary)) {
        if (language == Language.EN
            && esco.types[hit.concept()] != ConceptType.SKILL
            && !hit.light()) {
          // The stemmer makes "project management" a "project manager"; titles need the word.
          continue;
        }
        float score = hitScore(hit, index.kind(hit.label()));
        Signals s = signals.of(hit.concept());
        if (score > s.lex + 1e-6) {
          s.lex = score;
          s.literal = hit.literal() && hit.complete();
          s.lexSpans.clear();
        }
        if (score >= s.lex - 1e-6 && s.lexSpans.size() < 4) {
          for (int[] span : spans(piece.tokens(), hit.tokens())) {
            // Variants of one label (and several labels) often point at the same words.
            if (s.lexSpans.stream().noneMatch(o -> o[0] == span[0] && o[1] == span[1])) {
              s.lexSpans.add(span);
            }
          }
        }
      }
    }
  }

  private void matchGloss(Piece piece, SignalTable signals) {
    LabelIndex english = Objects.requireNonNull(labels.get(Language.EN), "en");
    for (LabelIndex.LabelHit hit : english.match(piece.gloss(), false)) {
      if (esco.types[hit.concept()] != ConceptType.SKILL) {
        continue;
      }
      float score = GLOSS_LEXICAL * hitScore(hit, english.kind(hit.label()));
      Signals s = signals.of(hit.concept());
      if (score > s.lex + 1e-6) {
        s.lex = score;
        s.literal = false;
        s.lexSpans.clear();
        s.lexSpans.addAll(spans(piece.gloss(), hit.tokens()));
      }
    }
  }

  /**
   * A label hit's strength: the share of the label's weight found (squared, so half a label counts
   * a quarter), whether its words are close, whether all were found, the kind of label, and how
   * specific the matched words are.
   */
  private float hitScore(LabelIndex.LabelHit hit, LabelKind kind) {
    float kindWeight =
        switch (kind) {
          case PREFERRED -> 1f;
          case ALTERNATIVE -> 0.95f;
          case HIDDEN -> 0.85f;
        };
    float specificity = Math.min(1f, hit.covered() / weights.specificIdf());
    return hit.coverage()
        * hit.coverage()
        * hit.proximity()
        * kindWeight
        * (hit.complete() ? 1f : weights.partial())
        * (hit.partOfWord() ? weights.partOfWord() : 1f)
        * (0.5f + 0.5f * specificity);
  }

  /** The matched tokens as text offsets, neighbouring tokens joined into one span. */
  private static List<int[]> spans(List<Token> tokens, int[] indexes) {
    List<int[]> spans = new ArrayList<>(indexes.length);
    int[] current = null;
    int last = -2;
    for (int i : indexes) {
      Token token = tokens.get(i);
      if (current != null && i == last + 1) {
        current[1] = token.end();
      } else {
        current = new int[] {token.start(), token.end()};
        spans.add(current);
      }
      last = i;
    }
    return spans;
  }
}
