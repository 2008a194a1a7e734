package fi.osaava.platform;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One CSV record, with the line it starts on so errors can point at it. */
public record CsvRecord(
    String source, long line, List<String> values, Map<String, Integer> columns) {

  /** The value of a column, or null when the header has no such column. */
  public @Nullable String get(String column) {
    Integer index = columns.get(column);
    return index == null ? null : values.get(index);
  }

  /** The stripped value, or null when the column is absent or the value blank. */
  public @Nullable String text(String column) {
    String value = get(column);
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** The stripped value; fails naming this record's line and the column when it is blank. */
  public String required(String column) {
    String value = text(column);
    if (value == null) {
      throw invalid(column, "a value is required");
    }
    return value;
  }

  public InvalidInputException invalid(String column, String problem) {
    return new InvalidInputException(source, line, column, problem);
  }
}
