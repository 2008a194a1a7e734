package fi.osaava.labourmarket.internal.web;

import fi.osaava.labourmarket.internal.analytics.Forecasts;
import fi.osaava.labourmarket.internal.analytics.Trends;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The figures behind the labour-market pages and API, read from the module's tables. */
@Component
class LabourMarketViews {

  static final String STATISTICS_SOURCE =
      "Statistics Finland / Ministry of Economic Affairs and Employment, employment service"
          + " statistics (CC BY 4.0)";

  private final JdbcClient jdbc;
  private final TaxonomyApi taxonomy;
  private final RegionsApi regions;
  private final Trends trends;
  private final Forecasts forecasts;

  LabourMarketViews(
      JdbcClient jdbc,
      TaxonomyApi taxonomy,
      RegionsApi regions,
      Trends trends,
      Forecasts forecasts) {
    this.jdbc = jdbc;
    this.taxonomy = taxonomy;
    this.regions = regions;
    this.trends = trends;
    this.forecasts = forecasts;
  }

  /** One month of the occupation series. */
  record MonthRow(LocalDate month, @Nullable Integer vacancies, @Nullable Integer jobseekers) {}

  List<MonthRow> occupationSeries(String isco) {
    return jdbc.sql(
            "select month, sum(vacancies) as v, sum(jobseekers) as j, count(vacancies) as nv,"
                + " count(jobseekers) as nj from lm_occupation_series where isco_code = ?"
                + " group by month order by month")
        .param(isco)
        .query(
            (rs, i) ->
                new MonthRow(
                    rs.getDate("month").toLocalDate(),
                    rs.getInt("nv") == 0 ? null : rs.getInt("v"),
                    rs.getInt("nj") == 0 ? null : rs.getInt("j")))
        .list();
  }

  /** Indicators of the ISCO group (the same for each of its ESCO occupations in the file). */
  @Nullable Map<String, Object> groupIndicators(String isco) {
    List<Map<String, Object>> rows =
        jdbc.sql("select * from lm_occupation_indicator where isco_group like ? limit 1")
            .param(isco + " %")
            .query()
            .listOfRows();
    return rows.isEmpty() ? null : rows.getFirst();
  }

  /** The window of the latest 12 months of ads: first and last month. */
  LocalDate @Nullable [] adWindow() {
    LocalDate last =
        jdbc.sql("select max(month) from lm_demand_ads")
            .query(LocalDate.class)
            .optional()
            .orElse(null);
    if (last == null) {
      return null;
    }
    return new LocalDate[] {last.minusMonths(11), last};
  }

  boolean synthetic() {
    return Boolean.TRUE.equals(
        jdbc.sql("select exists (select 1 from lm_job_ad where synthetic)")
            .query(Boolean.class)
            .single());
  }

  long adCount(String isco, LocalDate[] window) {
    Long n =
        jdbc.sql(
                "select coalesce(sum(ads), 0) from lm_demand_ads where month between ? and ?"
                    + " and (?::text is null or isco_code = ?)")
            .params(Date.valueOf(window[0]), Date.valueOf(window[1]), isco, isco)
            .query(Long.class)
            .single();
    return n == null ? 0 : n;
  }

  /** Ads of the window by region code, or by sub-region code (through their municipality). */
  Map<String, Double> adsByArea(String isco, LocalDate[] window, boolean subRegions) {
    Map<String, Double> result = new LinkedHashMap<>();
    if (!subRegions) {
      jdbc.sql(
              "select region_code, sum(ads) as n from lm_demand_ads where month between ? and ?"
                  + " and (?::text is null or isco_code = ?) and region_code <> '' group by 1")
          .params(Date.valueOf(window[0]), Date.valueOf(window[1]), isco, isco)
          .query(
              rs -> {
                result.put(rs.getString(1), rs.getDouble(2));
              });
      return result;
    }
    Map<String, String> subRegionOf = subRegionOfMunicipality();
    jdbc.sql(
            "select municipality_code, count(*) from lm_job_ad where duplicate_of is null"
                + " and date_posted >= ? and date_posted < ? and (?::text is null or isco_code = ?)"
                + " and municipality_code is not null group by 1")
        .params(Date.valueOf(window[0]), Date.valueOf(window[1].plusMonths(1)), isco, isco)
        .query(
            rs -> {
              String sub = subRegionOf.get(rs.getString(1));
              if (sub != null) {
                result.merge(sub, rs.getDouble(2), Double::sum);
              }
            });
    return result;
  }

  Map<String, String> subRegionOfMunicipality() {
    Map<String, String> map = new HashMap<>();
    for (Area a : regions.areas(AreaLevel.MUNICIPALITY)) {
      if (a.subRegionCode() != null) {
        map.put(a.code(), a.subRegionCode());
      }
    }
    return map;
  }

