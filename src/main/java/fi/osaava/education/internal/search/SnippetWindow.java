package fi.osaava.education.internal.search;

import java.util.ArrayList;
import java.util.List;

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
    List<String> units = units(html);
    int visible = 0;
    int firstMark = -1;
    List<Integer> visibleIndex = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      String unit = units.get(i);
      if (unit.equals(OPEN) && firstMark < 0) {
        firstMark = visibleIndex.size();
      }
      if (!isTag(unit)) {
        visibleIndex.add(i);
        visible++;
      }
    }
    if (visible <= length) {
      return html;
    }
    int start = firstMark < 0 ? 0 : Math.max(0, firstMark - before);
    // Start at a word: after the nearest space within a few characters before the cut.
    for (int back = start; start > 0 && back > 0 && start - back < WORD; back--) {
      if (units.get(visibleIndex.get(back - 1)).isBlank()) {
        start = back;
        break;
      }
    }
    int end = Math.min(visible, start + length);
    while (end < visible && !units.get(visibleIndex.get(end)).isBlank()) {
      end++;
    }
    int from = start == 0 ? 0 : visibleIndex.get(start);
    int to = end == visible ? units.size() : visibleIndex.get(end);
    StringBuilder out = new StringBuilder();
    // A window that starts inside a mark opens it again.
    boolean marked = false;
    for (int i = 0; i < from; i++) {
      if (units.get(i).equals(OPEN)) {
        marked = true;
      } else if (units.get(i).equals(CLOSE)) {
        marked = false;
      }
    }
    if (marked) {
      out.append(OPEN);
    }
    for (int i = from; i < to; i++) {
      String unit = units.get(i);
      if (unit.equals(OPEN)) {
        marked = true;
      } else if (unit.equals(CLOSE)) {
        marked = false;
      }
      out.append(unit);
    }
    if (marked) {
      out.append(CLOSE);
    }
    return out.toString().strip();
  }

  private static boolean isTag(String unit) {
    return unit.equals(OPEN) || unit.equals(CLOSE);
  }

  /** The snippet as tags, entities and single characters (surrogate pairs kept together). */
  private static List<String> units(String html) {
    List<String> units = new ArrayList<>();
    int i = 0;
    while (i < html.length()) {
      int next;
      if (html.startsWith(OPEN, i)) {
        next = i + OPEN.length();
      } else if (html.startsWith(CLOSE, i)) {
        next = i + CLOSE.length();
      } else if (html.charAt(i) == '&'
          && html.indexOf(';', i) > i
          && html.indexOf(';', i) - i < ENTITY) {
        next = html.indexOf(';', i) + 1;
      } else {
        next = html.offsetByCodePoints(i, 1);
      }
      units.add(html.substring(i, next));
      i = next;
    }
    return units;
  }
}
