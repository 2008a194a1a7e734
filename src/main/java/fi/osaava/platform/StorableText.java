package fi.osaava.platform;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The one rule for text that comes from outside and may be stored: PostgreSQL's {@code text} cannot
 * hold U+0000 (NUL), so a NUL anywhere in a request parameter, a JSON string or an imported field
 * is refused with a 400 naming the field, never stripped (a silently changed value could change its
 * meaning). Every other Unicode character is stored as it is; lone surrogates reach the database as
 * {@code ?} through the driver's UTF-8 encoder, which is harmless.
 */
public final class StorableText {

  /** What is wrong, for error messages that already name the field. */
  public static final String PROBLEM =
      "contains a NUL character (U+0000), which cannot be stored; remove it";

  private StorableText() {}

  /** Whether the database can store {@code text} as it is; null counts as storable. */
  public static boolean isStorable(CharSequence text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\u0000') {
        return false;
      }
    }
    return true;
  }

  /**
   * The path (such as {@code hasCourseInstance[0].name}) of the first property name or string value
   * in a JSON document that the database cannot store, for readers of pushed or imported JSON.
   */
  public static Optional<String> unstorableField(JsonNode node) {
    return unstorableField(node, "");
  }

  private static Optional<String> unstorableField(JsonNode node, String path) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isString()) {
      return isStorable(node.stringValue())
          ? Optional.empty()
          : Optional.of(path.isEmpty() ? "(document)" : path);
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = unstorableField(node.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        String name = property.getKey();
        String child = path.isEmpty() ? name : path + "." + name;
        if (!isStorable(name)) {
          return Optional.of(path.isEmpty() ? "(property name)" : path + ".(property name)");
        }
        Optional<String> found = unstorableField(property.getValue(), child);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }
}
