package fi.osaava.education.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random snippets as the highlighter encodes them (words with entities, marks, newlines,
 * characters outside the BMP), each window checked against what the original says: its visible text
 * is a piece of the original's, its marks are balanced, no entity is split, it keeps the first
 * marked word, and it is short.
 */
class SnippetWindowTest {

  private static final String[] PIECES = {
    "a", "ä", "ö", "k", "s", "t", "&amp;", "&#39;", "&lt;", "&quot;", "\uD83C\uDF93", "1", "-"
  };

  @Test
  void windowsAreShortPiecesOfTheSnippetAroundItsFirstMark() {
    Random random = new Random(20261207L);
    int shortened = 0;
    for (int round = 0; round < 2_000; round++) {
      StringBuilder html = new StringBuilder();
      int longestWord = 0;
      String firstMarked = null;
      for (int w = random.nextInt(200); w >= 0; w--) {
        StringBuilder word = new StringBuilder();
        int letters = 1 + random.nextInt(15);
        for (int l = 0; l < letters; l++) {
          word.append(PIECES[random.nextInt(PIECES.length)]);
        }
        longestWord = Math.max(longestWord, letters);
        if (random.nextInt(12) == 0) {
          firstMarked = firstMarked == null ? word.toString() : firstMarked;
          html.append("<mark>").append(word).append("</mark>");
        } else {
          html.append(word);
        }
        html.append(random.nextInt(8) == 0 ? "\n" : " ");
      }
      String snippet = html.toString().strip();
      int length = 20 + random.nextInt(300);
      int lead = random.nextInt(length / 2);
      String window = SnippetWindow.around(snippet, length, lead);
      String context = "round " + round + ": " + window;

      List<String> visible = visible(window);
      if (visible(snippet).size() <= length) {
        assertThat(window).as(context).isEqualTo(snippet);
        continue;
      }
      shortened++;
      assertThat(String.join("", visible(snippet))).as(context).contains(String.join("", visible));
      assertThat(visible.size()).as(context).isLessThanOrEqualTo(length + longestWord);
      assertThat(balanced(window)).as(context).isTrue();
      if (firstMarked != null && lead + 24 + longestWord < length) {
        assertThat(window).as(context).contains("<mark>" + firstMarked + "</mark>");
      }
    }
    assertThat(shortened).as("windows that cut the snippet").isGreaterThan(500);
  }

  @Test
  void aWindowInsideAMarkOpensAndClosesIt() {
    String window = SnippetWindow.around("<mark>aaa bbb ccc ddd eee</mark> fff", 7, 0);
    assertThat(window).isEqualTo("<mark>aaa bbb</mark>");
  }

  /** The visible units: characters, entities as one, tags left out; fails on a split entity. */
  private static List<String> visible(String html) {
    List<String> units = new ArrayList<>();
    String text = html.replace("<mark>", "").replace("</mark>", "");
    for (int i = 0; i < text.length(); ) {
      int next = text.offsetByCodePoints(i, 1);
      if (text.charAt(i) == '&') {
        next = text.indexOf(';', i) + 1;
        assertThat(next).as("an entity in %s", html).isGreaterThan(i + 1);
        assertThat(List.of("&amp;", "&#39;", "&lt;", "&quot;")).contains(text.substring(i, next));
      }
      units.add(text.substring(i, next));
      i = next;
    }
    return units;
  }

  private static boolean balanced(String html) {
    boolean open = false;
    for (int i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
      if (html.startsWith("<mark>", i) && !open) {
        open = true;
      } else if (html.startsWith("</mark>", i) && open) {
        open = false;
      } else {
        return false;
      }
    }
    return !open;
  }
}
