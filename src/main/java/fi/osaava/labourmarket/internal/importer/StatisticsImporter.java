package fi.osaava.labourmarket.internal.importer;

import fi.osaava.labourmarket.StatisticsImportReport;
import fi.osaava.platform.CsvReader;
import fi.osaava.platform.CsvRecord;
import fi.osaava.platform.DataChanges;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.SnapshotShrinkGuard;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.TaxonomyApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports the Statistics Finland employment-service series, the ESCO occupation indicators and the
 * boundaries of regions and municipalities. Everything is parsed and matched first and then written
 * in one transaction that replaces the previous import, so a bad row anywhere leaves the database
 * as it was and a rerun of the same files ends in the same rows.
 */
@Component
public class StatisticsImporter {

  private static final Logger log = LoggerFactory.getLogger(StatisticsImporter.class);

  static final String OCCUPATIONS = "statfi/data_ammatit_1270.csv";
  static final String REGIONS = "statfi/data_maakunta_1001.csv";
  static final String SUB_REGIONS = "statfi/data_seutukunta_1001.csv";
  static final String MUNICIPALITIES = "statfi/data_kunta_1001.csv";
  static final String FLOW = "statfi/data_maakunta_2310.csv";
  static final String INDICATORS = "esco-occupation-indicators-fi.csv";
  static final String REGION_GEO = "regions/geo/regions-2023.geojson";
  static final String MUNICIPALITY_GEO = "regions/geo/municipalities-2023.geojson";

  /** The national total row of the occupation series, which is no ISCO group. */
  static final String TOTAL_CODE = "SSS";

  private final JdbcClient jdbc;

  /** For the batched inserts, which {@link JdbcClient} has no operation for. */
  private final JdbcTemplate batch;

  private final TransactionTemplate transaction;
  private final TaxonomyApi taxonomy;
  private final RegionsApi regions;
  private final DataChanges dataChanges;
  private final JsonMapper json = JsonMapper.builder().build();

