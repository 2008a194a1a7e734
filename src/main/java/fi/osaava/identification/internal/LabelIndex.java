package fi.osaava.identification.internal;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.LabelKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The labels of one language as sequences of word keys, with an inverted index from key to label. A
 * sentence matches a label when the sentence holds the keys of enough of its words, in any order
 * and near each other. Keys are weighted by inverse concept frequency (BM25's idf), so that {@code
 * manage} or {@code hallinta} count little and {@code JavaScript} counts a lot.
 *
 * <p>Each label is indexed as written and in variants: without a parenthesised qualifier ({@code
 * Java (computer programming)} also as {@code Java}) and with compounds split into their parts
 * ({@code projektinhallinta} also as {@code projekti hallinta}), so that a text with either form
 * finds it.
 */
final class LabelIndex {

  /** Labels longer than this are descriptions, not names; they are left out. */
  static final int MAX_LABEL_WORDS = 12;

  /** A label needs at least this share of its idf mass in one sentence to count. */
  static final float MIN_COVERAGE = 0.5f;

  /** Marks a label as seen in this sentence; its word bits are below (labels are short). */
  private static final long TOUCHED = 1L << 63;

  /** Labels matched in detail per sentence: the rest could not reach the top of any ranking. */
  static final int MAX_DETAILED = 80;

  final Language language;
  final WordForms forms;
  private final Map<String, Integer> termIds;
  private final float[] idf;
  private final int[][] postings;
  private final int[] labelConcept;
  private final byte[] labelKind;
  private final int[][] labelTerms;
  private final String[][] labelWords;
  private final float[] labelIdfSum;

  /** Pooled rather than thread-local: requests run on virtual threads, each new. */
  private final java.util.concurrent.ConcurrentLinkedQueue<Scratch> scratchPool =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private LabelIndex(Builder b) {
    this.language = b.forms.language;
    this.forms = b.forms;
    this.termIds = b.termIds;
    int labels = b.concepts.size();
    this.labelConcept = new int[labels];
    this.labelKind = new byte[labels];
    this.labelTerms = b.terms.toArray(new int[0][]);
    this.labelWords = b.words.toArray(new String[0][]);
    int[] df = new int[termIds.size()];
    int[] postingSize = new int[termIds.size()];
    Map<Integer, Set<Integer>> conceptsOfTerm = new HashMap<>();
    int maxConcept = 0;
    for (int l = 0; l < labels; l++) {
      labelConcept[l] = b.concepts.get(l);
      labelKind[l] = b.kinds.get(l);
      maxConcept = Math.max(maxConcept, labelConcept[l]);
      int[] terms = labelTerms[l];
      for (int j = 0; j < terms.length; j++) {
        if (indexOf(terms, terms[j]) == j) {
          postingSize[terms[j]]++;
          conceptsOfTerm.computeIfAbsent(terms[j], k -> new HashSet<>()).add(labelConcept[l]);
        }
      }
    }
    int conceptCount = Math.max(1, b.distinctConcepts.size());
    this.idf = new float[termIds.size()];
    for (int t = 0; t < idf.length; t++) {
      df[t] = conceptsOfTerm.getOrDefault(t, Set.of()).size();
      idf[t] = (float) Math.log(1 + (conceptCount - df[t] + 0.5) / (df[t] + 0.5));
    }
    // Each label is posted under its two rarest words only. A label that a sentence covers by
    // half its weight or more must contain one of them (exactly so for labels of up to three
    // words), and common words like "manage" then seed few labels instead of thousands. The
    // weight sums are complete before the seeds are chosen, since the choice needs them.
    this.labelIdfSum = new float[labels];
    int[][] seeds = new int[labels][];
    Arrays.fill(postingSize, 0);
    for (int l = 0; l < labels; l++) {
      for (int t : labelTerms[l]) {
        labelIdfSum[l] += idf[t];
      }
    }
    for (int l = 0; l < labels; l++) {
      int[] terms = labelTerms[l];
      int first = -1;
      int second = -1;
      for (int t : terms) {
        if (t == first || t == second) {
          continue;
        }
        if (first < 0 || idf[t] > idf[first]) {
          second = first;
          first = t;
        } else if (second < 0 || idf[t] > idf[second]) {
          second = t;
        }
      }
      // Without its rarest word a label can only qualify if the others carry enough weight;
      // for most two-word labels they do not, and the second seed would only add work.
      boolean secondCanQualify =
          second >= 0
              && labelIdfSum[l] > 0
              && (labelIdfSum[l] - idf[first]) / labelIdfSum[l] >= MIN_COVERAGE;
      seeds[l] = secondCanQualify ? new int[] {first, second} : new int[] {first};
      for (int t : seeds[l]) {
        postingSize[t]++;
      }
    }
    this.postings = new int[termIds.size()][];
    for (int t = 0; t < postings.length; t++) {
      postings[t] = new int[postingSize[t]];
    }
    int[] fill = new int[termIds.size()];
    for (int l = 0; l < labels; l++) {
      for (int t : seeds[l]) {
        postings[t][fill[t]++] = l;
      }
    }
  }

