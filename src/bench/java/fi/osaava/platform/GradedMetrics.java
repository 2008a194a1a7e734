package fi.osaava.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Graded-relevance scores of rankings against judgements (grade 0–3; anything unjudged is 0),
 * averaged over queries: nDCG@10 (gain 2^grade − 1, discount log2(rank + 1), ideal ordering of
 * every judged item), MRR (reciprocal rank of the first item graded 2 or 3), P@5 (share of the
 * first five graded 2 or 3) and recall@10 (share of the items graded 2 or 3 that the first ten
 * hold, averaged over the queries that have any).
 */
public final class GradedMetrics {

  public static final int K = 10;

  /** The grade from which an item counts as relevant for MRR, P@5 and recall. */
  public static final int RELEVANT = 2;

  private static final int PRECISION_DEPTH = 5;

  private int queries;
  private int recallQueries;
  private double ndcg;
  private double mrr;
  private double precision;
  private double recall;

  /** Adds one query: its ranking (item keys, best first) and its judged grades by item key. */
  public void add(List<String> ranked, Map<String, Integer> grades) {
    queries++;
    double dcg = 0;
    int relevantInTop = 0;
    for (int i = 0; i < Math.min(K, ranked.size()); i++) {
      int grade = grades.getOrDefault(ranked.get(i), 0);
      dcg += gain(grade) / log2(i + 2);
      if (grade >= RELEVANT) {
        relevantInTop++;
        if (i < PRECISION_DEPTH) {
          precision += 1.0 / PRECISION_DEPTH;
        }
      }
    }
    for (int i = 0; i < ranked.size(); i++) {
      if (grades.getOrDefault(ranked.get(i), 0) >= RELEVANT) {
        mrr += 1.0 / (i + 1);
        break;
      }
    }
    long relevant = grades.values().stream().filter(g -> g >= RELEVANT).count();
    if (relevant > 0) {
      recallQueries++;
      recall += (double) relevantInTop / relevant;
    }
    List<Integer> ideal = new ArrayList<>(grades.values());
    ideal.sort(Comparator.reverseOrder());
    double idcg = 0;
    for (int i = 0; i < Math.min(K, ideal.size()); i++) {
      idcg += gain(ideal.get(i)) / log2(i + 2);
    }
    ndcg += idcg == 0 ? 0 : dcg / idcg;
  }

  public int queries() {
    return queries;
  }

  public double ndcg() {
    return queries == 0 ? 0 : ndcg / queries;
  }

  public double mrr() {
    return queries == 0 ? 0 : mrr / queries;
  }

  public double precisionAt5() {
    return queries == 0 ? 0 : precision / queries;
  }

  public double recallAt10() {
    return recallQueries == 0 ? 0 : recall / recallQueries;
  }

  private static double gain(int grade) {
    return Math.pow(2, grade) - 1;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
