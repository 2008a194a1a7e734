package fi.osaava.regions.internal;

import fi.osaava.platform.DataChanged;
import fi.osaava.platform.DataChanges;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.platform.SnapshotShrinkGuard;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.regions.RegionsImportApi;
import fi.osaava.regions.RegionsImported;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The classification in memory (a few hundred rows), read from the database on first use and again
 * after every import, so lookups from importers and pages never touch the database.
 */
@Service
class RegionsService implements RegionsApi, RegionsImportApi {

  private final JdbcClient jdbc;

  /** Only for batch updates, which {@link JdbcClient} does not have. */
  private final JdbcTemplate jdbcBatch;

  private final ApplicationEventPublisher events;
  private final DataChanges dataChanges;
  private volatile @Nullable Snapshot snapshot;

  RegionsService(
      JdbcClient jdbc,
      JdbcTemplate jdbcBatch,
      ApplicationEventPublisher events,
      DataChanges dataChanges) {
    this.jdbc = jdbc;
    this.jdbcBatch = jdbcBatch;
    this.events = events;
    this.dataChanges = dataChanges;
  }

  /** Read again on next use, also after an import beside the service or on another node. */
  @EventListener
  void onDataChanged(DataChanged event) {
    if (event.concerns(RegionsImported.DATASET)) {
      snapshot = null;
    }
  }

  @Override
  public List<Area> areas(AreaLevel level) {
    return snapshot().byLevel.getOrDefault(level, List.of());
  }

  @Override
  public Optional<Area> area(AreaLevel level, String code) {
    if (code == null || !code.strip().matches("[0-9]{1,3}")) {
      return Optional.empty();
    }
    String padded = MunicipalityFile.pad(code, level == AreaLevel.REGION ? 2 : 3);
    return Optional.ofNullable(Objects.requireNonNull(snapshot().byCode.get(level)).get(padded));
  }

  @Override
  public Optional<Area> areaByName(AreaLevel level, String name) {
    if (name == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        Objects.requireNonNull(snapshot().byName.get(level)).get(normalise(name)));
  }

  @Override
  public List<Area> municipalitiesIn(AreaLevel level, String code) {
    Optional<Area> container = area(level, code);
    if (container.isEmpty() || level == AreaLevel.MUNICIPALITY) {
      return container.stream().toList();
    }
    String wanted = container.get().code();
    return areas(AreaLevel.MUNICIPALITY).stream()
        .filter(m -> wanted.equals(level == AreaLevel.REGION ? m.regionCode() : m.subRegionCode()))
        .toList();
  }

  /** Whether any classification has been imported. */
  boolean isImported() {
    Integer imports = jdbc.sql("select count(*) from regions_import").query(Integer.class).single();
    return imports != null && imports > 0;
  }

  /** Overrides the interface's default so that the call through the proxy is transactional. */
  @Override
  @Transactional
  public Optional<RegionsImported> importFile(Path file, ImportProgress progress) {
    return importFile(file, false, progress);
  }

