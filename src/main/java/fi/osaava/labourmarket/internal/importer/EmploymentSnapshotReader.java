package fi.osaava.labourmarket.internal.importer;

import fi.osaava.platform.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the monthly employment-service snapshots by area (KEHA-keskus table 12r5, PxWeb JSON as the
 * API returned it): {@code columns} name the area, the month and the measures; each {@code data}
 * row holds an area code and month as its key and one value per measure, with {@code ..} and {@code
 * ...} for figures the source suppresses. Nothing is written here; the statistics import writes
 * what this returns in its one transaction.
 */
final class EmploymentSnapshotReader {

  /** The folder and name pattern of the snapshots under {@code labour-market}. */
  static final String FOLDER = "statfi/pxweb-2026";

  private static final Pattern FILE = Pattern.compile("tyonv_12r5_(\\d{4})M(\\d{2})\\.json");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})M(\\d{2})");
  private static final Pattern CODE = Pattern.compile("(SSS|MK|SK|KU)(\\d{1,3})?");

  private final JsonMapper json = JsonMapper.builder().build();

  /** One measure: its code in the file and its Finnish label. */
  record Measure(String code, String labelFi) {}

  /** What a snapshot file holds, ready to write. */
  record Snapshot(
      String source, List<Measure> measures, List<Object[]> rows, @Nullable String updated) {}

  /** The snapshot files in the labour-market folder, oldest month first; none is fine. */
  static List<Path> files(Path labourMarket) throws IOException {
    Path folder = labourMarket.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.list(folder)) {
      return paths
          .filter(p -> FILE.matcher(p.getFileName().toString()).matches())
          .sorted()
          .toList();
    }
  }

  /**
   * Reads one file. Rows are {@code source_code, level, area_code, month, measure, value}.
   *
   * @throws InvalidInputException naming the file, the data row and the field
   */
  Snapshot read(Path file, String source) {
    JsonNode root;
    try {
      root = json.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new InvalidInputException(source, 0, null, "not valid JSON: " + e.getMessage(), e);
    }
    JsonNode columns = root.path("columns");
    if (!columns.isArray() || columns.size() < 3) {
      throw new InvalidInputException(
          source, 0, "columns", "an area, a month and at least one measure are expected");
    }
    if (!"d".equals(columns.get(0).path("type").asString(""))
        || !"t".equals(columns.get(1).path("type").asString(""))) {
      throw new InvalidInputException(
          source,
          0,
          "columns",
          "the first column must be the area (d) and the second the month (t)");
    }
    List<Measure> measures = new ArrayList<>();
    for (int i = 2; i < columns.size(); i++) {
      JsonNode column = columns.get(i);
      String code = column.path("code").asString("");
      if (code.isBlank() || !"c".equals(column.path("type").asString(""))) {
        throw new InvalidInputException(
            source, 0, "columns[" + i + "]", "a measure column (type c) with a code is expected");
      }
      measures.add(new Measure(code, column.path("text").asString(code)));
    }
    JsonNode data = root.path("data");
    if (!data.isArray() || data.isEmpty()) {
      throw new InvalidInputException(source, 0, "data", "no data rows");
    }
    List<Object[]> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int index = 0;
    for (JsonNode row : data) {
      index++;
      String where = "data[" + (index - 1) + "]";
      JsonNode key = row.path("key");
      JsonNode values = row.path("values");
      if (!key.isArray() || key.size() != 2) {
        throw new InvalidInputException(source, 0, where + ".key", "an area and a month expected");
      }
      if (!values.isArray() || values.size() != measures.size()) {
        throw new InvalidInputException(
            source,
            0,
            where + ".values",
            measures.size() + " values expected, found " + values.size());
      }
      String area = key.get(0).asString("").strip();
      Date month = month(key.get(1).asString(""), source, where + ".key[1]");
      if (area.isEmpty() || !seen.add(area + "/" + month)) {
        throw new InvalidInputException(
            source, 0, where + ".key[0]", "missing or repeated area '" + area + "'");
      }
      String[] level = level(area);
      for (int m = 0; m < measures.size(); m++) {
        String text = values.get(m).asString("").strip();
        rows.add(
            new Object[] {
              area,
              level[0],
              level[1],
              month,
              measures.get(m).code(),
              value(text, source, where + ".values[" + m + "]")
            });
      }
    }
    String updated = null;
    String origin = null;
    JsonNode metadata = root.path("metadata");
    if (metadata.isArray() && !metadata.isEmpty()) {
      updated = metadata.get(0).path("updated").asString(null);
      origin = metadata.get(0).path("source").asString(null);
    }
    return new Snapshot(
        origin == null ? source : origin + " (" + source + ")", measures, rows, updated);
  }

  /** Level and official code of a source area code: MK06 is region 06, KU091 municipality 091. */
  private static @Nullable String[] level(String code) {
    Matcher m = CODE.matcher(code);
    if (!m.matches()) {
      return new String[] {"OTHER", null};
    }
    return switch (m.group(1)) {
      case "SSS" -> m.group(2) == null ? new String[] {"COUNTRY", null} : other();
      case "MK" -> m.group(2) == null ? other() : new String[] {"REGION", pad(m.group(2), 2)};
      case "SK" -> m.group(2) == null ? other() : new String[] {"SUB_REGION", pad(m.group(2), 3)};
      default -> m.group(2) == null ? other() : new String[] {"MUNICIPALITY", pad(m.group(2), 3)};
    };
  }

  private static String[] other() {
    return new String[] {"OTHER", null};
  }

  private static String pad(String digits, int width) {
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  private static Date month(String text, String source, String field) {
    Matcher m = MONTH.matcher(text.strip());
    if (!m.matches()) {
      throw new InvalidInputException(
          source, 0, field, "a month such as 2026M06 is expected, found '" + text + "'");
    }
    try {
      YearMonth month =
          YearMonth.parse(m.group(1) + "-" + m.group(2), DateTimeFormatter.ofPattern("yyyy-MM"));
      return Date.valueOf(month.atDay(1));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(source, 0, field, "not a month: '" + text + "'", e);
    }
  }

  /** {@code ..} and {@code ...} are PxWeb's marks for a suppressed or missing figure. */
  private static @Nullable Double value(String text, String source, String field) {
    if (text.isEmpty() || text.chars().allMatch(c -> c == '.')) {
      return null;
    }
    try {
      double v = Double.parseDouble(text);
      if (!Double.isFinite(v) || v < 0) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          source, 0, field, "a non-negative number or '..' is expected, found '" + text + "'");
    }
  }
}
