package fi.osaava.education.internal.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * nDCG@10 (gain 2^grade − 1, discount log2(rank + 1), ideal ordering of every judged offering) and
 * MRR (reciprocal rank of the first offering graded 2 or 3), averaged over queries.
 */
final class GradedMetrics {

  static final int K = 10;

  private int queries;
  private double ndcg;
  private double mrr;

  void add(List<String> ranked, Map<String, Integer> grades) {
    queries++;
    double dcg = 0;
    double reciprocal = 0;
    for (int i = 0; i < Math.min(K, ranked.size()); i++) {
      int grade = grades.getOrDefault(ranked.get(i), 0);
      dcg += gain(grade) / log2(i + 2);
    }
    for (int i = 0; i < ranked.size(); i++) {
      if (grades.getOrDefault(ranked.get(i), 0) >= 2) {
        reciprocal = 1.0 / (i + 1);
        break;
      }
    }
    List<Integer> ideal = new ArrayList<>(grades.values());
    ideal.sort(Comparator.reverseOrder());
    double idcg = 0;
    for (int i = 0; i < Math.min(K, ideal.size()); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    ndcg += idcg == 0 ? 0 : dcg / idcg;
    mrr += reciprocal;
  }

  int queries() {
    return queries;
  }

  double ndcg() {
    return queries == 0 ? 0 : ndcg / queries;
  }

  double mrr() {
    return queries == 0 ? 0 : mrr / queries;
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
