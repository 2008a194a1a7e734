package fi.osaava.regions.internal;

import fi.osaava.platform.CsvReader;
import fi.osaava.platform.CsvRecord;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Statistics Finland's municipality classification with its regions and sub-regions ({@code
 * municipalities-YYYY.csv}: one row per municipality, codes and fi/sv/en names for each level).
 * Regions and sub-regions are derived from the rows, and a region or sub-region whose code comes
 * with different names on different rows is an error rather than a silent pick.
 */
final class MunicipalityFile {

  static final String MUNICIPALITY = "kunta";
  static final String REGION = "maakunta_code";
  static final String SUB_REGION = "seutukunta_code";
  private static final Set<String> REQUIRED =
      Set.of(
          MUNICIPALITY,
          "municipality_name_fi",
          REGION,
          "maakunta_name_fi",
          SUB_REGION,
          "seutukunta_name_fi");

  /** What one file holds. */
  record Content(List<Area> areas, int year, int municipalities) {}

  private MunicipalityFile() {}

  static Content read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString());
    } catch (IOException e) {
      throw new InvalidInputException(
          file.toString(), 0, null, "cannot be read: " + e.getMessage());
    }
  }

  static Content read(InputStream in, String source) {
    Map<String, Area> regions = new LinkedHashMap<>();
    Map<String, Area> subRegions = new LinkedHashMap<>();
    Map<String, Area> municipalities = new LinkedHashMap<>();
    int year = 0;
    try (CsvReader csv = CsvReader.open(in, source)) {
      csv.requireColumns(REQUIRED);
      for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
        String region = code(row, REGION, 2);
        String subRegion = code(row, SUB_REGION, 3);
        String municipality = code(row, MUNICIPALITY, 3);
        Area regionArea =
            new Area(AreaLevel.REGION, region, names(row, "maakunta_name_"), region, null);
        Area subRegionArea =
            new Area(AreaLevel.SUB_REGION, subRegion, names(row, "seutukunta_name_"), region, null);
        Area municipalityArea =
            new Area(
                AreaLevel.MUNICIPALITY,
                municipality,
                names(row, "municipality_name_"),
                region,
                subRegion);
        putConsistent(regions, regionArea, row, "maakunta_name_fi");
        putConsistent(subRegions, subRegionArea, row, "seutukunta_name_fi");
        if (municipalities.putIfAbsent(municipality, municipalityArea) != null) {
          throw row.invalid(MUNICIPALITY, "municipality " + municipality + " appears twice");
        }
        String rowYear = row.text("year");
        if (rowYear != null) {
          year = parseYear(row, rowYear);
        }
      }
    }
    if (municipalities.isEmpty()) {
      throw new InvalidInputException(source, 2, MUNICIPALITY, "the file has no municipalities");
    }
    List<Area> all = new ArrayList<>(regions.values());
    all.addAll(subRegions.values());
    all.addAll(municipalities.values());
    return new Content(all, year, municipalities.size());
  }

  private static void putConsistent(Map<String, Area> areas, Area area, CsvRecord row, String f) {
    Area earlier = areas.putIfAbsent(area.code(), area);
    if (earlier != null && !earlier.names().equals(area.names())) {
      throw row.invalid(
          f,
          "code "
              + area.code()
              + " was named "
              + earlier.names().get(Language.FI)
              + " on an earlier row but "
              + area.names().get(Language.FI)
              + " here");
    }
  }

  /** Official codes are numbers; files write them with or without leading zeros. */
  private static String code(CsvRecord row, String column, int width) {
    String value = row.required(column);
    if (!value.matches("[0-9]{1," + width + "}")) {
      throw row.invalid(
          column, "expected a code of up to " + width + " digits, not '" + value + "'");
    }
    return pad(value, width);
  }

  static String pad(String code, int width) {
    String digits = code.strip();
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  private static int parseYear(CsvRecord row, String value) {
    if (!value.matches("(19|20)[0-9]{2}")) {
      throw row.invalid("year", "expected a year such as 2026, not '" + value + "'");
    }
    return Integer.parseInt(value);
  }

  /** fi is required; sv and en are optional and English falls back to Finnish when absent. */
  private static Map<Language, String> names(CsvRecord row, String prefix) {
    Map<Language, String> names = new EnumMap<>(Language.class);
    names.put(Language.FI, row.required(prefix + "fi"));
    for (Language language : List.of(Language.SV, Language.EN)) {
      String name = row.text(prefix + language.code());
      if (name != null) {
        names.put(language, name);
      }
    }
    return names;
  }
}
