package fi.osaava.taxonomy.internal.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What a person typed, as words. It is only ever split into words and matched word by word, never
 * parsed as query syntax, so {@code title:(a OR b)~2 *?} is four plain words. The same Unicode word
 * rules as the index analysers split it ({@link StandardTokenizer}), so every word reaches the
 * index as one position. Bounds keep pasted text from turning into a huge query.
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

  /** An analyser, not a bare tokenizer, so that each thread reuses its tokenizer's buffers. */
  private static final Analyzer WORDS =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          return new TokenStreamComponents(new StandardTokenizer());
        }
      };

  QueryText {
    words = List.copyOf(words);
  }

  static QueryText parse(String text) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    String bounded = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    List<String> words = new ArrayList<>();
    try (TokenStream tokenizer = WORDS.tokenStream("q", bounded)) {
      CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
      tokenizer.reset();
      while (words.size() < MAX_WORDS && tokenizer.incrementToken()) {
        String word = term.toString().toLowerCase(Locale.ROOT);
        if (word.length() > MAX_WORD_LENGTH) {
          word = word.substring(0, MAX_WORD_LENGTH);
        }
        if (!word.isBlank()) {
          words.add(word);
        }
      }
      tokenizer.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