  @Override
  @Transactional
  public Optional<RegionsImported> importFile(
      Path file, boolean allowShrink, ImportProgress progress) {
    String digest = sha256(file);
    jdbc.sql("select pg_advisory_xact_lock(hashtext('regions_import'))").query().listOfRows();
    List<String> latest =
        jdbc.sql("select sha256 from regions_import order by id desc limit 1")
            .query(String.class)
            .list();
    if (!latest.isEmpty() && latest.getFirst().equals(digest)) {
      progress.report("regional classification already imported, nothing changed");
      return Optional.empty();
    }
    MunicipalityFile.Content content = MunicipalityFile.read(file);
    List<String> current =
        jdbc.sql("select code from regions_area where level = ?")
            .param(AreaLevel.MUNICIPALITY.name())
            .query(String.class)
            .list();
    java.util.Set<String> kept =
        content.areas().stream()
            .filter(a -> a.level() == AreaLevel.MUNICIPALITY)
            .map(Area::code)
            .collect(java.util.stream.Collectors.toSet());
    SnapshotShrinkGuard.check(
        file.getFileName().toString(),
        "current municipalities",
        current.size(),
        current.stream().filter(code -> !kept.contains(code)).count(),
        allowShrink);
    jdbc.sql("delete from regions_area").update();
    jdbcBatch.batchUpdate(
        "insert into regions_area (level, code, name_fi, name_sv, name_en, region_code,"
            + " sub_region_code) values (?, ?, ?, ?, ?, ?, ?)",
        content.areas(),
        500,
        (statement, area) -> {
          statement.setString(1, area.level().name());
          statement.setString(2, area.code());
          statement.setString(3, area.names().get(Language.FI));
          statement.setString(4, area.names().get(Language.SV));
          statement.setString(5, area.names().get(Language.EN));
          statement.setString(6, area.regionCode());
          statement.setString(7, area.subRegionCode());
        });
    jdbc.sql(
            "insert into regions_import (source, sha256, year, municipalities) values (?, ?, ?, ?)")
        // One by one: param(Object) takes a null (SQL NULL), params(Object...) is typed as not.
        .param(file.getFileName().toString())
        .param(digest)
        .param(content.year() == 0 ? null : content.year())
        .param(content.municipalities())
        .update();
    dataChanges.record(RegionsImported.DATASET);
    snapshot = null;
    RegionsImported imported = new RegionsImported(content.year(), content.municipalities());
    events.publishEvent(imported);
    progress.report(
        String.format(
            "regional classification %s: %d municipalities, %d sub-regions, %d regions",
            content.year() == 0 ? "" : content.year(),
            content.municipalities(),
            content.areas().stream().filter(a -> a.level() == AreaLevel.SUB_REGION).count(),
            content.areas().stream().filter(a -> a.level() == AreaLevel.REGION).count()));
    return Optional.of(imported);
  }

  private Snapshot snapshot() {
    Snapshot current = snapshot;
    if (current == null) {
      current = load();
      snapshot = current;
    }
    return current;
  }

  private Snapshot load() {
    List<Area> all =
        jdbc.sql(
                "select level, code, name_fi, name_sv, name_en, region_code, sub_region_code"
                    + " from regions_area order by level, code")
            .query(
                (rs, n) -> {
                  Map<Language, String> names = new EnumMap<>(Language.class);
                  names.put(Language.FI, rs.getString("name_fi"));
                  if (rs.getString("name_sv") != null) {
                    names.put(Language.SV, rs.getString("name_sv"));
                  }
                  if (rs.getString("name_en") != null) {
                    names.put(Language.EN, rs.getString("name_en"));
                  }
                  return new Area(
                      AreaLevel.valueOf(rs.getString("level")),
                      rs.getString("code"),
                      names,
                      rs.getString("region_code"),
                      rs.getString("sub_region_code"));
                })
            .list();
    return new Snapshot(all);
  }

  /**
   * Lower case without accents, dashes or repeated blanks: "Etelä-Pohjanmaa", "etela pohjanmaa" and
   * " ETELÄ–POHJANMAA " are one name.
   */
  static String normalise(String name) {
    String decomposed = Normalizer.normalize(name.strip(), Normalizer.Form.NFD);
    return decomposed
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\p{Pd}_\\s]+", " ")
        .strip();
  }

  private static String sha256(Path file) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The classification indexed by level, code and normalised name. */
  private static final class Snapshot {
    final Map<AreaLevel, List<Area>> byLevel = new EnumMap<>(AreaLevel.class);
    final Map<AreaLevel, Map<String, Area>> byCode = new EnumMap<>(AreaLevel.class);
    final Map<AreaLevel, Map<String, Area>> byName = new EnumMap<>(AreaLevel.class);

    // Every level has its entries from the first loop on, hence the requireNonNull.
    Snapshot(List<Area> all) {
      for (AreaLevel level : AreaLevel.values()) {
        byLevel.put(level, new ArrayList<>());
        byCode.put(level, new HashMap<>());
        byName.put(level, new HashMap<>());
      }
      for (Area area : all) {
        Objects.requireNonNull(byLevel.get(area.level())).add(area);
        Objects.requireNonNull(byCode.get(area.level())).put(area.code(), area);
        // Official names first, so that a Swedish name equal to another area's Finnish one
        // (there is none today) could not shadow it.
        area.names()
            .values()
            .forEach(
                n ->
                    Objects.requireNonNull(byName.get(area.level()))
                        .putIfAbsent(normalise(n), area));
      }
      byLevel.replaceAll(
          (level, areas) -> areas.stream().sorted(Comparator.comparing(Area::code)).toList());
    }
  }
}
