package fi.osaava.identification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into lower-case words. Hyphens split (so {@code sosiaali- ja terveysala} and {@code
 * problem-solving} give their parts); dots, apostrophes and colons stay inside a word between
 * letters or digits ({@code node.js}, {@code EU:n}); {@code +} and {@code #} stay at the end of a
 * word ({@code C++}, {@code C#}), because those are names of skills.
 */
final class Tokenizer {

  /** Longer runs are not words; they are cut so junk cannot make huge tokens. */
  static final int MAX_WORD_LENGTH = 60;

  private Tokenizer() {}

  static List<Token> tokenize(String text, int from, int to) {
    List<Token> tokens = new ArrayList<>();
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < to) {
        char ch = text.charAt(i);
        if (Character.isLetterOrDigit(ch)) {
          i++;
        } else if ((ch == '.' || ch == '\'' || ch == '’' || ch == ':')
            && i + 1 < to
            && Character.isLetterOrDigit(text.charAt(i + 1))
            && Character.isLetterOrDigit(text.charAt(i - 1))) {
          i++;
        } else {
          break;
        }
      }
      while (i < to && (text.charAt(i) == '+' || text.charAt(i) == '#') && i - start < 4) {
        i++;
      }
      int end = i;
      if (end - start > MAX_WORD_LENGTH) {
        continue;
      }
      tokens.add(
          new Token(
              text.substring(start, end).toLowerCase(Locale.ROOT).replace('’', '\''),
              start,
              end,
              tokens.size()));
    }
    return tokens;
  }

  /** The words of a label, for indexing. */
  static List<String> words(String label) {
    List<Token> tokens = tokenize(label, 0, label.length());
    List<String> words = new ArrayList<>(tokens.size());
    for (Token token : tokens) {
      words.add(token.word());
    }
    return words;
  }
}
