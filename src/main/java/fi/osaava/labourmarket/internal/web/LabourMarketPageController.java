package fi.osaava.labourmarket.internal.web;

import fi.osaava.labourmarket.LabourMarketApi;
import fi.osaava.labourmarket.OccupationIndicators;
import fi.osaava.labourmarket.internal.analytics.Forecasts;
import fi.osaava.labourmarket.internal.analytics.Trends;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.NotFoundException;
import fi.osaava.platform.Paging;
import fi.osaava.regions.AreaLevel;
import fi.osaava.taxonomy.Concept;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The labour-market pages: an index of occupation groups, the occupation page (an ISCO group or an
 * ESCO occupation through its group) and the trends page. Charts and maps are server-side SVG, each
 * followed by a table of the same figures.
 */
@Controller
class LabourMarketPageController {

  private final LabourMarketViews views;
  private final LabourMarketApi api;
  private final TaxonomyApi taxonomy;
  private final Geo geo;
  private final MessageSource messages;

  LabourMarketPageController(
      LabourMarketViews views,
      LabourMarketApi api,
      TaxonomyApi taxonomy,
      Geo geo,
      MessageSource messages,
      java.time.Clock clock) {
    this.clock = clock;
    this.views = views;
    this.api = api;
    this.taxonomy = taxonomy;
    this.geo = geo;
    this.messages = messages;
  }

  private String msg(String key, Locale locale, @Nullable Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static String iscoCode(Map<String, Object> group) {
    return (String) Objects.requireNonNull(group.get("isco_code"));
  }

  @GetMapping("/labour-market")
  String index(Model model, Locale locale) {
    Language language = Language.of(locale);
    List<Map<String, Object>> groups = views.groups();
    Map<String, LocalizedText> labels =
        views.labels(
            groups.stream()
                // The query keeps only rows with an ISCO code; group_name is a not-null column.
                .map(g -> LabourMarketViews.iscoUri(iscoCode(g)))
                .toList(),
            language);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> g : groups) {
      Map<String, Object> row = new LinkedHashMap<>(g);
      String code = iscoCode(g);
      LocalizedText label = labels.get(LabourMarketViews.iscoUri(code));
      row.put(
          "label",
          label != null
              ? label
              : new LocalizedText(
                  (String) Objects.requireNonNull(g.get("group_name")),
                  Language.FI,
                  language != Language.FI));
      rows.add(row);
    }
    model.addAttribute("groups", rows);
    LocalDate seriesMonth = views.latestSeriesMonth();
    model.addAttribute("seriesMonth", seriesMonth == null ? null : monthName(seriesMonth, locale));
    LabourMarketViews.CurrentState country = views.currentState(null, language);
    if (country != null && !country.areas().isEmpty()) {
      model.addAttribute("current", country);
      model.addAttribute("currentCountry", country.areas().getFirst().figures());
      model.addAttribute("currentMonth", monthName(country.month(), locale));
      model.addAttribute("currentRegions", views.currentState(AreaLevel.REGION, language));
      model.addAttribute("currentMeasures", LabourMarketViews.CURRENT_MEASURES);
    }
    return "labourmarket/index";
  }

  /** "kesäkuu 2026", "juni 2026", "June 2026": the stand-alone month name of the page language. */
  static String monthName(LocalDate month, Locale locale) {
    return java.time.format.DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(month);
  }

