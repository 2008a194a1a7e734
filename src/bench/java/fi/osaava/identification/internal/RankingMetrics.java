package fi.osaava.identification.internal;

import java.util.List;
import java.util.Set;

/** Ranking metrics averaged over queries; each query adds its ranked list and its gold set. */
final class RankingMetrics {

  private int n;
  private double rp5;
  private double rp10;
  private double mrr;
  private double averagePrecision;
  private double recall10;
  private double hit1;
  private double hit5;

  <T> void add(List<T> ranked, Set<T> gold) {
    if (gold.isEmpty()) {
      return;
    }
    n++;
    rp5 += rPrecision(ranked, gold, 5);
    rp10 += rPrecision(ranked, gold, 10);
    int found = 0;
    double precisionSum = 0;
    double reciprocal = 0;
    for (int i = 0; i < ranked.size(); i++) {
      if (gold.contains(ranked.get(i))) {
        found++;
        precisionSum += (double) found / (i + 1);
        if (reciprocal == 0) {
          reciprocal = 1.0 / (i + 1);
        }
        if (i < 10) {
          recall10 += 1.0 / gold.size();
        }
        if (i < 1) {
          hit1++;
        }
        if (i < 5 && found == 1) {
          hit5++;
        }
      }
    }
    mrr += reciprocal;
    averagePrecision += precisionSum / gold.size();
  }

  /** Relevant items in the top {@code k}, over the most that could be there: min(k, |gold|). */
  static <T> double rPrecision(List<T> ranked, Set<T> gold, int k) {
    int relevant = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (gold.contains(ranked.get(i))) {
        relevant++;
      }
    }
    return (double) relevant / Math.min(k, gold.size());
  }

  int n() {
    return n;
  }

  double rp5() {
    return mean(rp5);
  }

  double rp10() {
    return mean(rp10);
  }

  double mrr() {
    return mean(mrr);
  }

  double map() {
    return mean(averagePrecision);
  }

  double recall10() {
    return mean(recall10);
  }

  /** Share of queries whose first result is relevant. */
  double accuracy1() {
    return mean(hit1);
  }

  /** Share of queries with a relevant result in the top five. */
  double accuracy5() {
    return mean(hit5);
  }

  private double mean(double sum) {
    return n == 0 ? Double.NaN : sum / n;
  }

  static String f(double value) {
    return Double.isNaN(value) ? "–" : String.format(java.util.Locale.ROOT, "%.3f", value);
  }

  static double round(double value) {
    return Double.isNaN(value) ? value : Math.round(value * 1000) / 1000.0;
  }
}
