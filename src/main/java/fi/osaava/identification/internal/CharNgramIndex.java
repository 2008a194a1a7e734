package fi.osaava.identification.internal;

import fi.osaava.text.Words;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Character trigrams of titles (occupation and ISCO group labels of one language), TF-IDF weighted
 * and compared by cosine. It catches what word matching misses in compounding languages: a {@code
 * tunnelsprängare} is close to a {@code bergsprängare} though neither word is in the other. Grams
 * at the end of a word weigh double, because Swedish, Norwegian and Finnish compounds are
 * right-headed: the last part says what the thing is. For the same reason a label is no match for a
 * text whose every word is only the first part of one of the label's words: {@code utbildning} (a
 * CV's heading, "education") names no {@code utbildningstekniker}, nor {@code kokki} a {@code
 * kokkiharjoittelija}.
 */
final class CharNgramIndex {

  /** The shortest head a compound's last part can have ({@code -are}, {@code -ja}, {@code -er}). */
  private static final int MIN_HEAD = 3;

  private final Map<String, Integer> grams = new HashMap<>();
  private final int[] labelConcept;
  private final String[][] labelWords;
  private final float[] idf;
  private final int[][] postingLabels;
  private final float[][] postingWeights;

  CharNgramIndex(List<Integer> concepts, List<String> labels) {
    int n = labels.size();
    labelConcept = new int[n];
    labelWords = new String[n][];
    List<Map<Integer, Float>> vectors = new ArrayList<>(n);
    for (int l = 0; l < n; l++) {
      labelConcept[l] = concepts.get(l);
      labelWords[l] = words(labels.get(l));
      Map<Integer, Float> tf = new HashMap<>();
      grams(labels.get(l))
          .forEach((g, w) -> tf.put(grams.computeIfAbsent(g, k -> grams.size()), w));
      vectors.add(tf);
    }
    int[] df = new int[grams.size()];
    vectors.forEach(v -> v.keySet().forEach(g -> df[g]++));
    idf = new float[grams.size()];
    for (int g = 0; g < idf.length; g++) {
      idf[g] = (float) Math.log((n + 1.0) / (df[g] + 1.0));
    }
    postingLabels = new int[idf.length][];
    postingWeights = new float[idf.length][];
    for (int g = 0; g < idf.length; g++) {
      postingLabels[g] = new int[df[g]];
      postingWeights[g] = new float[df[g]];
    }
    int[] fill = new int[idf.length];
    for (int l = 0; l < n; l++) {
      Map<Integer, Float> v = vectors.get(l);
      double norm = 0;
      for (Map.Entry<Integer, Float> e : v.entrySet()) {
        float w = e.getValue() * idf[e.getKey()];
        norm += w * w;
      }
      float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
      for (Map.Entry<Integer, Float> e : v.entrySet()) {
        int g = e.getKey();
        postingLabels[g][fill[g]] = l;
        postingWeights[g][fill[g]++] = e.getValue() * idf[g] * inv;
      }
    }
  }

  private static String[] words(String text) {
    return Words.lettersAndDigits(text);
  }

  /**
   * Whether each of the text's words is only the leading part of a longer compound in the label (by
   * at least {@link #MIN_HEAD} letters), so that the label's head is nowhere in the text.
   */
  private static boolean onlyModifiers(String[] text, String[] label) {
    for (String t : text) {
      boolean modifier = false;
      for (String w : label) {
        if (w.length() >= t.length() + MIN_HEAD && w.startsWith(t)) {
          modifier = true;
          break;
        }
      }
      if (!modifier) {
        return false;
      }
    }
    return text.length > 0;
  }

  /** Trigrams of each word padded with ^ and $, end-of-word grams weighing double. */
  static Map<String, Float> grams(String text) {
    Map<String, Float> grams = new HashMap<>();
    for (String word : words(text)) {
      String padded = "^" + word + "$";
      for (int i = 0; i + 3 <= padded.length(); i++) {
        float weight = i + 3 >= padded.length() - 2 ? 2f : 1f;
        grams.merge(padded.substring(i, i + 3), weight, Float::sum);
      }
    }
    return grams;
  }

  /** Best cosine per concept for the text, for those above {@code min}. */
  Map<Integer, Float> search(String text, float min) {
    Map<String, Float> query = grams(text);
    Map<Integer, Float> weights = new HashMap<>();
    double norm = 0;
    for (Map.Entry<String, Float> e : query.entrySet()) {
      Integer g = grams.get(e.getKey());
      if (g != null) {
        float w = e.getValue() * idf[g];
        weights.put(g, w);
        norm += w * w;
      }
    }
    if (weights.isEmpty()) {
      return Map.of();
    }
    float inv = (float) (1 / Math.sqrt(norm));
    Map<Integer, Float> byLabel = new HashMap<>();
    for (Map.Entry<Integer, Float> e : weights.entrySet()) {
      int g = e.getKey();
      float w = e.getValue() * inv;
      int[] labels = postingLabels[g];
      float[] lw = postingWeights[g];
      for (int i = 0; i < labels.length; i++) {
        byLabel.merge(labels[i], w * lw[i], Float::sum);
      }
    }
    String[] textWords = words(text);
    Map<Integer, Float> byConcept = new HashMap<>();
    for (Map.Entry<Integer, Float> e : byLabel.entrySet()) {
      if (e.getValue() >= min && !onlyModifiers(textWords, labelWords[e.getKey()])) {
        byConcept.merge(labelConcept[e.getKey()], e.getValue(), Math::max);
      }
    }
    return byConcept;
  }
}