  @GetMapping("/labour-market/occupation")
  String occupation(
      @RequestParam(required = false) String code,
      @RequestParam(required = false) ConceptUri uri,
      @RequestParam(defaultValue = "region") String areas,
      Model model,
      Locale locale) {
    Language language = Language.of(locale);
    OccupationIndicators indicators = null;
    Concept concept;
    String isco;
    if (uri != null) {
      concept =
          taxonomy
              .concept(uri, language)
              .filter(c -> c.type() == ConceptType.OCCUPATION)
              .orElseThrow(() -> new NotFoundException("No ESCO occupation " + uri));
      isco =
          Objects.requireNonNull(
              concept.iscoCode(), "every ESCO occupation sits in an ISCO-08 unit group");
      indicators = api.indicators(uri).orElse(null);
    } else {
      if (code == null || !code.matches("\\d{4}")) {
        throw badParameter("code", "a four-digit ISCO-08 unit group, such as 2512, is required");
      }
      isco = code;
      concept =
          taxonomy
              .concept(ConceptUri.iscoGroup(code), language)
              .orElseThrow(() -> new NotFoundException("No ISCO group " + code));
    }
    if (!areas.equals("region") && !areas.equals("sub-region")) {
      throw badParameter("areas", "use region or sub-region");
    }
    boolean subRegions = areas.equals("sub-region");
    model.addAttribute("concept", concept);
    // An ISCO group's name in Finnish comes from Statistics Finland, not ESCO.
    LocalizedText title = views.label(concept.uri().value(), concept.label(), language);
    model.addAttribute("occupationTitle", title);
    model.addAttribute("isco", isco);
    model.addAttribute("uri", uri);
    model.addAttribute("subRegions", subRegions);

    // Demand over time (statistics).
    List<LabourMarketViews.MonthRow> series = views.occupationSeries(isco);
    model.addAttribute("series", series);
    if (!series.isEmpty()) {
      LocalDate start = series.getFirst().month();
      double[] vacancies =
          series.stream()
              .mapToDouble(r -> r.vacancies() == null ? Double.NaN : r.vacancies())
              .toArray();
      double[] seekers =
          series.stream()
              .mapToDouble(r -> r.jobseekers() == null ? Double.NaN : r.jobseekers())
              .toArray();
      String period = start + " – " + series.getLast().month();
      model.addAttribute("seriesPeriod", period);
      model.addAttribute(
          "demandChart",
          Svg.lineChart(
              "demand-chart",
              msg("lm.demand.chartTitle", locale, title.text()),
              msg("lm.demand.chartDesc", locale, period),
              List.of(
                  new Svg.Line(msg("lm.vacancies", locale), "lm-s1", start, vacancies),
                  new Svg.Line(msg("lm.jobseekers", locale), "lm-s2", start, seekers)),
              null));
    }

    // Indicators.
    Map<String, Object> group = views.groupIndicators(isco);
    if (indicators != null) {
      model.addAttribute("ind", indicatorMap(indicators));
    } else if (group != null) {
      model.addAttribute("ind", group);
    }

    // Job ads: map, top skills.
    LocalDate[] window = views.adWindow();
    if (window != null) {
      model.addAttribute(
          "adWindow",
          window[0].toString().substring(0, 7) + " – " + window[1].toString().substring(0, 7));
      model.addAttribute("adCount", views.adCount(isco, window));
      model.addAttribute("synthetic", views.synthetic());
      Map<String, Double> byArea = views.adsByArea(isco, window, subRegions);
      AreaLevel level = subRegions ? AreaLevel.SUB_REGION : AreaLevel.REGION;
      Map<String, String> names = views.areaNames(level, language);
      Map<String, String> areaOf = subRegions ? views.subRegionOfMunicipality() : Map.of();
      model.addAttribute(
          "adMap",
          Svg.map(
              "ads-map",
              msg(subRegions ? "lm.map.titleSub" : "lm.map.title", locale, title.text()),
              msg("lm.map.desc", locale),
              geo.paths(subRegions ? "MUNICIPALITY" : "REGION"),
              areaOf,
              names,
              byArea));
      List<Map<String, Object>> areaRows = new ArrayList<>();
      names.forEach(
          (c, n) -> {
            Map<String, Object> row = new HashMap<>();
            row.put("code", c);
            row.put("name", n);
            row.put("ads", byArea.getOrDefault(c, 0.0).longValue());
            areaRows.add(row);
          });
      model.addAttribute("areaRows", areaRows);
      model.addAttribute("skills", views.topSkills(isco, window, language, 15));
    }

    // Related occupations: the ESCO occupations of the group.
    List<ConceptSummary> related =
        taxonomy.narrower(ConceptUri.iscoGroup(isco), language, new Paging(0, 30)).items().stream()
            .filter(s -> s.type() == ConceptType.OCCUPATION)
            .filter(s -> uri == null || !s.uri().equals(uri))
            .toList();
    model.addAttribute("related", related);

    // Forecast.
    addForecast(model, "isco:" + isco, title.text(), locale);
    return "labourmarket/occupation";
  }

