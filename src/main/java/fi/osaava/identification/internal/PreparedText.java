package fi.osaava.identification.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Text ready for matching: markup, entities, bullets and control characters blanked out in a copy
 * of the same length, so that every offset into {@link #clean} is an offset into the original and
 * evidence can be highlighted where the person wrote it. Then split into sentence spans.
 */
final class PreparedText {

  /** Sentences longer than this (in characters) are cut into pieces: they are lists, not prose. */
  static final int MAX_SENTENCE_LENGTH = 400;

  final String original;
  final String clean;
  final List<int[]> sentences;

  private PreparedText(String original, String clean, List<int[]> sentences) {
    this.original = original;
    this.clean = clean;
    this.sentences = sentences;
  }

  static PreparedText of(String text) {
    char[] chars = text.toCharArray();
    blankMarkup(chars);
    String clean = new String(chars);
    return new PreparedText(text, clean, split(chars));
  }

  /**
   * Tags become spaces (block tags a line break, so list items and paragraphs end sentences);
   * entities become their character followed by spaces; control characters and bullets become
   * spaces or line breaks. Everything keeps its length.
   */
  static void blankMarkup(char[] c) {
    int n = c.length;
    for (int i = 0; i < n; i++) {
      char ch = c[i];
      if (ch == '<') {
        int close = indexOf(c, '>', i + 1, Math.min(n, i + 2_000));
        if (close > 0 && looksLikeTag(c, i + 1)) {
          boolean block = isBlockTag(c, i + 1, close);
          for (int k = i; k <= close; k++) {
            c[k] = ' ';
          }
          if (block) {
            c[i] = '\n';
          }
          i = close;
          continue;
        }
      } else if (ch == '&') {
        int semi = indexOf(c, ';', i + 1, Math.min(n, i + 10));
        if (semi > 0) {
          char decoded = entity(new String(c, i + 1, semi - i - 1));
          if (decoded != 0) {
            c[i] = decoded;
            for (int k = i + 1; k <= semi; k++) {
              c[k] = ' ';
            }
            i = semi;
            continue;
          }
        }
      }
      if (ch == '\r' || ch == '\u2028' || ch == '\u2029' || ch == '\u000B' || ch == '\f') {
        c[i] = '\n';
      } else if (ch == '\t') {
        c[i] = ' ';
      } else if (ch != '\n' && (Character.isISOControl(ch) || isJunk(ch))) {
        c[i] = ' ';
      } else if (isBullet(ch)) {
        c[i] = '\n';
      }
    }
  }

  private static boolean isJunk(char ch) {
    int type = Character.getType(ch);
    return type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE
        || type == Character.FORMAT
        || (type == Character.SURROGATE)
        || ch == '\uFFFD';
  }

  private static boolean isBullet(char ch) {
    return ch == '•' || ch == '▪' || ch == '◦' || ch == '●' || ch == '■' || ch == '►' || ch == '✓';
  }

  private static int indexOf(char[] c, char wanted, int from, int to) {
    for (int i = from; i < to; i++) {
      if (c[i] == wanted) {
        return i;
      }
      if (wanted == ';' && !Character.isLetterOrDigit(c[i]) && c[i] != '#') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean looksLikeTag(char[] c, int i) {
    if (i >= c.length) {
      return false;
    }
    char first = c[i];
    return Character.isLetter(first) || first == '/' || first == '!' || first == '?';
  }

  private static boolean isBlockTag(char[] c, int from, int to) {
    StringBuilder name = new StringBuilder();
    for (int i = from; i < to; i++) {
      char ch = Character.toLowerCase(c[i]);
      if (ch == '/' && name.isEmpty()) {
        continue;
      }
      if (!Character.isLetterOrDigit(ch)) {
        break;
      }
      name.append(ch);
    }
    return switch (name.toString()) {
      case "p",
          "br",
          "li",
          "ul",
          "ol",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "tr",
          "td",
          "th",
          "dt",
          "dd",
          "section",
          "article",
          "blockquote",
          "hr",
          "table" ->
          true;
      default -> false;
    };
  }

  private static char entity(String name) {
    return switch (name) {
      case "amp" -> '&';
      case "lt" -> '<';
      case "gt" -> '>';
      case "quot" -> '"';
      case "apos" -> '\'';
      case "nbsp" -> ' ';
      case "auml" -> 'ä';
      case "ouml" -> 'ö';
      case "aring" -> 'å';
      case "Auml" -> 'Ä';
      case "Ouml" -> 'Ö';
      case "Aring" -> 'Å';
      case "ndash", "mdash" -> '-';
      case "hellip" -> '…';
      default -> numericEntity(name);
    };
  }

  private static char numericEntity(String name) {
    if (name.length() < 2 || name.charAt(0) != '#') {
      return 0;
    }
    try {
      int code =
          name.charAt(1) == 'x' || name.charAt(1) == 'X'
              ? Integer.parseInt(name.substring(2), 16)
              : Integer.parseInt(name.substring(1));
      if (code <= 0 || code > 0xFFFF || Character.isISOControl(code)) {
        return ' ';
      }
      return (char) code;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Sentence ends: a line break; {@code .!?;} followed by a space and then a capital, a digit or a
   * line break (so "e.g. foo" and "3.5" stay together); a dash or asterisk that starts a line (a
   * list item). Very long sentences are cut at the last space before the limit.
   */
  static List<int[]> split(char[] c) {
    List<int[]> sentences = new ArrayList<>();
    int n = c.length;
    int start = 0;
    for (int i = 0; i < n; i++) {
      char ch = c[i];
      boolean end = false;
      int endAt = i;
      if (ch == '\n') {
        end = true;
      } else if ((ch == '.' || ch == '!' || ch == '?' || ch == ';')
          && i + 1 < n
          && Character.isWhitespace(c[i + 1])) {
        int j = i + 1;
        while (j < n && (c[j] == ' ' || c[j] == '\u00A0')) {
          j++;
        }
        if (ch == '.' && isAbbreviation(c, i)) {
          end = false;
        } else if (j >= n
            || c[j] == '\n'
            || Character.isUpperCase(c[j])
            || Character.isDigit(c[j])
            || c[j] == '-'
            || c[j] == '*') {
          end = true;
          endAt = i + 1;
        }
      } else if (i - start > MAX_SENTENCE_LENGTH && Character.isWhitespace(ch)) {
        end = true;
      }
      if (end) {
        add(sentences, c, start, endAt);
        start = endAt;
      }
    }
    add(sentences, c, start, n);
    return sentences;
  }

  private static final java.util.Set<String> ABBREVIATIONS =
      java.util.Set.of(
          "e.g", "i.e", "eg", "ie", "etc", "vs", "esim", "mm", "ns", "ym", "yms", "jne", "tms",
          "ks", "t.ex", "bl.a", "dvs", "osv", "m.fl", "f.eks", "mr", "mrs", "dr", "prof");

  /** Whether the word before the period at {@code dot} is an abbreviation such as "e.g". */
  private static boolean isAbbreviation(char[] c, int dot) {
    int from = dot;
    while (from > 0 && !Character.isWhitespace(c[from - 1]) && dot - from < 8) {
      from--;
    }
    String word = new String(c, from, dot - from).toLowerCase(java.util.Locale.ROOT);
    return ABBREVIATIONS.contains(word);
  }

  private static void add(List<int[]> sentences, char[] c, int from, int to) {
    while (from < to && (Character.isWhitespace(c[from]) || c[from] == '-' || c[from] == '*')) {
      from++;
    }
    while (to > from && Character.isWhitespace(c[to - 1])) {
      to--;
    }
    boolean hasLetterOrDigit = false;
    for (int i = from; i < to && !hasLetterOrDigit; i++) {
      hasLetterOrDigit = Character.isLetterOrDigit(c[i]);
    }
    if (hasLetterOrDigit) {
      sentences.add(new int[] {from, to});
    }
  }
}
