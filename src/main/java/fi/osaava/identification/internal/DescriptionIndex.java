package fi.osaava.identification.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BM25 over the descriptions of concepts in one language, with the same word forms as the labels
 * (lemmas and compound parts for Finnish). It finds concepts whose description talks about what the
 * text talks about even when no label appears: a meaning-level signal for languages without an
 * embedding model. Each word of the text counts once, so a long text is not one long query.
 */
final class DescriptionIndex {

  private static final float K1 = 1.2f;
  private static final float B = 0.75f;

  private final WordForms forms;
  private final Map<String, Integer> termIds = new HashMap<>();
  private final int[] docConcept;
  private final float[] idf;
  private final int[][] postingDocs;
  private final float[][] postingWeights;

  DescriptionIndex(WordForms forms, Map<Integer, String> descriptions) {
    this.forms = forms;
    List<Map.Entry<Integer, String>> documents = new ArrayList<>(descriptions.entrySet());
    documents.sort(Map.Entry.comparingByKey());
    int n = documents.size();
    docConcept = new int[n];
    List<Map<Integer, Integer>> termFrequencies = new ArrayList<>(n);
    long totalLength = 0;
    int[] lengths = new int[n];
    for (int d = 0; d < n; d++) {
      docConcept[d] = documents.get(d).getKey();
      String text = documents.get(d).getValue();
      Map<Integer, Integer> tf = new HashMap<>();
      for (Token token : Tokenizer.tokenize(text, 0, text.length())) {
        if (forms.isStopword(token.word())) {
          continue;
        }
        lengths[d]++;
        for (String form : forms.textForms(token.word())) {
          int id = termIds.computeIfAbsent(form, k -> termIds.size());
          tf.merge(id, 1, Integer::sum);
        }
      }
      totalLength += lengths[d];
      termFrequencies.add(tf);
    }
    float avgLength = n == 0 ? 1 : Math.max(1f, (float) totalLength / n);
    int terms = termIds.size();
    int[] df = new int[terms];
    for (Map<Integer, Integer> tf : termFrequencies) {
      tf.keySet().forEach(t -> df[t]++);
    }
    idf = new float[terms];
    postingDocs = new int[terms][];
    postingWeights = new float[terms][];
    for (int t = 0; t < terms; t++) {
      idf[t] = (float) Math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5));
      postingDocs[t] = new int[df[t]];
      postingWeights[t] = new float[df[t]];
    }
    int[] fill = new int[terms];
    for (int d = 0; d < n; d++) {
      float norm = K1 * (1 - B + B * lengths[d] / avgLength);
      for (Map.Entry<Integer, Integer> e : termFrequencies.get(d).entrySet()) {
        int t = e.getKey();
        float tf = e.getValue();
        postingDocs[t][fill[t]] = d;
        postingWeights[t][fill[t]++] = idf[t] * tf * (K1 + 1) / (tf + norm);
      }
    }
  }

  /**
   * The best-scoring concepts for a bag of tokens, with their BM25 scores.
   *
   * @return pairs {@code [concept, score]} sorted by score, at most {@code limit}
   */
  List<float[]> search(List<Token> tokens, int limit) {
    Map<Integer, Boolean> queryTerms = new HashMap<>();
    for (Token token : tokens) {
      if (forms.isStopword(token.word())) {
        continue;
      }
      // The word's own key only (not its compound parts): parts would count the word twice.
      Integer id = termIds.get(forms.key(token.word()));
      if (id != null) {
        queryTerms.put(id, Boolean.TRUE);
      }
    }
    if (queryTerms.isEmpty()) {
      return List.of();
    }
    float[] scores = new float[docConcept.length];
    for (int t : queryTerms.keySet()) {
      int[] docs = postingDocs[t];
      float[] weights = postingWeights[t];
      for (int i = 0; i < docs.length; i++) {
        scores[docs[i]] += weights[i];
      }
    }
    return top(scores, limit);
  }

  /** How much each token contributes, for showing the words that made a description match. */
  float weight(String word) {
    Integer id = termIds.get(forms.key(word));
    return id == null ? 0 : idf[id];
  }

  private List<float[]> top(float[] scores, int limit) {
    int[] best = Engine.topIndexes(scores, limit);
    List<float[]> result = new ArrayList<>(best.length);
    for (int d : best) {
      if (scores[d] > 0) {
        result.add(new float[] {docConcept[d], scores[d]});
      }
    }
    result.sort((a, b) -> Float.compare(b[1], a[1]));
    return result;
  }
}