  StatisticsImporter(
      JdbcClient jdbc,
      JdbcTemplate batch,
      TransactionTemplate transaction,
      TaxonomyApi taxonomy,
      RegionsApi regions,
      DataChanges dataChanges) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.transaction = transaction;
    this.taxonomy = taxonomy;
    this.regions = regions;
    this.dataChanges = dataChanges;
  }

  /** Whether the data directory holds every input file. */
  public static boolean hasInput(Path referenceData) {
    Path lm = referenceData.resolve("labour-market");
    return Files.isRegularFile(lm.resolve(OCCUPATIONS))
        && Files.isRegularFile(lm.resolve(REGIONS))
        && Files.isRegularFile(lm.resolve(SUB_REGIONS))
        && Files.isRegularFile(lm.resolve(MUNICIPALITIES))
        && Files.isRegularFile(lm.resolve(FLOW))
        && Files.isRegularFile(lm.resolve(INDICATORS))
        && Files.isRegularFile(referenceData.resolve(REGION_GEO))
        && Files.isRegularFile(referenceData.resolve(MUNICIPALITY_GEO));
  }

  public boolean isImported() {
    return jdbc.sql("select count(*) from lm_dataset").query(Integer.class).single() > 0;
  }

  public StatisticsImportReport importFrom(Path referenceData, ImportProgress progress) {
    return importFrom(referenceData, false, progress);
  }

  /**
   * @param allowShrink replace a file's rows even when it has far fewer than the previous import
   *     had ({@link SnapshotShrinkGuard}); otherwise such a file, more likely truncated than a real
   *     change, refuses the whole import
   */
  public StatisticsImportReport importFrom(
      Path referenceData, boolean allowShrink, ImportProgress progress) {
    long started = System.currentTimeMillis();
    Path lm = referenceData.resolve("labour-market");
    progress.report("Reading " + OCCUPATIONS);
    FileRows occupations = readOccupations(lm);
    progress.report("Reading the regional series");
    List<FileRows> areas = readAreaSeries(lm);
    progress.report("Reading " + FLOW);
    FileRows flow = readVacancyFlow(lm);
    progress.report("Reading " + INDICATORS);
    FileRows indicators = readIndicators(lm);
    progress.report("Reading the boundaries");
    List<FileRows> boundaries =
        List.of(
            new FileRows(
                REGION_GEO,
                boundaries(referenceData.resolve(REGION_GEO), REGION_GEO, AreaLevel.REGION),
                List.of()),
            new FileRows(
                MUNICIPALITY_GEO,
                boundaries(
                    referenceData.resolve(MUNICIPALITY_GEO),
                    MUNICIPALITY_GEO,
                    AreaLevel.MUNICIPALITY),
                List.of()));
    progress.report("Reading the current snapshots");
    Map<String, EmploymentSnapshotReader.Snapshot> snapshots = readSnapshots(lm);

    Map<String, Integer> rows = new LinkedHashMap<>();
    areas.forEach(f -> rows.put(f.file(), f.rows().size()));
    snapshots.forEach((name, s) -> rows.put(name, s.rows().size() / s.measures().size()));
    for (FileRows f : concat(List.of(occupations, flow, indicators), boundaries)) {
      rows.put(f.file(), f.rows().size());
    }
    Map<String, List<String>> unmatched = new LinkedHashMap<>();
    for (FileRows f : concat(concat(List.of(occupations), areas), List.of(flow))) {
      if (!f.unmatched().isEmpty()) {
        unmatched.put(f.file(), f.unmatched());
      }
    }

    progress.report("Writing");
    Timestamp now = Timestamp.from(Instant.now());
    transaction.executeWithoutResult(
        status -> {
          checkShrink(rows, allowShrink);
          dataChanges.record(StatisticsImportReport.DATASET);
          jdbc.sql(
                  "truncate lm_dataset, lm_occupation_series, lm_area_series, lm_vacancy_flow,"
                      + " lm_occupation_indicator, lm_boundary")
              .update();
          writeSeries(occupations, concat(areas), flow);
          writeIndicators(indicators);
          batch.batchUpdate(
              "insert into lm_boundary (level, code, name_fi, name_sv, geometry)"
                  + " values (?, ?, ?, ?, ?)",
              concat(boundaries));
          writeSnapshots(snapshots.values());
          for (var entry : rows.entrySet()) {
            List<String> names = unmatched.getOrDefault(entry.getKey(), List.of());
            jdbc.sql(
                    "insert into lm_dataset (name, imported_at, rows, unmatched)"
                        + " values (?, ?, ?, ?)")
                .params(entry.getKey(), now, entry.getValue(), names.toArray(String[]::new))
                .update();
          }
        });
    unmatched.forEach(
        (file, names) -> log.warn("{}: {} names matched no code: {}", file, names.size(), names));
    return new StatisticsImportReport(rows, unmatched, System.currentTimeMillis() - started);
  }

  /**
   * The rows read from one input file, ready to insert, and the names in it that matched no code.
   */
  private record FileRows(String file, List<Object[]> rows, List<String> unmatched) {}

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private static List<Object[]> concat(List<FileRows> files) {
    List<Object[]> all = new ArrayList<>();
    files.forEach(f -> all.addAll(f.rows()));
    return all;
  }

  /** Jobseekers and vacancies by occupation group, the group matched to its ISCO code. */
  private FileRows readOccupations(Path lm) {
    IscoMatcher isco = new IscoMatcher(taxonomy);
    List<Object[]> rows = new ArrayList<>();
    Unmatched unmatched = new Unmatched();
    read(
        lm.resolve(OCCUPATIONS),
        OCCUPATIONS,
        Set.of("Ammattiryhma", "Tyottomat", "Avoimet_tyopaikat", "time"),
        r -> {
          String name = r.required("Ammattiryhma").replaceAll("\\s+", " ");
          String code = isco.match(name);
          if (code == null) {
            unmatched.add(name);
          }
          rows.add(
              new Object[] {
                name, code, month(r, "time"), count(r, "Tyottomat"), count(r, "Avoimet_tyopaikat")
              });
        });
    return new FileRows(OCCUPATIONS, rows, unmatched.describe());
  }

  /** Unemployment, labour force and vacancies by region, sub-region and municipality. */
  private List<FileRows> readAreaSeries(Path lm) {
    List<FileRows> files = new ArrayList<>();
    for (var file :
        List.of(
            Map.entry(REGIONS, AreaLevel.REGION),
            Map.entry(SUB_REGIONS, AreaLevel.SUB_REGION),
            Map.entry(MUNICIPALITIES, AreaLevel.MUNICIPALITY))) {
      String column =
          switch (file.getValue()) {
            case REGION -> "maakunta";
            case SUB_REGION -> "seutukunta";
            case MUNICIPALITY -> "kunta";
          };
      AreaMatcher matcher = new AreaMatcher(regions, file.getValue());
      Unmatched missing = new Unmatched();
      List<Object[]> rows = new ArrayList<>();
      read(
          lm.resolve(file.getKey()),
          file.getKey(),
          Set.of("Tyottomat", "Tyovoima", "Avoimet_tyopaikat", "time", column),
          r -> {
            String name = r.required(column);
            String code = matcher.code(name);
            if (code == null) {
              missing.add(name);
            }
            rows.add(
                new Object[] {
                  file.getValue().name(),
                  name,
                  code,
                  month(r, "time"),
                  count(r, "Tyottomat"),
                  count(r, "Tyovoima"),
                  count(r, "Avoimet_tyopaikat")
                });
          });
      files.add(new FileRows(file.getKey(), rows, missing.describe()));
    }
    return files;
  }

  /** Vacancies open, new and filled per month and region, with their mean days open. */
  private FileRows readVacancyFlow(Path lm) {
    List<Object[]> rows = new ArrayList<>();
    Unmatched unmatched = new Unmatched();
    AreaMatcher regionMatcher = new AreaMatcher(regions, AreaLevel.REGION);
    read(
        lm.resolve(FLOW),
        FLOW,
        Set.of(
            "Avoimet_tyopaikat_kauden_aikana",
            "Uudet_avoimet_tyopaikat_kauden_aikana",
            "Tayttyneet_tyopaikat_kauden_aikana",
            "Tayttyneiden_tyopaikkojen_avoinnaolon_km_kesto_paivaa",
            "time",
            "maakunta"),
        r -> {
          String name = r.required("maakunta");
          String code = regionMatcher.code(name);
          if (code == null) {
            unmatched.add(name);
          }
          rows.add(
              new Object[] {
                name,
                code,
                month(r, "time"),
                count(r, "Avoimet_tyopaikat_kauden_aikana"),
                count(r, "Uudet_avoimet_tyopaikat_kauden_aikana"),
                count(r, "Tayttyneet_tyopaikat_kauden_aikana"),
                count(r, "Tayttyneiden_tyopaikkojen_avoinnaolon_km_kesto_paivaa")
              });
        });
    return new FileRows(FLOW, rows, unmatched.describe());
  }

  /** Labour-market indicators per ESCO occupation, one line per occupation. */
  private static FileRows readIndicators(Path lm) {
    List<Object[]> rows = new ArrayList<>();
    Map<String, Long> lines = new HashMap<>();
    read(
        lm.resolve(INDICATORS),
        INDICATORS,
        Set.of("conceptUri", "AMMATTI"),
        r -> {
          String uri = r.required("conceptUri");
          if (!uri.startsWith("http://data.europa.eu/esco/occupation/")) {
            throw r.invalid("conceptUri", "not an ESCO occupation URI: '" + uri + "'");
          }
          Long first = lines.putIfAbsent(uri, r.line());
          if (first != null) {
            throw r.invalid("conceptUri", "the occupation is already on line " + first);
          }
          Double decile = decimal(r, "Palkkadesiili (mediaanituntipalkka)");
          rows.add(
              new Object[] {
                uri,
                r.required("AMMATTI"),
                decimal(r, "Työvoima (tietosuojattu)"),
                decimal(r, "Avoimet työpaikat laskentapäivänä (12 kk KA, painotettu)"),
                decimal(r, "Vakanssiaste"),
                decimal(r, "0-2 työttömyysriskin työttömyysaste"),
                decimal(r, "Vuokratyö TAI ei-kokoaikatyö TAI lyhyt määräaikainen, %"),
                decile == null ? null : (int) Math.round(decile),
                decimal(r, "Kokonaisansion mediaani, e/tunti"),
                decimal(r, "Työvoimapula (%)"),
                decimal(r, "Kohtaanto-ongelma (%)"),
                decimal(r, "Työvoimapulan volyymi (ml. negatiiviset)"),
                decimal(r, "Ulkomaalaistaustaisten osuus työllisistä")
              });
        });
    return new FileRows(INDICATORS, rows, List.of());
  }

  /** The current PxWeb snapshots by file name relative to the labour-market folder. */
  private static Map<String, EmploymentSnapshotReader.Snapshot> readSnapshots(Path lm) {
    Map<String, EmploymentSnapshotReader.Snapshot> snapshots = new LinkedHashMap<>();
    try {
      EmploymentSnapshotReader reader = new EmploymentSnapshotReader();
      for (Path file : EmploymentSnapshotReader.files(lm)) {
        String name = lm.relativize(file).toString();
        snapshots.put(name, reader.read(file, name));
      }
    } catch (IOException e) {
      throw new InvalidInputException(
          EmploymentSnapshotReader.FOLDER, 0, null, "cannot list: " + e.getMessage(), e);
    }
    return snapshots;
  }

  private void writeSeries(FileRows occupations, List<Object[]> areaRows, FileRows flow) {
    batch.batchUpdate(
        "insert into lm_occupation_series (group_name, isco_code, month, jobseekers,"
            + " vacancies) values (?, ?, ?, ?, ?)",
        occupations.rows(),
        new int[] {Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.INTEGER, Types.INTEGER});
    batch.batchUpdate(
        "insert into lm_area_series (level, area_name, area_code, month, unemployed,"
            + " labour_force, vacancies) values (?, ?, ?, ?, ?, ?, ?)",
        areaRows,
        new int[] {
          Types.VARCHAR,
          Types.VARCHAR,
          Types.VARCHAR,
          Types.DATE,
          Types.INTEGER,
          Types.INTEGER,
          Types.INTEGER
        });
    batch.batchUpdate(
        "insert into lm_vacancy_flow (area_name, area_code, month, open_during, new_during,"
            + " filled_during, mean_days_open) values (?, ?, ?, ?, ?, ?, ?)",
        flow.rows(),
        new int[] {
          Types.VARCHAR,
          Types.VARCHAR,
          Types.DATE,
          Types.INTEGER,
          Types.INTEGER,
          Types.INTEGER,
          Types.INTEGER
        });
  }

  private void writeIndicators(FileRows indicators) {
    int[] types = new int[13];
    java.util.Arrays.fill(types, Types.DOUBLE);
    types[0] = Types.VARCHAR;
    types[1] = Types.VARCHAR;
    types[7] = Types.INTEGER;
    batch.batchUpdate(
        "insert into lm_occupation_indicator values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        indicators.rows(),
        types);
  }

  /** The snapshots' figures and their measures' names, upserted: newer months add to older. */
  private void writeSnapshots(Iterable<EmploymentSnapshotReader.Snapshot> snapshots) {
    for (EmploymentSnapshotReader.Snapshot snapshot : snapshots) {
      batch.batchUpdate(
          "insert into lm_current_area (source_code, level, area_code, month, measure,"
              + " value) values (?, ?, ?, ?, ?, ?)"
              + " on conflict (source_code, month, measure) do update set value ="
              + " excluded.value",
          snapshot.rows(),
          new int[] {
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.DOUBLE
          });
      for (EmploymentSnapshotReader.Measure measure : snapshot.measures()) {
        jdbc.sql(
                "insert into lm_current_measure (measure, label_fi, updated, source)"
                    + " values (?, ?, ?, ?) on conflict (measure) do update set label_fi ="
                    + " excluded.label_fi, updated = excluded.updated, source = excluded.source")
            .param(measure.code())
            .param(measure.labelFi())
            .param(snapshot.updated())
            .param(snapshot.source())
            .update();
      }
    }
  }

  /** Refuses a file that has implausibly fewer rows than the previous import had from it. */
  private void checkShrink(Map<String, Integer> rows, boolean allowShrink) {
    jdbc.sql("select name, rows from lm_dataset for update")
        .query(
            rs -> {
              Integer now = rows.get(rs.getString(1));
              int before = rs.getInt(2);
              if (now != null) {
                SnapshotShrinkGuard.check(
                    rs.getString(1),
                    "rows of the previous import",
                    before,
                    Math.max(0, before - now),
                    allowShrink);
              }
            });
  }

  private interface RowHandler {
    void handle(CsvRecord record);
  }

  private static void read(Path file, String source, Set<String> columns, RowHandler handler) {
    try (InputStream in = Files.newInputStream(file);
        CsvReader csv = CsvReader.open(in, source)) {
      csv.requireColumns(columns);
      for (CsvRecord r = csv.next(); r != null; r = csv.next()) {
        handler.handle(r);
      }
    } catch (IOException e) {
      throw new InvalidInputException(source, 0, null, "cannot read: " + e.getMessage(), e);
    }
  }

  static Date month(CsvRecord r, String column) {
    String value = r.required(column);
    try {
      LocalDate date = LocalDate.parse(value);
      if (date.getDayOfMonth() != 1) {
        throw r.invalid(
            column, "a month is written as its first day (YYYY-MM-01): '" + value + "'");
      }
      return Date.valueOf(date);
    } catch (DateTimeParseException e) {
      throw r.invalid(column, "not a date YYYY-MM-DD: '" + value + "'");
    }
  }

  /** A count; {@code NA} and blanks are figures the source suppresses or lacks. */
  static @Nullable Integer count(CsvRecord r, String column) {
    String value = r.text(column);
    if (value == null || value.equals("NA")) {
      return null;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < 0) {
        throw r.invalid(column, "a count cannot be negative: " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw r.invalid(column, "not a whole number: '" + value + "'");
    }
  }

  /** A decimal; {@code .} is the indicator file's mark for a figure it does not give. */
  static @Nullable Double decimal(CsvRecord r, String column) {
    String value = r.text(column);
    if (value == null || value.equals(".") || value.equals("NA")) {
      return null;
    }
    try {
      double d = Double.parseDouble(value);
      if (!Double.isFinite(d)) {
        throw r.invalid(column, "not a finite number: '" + value + "'");
      }
      return d;
    } catch (NumberFormatException e) {
      throw r.invalid(column, "not a number: '" + value + "'");
    }
  }

  private List<Object[]> boundaries(Path file, String source, AreaLevel level) {
    JsonNode root;
    try {
      root = json.readTree(file.toFile());
    } catch (RuntimeException e) {
      throw new InvalidInputException(source, 0, null, "not valid JSON: " + e.getMessage(), e);
    }
    JsonNode features = root.path("features");
    if (!features.isArray()) {
      throw new InvalidInputException(source, 0, "features", "a FeatureCollection is expected");
    }
    List<Object[]> result = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    int index = 0;
    for (JsonNode feature : features) {
      String where = "features[" + index + "]";
      String code = feature.path("properties").path("NATCODE").asString("").strip();
      String name = feature.path("properties").path("NAMEFIN").asString("").strip();
      if (!code.matches("\\d{1,3}")) {
        throw new InvalidInputException(
            source, 0, where + ".properties.NATCODE", "a numeric code is required: '" + code + "'");
      }
      if (name.isEmpty()) {
        throw new InvalidInputException(
            source, 0, where + ".properties.NAMEFIN", "a name is required");
      }
      String type = feature.path("geometry").path("type").asString("");
      if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
        throw new InvalidInputException(
            source,
            0,
            where + ".geometry.type",
            "Polygon or MultiPolygon expected: '" + type + "'");
      }
      String padded = level == AreaLevel.REGION ? pad(code, 2) : pad(code, 3);
      if (seen.putIfAbsent(padded, index) != null) {
        throw new InvalidInputException(
            source, 0, where + ".properties.NATCODE", "code " + padded + " appears twice");
      }
      String sv = feature.path("properties").path("NAMESWE").asString("").strip();
      result.add(
          new Object[] {
            level.name(),
            padded,
            name,
            sv.isEmpty() ? null : sv,
            json.writeValueAsString(feature.path("geometry"))
          });
      index++;
    }
    return result;
  }

  private static String pad(String code, int width) {
    return "0".repeat(Math.max(0, width - code.length())) + code;
  }

  static String fold(String name) {
    String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** Counts the rows of each unmatched name, so the report says how much is uncoded. */
  private static final class Unmatched {
    private final Map<String, Integer> rows = new TreeMap<>();

    void add(String name) {
      rows.merge(name, 1, Integer::sum);
    }

    List<String> describe() {
      return rows.entrySet().stream()
          .map(e -> e.getKey() + " (" + e.getValue() + " rows)")
          .toList();
    }
  }

  /** Region names through the regions module, remembered per name. */
  private static final class AreaMatcher {
    private final RegionsApi regions;
    private final AreaLevel level;
    private final Map<String, Optional<String>> cache = new HashMap<>();

    AreaMatcher(RegionsApi regions, AreaLevel level) {
      this.regions = regions;
      this.level = level;
    }

    @Nullable String code(String name) {
      return cache.computeIfAbsent(name, this::find).orElse(null);
    }

    /** Bilingual municipalities appear as "Maarianhamina - Mariehamn": either name will do. */
    private Optional<String> find(String name) {
      Optional<String> whole = regions.areaByName(level, name).map(Area::code);
      if (whole.isPresent() || !name.contains(" - ")) {
        return whole;
      }
      for (String part : name.split(" - ")) {
        Optional<String> code = regions.areaByName(level, part).map(Area::code);
        if (code.isPresent()) {
          return code;
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Occupation group names of the statistics ("2654 Ohjaajat ja tuottajat") to ESCO's ISCO-08 unit
   * groups: by the leading code when ESCO has that group, else by the Finnish preferred label. The
   * Statistics Finland groups that are no occupation (X…: students, no occupation) stay unmatched.
   */
  static final class IscoMatcher {
    private final Map<String, String> byCode = new HashMap<>();
    private final Map<String, String> byLabel = new HashMap<>();

    IscoMatcher(TaxonomyApi taxonomy) {
      taxonomy.forEachConcept(
          Set.of(ConceptType.ISCO_GROUP),
          (ConceptRecord c) -> {
            // ISCO group URIs end in C<code>, such as .../isco/C2654.
            String uri = c.uri().value();
            String code =
                c.iscoCode() != null ? c.iscoCode() : uri.substring(uri.lastIndexOf('/') + 2);
            byCode.put(code, code);
            String fi = c.preferredLabel(Language.FI);
            if (fi != null) {
              byLabel.put(fold(fi), code);
            }
          });
    }

    @Nullable String match(String name) {
      if (name.startsWith(TOTAL_CODE + " ")) {
        return TOTAL_CODE;
      }
      int space = name.indexOf(' ');
      if (space > 0) {
        String code = name.substring(0, space);
        if (byCode.containsKey(code)) {
          return code;
        }
        String label = byLabel.get(fold(name.substring(space + 1)));
        if (label != null) {
          return label;
        }
      }
      return byLabel.get(fold(name));
    }
  }
}
