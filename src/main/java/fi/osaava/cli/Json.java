package fi.osaava.cli;

import java.util.Map;
import java.util.stream.Collectors;

/** The one-line JSON objects that commands print last, for scripts to read. */
final class Json {

  private Json() {}

  static String object(Map<String, Object> values) {
    return values.entrySet().stream()
        .map(e -> quote(e.getKey()) + ":" + value(e.getValue()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String value(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number || value instanceof Boolean) {
      if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
        return "null";
      }
      return value.toString();
    }
    return quote(value.toString());
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