  Map<String, String> areaNames(AreaLevel level, Language language) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Area a : regions.areas(level)) {
      names.put(a.code(), a.name(language).text());
    }
    return names;
  }

  /** A requested item with its label and figures. */
  record SkillRow(String uri, LocalizedText label, long ads, double share) {}

  List<SkillRow> topSkills(String isco, LocalDate[] window, Language language, int limit) {
    long total = adCount(isco, window);
    List<String> uris = new ArrayList<>();
    List<Long> counts = new ArrayList<>();
    // All groups together come from the national rollup, many times smaller than the aggregate.
    jdbc.sql(
            isco == null
                ? "select skill_uri, sum(ads) as n from lm_demand_skill_national where month"
                    + " between ? and ? group by 1 order by 2 desc, 1 limit ?"
                : "select skill_uri, sum(ads) as n from lm_demand_skill where month between ? and"
                    + " ? and isco_code = ? group by 1 order by 2 desc, 1 limit ?")
        .params(
            isco == null
                ? List.of(Date.valueOf(window[0]), Date.valueOf(window[1]), limit)
                : List.of(Date.valueOf(window[0]), Date.valueOf(window[1]), isco, limit))
        .query(
            rs -> {
              uris.add(rs.getString(1));
              counts.add(rs.getLong(2));
            });
    Map<String, LocalizedText> labels = labels(uris, language);
    List<SkillRow> rows = new ArrayList<>();
    for (int i = 0; i < uris.size(); i++) {
      rows.add(
          new SkillRow(
              uris.get(i),
              labelOrUri(labels, uris.get(i)),
              counts.get(i),
              total == 0 ? 0 : counts.get(i) / (double) total));
    }
    return rows;
  }

  /**
   * Labels of ESCO concepts in {@code language}, each with its own language. ESCO has no Finnish
   * names for ISCO groups; for Finnish, the unit groups (four digits) take Statistics Finland's
   * names from the occupation series (Ammattiluokitus 2010, which is ISCO-08), imported with it;
   * other groups stay in English, flagged as a fallback.
   */
  Map<String, LocalizedText> labels(List<String> uris, Language language) {
    Map<String, LocalizedText> labels = new HashMap<>();
    for (ConceptSummary s :
        taxonomy.summaries(uris.stream().map(ConceptUri::new).toList(), language)) {
      if (s.label() != null) {
        labels.put(s.uri().value(), s.label());
      }
    }
    if (language == Language.FI) {
      Map<String, String> finnish = null;
      for (String uri : uris) {
        LocalizedText label = labels.get(uri);
        if (uri.startsWith(ConceptUri.ISCO_GROUP) && (label == null || label.fallback())) {
          if (finnish == null) {
            finnish = finnishGroupNames();
          }
          String name = finnish.get(uri.substring(ConceptUri.ISCO_GROUP.length()));
          if (name != null) {
            labels.put(uri, new LocalizedText(name, Language.FI, false));
          }
        }
      }
    }
    return labels;
  }

  /** One label, in {@code language} where the data has it (see {@link #labels}). */
  LocalizedText label(String uri, LocalizedText esco, Language language) {
    LocalizedText own = labels(List.of(uri), language).get(uri);
    return own != null ? own : esco;
  }

  static LocalizedText labelOrUri(Map<String, LocalizedText> labels, String uri) {
    LocalizedText label = labels.get(uri);
    return label != null ? label : new LocalizedText(uri, Language.FALLBACK, false);
  }

  /**
   * Statistics Finland's Finnish names of the ISCO-08 unit groups by code, as the occupation series
   * names them ("2512 Sovellussuunnittelijat" → 2512: Sovellussuunnittelijat).
   */
  private Map<String, String> finnishGroupNames() {
    Map<String, String> names = new HashMap<>();
    jdbc.sql(
            "select distinct on (isco_code) isco_code, group_name from lm_occupation_series"
                + " where isco_code ~ '^[0-9]{4}$' order by isco_code, month desc")
        .query(
            rs -> {
              String code = rs.getString(1);
              String name = rs.getString(2);
              if (name.startsWith(code + " ")) {
                name = name.substring(code.length() + 1);
              }
              names.put(code, name.strip());
            });
    return names;
  }

  static String iscoUri(String code) {
    return ConceptUri.iscoGroup(code).value();
  }

  /** A trend with its label, for tables. */
  record TrendRow(
      String item,
      @Nullable String code,
      LocalizedText label,
      long before,
      long after,
      double shareBefore,
      double shareAfter,
      double z,
      double p) {}

  /** Rising and declining items with labels; {@code kind} decides skills or ISCO groups. */
  record TrendView(Trends.Result result, List<TrendRow> rising, List<TrendRow> declining) {}

  TrendView trends(Trends.Kind kind, @Nullable String region, Language language, int limit) {
    Trends.Result r = trends.trends(kind, region);
    List<Trends.Trend> up = r.rising().stream().limit(limit).toList();
    List<Trends.Trend> down = r.declining().stream().limit(limit).toList();
    List<String> uris = new ArrayList<>();
    for (Trends.Trend t : concat(up, down)) {
      uris.add(kind == Trends.Kind.SKILL ? t.item() : iscoUri(t.item()));
    }
    Map<String, LocalizedText> labels = labels(uris, language);
    java.util.function.Function<Trends.Trend, TrendRow> row =
        t -> {
          boolean skill = kind == Trends.Kind.SKILL;
          String uri = skill ? t.item() : iscoUri(t.item());
          LocalizedText label = labels.get(uri);
          return new TrendRow(
              t.item(),
              skill ? null : t.item(),
              label != null ? label : new LocalizedText(t.item(), language, false),
              t.before(),
              t.after(),
              t.shareBefore(),
              t.shareAfter(),
              t.z(),
              t.p());
        };
    return new TrendView(r, up.stream().map(row).toList(), down.stream().map(row).toList());
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  Forecasts.@Nullable Forecast forecast(String key) {
    return forecasts.forecast(key);
  }

  Forecasts.Backtest backtest() {
    return forecasts.backtest();
  }

  /**
   * The headline measures of the current snapshot, in the order the pages show them. People in
   * services sums the six service measures of the source (subsidised work, work trials and
   * coaching, labour-market training, other services), as KEHA-keskus itself reports them.
   */
  static final List<String> CURRENT_MEASURES =
      List.of(
          "HAKIJALOPUSSA",
          "TYOTTOMATLOPUSSA",
          "TYOTOSUUS",
          "PITKAAIKAISTYOTTOMAT",
          "IN_SERVICES",
          "AVPAIKATLOPUSSA",
          "UUDETAVP");

  private static final List<String> SERVICE_MEASURES =
      List.of(
          "TYOLLISTETTYLOP",
          "TYOHARJOITTELULOP",
          "KOKEILULOP",
          "TVKOULUTUSLOP",
          "VALMENNUSLOP",
          "MTPPALVELUTLOP");

  /** One area of the current snapshot: its figures by measure code (null where suppressed). */
  record CurrentArea(
      @Nullable String code, @Nullable String name, Map<String, @Nullable Double> figures) {}

  /** The latest snapshot month at one level, with its source and when the source updated it. */
  record CurrentState(
      LocalDate month,
      String level,
      String source,
      @Nullable String updated,
      List<CurrentArea> areas) {}

  /**
   * The latest month of the employment-service snapshot for the whole country ({@code level} null)
   * or every area of a level, or null when no snapshot is imported.
   */
  @Nullable CurrentState currentState(@Nullable AreaLevel level, Language language) {
    LocalDate month =
        jdbc.sql("select max(month) from lm_current_area")
            .query(LocalDate.class)
            .optional()
            .orElse(null);
    if (month == null) {
      return null;
    }
    String levelName = level == null ? "COUNTRY" : level.name();
    Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
    jdbc.sql(
            "select coalesce(area_code, source_code), measure, value from lm_current_area"
                + " where level = ? and month = ? order by 1")
        .params(levelName, Date.valueOf(month))
        .query(
            rs -> {
              double v = rs.getDouble(3);
              figures
                  .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                  .put(rs.getString(2), rs.wasNull() ? null : v);
            });
    Map<String, String> names =
        level == null ? Map.of() : areaNames(level, language == null ? Language.FI : language);
    List<CurrentArea> areas = new ArrayList<>();
    for (var entry : figures.entrySet()) {
      Map<String, Double> all = entry.getValue();
      Map<String, Double> shown = new LinkedHashMap<>();
      for (String measure : CURRENT_MEASURES) {
        shown.put(measure, measure.equals("IN_SERVICES") ? services(all) : all.get(measure));
      }
      // Codes outside the current classification (the source's "unknown area" rows) are left out.
      if (level != null && !names.containsKey(entry.getKey())) {
        continue;
      }
      String code = level == null ? null : entry.getKey();
      String name = level == null ? null : names.get(entry.getKey());
      areas.add(new CurrentArea(code, name, shown));
    }
    Map<String, Object> source =
        jdbc
            .sql("select source, updated from lm_current_measure limit 1")
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElse(Map.of());
    return new CurrentState(
        month,
        levelName,
        (String) source.getOrDefault("source", ""),
        (String) source.get("updated"),
        areas);
  }

  /** The sum of the service measures, or null when any of them is suppressed. */
  private static @Nullable Double services(Map<String, @Nullable Double> figures) {
    double sum = 0;
    for (String measure : SERVICE_MEASURES) {
      Double v = figures.get(measure);
      if (v == null) {
        return null;
      }
      sum += v;
    }
    return sum;
  }

  /** The month of the long series' latest row, which the index table shows. */
  @Nullable LocalDate latestSeriesMonth() {
    return jdbc.sql("select max(month) from lm_occupation_series")
        .query(LocalDate.class)
        .optional()
        .orElse(null);
  }

  /** Groups with statistics, for the index page: code, Finnish name, latest vacancies. */
  List<Map<String, Object>> groups() {
    return jdbc.sql(
            "select isco_code, group_name, vacancies, jobseekers from lm_occupation_series"
                + " where isco_code is not null and isco_code <> 'SSS'"
                + " and month = (select max(month) from lm_occupation_series) order by isco_code")
        .query()
        .listOfRows();
  }
}
