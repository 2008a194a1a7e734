package fi.osaava.text.internal;

import fi.osaava.text.FinnishMorphology;
import fi.osaava.text.WordAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.analysis.fi.FinnishLightStemmer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FinnishMorphology} through Voikko, or through Lucene's light Finnish stemmer when Voikko's
 * native library or dictionary cannot be loaded (or Voikko is switched off). Results are cached.
 */
public final class DefaultFinnishMorphology implements FinnishMorphology, AutoCloseable {

  public static final int DEFAULT_POOL_SIZE =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  /**
   * Longer "words" are pasted junk, not Finnish: the longest dictionary words are well under this,
   * and the limit keeps arbitrary input away from the native library.
   */
  static final int MAX_WORD_LENGTH = 80;

  /** Compounds do not have more parts than this; more means the analysis went astray. */
  private static final int MAX_PARTS = 6;

  private static final Logger log = LoggerFactory.getLogger(DefaultFinnishMorphology.class);

  /** Once per process: every instance would otherwise repeat the same warning. */
  private static final AtomicBoolean fallbackLogged = new AtomicBoolean();

  private final @Nullable VoikkoPool voikko;
  private final BoundedCache<String, WordAnalysis> cache;

  private DefaultFinnishMorphology(@Nullable VoikkoPool voikko, int cacheSize) {
    this.voikko = voikko;
    this.cache = new BoundedCache<>(cacheSize);
  }

  /**
   * @param useVoikko false forces the stemmer fallback
   * @param dictionaryPath where Voikko's dictionary is; null for libvoikko's default search path
   * @param poolSize number of Voikko handles, about the number of threads that analyse at once
   * @param cacheSize number of analysed words to keep
   */
  public static DefaultFinnishMorphology create(
      boolean useVoikko, @Nullable String dictionaryPath, int poolSize, int cacheSize) {
    if (!useVoikko) {
      warnFallback("Voikko is switched off (osaava.text.voikko.enabled=false)");
      return new DefaultFinnishMorphology(null, cacheSize);
    }
    try {
      VoikkoPool pool = new VoikkoPool(Math.max(1, poolSize), dictionaryPath);
      log.debug("Voikko loaded with {} handles", poolSize);
      return new DefaultFinnishMorphology(pool, cacheSize);
    } catch (RuntimeException | LinkageError e) {
      warnFallback(
          "Voikko could not be loaded ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); install the Debian packages libvoikko1 and voikko-fi");
      return new DefaultFinnishMorphology(null, cacheSize);
    }
  }

  private static void warnFallback(String reason) {
    if (fallbackLogged.compareAndSet(false, true)) {
      log.warn(
          "Finnish morphology falls back to Lucene's light stemmer: no lemmas or compound parts,"
              + " so Finnish search finds fewer inflected forms and no compound parts. {}",
          reason);
    }
  }

  @Override
  public boolean isVoikkoAvailable() {
    return voikko != null;
  }

  @Override
  public WordAnalysis analyze(String word) {
    if (word == null) {
      return WordAnalysis.unknown("");
    }
    String lower = word.strip().toLowerCase(Locale.ROOT);
    if (!isWord(lower)) {
      return WordAnalysis.unknown(lower);
    }
    return cache.get(lower, this::compute);
  }

