package fi.osaava.platform;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Bad input data, located precisely enough that a person can fix it: the file (or source), the
 * 1-based line, and the field. The message always names all three that are known.
 */
public class InvalidInputException extends RuntimeException {

  private final String source;
  private final long line;
  private final @Nullable String field;
  private final String problem;

  public InvalidInputException(String source, long line, @Nullable String field, String problem) {
    this(source, line, field, problem, null);
  }

  public InvalidInputException(
      String source, long line, @Nullable String field, String problem, @Nullable Throwable cause) {
    super(format(source, line, field, problem), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.field = field;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  private static String format(String source, long line, @Nullable String field, String problem) {
    StringBuilder b = new StringBuilder(source);
    if (line > 0) {
      b.append(", line ").append(line);
    }
    if (field != null) {
      b.append(", field '").append(field).append('\'');
    }
    return b.append(": ").append(problem).toString();
  }

  /** The file or stream the input came from. */
  public String source() {
    return source;
  }

  /** 1-based line where the bad record starts, or 0 when the problem is not tied to a line. */
  public long line() {
    return line;
  }

  /** The column or field name, or null when the problem is not tied to one field. */
  public @Nullable String field() {
    return field;
  }

  /** What is wrong, without the location. */
  public String problem() {
    return problem;
  }
}
