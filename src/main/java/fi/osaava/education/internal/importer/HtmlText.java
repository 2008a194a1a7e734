package fi.osaava.education.internal.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Plain text from the small HTML fragments the national sources publish (paragraphs, headings,
 * lists). The catalogue stores plain text so that pages never render a source's markup.
 */
final class HtmlText {

  private static final Pattern BLOCK_END =
      Pattern.compile("(?i)</(p|h[1-6]|li|div|ul|ol)>|<br\\s*/?>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern LIST_ITEM = Pattern.compile("(?is)<li[^>]*>(.*?)</li>");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n+");
  private static final Pattern SPACES = Pattern.compile("[ \\t\\x0B\\f\\r\\u00A0]+");

  private HtmlText() {}

  static String plain(String html) {
    String text = BLOCK_END.matcher(html).replaceAll("\n");
    text = TAG.matcher(text).replaceAll(" ");
    text = entities(text);
    text = SPACES.matcher(text).replaceAll(" ");
    text = text.lines().map(String::strip).reduce((a, b) -> a + "\n" + b).orElse("");
    return BLANK_LINES.matcher(text).replaceAll("\n").strip();
  }

  /** The items of the HTML lists in a fragment, as plain text; empty when it has no list. */
  static List<String> listItems(@Nullable String html) {
    List<String> items = new ArrayList<>();
    if (html == null) {
      return items;
    }
    Matcher matcher = LIST_ITEM.matcher(html);
    while (matcher.find()) {
      String item = plain(matcher.group(1));
      if (!item.isBlank()) {
        items.add(item);
      }
    }
    return items;
  }

  private static String entities(String text) {
    return text.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&ndash;", "–")
        .replace("&mdash;", "—")
        .replace("&auml;", "ä")
        .replace("&ouml;", "ö")
        .replace("&aring;", "å")
        .replace("&Auml;", "Ä")
        .replace("&Ouml;", "Ö")
        .replace("&Aring;", "Å")
        .replace("&amp;", "&");
  }
}
