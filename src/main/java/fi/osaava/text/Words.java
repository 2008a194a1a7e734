package fi.osaava.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What a person typed, as lower-case words split by the same Unicode word rules as the search
 * indexes' analysers ({@link StandardTokenizer}), so that every word reaches an index as one
 * position. Words are only ever matched as words, so {@code title:(a OR b)~2 *?} is five plain
 * words and no input can become query syntax. Bounded, so pasted text cannot become a huge query.
 */
public final class Words {

  /** An analyser, not a bare tokenizer, so that each thread reuses its tokenizer's buffers. */
  private static final Analyzer WORDS =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          return new TokenStreamComponents(new StandardTokenizer());
        }
      };

  private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  private Words() {}

  /**
   * The lower-case runs of letters and digits in a text, in order; everything else separates them.
   * Cruder than {@link #split} and unbounded: for comparing whole texts (near-duplicates, character
   * n-grams), not for what a person typed.
   */
  public static String[] lettersAndDigits(String text) {
    return Arrays.stream(NOT_LETTER_OR_DIGIT.split(text.toLowerCase(Locale.ROOT)))
        .filter(w -> !w.isEmpty())
        .toArray(String[]::new);
  }

  /**
   * @return at most {@code maxWords} lower-case words, each cut to {@code maxWordLength}; none for
   *     null or blank text
   */
  public static List<String> split(String text, int maxWords, int maxWordLength) {
    List<String> words = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return words;
    }
    try (TokenStream tokens = WORDS.tokenStream("q", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (words.size() < maxWords && tokens.incrementToken()) {
        String word = term.toString().toLowerCase(Locale.ROOT);
        if (word.length() > maxWordLength) {
          word = word.substring(0, maxWordLength);
        }
        if (!word.isBlank()) {
          words.add(word);
        }
      }
      tokens.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