  int labelCount() {
    return labelConcept.length;
  }

  int concept(int label) {
    return labelConcept[label];
  }

  LabelKind kind(int label) {
    return LabelKind.values()[labelKind[label]];
  }

  float idf(String key) {
    Integer id = termIds.get(key);
    return id == null ? 0 : idf[id];
  }

  /** The keys each token can match, as term ids of this index; unknown forms are dropped. */
  int[][] termsOf(List<Token> tokens) {
    int[][] result = new int[tokens.size()][];
    for (int i = 0; i < tokens.size(); i++) {
      String word = tokens.get(i).word();
      result[i] = forms.isStopword(word) ? new int[0] : ids(forms.textForms(word));
    }
    return result;
  }

  /** The keys of each token as a whole word, without compound parts. */
  private int[][] wholeWordTermsOf(List<Token> tokens) {
    int[][] result = new int[tokens.size()][];
    for (int i = 0; i < tokens.size(); i++) {
      String word = tokens.get(i).word();
      result[i] = forms.isStopword(word) ? new int[0] : ids(forms.wholeWordForms(word));
    }
    return result;
  }

  private int[] ids(List<String> keys) {
    int[] ids = new int[keys.size()];
    int n = 0;
    for (String key : keys) {
      Integer id = termIds.get(key);
      if (id != null && indexOf(ids, n, id) < 0) {
        ids[n++] = id;
      }
    }
    return Arrays.copyOf(ids, n);
  }

  /**
   * Finds the labels that the tokens of one sentence match.
   *
   * @param literalOnly only labels matched word for word (for a second language's index)
   */
  List<LabelHit> match(List<Token> tokens, boolean literalOnly) {
    int[][] terms = termsOf(tokens);
    Scratch polled = scratchPool.poll();
    Scratch s = polled != null ? polled : new Scratch(labelConcept.length, idf.length);
    try {
      int stamp = ++s.stamp;
      for (int[] tokenTerms : terms) {
        for (int t : tokenTerms) {
          s.termStamp[t] = stamp;
        }
      }
      for (int[] tokenTerms : terms) {
        for (int t : tokenTerms) {
          for (int label : postings[t]) {
            if (s.mask[label] != 0) {
              continue;
            }
            int[] lt = labelTerms[label];
            long mask = TOUCHED;
            float covered = 0;
            for (int j = 0; j < lt.length; j++) {
              if (s.termStamp[lt[j]] == stamp) {
                mask |= 1L << j;
                covered += idf[lt[j]];
              }
            }
            s.mask[label] = mask;
            if (covered >= MIN_COVERAGE * labelIdfSum[label] && covered > 0) {
              s.candidateLabels.add(label);
              s.candidateCovered.add(covered);
              float coverage = covered / labelIdfSum[label];
              s.candidateKeys.add(coverage * coverage * Math.min(1f, 0.5f + covered / 12f));
            }
            s.touched.add(label);
          }
        }
      }
      // The detailed match (which words, how close) only for the most promising candidates,
      // since a long sentence half-matches many short labels.
      int candidates = s.candidateLabels.size;
      int[] chosen;
      if (candidates <= MAX_DETAILED) {
        chosen = new int[candidates];
        for (int i = 0; i < candidates; i++) {
          chosen[i] = i;
        }
      } else {
        chosen =
            Engine.topIndexes(
                java.util.Arrays.copyOf(s.candidateKeys.items, candidates), MAX_DETAILED);
      }
      List<LabelHit> hits = new ArrayList<>(chosen.length);
      int[][] wholeWords = chosen.length == 0 ? new int[0][] : wholeWordTermsOf(tokens);
      for (int i : chosen) {
        int label = s.candidateLabels.items[i];
        float covered = s.candidateCovered.items[i];
        float coverage = covered / labelIdfSum[label];
        LabelHit hit =
            detail(label, s.mask[label] & ~TOUCHED, coverage, covered, tokens, terms, wholeWords);
        if (hit != null && (!literalOnly || (hit.literal() && hit.complete()))) {
          hits.add(hit);
        }
      }
      return hits;
    } finally {
      for (int i = 0; i < s.touched.size; i++) {
        s.mask[s.touched.items[i]] = 0;
      }
      s.touched.size = 0;
      s.candidateLabels.size = 0;
      s.candidateCovered.size = 0;
      s.candidateKeys.size = 0;
      scratchPool.offer(s);
    }
  }

