package fi.osaava.education.internal.importer;

import fi.osaava.platform.Language;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reading the national sources' JSON: multilingual objects ({@code {"fi": …, "sv": …}}). */
final class JsonFields {

  private JsonFields() {}

  /** The text of a string field, or null when missing, null, blank or the sources' "-". */
  static @Nullable String text(@Nullable JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isString()) {
      return null;
    }
    String text = value.stringValue().strip();
    return text.isEmpty() || text.equals("-") ? null : text;
  }

  /** fi/sv/en texts of a multilingual object; HTML is turned into plain text when asked. */
  static Map<Language, String> languages(@Nullable JsonNode node, boolean html) {
    Map<Language, String> texts = new EnumMap<>(Language.class);
    if (node == null || !node.isObject()) {
      return texts;
    }
    for (Language language : List.of(Language.FI, Language.SV, Language.EN)) {
      String text = text(node, language.code());
      if (text != null) {
        texts.put(language, html ? HtmlText.plain(text) : text);
      }
    }
    texts.values().removeIf(String::isBlank);
    return texts;
  }

  /**
   * The last part of a code URI such as {@code kunta_091#2}: {@code 091}; null when there is no
   * URI.
   */
  static @Nullable String codeValueOrNull(@Nullable String uri) {
    return uri == null ? null : codeValue(uri);
  }

  /** The last part of a code URI such as {@code kunta_091#2}: {@code 091}. */
  static String codeValue(String uri) {
    String withoutVersion = uri.split("#", 2)[0];
    int underscore = withoutVersion.lastIndexOf('_');
    return underscore < 0 ? withoutVersion : withoutVersion.substring(underscore + 1);
  }
}
