package fi.osaava.education.internal.search;

/**
 * Cuts a highlighted snippet to a readable window around its first marked word. The highlighter's
 * passages are sentences, and a list of learning outcomes has no full stops, so one "sentence" can
 * be a whole description of a thousand characters, which a result list (and a phone) shows as a
 * wall of text. The snippet is HTML as the highlighter encodes it: text with entities ({@code
 * &amp;}) and {@code <mark>}/{@code </mark>} tags only; the window never splits an entity or a tag,
 * cuts at spaces where it can, and closes a mark it cuts through.
 */
final class SnippetWindow {

  private static final String OPEN = "<mark>";
  private static final String CLOSE = "</mark>";

  /** How far back the window's start looks for a space: about a long word. */
  private static final int WORD = 24;

  /** The longest entity the HTML encoder writes ({@code &#x10ffff;}). */
  private static final int ENTITY = 10;

  private SnippetWindow() {}

  /**
   * @param html an encoded snippet
   * @param length the most visible characters kept (an entity counts as one), besides the rest of a
   *     word cut at the end
   * @param before how many of them come before the first mark, at most
   */
  static String around(String html, int length, int before) {
    // Where each visible unit (a character, or an entity) starts; tags are not units.
    int[] starts = new int[html.length()];
    int visible = 0;
    int firstMark = -1;
    for (int i = 0; i < html.length(); ) {
      if (html.startsWith(OPEN, i)) {
        firstMark = firstMark < 0 ? visible : firstMark;
        i += OPEN.length();
      } else if (html.startsWith(CLOSE, i)) {
        i += CLOSE.length();
      } else {
        starts[visible++] = i;
        i = nextUnit(html, i);
      }
    }
    if (visible <= length) {
      return html;
    }
    int start = firstMark < 0 ? 0 : Math.max(0, firstMark - before);
    // Start at a word: after the nearest space within a few characters before the cut.
    for (int back = start; start > 0 && back > 0 && start - back < WORD; back--) {
      if (Character.isWhitespace(html.charAt(starts[back - 1]))) {
        start = back;
        break;
      }
    }
    int end = Math.min(visible, start + length);
    while (end < visible && !Character.isWhitespace(html.charAt(starts[end]))) {
      end++;
    }
    int from = start == 0 ? 0 : starts[start];
    int to = end == visible ? html.length() : starts[end];
    StringBuilder out = new StringBuilder(to - from + OPEN.length() + CLOSE.length());
    // A window that starts inside a mark opens it again, and one that ends inside closes it.
    if (markedBefore(html, from)) {
      out.append(OPEN);
    }
    out.append(html, from, to);
    if (markedBefore(html, to)) {
      out.append(CLOSE);
    }
    return out.toString().strip();
  }

  /** Whether the text before {@code offset} leaves a mark open. */
  private static boolean markedBefore(String html, int offset) {
    return html.lastIndexOf(OPEN, offset - OPEN.length())
        > html.lastIndexOf(CLOSE, offset - CLOSE.length());
  }

  /** Where the unit at {@code i} ends: an entity whole, a surrogate pair whole. */
  private static int nextUnit(String html, int i) {
    if (html.charAt(i) == '&') {
      int semicolon = html.indexOf(';', i);
      if (semicolon > i && semicolon - i < ENTITY) {
        return semicolon + 1;
      }
    }
    return html.offsetByCodePoints(i, 1);
  }
}
