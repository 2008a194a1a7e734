package fi.osaava.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-line JSON objects that commands print last, for scripts to read, written by Jackson. A
 * metric that is not a number or a truth value is written as its text, and a number JSON cannot
 * hold (NaN, infinity) as {@code null}, so that every line stays plain JSON.
 */
final class Json {

  private Json() {}

  static String object(Map<String, ?> values) {
    Map<String, Object> plain = new LinkedHashMap<>();
    values.forEach((key, value) -> plain.put(key, plain(value)));
    return JsonMapper.shared().writeValueAsString(plain);
  }

  private static Object plain(Object value) {
    if (value instanceof Double d && !Double.isFinite(d)
        || value instanceof Float f && !Float.isFinite(f)) {
      return null;
    }
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    return value.toString();
  }
}
