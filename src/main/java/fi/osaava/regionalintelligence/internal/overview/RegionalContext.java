package fi.osaava.regionalintelligence.internal.overview;

import fi.osaava.platform.DatasetImporter;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.regions.AreaLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The regional overview's context: Statistics Finland's area statistics (PxWeb JSON, kept verbatim
 * in {@code <data-dir>/regions/statfi/}) imported into {@code ri_area_statistic}, all or nothing,
 * and read back by area. Figures given only per municipality (migration) are summed for a region or
 * sub-region when read.
 */
@Component
public class RegionalContext implements DatasetImporter {

  /** The tables read, by the prefix of their file name. */
  static final List<String> DATASETS =
      List.of("vaerak_11ra", "vkour_12bs", "tjt_14ww", "ssaaty_121w");

  /** A figure with its year. */
  public record Figure(double value, int year) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final JsonMapper json = JsonMapper.builder().build();
  private volatile @Nullable Map<String, Map<String, Figure>> byArea;

  RegionalContext(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  @Override
  public String name() {
    return "regional-context";
  }

  /** After the regional classification, independent of everything else. */
  @Override
  public int order() {
    return 35;
  }

  @Override
  public boolean isImported() {
    return jdbc.sql("select exists (select 1 from ri_area_statistic)")
        .query(Boolean.class)
        .single();
  }

  @Override
  public boolean hasInput(Path referenceData) {
    return !files(referenceData).isEmpty();
  }

  @Override
  public void importFrom(Path referenceData, ImportProgress progress) {
    List<Object[]> rows = new ArrayList<>();
    for (Path file : files(referenceData)) {
      rows.addAll(read(file));
    }
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("delete from ri_area_statistic").update();
          for (Object[] row : rows) {
            jdbc.sql(
                    "insert into ri_area_statistic (dataset, year, level, area_code, measure, value)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(row)
                .update();
          }
        });
    byArea = null;
  }

  private static List<Path> files(Path referenceData) {
    List<Path> files = new ArrayList<>();
    for (String dataset : DATASETS) {
      Path file =
          DatasetImporter.newestFile(
              referenceData.resolve("regions").resolve("statfi"), dataset + "_\\d{4}\\.json");
      if (file != null) {
        files.add(file);
      }
    }
    return files;
  }

  /** A PxWeb JSON table's rows as (dataset, year, level, code, measure, value). */
  List<Object[]> read(Path file) {
    String name = file.getFileName().toString();
    String dataset = name.substring(0, name.lastIndexOf('_'));
    JsonNode root;
    try {
      root = json.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new InvalidInputException(name, 0, "json", "not a PxWeb JSON table");
    }
    List<String> codes = new ArrayList<>();
    List<String> types = new ArrayList<>();
    for (JsonNode column : root.path("columns")) {
      codes.add(column.path("code").asString(""));
      types.add(column.path("type").asString(""));
    }
    List<Object[]> rows = new ArrayList<>();
    int line = 0;
    for (JsonNode row : root.path("data")) {
      line++;
      String area = null;
      Integer year = null;
      int k = 0;
      List<String> measures = new ArrayList<>();
      for (int c = 0; c < codes.size(); c++) {
        switch (types.get(c)) {
          case "t" -> year = year(row.path("key").path(k++).asString(""), name, line);
          case "d" -> area = row.path("key").path(k++).asString("");
          default -> measures.add(codes.get(c));
        }
      }
      String[] levelCode = area == null ? null : levelAndCode(area);
      if (year == null || levelCode == null) {
        if (area == null || area.isBlank() || year == null) {
          throw new InvalidInputException(name, line, "key", "no area or year");
        }
        continue; // areas of no level we show (such as wellbeing services counties)
      }
      JsonNode values = row.path("values");
      for (int m = 0; m < measures.size(); m++) {
        String text = values.path(m).asString("");
        Double value = null;
        if (!text.startsWith(".") && !text.isBlank()) {
          try {
            value = Double.valueOf(text);
          } catch (NumberFormatException e) {
            throw new InvalidInputException(name, line, measures.get(m), "not a number: " + text);
          }
        }
        rows.add(new Object[] {dataset, year, levelCode[0], levelCode[1], measures.get(m), value});
      }
    }
    return rows;
  }

  private static int year(String text, String file, int line) {
    if (!text.matches("[0-9]{4}")) {
      throw new InvalidInputException(file, line, "key", "not a year: " + text);
    }
    return Integer.parseInt(text);
  }

  /** "SSS" the country, "MK01" a region, "SK011" a sub-region, "KU091" a municipality. */
  private static String @Nullable [] levelAndCode(String area) {
    if (area.equals("SSS")) {
      return new String[] {"COUNTRY", ""};
    }
    if (area.length() < 3) {
      return null;
    }
    String code = area.substring(2);
    return switch (area.substring(0, 2)) {
      case "MK" -> new String[] {AreaLevel.REGION.name(), code};
      case "SK" -> new String[] {AreaLevel.SUB_REGION.name(), code};
      case "KU" -> new String[] {AreaLevel.MUNICIPALITY.name(), code};
      default -> null;
    };
  }

  /**
   * The figures of an area by "dataset/measure" ({@code level} null for the country). Migration,
   * which the source gives only per municipality, is summed over the area's municipalities (moves
   * between them included in the in- and out-flows; they cancel in the net).
   */
  public Map<String, Figure> figures(
      @Nullable AreaLevel level, @Nullable String code, List<String> municipalityCodes) {
    Map<String, Map<String, Figure>> all = load();
    Map<String, Figure> result =
        new HashMap<>(
            all.getOrDefault(key(level == null ? "COUNTRY" : level.name(), code), Map.of()));
    if (level != null && level != AreaLevel.MUNICIPALITY) {
      for (String municipality : municipalityCodes) {
        all.getOrDefault(key(AreaLevel.MUNICIPALITY.name(), municipality), Map.of())
            .forEach(
                (measure, f) -> {
                  if (measure.startsWith("ssaaty_121w/")) {
                    result.merge(measure, f, (a, b) -> new Figure(a.value() + b.value(), a.year()));
                  }
                });
      }
    }
    return result;
  }

  private static String key(String level, @Nullable String code) {
    return level + ":" + (code == null ? "" : code);
  }

  private Map<String, Map<String, Figure>> load() {
    Map<String, Map<String, Figure>> loaded = byArea;
    if (loaded == null) {
      Map<String, Map<String, Figure>> map = new HashMap<>();
      jdbc.sql(
              "select dataset, year, level, area_code, measure, value from ri_area_statistic"
                  + " where value is not null")
          .query(
              rs -> {
                map.computeIfAbsent(key(rs.getString(3), rs.getString(4)), k -> new HashMap<>())
                    .put(
                        rs.getString(1) + "/" + rs.getString(5),
                        new Figure(rs.getDouble(6), rs.getInt(2)));
              });
      loaded = map;
      byArea = map;
    }
    return loaded;
  }
}
