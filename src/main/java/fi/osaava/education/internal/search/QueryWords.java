package fi.osaava.education.internal.search;

import fi.osaava.platform.Language;
import fi.osaava.text.StopWords;
import fi.osaava.text.Words;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;

/** What a person typed into the education search, as at most a dozen words ({@link Words}). */
final class QueryWords {

  static final int MAX_WORDS = 12;
  static final int MAX_WORD_LENGTH = 40;

  private QueryWords() {}

  static List<String> of(String text) {
    return Words.split(text, MAX_WORDS, MAX_WORD_LENGTH);
  }

  /**
   * The words without the function words of the reader's language ("in", "och", "ja"), which match
   * nearly every description and so only slow a query down and widen it; all of them when nothing
   * else is left.
   */
  static List<String> contentWords(List<String> words, Language language) {
    CharArraySet stop = StopWords.search(language.locale());
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
