package fi.osaava.identification.internal;

import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** The nearest concepts to each embedded sentence (or gloss) in the semantic index. */
final class SemanticSignal {

  /** Semantic neighbours kept per sentence; further ones would not make the top anyway. */
  private static final int SEMANTIC_PER_SENTENCE = 60;

  /**
   * One text's embeddings.
   *
   * @param index the semantic index, or null when semantics are off or not yet loaded
   * @param vectors the embeddings of the pieces, computed while the other signals run
   * @param pieces the piece each vector belongs to, by position
   */
  record Query(@Nullable SemanticIndex index, Supplier<float[][]> vectors, List<Integer> pieces) {}

  private final FusionWeights weights;

  SemanticSignal(FusionWeights weights) {
    this.weights = weights;
  }

  void collect(List<Piece> pieces, Query query, SignalTable signals) {
    float[][] vectors = query.pieces().isEmpty() ? new float[0][] : query.vectors().get();
    SemanticIndex index = query.index();
    if (index == null || vectors.length == 0) {
      return;
    }
    for (int k = 0; k < vectors.length; k++) {
      Piece piece = pieces.get(query.pieces().get(k));
      SemanticIndex.Neighbours neighbours = index.nearest(vectors[k]);
      float[] scores = neighbours.scores();
      for (int r : Engine.topIndexes(scores, SEMANTIC_PER_SENTENCE)) {
        float value = clamp01((scores[r] - weights.semanticFloor()) / weights.semanticRange());
        if (value <= 0) {
          continue;
        }
        Signals s = signals.of(neighbours.concepts()[r]);
        if (value > s.sem) {
          s.sem = value;
          s.semSpan = new int[] {piece.start(), piece.end()};
        }
      }
    }
  }

  private static float clamp01(float x) {
    return Math.max(0f, Math.min(1f, x));
  }
}
