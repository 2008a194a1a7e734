package fi.osaava.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deliberately small RFC 4180 writer, independent of {@link CsvReader}, that tests use to produce
 * input whose values and line numbers are known. The random source varies what RFC 4180 leaves
 * open: LF or CRLF after each record, quoting fields that need no quotes, and a line break after
 * the last record.
 */
final class Rfc4180Writer {

  /**
   * The CSV text and, for each data record, the 1-based line it starts on: one more than the LFs
   * written before it.
   */
  record Written(String text, List<Long> recordLines) {}

  private final Random random;

  Rfc4180Writer(Random random) {
    this.random = random;
  }

  Written write(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    List<Long> lines = new ArrayList<>(rows.size());
    long line = 1;
    int counted = 0;
    writeRecord(out, header);
    for (List<String> row : rows) {
      out.append(random.nextBoolean() ? "\n" : "\r\n");
      line += countLineFeeds(out, counted);
      counted = out.length();
      lines.add(line);
      writeRecord(out, row);
    }
    if (random.nextBoolean()) {
      out.append(random.nextBoolean() ? "\n" : "\r\n");
    }
    return new Written(out.toString(), lines);
  }

  private static long countLineFeeds(CharSequence text, int from) {
    return text.subSequence(from, text.length()).chars().filter(c -> c == '\n').count();
  }

  private void writeRecord(StringBuilder out, List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String value = values.get(i);
      // A record whose only value is empty would otherwise be an empty line, which reads as a
      // blank line (or as nothing at the end of the file).
      boolean loneEmpty = values.size() == 1 && value.isEmpty();
      if (needsQuotes(value) || loneEmpty || random.nextInt(4) == 0) {
        out.append('"').append(value.replace("\"", "\"\"")).append('"');
      } else {
        out.append(value);
      }
    }
  }

  private static boolean needsQuotes(String value) {
    // A leading U+FEFF at the very start of the file would be taken for a byte-order mark.
    return value.startsWith("\uFEFF")
        || value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
  }
}
