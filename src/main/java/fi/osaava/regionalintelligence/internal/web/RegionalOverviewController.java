package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.labourmarket.AdDemand;
import fi.osaava.labourmarket.AreaBoundaries;
import fi.osaava.labourmarket.EmploymentFigures;
import fi.osaava.labourmarket.LabourMarketApi;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates.Count;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates.Snapshot;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates.Supply;
import fi.osaava.regionalintelligence.internal.overview.RegionalContext;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.SvgFigure;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The regional overview (issue 18, part 2): for the whole country, a region or a sub-region, job-ad
 * demand by skill and occupation group against the education offerings that teach the skills, the
 * skills companies named in published surveys, the gaps ranked, a choropleth of any skill or group,
 * a comparison of two areas, CSV downloads and the area's context from the statistics. Open to
 * everyone; every figure is read from {@link OverviewAggregates}, computed once.
 */
@Controller
class RegionalOverviewController {

  static final String SKILL = ConceptUri.ESCO + "skill/";
  private static final int GAP_MINIMUM_ADS = 3;

  private final OverviewAggregates aggregates;
  private final RegionalContext context;
  private final RegionsApi regions;
  private final TaxonomyApi taxonomy;
  private final LabourMarketApi labourMarket;
  private final AreaBoundaries boundaries;
  private final MessageSource messages;

  RegionalOverviewController(
      OverviewAggregates aggregates,
      RegionalContext context,
      RegionsApi regions,
      TaxonomyApi taxonomy,
      LabourMarketApi labourMarket,
      AreaBoundaries boundaries,
      MessageSource messages) {
    this.aggregates = aggregates;
    this.context = context;
    this.regions = regions;
    this.taxonomy = taxonomy;
    this.labourMarket = labourMarket;
    this.boundaries = boundaries;
    this.messages = messages;
  }

  /** One skill's or group's demand and supply in an area. */
  record ItemRow(
      String item,
      LocalizedText label,
      boolean skill,
      int ads,
      int previous,
      @Nullable Integer changePercent,
      double sharePercent,
      @Nullable Supply supply,
      long surveyCompanies,
      @Nullable Double adsPerOffering) {

    ItemRow labelled(LocalizedText newLabel) {
      return new ItemRow(
          item,
          newLabel,
          skill,
          ads,
          previous,
          changePercent,
          sharePercent,
          supply,
          surveyCompanies,
          adsPerOffering);
    }
  }

  /** One area of the map's table. */
  record MapRow(
      String code, String name, int ads, int areaAds, double sharePercent, int offerings) {}