  static InvalidInputException badParameter(String name, String problem) {
    return new InvalidInputException("request parameter", 0, name, problem);
  }

  private static Map<String, Object> indicatorMap(OccupationIndicators i) {
    Map<String, Object> m = new HashMap<>();
    m.put("isco_group", i.iscoGroup());
    m.put("pay_decile", i.payDecile());
    m.put("median_hourly_earnings", i.medianHourlyEarnings());
    m.put("labour_shortage_share", i.labourShortageShare());
    m.put("mismatch_share", i.mismatchShare());
    m.put("open_vacancies", i.openVacancies());
    m.put("vacancy_rate", i.vacancyRate());
    m.put("unemployment_rate", i.unemploymentRate());
    return m;
  }

  /** Today, for telling a forecast of past months from one of the coming months. */
  private final java.time.Clock clock;

  private void addForecast(Model model, String key, @Nullable String label, Locale locale) {
    Forecasts.Forecast f = views.forecast(key);
    if (f == null) {
      return;
    }
    // Every forecast names its months; one whose months are already past (the long series end in
    // 2020) says so, instead of passing for the coming year.
    LocalDate last = f.firstMonth().plusMonths(f.mean().length - 1L);
    model.addAttribute("forecastFrom", f.firstMonth().toString().substring(0, 7));
    model.addAttribute("forecastTo", last.toString().substring(0, 7));
    model.addAttribute("forecastDataEnd", f.firstMonth().minusMonths(1).toString().substring(0, 7));
    model.addAttribute("forecastPast", last.isBefore(LocalDate.now(clock).withDayOfMonth(1)));
    double[] history = f.series().values();
    int keep = Math.min(history.length, 48);
    double[] recent = java.util.Arrays.copyOfRange(history, history.length - keep, history.length);
    LocalDate recentStart = f.series().start().plusMonths(history.length - keep);
    model.addAttribute("forecast", f);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int h = 0; h < f.mean().length; h++) {
      Map<String, Object> row = new HashMap<>();
      row.put("month", f.firstMonth().plusMonths(h).toString().substring(0, 7));
      row.put("mean", Math.round(f.mean()[h]));
      row.put("lower", Math.round(f.lower()[h]));
      row.put("upper", Math.round(f.upper()[h]));
      rows.add(row);
    }
    model.addAttribute("forecastRows", rows);
    model.addAttribute(
        "forecastChart",
        Svg.lineChart(
            "forecast-chart",
            msg("lm.forecast.chartTitle", locale, label),
            msg("lm.forecast.chartDesc", locale, f.firstMonth().toString().substring(0, 7)),
            List.of(
                new Svg.Line(msg("lm.vacancies", locale), "lm-s1", recentStart, recent),
                new Svg.Line(msg("lm.forecast.mean", locale), "lm-s3", f.firstMonth(), f.mean())),
            new Svg.Band(f.firstMonth(), f.lower(), f.upper())));
    Forecasts.Backtest b = views.backtest();
    model.addAttribute("backtest", b);
    model.addAttribute("seriesBacktest", b.perSeries().get(key));
  }

  @GetMapping("/labour-market/trends")
  String trends(
      @RequestParam(required = false) @Nullable String region, Model model, Locale locale) {
    Language language = Language.of(locale);
    Map<String, String> regionNames = views.areaNames(AreaLevel.REGION, language);
    if (region != null && region.isBlank()) {
      region = null;
    }
    if (region != null && !regionNames.containsKey(region)) {
      throw badParameter("region", "a two-digit region code such as 01 is expected");
    }
    model.addAttribute("regions", regionNames);
    model.addAttribute("region", region);
    model.addAttribute("regionName", region == null ? null : regionNames.get(region));
    model.addAttribute("skills", views.trends(Trends.Kind.SKILL, region, language, 15));
    model.addAttribute("occupations", views.trends(Trends.Kind.OCCUPATION, region, language, 15));
    model.addAttribute("synthetic", views.synthetic());
    String key = region == null ? "isco:SSS" : "region:" + region;
    model.addAttribute("seriesKey", key);
    addForecast(
        model,
        key,
        region == null ? msg("lm.trends.wholeCountry", locale) : regionNames.get(region),
        locale);
    return "labourmarket/trends";
  }
}
