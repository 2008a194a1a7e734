package fi.osaava.labourmarket.internal.web;

import fi.osaava.labourmarket.internal.analytics.Forecasts;
import fi.osaava.labourmarket.internal.analytics.Trends;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.regions.AreaLevel;
import fi.osaava.web.LanguageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The labour-market read API: the statistics series of an occupation group, demand from job ads,
 * trends with their test statistics, forecasts with their bands and backtest; CSV variants for
 * download.
 */
@RestController
@RequestMapping("/api/v1/labour-market")
@Tag(
    name = "Labour market",
    description = "Vacancies, jobseekers, job-ad demand, trends, forecasts")
@ApiResponse(
    responseCode = "400",
    description = "A parameter is invalid; the detail names it",
    content =
        @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(implementation = ProblemDetail.class)))
class LabourMarketApiController {

  private static final MediaType CSV =
      new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

  // Examples for the OpenAPI document: Uusimaa's June 2026 figures and ISCO 2512 (software
  // developers), whose ads ask for ESCO's Python skill; ad counts and model outputs illustrative.
  private static final String CURRENT_EXAMPLE =
      """
      {"month": "2026-06-01", "level": "REGION", "source": "KEHA-keskus, Työnvälitystilasto",
       "updated": "2026-07-21T05.00.00Z",
       "areas": [{"code": "01", "name": "Uusimaa",
                  "figures": {"HAKIJALOPUSSA": 185774.0, "TYOTTOMATLOPUSSA": 122804.0,
                              "TYOTOSUUS": 13.1, "PITKAAIKAISTYOTTOMAT": 54771.0,
                              "IN_SERVICES": 23629.0, "AVPAIKATLOPUSSA": 5067.0,
                              "UUDETAVP": 6499.0}}]}
      """;

  private static final String OCCUPATION_GROUP_EXAMPLE =
      """
      {"isco": "2512",
       "source": "Statistics Finland / Ministry of Economic Affairs and Employment, employment\
       service statistics (CC BY 4.0)",
       "series": [{"month": "2020-11-01", "vacancies": 812, "jobseekers": 2931}],
       "indicators": {
         "occupation_uri": "http://data.europa.eu/esco/occupation/04ba4d6c-957d-417f-bf63-5b9e015a9f86",
         "isco_group": "2512 Sovellussuunnittelijat", "labour_force": 32521.17,
         "open_vacancies": 953.45, "vacancy_rate": 0.0294, "unemployment_rate": 0.0301,
         "non_standard_work_share": 0.217, "pay_decile": 9, "median_hourly_earnings": 26.82,
         "labour_shortage_share": 0.0146, "mismatch_share": 0.0291, "shortage_volume": -22.89,
         "foreign_background_share": 0.1144},
       "jobAds": {"from": "2025-07-01", "to": "2026-06-01", "synthetic": true, "total": 1840,
                  "byRegion": {"01": 1012.0, "02": 143.0, "06": 231.0},
                  "topSkills": [{"uri": "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
                                 "label": {"text": "Python (tietokoneohjelmointi)", "language": "FI",
                                           "fallback": false},
                                 "ads": 412, "share": 0.2239}]}}
      """;

  private static final String TRENDS_EXAMPLE =
      """
      {"result": {"from": "2025-07-01", "split": "2026-01-01", "to": "2026-06-01",
                  "adsBefore": 7512, "adsAfter": 7930,
                  "items": [{"item": "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
                             "before": 310, "after": 412, "shareBefore": 0.0413,
                             "shareAfter": 0.052, "z": 3.12, "p": 0.0018, "significant": true}]},
       "rising": [{"item": "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
                   "code": null,
                   "label": {"text": "Python (tietokoneohjelmointi)", "language": "FI",
                             "fallback": false},
                   "before": 310, "after": 412, "shareBefore": 0.0413, "shareAfter": 0.052,
                   "z": 3.12, "p": 0.0018}],
       "declining": []}
      """;

  private static final String TRENDS_CSV_EXAMPLE =
      """
      direction,item,label,ads_before,ads_after,share_before,share_after,z,p
      rising,"http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",\
      "Python (tietokoneohjelmointi)",310,412,0.041300,0.052000,3.1200,0.00180000
      """;

  private static final String FORECAST_EXAMPLE =
      """
      {"series": "region:01", "label": "Uusimaa",
       "source": "Statistics Finland / Ministry of Economic Affairs and Employment, employment\
       service statistics (CC BY 4.0)",
       "firstMonth": "2026-07-01",
       "mean": [5210.0, 5480.0, 5930.0, 6120.0, 5840.0, 5120.0, 5390.0, 6010.0, 6450.0, 6580.0,
                6220.0, 5710.0],
       "lower95": [4630.0, 4760.0, 5080.0, 5150.0, 4770.0, 3960.0, 4140.0, 4680.0, 5040.0,
                   5090.0, 4660.0, 4080.0],
       "upper95": [5790.0, 6200.0, 6780.0, 7090.0, 6910.0, 6280.0, 6640.0, 7340.0, 7860.0,
                   8070.0, 7780.0, 7340.0],
       "backtest": {"maseModel": 0.84, "maseSeasonalNaive": 1.0, "smapeModel": 0.112,
                    "smapeSeasonalNaive": 0.139, "pairs": 456}}
      """;