  /**
   * Letters, with digits, hyphens, apostrophes or colons inside (as in {@code 3D-tulostus} or
   * {@code EU:n}); nothing else reaches Voikko, which protects the native code from arbitrary
   * input.
   */
  static boolean isWord(String s) {
    if (s.isEmpty() || s.length() > MAX_WORD_LENGTH) {
      return false;
    }
    boolean letter = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        letter = true;
      } else if (!Character.isDigit(c) && c != '-' && c != '\'' && c != ':') {
        return false;
      }
    }
    return letter && Character.isLetterOrDigit(s.charAt(s.length() - 1));
  }

  private WordAnalysis compute(String word) {
    return voikko == null ? stem(word) : analyzeWithVoikko(word);
  }

  private static WordAnalysis stem(String word) {
    char[] chars = word.toCharArray();
    int length = new FinnishLightStemmer().stem(chars, chars.length);
    if (length <= 0 || length == chars.length) {
      return new WordAnalysis(word, List.of(word), List.of());
    }
    return new WordAnalysis(word, List.of(new String(chars, 0, length)), List.of());
  }

  private WordAnalysis analyzeWithVoikko(String word) {
    // Only reached when Voikko loaded (compute and the compound parts of its own analyses).
    List<Map<String, String>> analyses =
        Objects.requireNonNull(voikko, "Voikko is not loaded").analyze(word);
    if (analyses.isEmpty()) {
      return WordAnalysis.unknown(word);
    }
    Set<String> lemmas = new LinkedHashSet<>();
    Set<String> parts = new LinkedHashSet<>();
    for (Map<String, String> analysis : analyses) {
      String baseform = lower(analysis.get("BASEFORM"));
      if (baseform == null) {
        continue;
      }
      lemmas.add(baseform);
      parts.addAll(compoundParts(word, baseform, analysis.get("STRUCTURE")));
    }
    if (lemmas.isEmpty()) {
      return WordAnalysis.unknown(word);
    }
    parts.removeAll(lemmas);
    return new WordAnalysis(word, new ArrayList<>(lemmas), new ArrayList<>(parts));
  }

  /**
   * The lemmas of a compound's parts. Voikko's STRUCTURE marks where each part starts in the
   * inflected word ({@code =ppppppppp=ppppppppp} for {@code projektinhallinnan}); the first parts
   * of a Finnish compound do not inflect with the word, so the baseform ({@code projektinhallinta})
   * starts with them and its remainder is the last part's lemma ({@code hallinta}). The first parts
   * are often in the genitive ({@code projektin}), so each is analysed on its own for its lemma.
   */
  private List<String> compoundParts(String word, String baseform, @Nullable String structure) {
    List<String> surface = surfaceParts(word, structure);
    if (surface.size() < 2 || surface.size() > MAX_PARTS) {
      return List.of();
    }
    List<String> lemmas = new ArrayList<>(surface.size());
    StringBuilder leading = new StringBuilder();
    for (int i = 0; i < surface.size() - 1; i++) {
      String part = surface.get(i);
      leading.append(part);
      lemmas.add(lemmaOfPart(part));
    }
    String last;
    String prefix = leading.toString();
    if (baseform.startsWith(prefix) && baseform.length() > prefix.length()) {
      last = baseform.substring(prefix.length());
    } else {
      last = lemmaOfPart(surface.getLast());
    }
    lemmas.add(last);
    List<String> result = new ArrayList<>(lemmas.size());
    for (String lemma : lemmas) {
      String cleaned = stripHyphens(lemma);
      if (cleaned.length() >= 2) {
        result.add(cleaned);
      }
    }
    return result;
  }

  /**
   * Splits {@code word} where STRUCTURE has '='. Every other STRUCTURE character stands for one
   * character of the word; a hyphen also separates parts. Returns no parts when the two disagree.
   */
  static List<String> surfaceParts(String word, @Nullable String structure) {
    if (structure == null || structure.isEmpty()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int position = 0;
    for (int i = 0; i < structure.length(); i++) {
      char s = structure.charAt(i);
      if (s == '=') {
        flush(parts, current);
        continue;
      }
      if (position >= word.length()) {
        return List.of();
      }
      char c = word.charAt(position++);
      if (s == '-' || c == '-') {
        flush(parts, current);
      } else {
        current.append(c);
      }
    }
    if (position != word.length()) {
      return List.of();
    }
    flush(parts, current);
    return parts;
  }

  private static void flush(List<String> parts, StringBuilder current) {
    if (!current.isEmpty()) {
      parts.add(current.toString());
      current.setLength(0);
    }
  }

  /** The first lemma Voikko gives for a compound part on its own, else the part as written. */
  private String lemmaOfPart(String part) {
    if (!isWord(part)) {
      return part;
    }
    WordAnalysis analysis = cache.get(part, this::analyzeWithVoikko);
    return analysis.lemmas().isEmpty() ? part : analysis.lemmas().getFirst();
  }

  private static String stripHyphens(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == '-') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == '-') {
      to--;
    }
    return s.substring(from, to);
  }

  private static @Nullable String lower(@Nullable String s) {
    if (s == null) {
      return null;
    }
    String stripped = s.strip();
    return stripped.isEmpty() ? null : stripped.toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    if (voikko != null) {
      voikko.close();
    }
  }
}