  /**
   * Which tokens matched which label words: for each matched word the token nearest to the others.
   * The match is literal when every label word is there exactly as written.
   */
  private @Nullable LabelHit detail(
      int label,
      long mask,
      float coverage,
      float covered,
      List<Token> tokens,
      int[][] terms,
      int[][] wholeWords) {
    int[] lt = labelTerms[label];
    int[] chosen = new int[lt.length];
    Arrays.fill(chosen, -1);
    for (int j = 0; j < lt.length; j++) {
      if ((mask & (1L << j)) == 0) {
        continue;
      }
      for (int i = 0; i < terms.length; i++) {
        if (indexOf(terms[i], terms[i].length, lt[j]) >= 0) {
          // Prefer a token next to the ones already chosen, so repeated words pick the near one.
          if (chosen[j] < 0
              || (j > 0
                  && chosen[j - 1] >= 0
                  && Math.abs(i - chosen[j - 1]) < Math.abs(chosen[j] - chosen[j - 1]))) {
            chosen[j] = i;
          }
        }
      }
    }
    int min = Integer.MAX_VALUE;
    int max = -1;
    int matched = 0;
    boolean literal = true;
    boolean light = true;
    Set<Integer> tokenSet = new LinkedHashSet<>();
    for (int j = 0; j < lt.length; j++) {
      if (chosen[j] < 0) {
        literal = false;
        continue;
      }
      matched++;
      tokenSet.add(chosen[j]);
      min = Math.min(min, chosen[j]);
      max = Math.max(max, chosen[j]);
      String word = tokens.get(chosen[j]).word();
      if (!word.equals(labelWords[label][j])) {
        literal = false;
        light &= inflectionOnly(word, labelWords[label][j]);
      }
    }
    if (matched == 0) {
      return null;
    }
    // A label that matches only some parts of a compound word names something broader than the
    // word: "chef" in "tvättchef". It counts, but less than a label for the whole word.
    boolean partOfWord = false;
    for (int j = 0; j < lt.length && !partOfWord; j++) {
      int i = chosen[j];
      if (i < 0 || indexOf(wholeWords[i], wholeWords[i].length, lt[j]) >= 0) {
        continue;
      }
      int partsMatched = 0;
      for (int k = 0; k < lt.length; k++) {
        if (chosen[k] == i) {
          partsMatched++;
        }
      }
      int partsOfWord = terms[i].length - wholeWords[i].length;
      partOfWord = partsMatched < Math.max(2, partsOfWord);
    }
    int spread = max - min + 1;
    // Order-tolerant, but the words must be near: a few words between them at most.
    float proximity = spread <= lt.length + 3 ? 1f : spread <= lt.length + 8 ? 0.6f : 0.3f;
    int[] tokenIndexes = tokenSet.stream().mapToInt(Integer::intValue).sorted().toArray();
    return new LabelHit(
        label,
        labelConcept[label],
        coverage,
        covered,
        proximity,
        matched == lt.length,
        literal,
        light,
        partOfWord,
        tokenIndexes);
  }

  /**
   * Whether two words differ only by a plural or genitive ending ({@code nurse}, {@code nurses},
   * {@code nurse's}), unlike a derivation ({@code manager}, {@code management}) that a stemmer also
   * conflates.
   */
  static boolean inflectionOnly(String a, String b) {
    // The endings are one or two characters; most pairs differ otherwise and need no comparison.
    int difference = Math.abs(a.length() - b.length());
    if (difference < 1 || difference > 2) {
      return false;
    }
    String shorter = a.length() <= b.length() ? a : b;
    String longer = a.length() <= b.length() ? b : a;
    if (!longer.startsWith(shorter)) {
      return false;
    }
    int at = shorter.length();
    char first = longer.charAt(at);
    if (difference == 1) {
      return first == 's';
    }
    char second = longer.charAt(at + 1);
    return (first == 'e' && second == 's')
        || (first == '\'' && second == 's')
        || (first == 's' && second == '\'');
  }