  private static final String FORECAST_CSV_EXAMPLE =
      """
      month,forecast,lower95,upper95
      2026-07,5210,4630,5790
      2026-08,5480,4760,6200
      """;

  private final LabourMarketViews views;

  LabourMarketApiController(LabourMarketViews views) {
    this.views = views;
  }

  private static String isco(@Nullable String code) {
    if (code == null || !code.matches("\\d{4}")) {
      throw LabourMarketPageController.badParameter(
          "code", "a four-digit ISCO-08 unit group, such as 2512, is required");
    }
    return code;
  }

  private @Nullable String region(@Nullable String region) {
    if (region == null || region.isBlank()) {
      return null;
    }
    if (!views.areaNames(AreaLevel.REGION, Language.FI).containsKey(region)) {
      throw LabourMarketPageController.badParameter(
          "region", "a two-digit region code such as 01 is expected");
    }
    return region;
  }

  private static Trends.Kind kind(String kind) {
    return switch (kind) {
      case "skill" -> Trends.Kind.SKILL;
      case "occupation" -> Trends.Kind.OCCUPATION;
      default -> throw LabourMarketPageController.badParameter("kind", "use skill or occupation");
    };
  }

  @GetMapping(path = "/current", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "The latest month of the employment-service statistics by area",
      description =
          "Jobseekers, unemployed jobseekers and their share of the labour force, long-term"
              + " unemployed, people in services, open and new vacancies, for the whole country"
              + " or every region, sub-region or municipality. The month is the snapshot's own;"
              + " the long monthly series (2006-2020) is under /occupation-groups.")
  @ApiResponse(responseCode = "404", description = "No snapshot has been imported")
  @ApiResponse(
      responseCode = "200",
      description = "The latest month, per area",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = LabourMarketViews.CurrentState.class),
              examples = @ExampleObject(CURRENT_EXAMPLE)))
  LabourMarketViews.CurrentState current(
      @Parameter(description = "country, region, sub-region or municipality")
          @RequestParam(defaultValue = "country")
          String level,
      LanguageQuery lang,
      Locale locale) {
    AreaLevel areaLevel =
        switch (level) {
          case "country" -> null;
          case "region" -> AreaLevel.REGION;
          case "sub-region" -> AreaLevel.SUB_REGION;
          case "municipality" -> AreaLevel.MUNICIPALITY;
          default ->
              throw LabourMarketPageController.badParameter(
                  "level", "use country, region, sub-region or municipality");
        };
    LabourMarketViews.CurrentState state = views.currentState(areaLevel, lang.or(locale));
    if (state == null) {
      throw new NotFoundException(
          "No current statistics; run './osaava import labour-market' with the 2026 snapshot");
    }
    return state;
  }

  @GetMapping(path = "/occupation-groups/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "An ISCO-08 unit group: monthly vacancies and jobseekers, ads by region, top skills")
  @ApiResponse(
      responseCode = "200",
      description = "The group's series, indicators and job-ad demand",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(type = "object"),
              examples = @ExampleObject(OCCUPATION_GROUP_EXAMPLE)))
  Map<String, Object> occupationGroup(
      @Parameter(description = "ISCO-08 unit group, four digits") @PathVariable String code,
      LanguageQuery lang,
      Locale locale) {
    Language language = lang.or(locale);
    String isco = isco(code);
    List<LabourMarketViews.MonthRow> series = views.occupationSeries(isco);
    if (series.isEmpty()) {
      throw new NotFoundException("No statistics for ISCO group " + isco);
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("isco", isco);
    result.put("source", LabourMarketViews.STATISTICS_SOURCE);
    result.put("series", series);
    result.put("indicators", views.groupIndicators(isco));
    LocalDate[] window = views.adWindow();
    if (window != null) {
      Map<String, Object> ads = new LinkedHashMap<>();
      ads.put("from", window[0]);
      ads.put("to", window[1]);
      ads.put("synthetic", views.synthetic());
      ads.put("total", views.adCount(isco, window));
      ads.put("byRegion", views.adsByArea(isco, window, false));
      ads.put("topSkills", views.topSkills(isco, window, language, 20));
      result.put("jobAds", ads);
    }
    return result;
  }

  @GetMapping(path = "/trends", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Skills or occupation groups whose share of ads rose or fell significantly",
      description =
          "Two-proportion z-test of the latest 6 full months against the 6 before, with"
              + " Benjamini–Hochberg control of the false discovery rate at 5 %.")
  @ApiResponse(
      responseCode = "200",
      description = "The test and the significant rising and declining items",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = LabourMarketViews.TrendView.class),
              examples = @ExampleObject(TRENDS_EXAMPLE)))
  LabourMarketViews.TrendView trends(
      @Parameter(description = "skill or occupation") @RequestParam(defaultValue = "skill")
          String kind,
      @Parameter(description = "Region code (two digits); whole country when absent")
          @RequestParam(required = false)
          @Nullable String region,
      LanguageQuery lang,
      Locale locale) {
    return views.trends(kind(kind), region(region), lang.or(locale), 50);
  }

  @GetMapping(path = "/trends.csv", produces = "text/csv")
  @Operation(summary = "The trends as CSV")
  @ApiResponse(
      responseCode = "200",
      description = "The trends, one row per item",
      content =
          @Content(
              mediaType = "text/csv",
              schema = @Schema(type = "string"),
              examples = @ExampleObject(TRENDS_CSV_EXAMPLE)))
  ResponseEntity<String> trendsCsv(
      @RequestParam(defaultValue = "skill") String kind,
      @RequestParam(required = false) @Nullable String region,
      LanguageQuery lang,
      Locale locale) {
    LabourMarketViews.TrendView view =
        views.trends(kind(kind), region(region), lang.or(locale), 1000);
    StringBuilder csv =
        new StringBuilder(
            "direction,item,label,ads_before,ads_after,share_before,share_after,z,p\n");
    List<Object[]> rows = new ArrayList<>();
    view.rising().forEach(t -> rows.add(new Object[] {"rising", t}));
    view.declining().forEach(t -> rows.add(new Object[] {"declining", t}));
    for (Object[] r : rows) {
      LabourMarketViews.TrendRow t = (LabourMarketViews.TrendRow) r[1];
      csv.append(r[0])
          .append(',')
          .append(quote(t.item()))
          .append(',')
          .append(quote(t.code() == null ? t.label().text() : t.code() + " " + t.label().text()))
          .append(',')
          .append(t.before())
          .append(',')
          .append(t.after())
          .append(',')
          .append(
              String.format(
                  Locale.ROOT,
                  "%.6f,%.6f,%.4f,%.6g",
                  t.shareBefore(),
                  t.shareAfter(),
                  t.z(),
                  t.p()))
          .append('\n');
    }
    return csv(csv.toString(), "trends-" + kind + (region == null ? "" : "-" + region) + ".csv");
  }

  @GetMapping(path = "/forecast", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "12-month forecast of open vacancies with a 95 % band, and the backtest errors",
      description =
          "series: region:<code> (two digits), isco:<code> (four digits) or isco:SSS (whole country)")
  @ApiResponse(
      responseCode = "200",
      description = "The forecast and the backtest",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(type = "object"),
              examples = @ExampleObject(FORECAST_EXAMPLE)))
  Map<String, Object> forecast(@RequestParam String series) {
    Forecasts.Forecast f = requireForecast(series);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("series", series);
    result.put("label", f.series().label());
    result.put("source", LabourMarketViews.STATISTICS_SOURCE);
    result.put("firstMonth", f.firstMonth());
    result.put("mean", f.mean());
    result.put("lower95", f.lower());
    result.put("upper95", f.upper());
    Forecasts.Backtest b = views.backtest();
    result.put(
        "backtest",
        Map.of(
            "maseModel", b.mase()[0],
            "maseSeasonalNaive", b.mase()[1],
            "smapeModel", b.smape()[0],
            "smapeSeasonalNaive", b.smape()[1],
            "pairs", b.pairs()));
    return result;
  }

  @GetMapping(path = "/forecast.csv", produces = "text/csv")
  @Operation(summary = "The forecast as CSV")
  @ApiResponse(
      responseCode = "200",
      description = "The forecast, one row per month",
      content =
          @Content(
              mediaType = "text/csv",
              schema = @Schema(type = "string"),
              examples = @ExampleObject(FORECAST_CSV_EXAMPLE)))
  ResponseEntity<String> forecastCsv(@RequestParam String series) {
    Forecasts.Forecast f = requireForecast(series);
    StringBuilder csv = new StringBuilder("month,forecast,lower95,upper95\n");
    for (int h = 0; h < f.mean().length; h++) {
      csv.append(f.firstMonth().plusMonths(h).toString(), 0, 7)
          .append(
              String.format(
                  Locale.ROOT, ",%.0f,%.0f,%.0f%n", f.mean()[h], f.lower()[h], f.upper()[h]));
    }
    return csv(csv.toString(), "forecast-" + series.replace(':', '-') + ".csv");
  }

  private Forecasts.Forecast requireForecast(String series) {
    if (!series.matches("region:\\d{2}|isco:(\\d{4}|SSS)")) {
      throw LabourMarketPageController.badParameter(
          "series", "use region:<two digits>, isco:<four digits> or isco:SSS");
    }
    Forecasts.Forecast f = views.forecast(series);
    if (f == null) {
      throw new NotFoundException("No complete series " + series + " to forecast");
    }
    return f;
  }

  private static String quote(String s) {
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static ResponseEntity<String> csv(String body, String filename) {
    return ResponseEntity.ok()
        .contentType(CSV)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
        .body(body);
  }
}
