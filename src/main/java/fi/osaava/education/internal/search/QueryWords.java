package fi.osaava.education.internal.search;

import fi.osaava.platform.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Splits what a person typed into words with the same Unicode rules as the index analysers. Words
 * are only ever matched as words, so {@code title:(a OR b)~2 *?} is four plain words and no input
 * can become query syntax. Bounded, so pasted text cannot become a huge query.
 */
final class QueryWords {

  static final int MAX_WORDS = 12;
  static final int MAX_WORD_LENGTH = 40;

  private static final Analyzer WORDS =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          return new TokenStreamComponents(new StandardTokenizer());
        }
      };

  private QueryWords() {}

  static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return words;
    }
    try (TokenStream tokens = WORDS.tokenStream("q", text)) {
      CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
      tokens.reset();
      while (words.size() < MAX_WORDS && tokens.incrementToken()) {
        String word = term.toString().toLowerCase(Locale.ROOT);
        if (word.length() > MAX_WORD_LENGTH) {
          word = word.substring(0, MAX_WORD_LENGTH);
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

  /**
   * The words without the function words of the reader's language ("in", "och", "ja"), which match
   * nearly every description and so only slow a query down and widen it; all of them when nothing
   * else is left.
   */
  static List<String> contentWords(List<String> words, Language language) {
    CharArraySet stop =
        switch (language) {
          case FI -> FinnishAnalyzer.getDefaultStopSet();
          case SV -> SwedishAnalyzer.getDefaultStopSet();
          default -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        };
    List<String> content = words.stream().filter(w -> !stop.contains(w)).toList();
    return content.isEmpty() ? words : content;
  }

  /** Typos allowed in a word: none in short words, one from five letters, two from nine. */
  static int allowedEdits(String word) {
    int length = word.codePointCount(0, word.length());
    if (length >= 9) {
      return 2;
    }
    return length >= 5 ? 1 : 0;
  }
}
