package fi.osaava.taxonomy.internal.search;

import fi.osaava.text.Words;
import java.util.List;

/**
 * What a person typed, as words. It is only ever split into words and matched word by word, never
 * parsed as query syntax ({@link Words}). Bounds keep pasted text from turning into a huge query.
 *
 * @param words lower-case words, the last one still being typed
 * @param joined the words with single spaces, compared with the start of labels
 */
record QueryText(List<String> words, String joined) {

  /** An autocomplete box holds a few words; anything longer is pasted text. */
  static final int MAX_CHARS = 200;

  static final int MAX_WORDS = 6;

  static final int MAX_WORD_LENGTH = 40;

  static final QueryText EMPTY = new QueryText(List.of(), "");

  QueryText {
    words = List.copyOf(words);
  }

  static QueryText parse(String text) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    String bounded = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    List<String> words = Words.split(bounded, MAX_WORDS, MAX_WORD_LENGTH);
    return words.isEmpty() ? EMPTY : new QueryText(words, String.join(" ", words));
  }

  boolean isEmpty() {
    return words.isEmpty();
  }

  /** Whether any word is long enough for typo tolerance. */
  boolean allowsTypos() {
    return words.stream().anyMatch(w -> allowedEdits(w) > 0);
  }

  /**
   * Typos allowed in a word of this length: none in short words, where one edit already reaches too
   * many other words, one from four letters, two from eight.
   */
  static int allowedEdits(String word) {
    int length = word.codePointCount(0, word.length());
    if (length >= 8) {
      return 2;
    }
    return length >= 4 ? 1 : 0;
  }
}