  @GetMapping("/regional-overview")
  String overview(
      @RequestParam(required = false) @Nullable String area,
      @RequestParam(required = false) @Nullable String item,
      @RequestParam(required = false) @Nullable String areas,
      Model model,
      Locale locale) {
    Language language = Language.of(locale);
    Area chosen = area(area, "area");
    String chosenItem = item(item);
    AreaLevel mapLevel = mapLevel(areas, chosen);
    Snapshot s = aggregates.snapshot();
    String key = key(chosen);
    model.addAttribute("language", language);
    model.addAttribute("area", chosen);
    model.addAttribute("areaCode", chosen == null ? "" : chosen.code());
    model.addAttribute("areaName", areaName(chosen, language, locale));
    model.addAttribute("parentRegion", parent(chosen, language));
    model.addAttribute("choices", choices(language));
    model.addAttribute("period", period(s));
    model.addAttribute("previousPeriod", previousPeriod(s));
    model.addAttribute("synthetic", s.synthetic());
    Count total = s.ads(key, AdDemand.Kind.ALL, "");
    model.addAttribute("totalAds", total.current());
    model.addAttribute("totalPrevious", total.previous());
    model.addAttribute("totalChange", change(total));
    model.addAttribute("offerings", s.offerings());

    List<ItemRow> skills = skillRows(s, key, language);
    List<ItemRow> demanded =
        labelled(
            skills.stream()
                .sorted(Comparator.comparingInt(ItemRow::ads).reversed())
                .limit(20)
                .toList(),
            language);
    List<ItemRow> gaps =
        labelled(
            skills.stream()
                .filter(r -> r.ads() >= GAP_MINIMUM_ADS && r.adsPerOffering() != null)
                .sorted(
                    Comparator.comparingDouble((ItemRow r) -> r.adsPerOffering())
                        .reversed()
                        .thenComparing(Comparator.comparingInt(ItemRow::ads).reversed()))
                .limit(15)
                .toList(),
            language);
    model.addAttribute("demanded", demanded);
    model.addAttribute("gaps", gaps);
    List<ItemRow> groups = groupRows(s, key, language);
    model.addAttribute("groups", groups.stream().limit(15).toList());

    // The map: the chosen item, else the top gap, else the most demanded skill.
    String mapItem = chosenItem;
    if (mapItem == null) {
      mapItem =
          !gaps.isEmpty()
              ? gaps.getFirst().item()
              : !demanded.isEmpty() ? demanded.getFirst().item() : null;
    }
    List<ItemRow> itemChoices = new ArrayList<>(demanded);
    itemChoices.addAll(groups.stream().limit(15).toList());
    model.addAttribute("itemChoices", itemChoices);
    model.addAttribute("mapLevel", mapLevel == AreaLevel.SUB_REGION ? "sub-region" : "region");
    if (mapItem != null) {
      String mapLabel = label(mapItem, language).text();
      model.addAttribute("mapItem", mapItem);
      model.addAttribute("mapLabel", mapLabel);
      List<MapRow> mapRows = mapRows(s, mapItem, mapLevel, language);
      model.addAttribute("mapRows", mapRows);
      model.addAttribute("map", map(mapItem, mapLabel, mapLevel, mapRows, s, chosen, locale));
    }

    employment(model, chosen);
    model.addAttribute("context", contextRows(chosen, locale));
    return "regionalintelligence/overview";
  }