  private static int indexOf(int[] a, int value) {
    return indexOf(a, a.length, value);
  }

  private static int indexOf(int[] a, int length, int value) {
    for (int i = 0; i < length; i++) {
      if (a[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A label that one sentence matched.
   *
   * @param coverage share of the label's idf mass found
   * @param covered the idf mass found
   * @param proximity 1 when the words are close together, less when spread out
   * @param complete every word of the label was found
   * @param literal every word was found exactly as written
   * @param partOfWord the label matched only part of a compound word of the text
   * @param light the words found differ from the label's at most by a plural or genitive ending
   * @param tokens the indexes of the sentence's tokens that matched
   */
  record LabelHit(
      int label,
      int concept,
      float coverage,
      float covered,
      float proximity,
      boolean complete,
      boolean literal,
      boolean light,
      boolean partOfWord,
      int[] tokens) {}

  private static final class Scratch {
    final long[] mask;
    final IntList touched = new IntList();
    final int[] termStamp;
    int stamp;
    final IntList candidateLabels = new IntList();
    final FloatList candidateCovered = new FloatList();
    final FloatList candidateKeys = new FloatList();

    Scratch(int labels, int terms) {
      mask = new long[labels];
      termStamp = new int[terms];
    }
  }

  static final class IntList {
    int[] items = new int[256];
    int size;

    void add(int value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = value;
    }
  }

  static final class FloatList {
    float[] items = new float[256];
    int size;

    void add(float value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = value;
    }
  }

  /** Collects labels; {@link #build} then computes the weights and postings. */
  static final class Builder {
    private final WordForms forms;
    private final Map<String, Integer> termIds = new HashMap<>();
    private final List<Integer> concepts = new ArrayList<>();
    private final List<Byte> kinds = new ArrayList<>();
    private final List<int[]> terms = new ArrayList<>();
    private final List<String[]> words = new ArrayList<>();
    private final Set<Integer> distinctConcepts = new HashSet<>();
    private final Set<String> seen = new HashSet<>();

    Builder(WordForms forms) {
      this.forms = forms;
    }

    void add(int concept, LabelKind kind, String label) {
      distinctConcepts.add(concept);
      addVariant(concept, kind, Tokenizer.words(label));
      int open = label.indexOf('(');
      if (open > 0) {
        String bare = label.substring(0, open) + label.substring(label.indexOf(')', open) + 1);
        if (label.indexOf(')', open) > 0) {
          addVariant(concept, kind, Tokenizer.words(bare));
        }
      }
    }

    private void addVariant(int concept, LabelKind kind, List<String> allWords) {
      List<String> words = new ArrayList<>(allWords.size());
      for (String word : allWords) {
        if (!forms.isStopword(word)) {
          words.add(word);
        }
      }
      if (words.isEmpty()) {
        words = allWords;
      }
      if (words.isEmpty() || words.size() > MAX_LABEL_WORDS) {
        return;
      }
      List<String> keys = new ArrayList<>(words.size());
      List<String> splitWords = new ArrayList<>();
      List<String> splitKeys = new ArrayList<>();
      boolean anySplit = false;
      for (String word : words) {
        String key = forms.key(word);
        keys.add(key);
        List<String> parts = forms.parts(word);
        if (parts.isEmpty()) {
          splitWords.add(word);
          splitKeys.add(key);
        } else {
          anySplit = true;
          for (String part : parts) {
            splitWords.add(part);
            splitKeys.add(part);
          }
        }
      }
      addKeys(concept, kind, words, keys);
      if (anySplit && splitKeys.size() <= MAX_LABEL_WORDS) {
        addKeys(concept, kind, splitWords, splitKeys);
      }
    }

    private void addKeys(int concept, LabelKind kind, List<String> words, List<String> keys) {
      if (!seen.add(concept + "\u0000" + String.join(" ", keys))) {
        return;
      }
      int[] ids = new int[keys.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = termIds.computeIfAbsent(keys.get(i), k -> termIds.size());
      }
      concepts.add(concept);
      kinds.add((byte) kind.ordinal());
      terms.add(ids);
      words.toArray(new String[0]);
      this.words.add(words.toArray(new String[0]));
    }

    LabelIndex build() {
      seen.clear();
      return new LabelIndex(this);
    }
  }
}
