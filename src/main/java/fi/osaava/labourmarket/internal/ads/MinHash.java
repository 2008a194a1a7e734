package fi.osaava.labourmarket.internal.ads;

import java.text.Normalizer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * MinHash signatures over word shingles, and their locality-sensitive hashing bands: two texts with
 * Jaccard similarity s share at least one of {@value #BANDS} bands of {@value #ROWS} rows with
 * probability 1 − (1 − s^{@value #ROWS})^{@value #BANDS}, about 0.99 at s = 0.8 and 0.05 at s =
 * 0.3.
 */
final class MinHash {

  static final int SHINGLE = 5;
  static final int BANDS = 32;
  static final int ROWS = 4;
  static final int SIZE = BANDS * ROWS;

  private static final long[] SEEDS = new long[SIZE];

  static {
    // Fixed seed: signatures are stored, so the hash family must never change between runs.
    SplittableRandom random = new SplittableRandom(0x05AA7AL);
    for (int i = 0; i < SIZE; i++) {
      SEEDS[i] = random.nextLong();
    }
  }

  private MinHash() {}

  /** The signature of a text: per hash function, the minimum over its shingles. */
  static int[] signature(String text) {
    String[] words =
        Normalizer.normalize(text, Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT)
            .split("[^\\p{L}\\p{N}]+");
    int n = 0;
    for (String w : words) {
      if (!w.isEmpty()) {
        words[n++] = w;
      }
    }
    int[] signature = new int[SIZE];
    java.util.Arrays.fill(signature, Integer.MAX_VALUE);
    int shingles = Math.max(1, n - SHINGLE + 1);
    for (int s = 0; s < shingles; s++) {
      long h = 1125899906842597L;
      for (int w = s; w < Math.min(n, s + SHINGLE); w++) {
        h = 31 * h + words[w].hashCode();
      }
      h = mix(h);
      for (int i = 0; i < SIZE; i++) {
        // Each seeded mix is one member of the hash family (SplitMix64's finaliser).
        int v = (int) (mix(h ^ SEEDS[i]) >>> 33);
        if (v < signature[i]) {
          signature[i] = v;
        }
      }
    }
    return signature;
  }

  /** The share of equal positions: an unbiased estimate of the Jaccard similarity. */
  static double similarity(int[] a, int[] b) {
    int equal = 0;
    for (int i = 0; i < SIZE; i++) {
      if (a[i] == b[i]) {
        equal++;
      }
    }
    return equal / (double) SIZE;
  }

  /** One hash per band of {@value #ROWS} signature values. */
  static long[] bands(int[] signature) {
    long[] bands = new long[BANDS];
    for (int b = 0; b < BANDS; b++) {
      long h = b;
      for (int r = 0; r < ROWS; r++) {
        h = h * 1_000_003L + signature[b * ROWS + r];
      }
      bands[b] = mix(h);
    }
    return bands;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