  @GetMapping("/regional-overview/compare")
  String compare(
      @RequestParam(required = false) @Nullable String a,
      @RequestParam(required = false) @Nullable String b,
      Model model,
      Locale locale) {
    Language language = Language.of(locale);
    Area first = area(a, "a");
    Area second = area(b, "b");
    Snapshot s = aggregates.snapshot();
    model.addAttribute("language", language);
    model.addAttribute("choices", choices(language));
    model.addAttribute("aCode", first == null ? "" : first.code());
    model.addAttribute("bCode", second == null ? "" : second.code());
    model.addAttribute("aName", areaName(first, language, locale));
    model.addAttribute("bName", areaName(second, language, locale));
    model.addAttribute("period", period(s));
    model.addAttribute("synthetic", s.synthetic());
    Count ca = s.ads(key(first), AdDemand.Kind.ALL, "");
    Count cb = s.ads(key(second), AdDemand.Kind.ALL, "");
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          msg("ri.ov.ads", locale, period(s)),
          number(ca.current(), locale),
          number(cb.current(), locale)
        });
    rows.add(
        new String[] {
          msg("ri.ov.change", locale), percent(change(ca), locale), percent(change(cb), locale)
        });
    Map<String, String[]> contextA = new LinkedHashMap<>();
    for (String[] r : contextRows(first, locale)) {
      contextA.put(r[0], r);
    }
    for (String[] r : contextRows(second, locale)) {
      String[] left = contextA.remove(r[0]);
      rows.add(new String[] {r[0] + " (" + r[2] + ")", left == null ? "–" : left[1], r[1]});
    }
    model.addAttribute("rows", rows);
    model.addAttribute("gapsA", topGaps(s, key(first), language));
    model.addAttribute("gapsB", topGaps(s, key(second), language));
    return "regionalintelligence/compare";
  }

  /** A demanded skill and whether the provider's offerings for the area teach it. */
  record CoverageRow(ItemRow skill, List<String> offerings) {}

  /**
   * For an education provider: which of the area's demanded skills (asked for in at least 3 ads)
   * its offerings taught in the area or online cover, and which they leave uncovered.
   */
  @GetMapping("/regional-overview/provider")
  String provider(
      @RequestParam(required = false) @Nullable String area,
      @RequestParam(required = false) @Nullable String provider,
      Model model,
      Locale locale) {
    Language language = Language.of(locale);
    Area chosen = area(area, "area");
    Snapshot s = aggregates.snapshot();
    String key = key(chosen);
    model.addAttribute("language", language);
    model.addAttribute("areaCode", chosen == null ? "" : chosen.code());
    model.addAttribute("areaName", areaName(chosen, language, locale));
    model.addAttribute("choices", choices(language));
    model.addAttribute("period", period(s));
    model.addAttribute("synthetic", s.synthetic());
    List<String> providers =
        s.providers().entrySet().stream()
            .filter(
                e ->
                    e.getValue().stream()
                        .anyMatch(o -> o.online() || chosen == null || o.areas().contains(key)))
            .map(Map.Entry::getKey)
            .toList();
    model.addAttribute("providers", providers);
    String name = provider == null || provider.isBlank() ? null : provider.strip();
    if (name != null && !s.providers().containsKey(name)) {
      throw badParameter("provider", "no education provider of the catalogue has this name");
    }
    model.addAttribute("provider", name);
    if (name == null) {
      return "regionalintelligence/provider";
    }
    List<OverviewAggregates.OfferingSupply> offerings =
        s.providers().getOrDefault(name, List.of()).stream()
            .filter(o -> o.online() || chosen == null || o.areas().contains(key))
            .toList();
    model.addAttribute("offeringCount", offerings.size());
    List<CoverageRow> covered = new ArrayList<>();
    List<CoverageRow> uncovered = new ArrayList<>();
    long coveredAds = 0;
    long allAds = 0;
    for (ItemRow r :
        labelled(
            skillRows(s, key, language).stream()
                .filter(r -> r.ads() >= GAP_MINIMUM_ADS)
                .sorted(Comparator.comparingInt(ItemRow::ads).reversed())
                .limit(40)
                .toList(),
            language)) {
      List<String> teaching =
          offerings.stream()
              .filter(o -> o.skills().contains(r.item()))
              .map(OverviewAggregates.OfferingSupply::title)
              .distinct()
              .limit(3)
              .toList();
      allAds += r.ads();
      if (teaching.isEmpty()) {
        uncovered.add(new CoverageRow(r, List.of()));
      } else {
        coveredAds += r.ads();
        covered.add(new CoverageRow(r, teaching));
      }
    }
    model.addAttribute("covered", covered);
    model.addAttribute("uncovered", uncovered);
    model.addAttribute(
        "coveredShare", allAds == 0 ? 0 : (int) Math.round(100.0 * coveredAds / allAds));
    return "regionalintelligence/provider";
  }

  @GetMapping(path = "/regional-overview/gaps.csv", produces = "text/csv")
  ResponseEntity<String> gapsCsv(
      @RequestParam(required = false) @Nullable String area, Locale locale) {
    Language language = Language.of(locale);
    Area chosen = area(area, "area");
    Snapshot s = aggregates.snapshot();
    StringBuilder csv =
        new StringBuilder(
            "area_code,area,period,skill_uri,skill,ads,ads_previous_12_months,share_of_ads_percent,"
                + "offerings_on_site,offerings_online,upcoming_starts,survey_companies,"
                + "ads_per_offering\r\n");
    String name = areaName(chosen, language, locale);
    for (ItemRow r :
        labelled(
            skillRows(s, key(chosen), language).stream()
                .sorted(Comparator.comparingInt(ItemRow::ads).reversed())
                .toList(),
            language)) {
      Supply supply = r.supply();
      csv.append(Csv.quote(chosen == null ? OverviewAggregates.COUNTRY : chosen.code()))
          .append(',')
          .append(Csv.quote(name))
          .append(',')
          .append(Csv.quote(period(s)))
          .append(',')
          .append(Csv.quote(r.item()))
          .append(',')
          .append(Csv.quote(r.label().text()))
          .append(',')
          .append(r.ads())
          .append(',')
          .append(r.previous())
          .append(',')
          .append(String.format(Locale.ROOT, "%.2f", r.sharePercent()))
          .append(',')
          .append(supply == null ? "" : supply.onSite())
          .append(',')
          .append(supply == null ? "" : supply.online())
          .append(',')
          .append(supply == null ? "" : supply.starts())
          .append(',')
          .append(r.surveyCompanies())
          .append(',')
          .append(
              r.adsPerOffering() == null
                  ? ""
                  : String.format(Locale.ROOT, "%.2f", r.adsPerOffering()))
          .append("\r\n");
    }
    return csv(csv.toString(), "regional-gaps-" + (chosen == null ? "FI" : chosen.code()));
  }

  @GetMapping(path = "/regional-overview/map.csv", produces = "text/csv")
  ResponseEntity<String> mapCsv(
      @RequestParam(required = false) @Nullable String item,
      @RequestParam(required = false) @Nullable String areas,
      Locale locale) {
    Language language = Language.of(locale);
    String chosenItem = item(item);
    if (chosenItem == null) {
      throw badParameter("item", "a skill's ESCO URI or isco:<four digits> is required");
    }
    AreaLevel level = mapLevel(areas, null);
    Snapshot s = aggregates.snapshot();
    StringBuilder csv =
        new StringBuilder(
            "area_code,area,period,item,label,ads,area_ads,share_of_ads_percent,offerings\r\n");
    String label = label(chosenItem, language).text();
    for (MapRow r : mapRows(s, chosenItem, level, language)) {
      csv.append(Csv.quote(r.code()))
          .append(',')
          .append(Csv.quote(r.name()))
          .append(',')
          .append(Csv.quote(period(s)))
          .append(',')
          .append(Csv.quote(chosenItem))
          .append(',')
          .append(Csv.quote(label))
          .append(',')
          .append(r.ads())
          .append(',')
          .append(r.areaAds())
          .append(',')
          .append(String.format(Locale.ROOT, "%.2f", r.sharePercent()))
          .append(',')
          .append(chosenItem.startsWith(SKILL) ? String.valueOf(r.offerings()) : "")
          .append("\r\n");
    }
    return csv(csv.toString(), "regional-map");
  }

  private static ResponseEntity<String> csv(String body, String name) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
        .header(HttpHeaders.LINK, "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"")
        .body(body);
  }

  // --- parameters ---

  private @Nullable Area area(@Nullable String code, String parameter) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String c = code.strip();
    if (!c.matches("\\d{2,3}")) {
      throw badParameter(
          parameter, "a two-digit region or three-digit sub-region code is expected");
    }
    AreaLevel level = c.length() == 2 ? AreaLevel.REGION : AreaLevel.SUB_REGION;
    return regions
        .area(level, c)
        .orElseThrow(() -> badParameter(parameter, "no region or sub-region has the code " + c));
  }

  private static @Nullable String item(@Nullable String item) {
    if (item == null || item.isBlank()) {
      return null;
    }
    String i = item.strip();
    if (i.matches("isco:\\d{4}")
        || i.matches(java.util.regex.Pattern.quote(SKILL) + "[0-9a-f-]{36}")) {
      return i;
    }
    throw badParameter("item", "a skill's ESCO URI or isco:<four digits> is expected");
  }

  private static AreaLevel mapLevel(@Nullable String areas, @Nullable Area chosen) {
    if (areas == null || areas.isBlank()) {
      return chosen != null && chosen.level() == AreaLevel.SUB_REGION
          ? AreaLevel.SUB_REGION
          : AreaLevel.REGION;
    }
    return switch (areas.strip()) {
      case "region" -> AreaLevel.REGION;
      case "sub-region" -> AreaLevel.SUB_REGION;
      default -> throw badParameter("areas", "use region or sub-region");
    };
  }

  /** A region's code given as {@code parameter}; null when empty, 400 naming it when bad. */
  static @Nullable Area regionParameter(
      RegionsApi regions, @Nullable String code, String parameter) {
    if (code == null || code.isBlank()) {
      return null;
    }
    String c = code.strip();
    if (!c.matches("\\d{2}")) {
      throw badParameter(parameter, "a two-digit region code is expected");
    }
    return regions
        .area(AreaLevel.REGION, c)
        .orElseThrow(() -> badParameter(parameter, "no region has the code " + c));
  }

  static InvalidInputException badParameter(String name, String problem) {
    return new InvalidInputException("request parameter", 0, name, problem);
  }

  // --- figures ---

  private static String key(@Nullable Area area) {
    return area == null ? OverviewAggregates.COUNTRY : area.code();
  }

  /**
   * Every skill of the area with its figures, labelled by its URI: an area may have thousands of
   * skills, and a page shows a few dozen, so callers label what they show ({@link #labelled}) in
   * one taxonomy call.
   */
  private List<ItemRow> skillRows(Snapshot s, String key, Language language) {
    Map<String, Count> items = s.items(key, AdDemand.Kind.SKILL);
    int total = s.ads(key, AdDemand.Kind.ALL, "").current();
    List<String> uris =
        items.entrySet().stream()
            .filter(e -> e.getValue().current() > 0)
            .map(Map.Entry::getKey)
            .toList();
    List<ItemRow> rows = new ArrayList<>();
    for (String uri : uris) {
      Count c = items.getOrDefault(uri, new Count(0, 0));
      Supply supply = s.supply(key, uri);
      long companies =
          s.mentions(key, uri).stream()
              .mapToLong(OverviewAggregates.SurveyMention::companies)
              .sum();
      rows.add(
          new ItemRow(
              uri,
              new LocalizedText(uri, language, true),
              true,
              c.current(),
              c.previous(),
              change(c),
              total == 0 ? 0 : 100.0 * c.current() / total,
              supply,
              companies,
              c.current() / (double) (supply.offerings() + 1)));
    }
    return rows;
  }

  /** The rows with their skills' labels in the language (the URI where ESCO has none). */
  private List<ItemRow> labelled(List<ItemRow> rows, Language language) {
    Map<String, LocalizedText> labels = labels(rows.stream().map(ItemRow::item).toList(), language);
    return rows.stream()
        .map(
            r -> {
              LocalizedText label = labels.get(r.item());
              return label == null ? r : r.labelled(label);
            })
        .toList();
  }

  private List<ItemRow> groupRows(Snapshot s, String key, Language language) {
    Map<String, Count> items = s.items(key, AdDemand.Kind.OCCUPATION_GROUP);
    int total = s.ads(key, AdDemand.Kind.ALL, "").current();
    List<String> codes =
        items.entrySet().stream()
            .filter(e -> e.getValue().current() > 0)
            .sorted(
                Comparator.comparingInt((Map.Entry<String, Count> e) -> e.getValue().current())
                    .reversed())
            .map(Map.Entry::getKey)
            .toList();
    List<ItemRow> rows = new ArrayList<>();
    for (String code : codes) {
      Count c = items.getOrDefault(code, new Count(0, 0));
      rows.add(
          new ItemRow(
              "isco:" + code,
              label("isco:" + code, language),
              false,
              c.current(),
              c.previous(),
              change(c),
              total == 0 ? 0 : 100.0 * c.current() / total,
              null,
              0,
              null));
    }
    return rows;
  }

  private List<ItemRow> topGaps(Snapshot s, String key, Language language) {
    return labelled(
        skillRows(s, key, language).stream()
            .filter(r -> r.ads() >= GAP_MINIMUM_ADS && r.adsPerOffering() != null)
            .sorted(Comparator.comparingDouble((ItemRow r) -> r.adsPerOffering()).reversed())
            .limit(10)
            .toList(),
        language);
  }

  private List<MapRow> mapRows(Snapshot s, String item, AreaLevel level, Language language) {
    boolean skill = item.startsWith(SKILL);
    AdDemand.Kind kind = skill ? AdDemand.Kind.SKILL : AdDemand.Kind.OCCUPATION_GROUP;
    String id = skill ? item : item.substring("isco:".length());
    List<MapRow> rows = new ArrayList<>();
    for (Area a : regions.areas(level)) {
      int ads = s.ads(a.code(), kind, id).current();
      int all = s.ads(a.code(), AdDemand.Kind.ALL, "").current();
      rows.add(
          new MapRow(
              a.code(),
              a.name(language).text(),
              ads,
              all,
              all == 0 ? 0 : 100.0 * ads / all,
              skill ? s.supply(a.code(), item).offerings() : 0));
    }
    return rows;
  }

  private String map(
      String item,
      String label,
      AreaLevel level,
      List<MapRow> rows,
      Snapshot s,
      @Nullable Area chosen,
      Locale locale) {
    Map<String, Double> values = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (MapRow r : rows) {
      if (r.areaAds() > 0) {
        values.put(r.code(), r.sharePercent());
      }
      names.put(r.code(), r.name());
    }
    Map<String, String> areaOf = new HashMap<>();
    Map<String, String> paths;
    if (level == AreaLevel.SUB_REGION) {
      paths = boundaries.paths(AreaLevel.MUNICIPALITY);
      for (Area m : regions.areas(AreaLevel.MUNICIPALITY)) {
        if (m.subRegionCode() != null) {
          areaOf.put(m.code(), m.subRegionCode());
        }
      }
    } else {
      paths = boundaries.paths(AreaLevel.REGION);
    }
    String title =
        msg(
            level == AreaLevel.SUB_REGION ? "ri.ov.map.titleSub" : "ri.ov.map.title",
            locale,
            label,
            period(s));
    String description = msg("ri.ov.map.desc", locale);
    return ChoroplethMap.draw("ri-map", title, description, paths, areaOf, names, values, locale);
  }

  private void employment(Model model, @Nullable Area chosen) {
    EmploymentFigures figures =
        labourMarket
            .employmentFigures(
                chosen == null ? null : chosen.level(), chosen == null ? null : chosen.code())
            .orElse(null);
    if (figures == null) {
      return;
    }
    model.addAttribute("employmentMonth", figures.month().toString().substring(0, 7));
    model.addAttribute("employmentSource", figures.source());
    Map<String, @Nullable Double> shown = new LinkedHashMap<>();
    for (String measure :
        List.of("HAKIJALOPUSSA", "TYOTTOMATLOPUSSA", "TYOTOSUUS", "AVPAIKATLOPUSSA", "UUDETAVP")) {
      shown.put(measure, figures.figures().get(measure));
    }
    model.addAttribute("employment", shown);
  }

  /** The context rows: label, figure, year. */
  private List<String[]> contextRows(@Nullable Area chosen, Locale locale) {
    List<String> municipalities =
        chosen == null
            ? List.of()
            : regions.municipalitiesIn(chosen.level(), chosen.code()).stream()
                .map(Area::code)
                .toList();
    Map<String, RegionalContext.Figure> f =
        context.figures(
            chosen == null ? null : chosen.level(),
            chosen == null ? null : chosen.code(),
            municipalities);
    List<String[]> rows = new ArrayList<>();
    String[][] shown = {
      {"vaerak_11ra/vaerak-vaesto", "ri.ov.ctx.population", "n"},
      {"vaerak_11ra/vaesto_alle15_p", "ri.ov.ctx.under15", "%"},
      {"vaerak_11ra/vaesto_yli64_p", "ri.ov.ctx.over64", "%"},
      {"vaerak_11ra/vaesto_keski_ika", "ri.ov.ctx.meanAge", "1"},
      {"vkour_12bs/kaste0osuus", "ri.ov.ctx.basicOnly", "%"},
      {"vkour_12bs/kaste3osuus", "ri.ov.ctx.upperSecondary", "%"},
      {"vkour_12bs/kaste5T8osuus", "ri.ov.ctx.tertiary", "%"},
      {"tjt_14ww/hkturaha18_med", "ri.ov.ctx.income", "€"},
      {"tjt_14ww/rpt_aste", "ri.ov.ctx.lowIncome", "%"},
      {"ssaaty_121w/ssaaty-vm43_tulo", "ri.ov.ctx.migrationIn", "n"},
      {"ssaaty_121w/ssaaty-vm43_lahto", "ri.ov.ctx.migrationOut", "n"},
      {"ssaaty_121w/ssaaty-vm43_netto", "ri.ov.ctx.migrationNet", "n"},
    };
    for (String[] m : shown) {
      RegionalContext.Figure figure = f.get(m[0]);
      if (figure == null) {
        continue;
      }
      String value =
          switch (m[2]) {
            case "%" -> String.format(locale, "%.1f %%", figure.value());
            case "1" -> String.format(locale, "%.1f", figure.value());
            case "€" -> number((long) figure.value(), locale) + " €";
            default -> number((long) figure.value(), locale);
          };
      rows.add(new String[] {msg(m[1], locale), value, String.valueOf(figure.year())});
    }
    return rows;
  }

  // --- labels and formatting ---

  private Map<String, LocalizedText> labels(List<String> uris, Language language) {
    Map<String, LocalizedText> labels = new HashMap<>();
    for (ConceptSummary summary :
        taxonomy.summaries(uris.stream().map(ConceptUri::new).toList(), language)) {
      if (summary.label() != null) {
        labels.put(summary.uri().value(), summary.label());
      }
    }
    return labels;
  }

  private LocalizedText label(String item, Language language) {
    String uri = item.startsWith("isco:") ? ConceptUri.iscoGroup(item.substring(5)).value() : item;
    LocalizedText label = labels(List.of(uri), language).get(uri);
    if (label == null) {
      return new LocalizedText(item, language, true);
    }
    return item.startsWith("isco:")
        ? new LocalizedText(
            item.substring(5) + " " + label.text(), label.language(), label.fallback())
        : label;
  }

  private String areaName(@Nullable Area area, Language language, Locale locale) {
    return area == null ? msg("ri.ov.wholeCountry", locale) : area.name(language).text();
  }

  private @Nullable String parent(@Nullable Area area, Language language) {
    if (area == null || area.level() != AreaLevel.SUB_REGION) {
      return null;
    }
    return regions
        .area(AreaLevel.REGION, area.regionCode())
        .map(r -> r.name(language).text())
        .orElse(null);
  }

  /** Regions, each followed by its sub-regions, for the area choosers. */
  record Choice(String code, String name, boolean subRegion) {}

  private List<Choice> choices(Language language) {
    List<Choice> choices = new ArrayList<>();
    List<Area> subRegions = regions.areas(AreaLevel.SUB_REGION);
    for (Area region : regions.areas(AreaLevel.REGION)) {
      choices.add(new Choice(region.code(), region.name(language).text(), false));
      for (Area sub : subRegions) {
        if (sub.regionCode().equals(region.code())) {
          choices.add(new Choice(sub.code(), sub.name(language).text(), true));
        }
      }
    }
    return choices;
  }

  private static @Nullable Integer change(Count c) {
    if (c.previous() == 0) {
      return null;
    }
    return (int) Math.round(100.0 * (c.current() - c.previous()) / c.previous());
  }

  static String period(Snapshot s) {
    return s.from().toString().substring(0, 7) + " – " + s.to().toString().substring(0, 7);
  }

  static String previousPeriod(Snapshot s) {
    return s.previousFrom().toString().substring(0, 7)
        + " – "
        + s.from().minusMonths(1).toString().substring(0, 7);
  }

  private static String number(long n, Locale locale) {
    return String.format(locale, "%,d", n);
  }

  private String percent(@Nullable Integer p, Locale locale) {
    return p == null ? "–" : String.format(locale, "%+d %%", p);
  }

  private String msg(String key, Locale locale, @Nullable Object... args) {
    return messages.getMessage(key, args, locale);
  }

  static String escape(String text) {
    return SvgFigure.escape(text);
  }
}
