package fi.osaava.identification.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits the skill fusion's weights to annotated sentences: a pairwise logistic loss (RankNet) over
 * every (gold, other) pair of candidates of the same sentence, so the weights are learnt for
 * ranking, with an L2 pull towards the hand-set weights, because the development sets are tiny. The
 * bias does not change a ranking; it is fitted afterwards, pointwise, so that the confidence stays
 * a probability-like number for the threshold.
 */
final class FusionTraining {

  /** The candidates of one sentence: their features and whether each is gold. */
  record Query(List<float[]> features, List<Boolean> gold) {}

  private final double regularization;
  private final int iterations;
  private final double learningRate;

  FusionTraining(double regularization, int iterations, double learningRate) {
    this.regularization = regularization;
    this.iterations = iterations;
    this.learningRate = learningRate;
  }

  /** Weights that rank gold candidates above the others, starting from {@code start}. */
  float[] fitWeights(List<Query> queries, float[] start) {
    int d = start.length;
    double[] w = new double[d];
    for (int i = 0; i < d; i++) {
      w[i] = start[i];
    }
    List<double[]> differences = new ArrayList<>();
    for (Query q : queries) {
      for (int p = 0; p < q.features().size(); p++) {
        if (!q.gold().get(p)) {
          continue;
        }
        for (int n = 0; n < q.features().size(); n++) {
          if (q.gold().get(n)) {
            continue;
          }
          double[] diff = new double[d];
          for (int i = 0; i < d; i++) {
            diff[i] = q.features().get(p)[i] - q.features().get(n)[i];
          }
          differences.add(diff);
        }
      }
    }
    if (differences.isEmpty()) {
      return start.clone();
    }
    for (int it = 0; it < iterations; it++) {
      double[] gradient = new double[d];
      for (double[] diff : differences) {
        double margin = 0;
        for (int i = 0; i < d; i++) {
          margin += w[i] * diff[i];
        }
        // d/dw log(1 + exp(-margin)) = -sigmoid(-margin) * diff
        double g = -1 / (1 + Math.exp(margin));
        for (int i = 0; i < d; i++) {
          gradient[i] += g * diff[i] / differences.size();
        }
      }
      for (int i = 0; i < d; i++) {
        gradient[i] += 2 * regularization * (w[i] - start[i]);
        w[i] -= learningRate * gradient[i];
      }
    }
    float[] result = new float[d];
    for (int i = 0; i < d; i++) {
      result[i] = (float) w[i];
    }
    return result;
  }

  /** The bias that makes sigmoid(bias + w·f) fit gold/not gold best (log loss), by bisection. */
  static float fitBias(List<Query> queries, float[] w) {
    double low = -15;
    double high = 15;
    for (int it = 0; it < 60; it++) {
      double mid = (low + high) / 2;
      double gradient = 0;
      for (Query q : queries) {
        for (int i = 0; i < q.features().size(); i++) {
          double z = mid;
          for (int k = 0; k < w.length; k++) {
            z += w[k] * q.features().get(i)[k];
          }
          double p = 1 / (1 + Math.exp(-z));
          gradient += p - (q.gold().get(i) ? 1 : 0);
        }
      }
      if (gradient > 0) {
        high = mid;
      } else {
        low = mid;
      }
    }
    return (float) ((low + high) / 2);
  }

  /** Candidates of a query reordered by {@code w}, best first, as indexes. */
  static int[] rank(Query q, float[] w) {
    Integer[] order = new Integer[q.features().size()];
    double[] scores = new double[order.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
      for (int k = 0; k < w.length; k++) {
        scores[i] += w[k] * q.features().get(i)[k];
      }
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }
}
