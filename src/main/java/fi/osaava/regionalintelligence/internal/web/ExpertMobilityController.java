package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.labourmarket.AdDemand;
import fi.osaava.labourmarket.AreaBoundaries;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.regionalintelligence.internal.ExpertMobility;
import fi.osaava.regionalintelligence.internal.MobilityFlows;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates.Count;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates.Snapshot;
import fi.osaava.regionalintelligence.internal.overview.RegionalContext;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Expert mobility (issue 18, part 4), for the whole country or a region: net migration from
 * Statistics Finland's table 121w (per municipality; a region's figures summed over its
 * municipalities), the moves of experts between regions by ISCO group from the work histories of
 * people who consented to anonymised statistics (every figure at least 5 people, complementary
 * suppression), a flow map and a flow diagram with the flows as a table, and job-ad demand by
 * occupation group beside them. Open to everyone.
 *
 * <p>The figures from profiles are of one complete calendar year ({@code year}; by default the last
 * complete one), never of the current year or of several years: a reader who could set one period's
 * table against an overlapping or still-growing period's would compute the few people between them
 * by subtraction (see {@link ExpertMobility}). Links from before the choice was a single year
 * ({@code from} and {@code to}) still work when both name the same complete year; any other span is
 * refused with 400 naming the parameter, rather than quietly shown as some other year.
 */
@Controller
class ExpertMobilityController {

  private static final String NET = "ssaaty_121w/ssaaty-vm43_netto";
  private static final String[] MEASURES = {
    "ssaaty_121w/ssaaty-vm43_tulo",
    "ssaaty_121w/ssaaty-vm43_lahto",
    NET,
    "ssaaty_121w/ssaaty-vm41",
    "ssaaty_121w/ssaaty-vm42",
    "ssaaty_121w/ssaaty-koknetmuutto",
    "ssaaty_121w/ssaaty-vaesto"
  };

  /** Complete years the form offers, newest first; older ones can still be asked for by link. */
  static final int YEARS_OFFERED = 10;

  private final ExpertMobility mobility;
  private final RegionalContext context;
  private final OverviewAggregates aggregates;
  private final RegionsApi regions;
  private final TaxonomyApi taxonomy;
  private final AreaBoundaries boundaries;
  private final MessageSource messages;

  ExpertMobilityController(
      ExpertMobility mobility,
      RegionalContext context,
      OverviewAggregates aggregates,
      RegionsApi regions,
      TaxonomyApi taxonomy,
      AreaBoundaries boundaries,
      MessageSource messages) {
    this.mobility = mobility;
    this.context = context;
    this.aggregates = aggregates;
    this.regions = regions;
    this.taxonomy = taxonomy;
    this.boundaries = boundaries;
    this.messages = messages;
  }

  /** An area's net migration: in, out, net, immigration, emigration, total net, population. */
  record StatRow(String code, String name, List<String> figures, @Nullable Double perThousand) {}

  /** An occupation group's moves into and out of the area (text: a number or "hidden"). */
  record GroupRow(
      String code, LocalizedText label, boolean subMajor, String in, String out, String net) {}

  /** A flow of the table: its figure as text ("hidden" where suppressed). */
  record FlowRow(String from, String to, String people) {}

  /** Job ads of an ISCO major group in the area. */
  record AdRow(String code, LocalizedText label, int ads, double sharePercent) {}

  @GetMapping("/regional-mobility")
  String page(
      @RequestParam(required = false) @Nullable String area,
      @RequestParam(required = false) @Nullable String year,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(required = false) @Nullable String group,
      Model model,
      Locale locale) {
    Language language = Language.of(locale);
    Area region = region(area);
    Year chosenYear = period(year, from, to);
    String chosenGroup = group(group);
    Map<String, String> names = new HashMap<>();
    List<Area> allRegions = regions.areas(AreaLevel.REGION);
    for (Area r : allRegions) {
      names.put(r.code(), r.name(language).text());
    }
    String code = region == null ? null : region.code();
    model.addAttribute("language", language);
    model.addAttribute("areaCode", code == null ? "" : code);
    model.addAttribute(
        "areaName", region == null ? msg("ri.ov.wholeCountry", locale) : names.get(code));
    model.addAttribute("regionChoices", allRegions);
    model.addAttribute("year", chosenYear.getValue());
    model.addAttribute("yearChoices", yearChoices(chosenYear));
    model.addAttribute("groupCode", chosenGroup == null ? "" : chosenGroup);

    statistics(model, region, allRegions, names, locale);

    ExpertMobility.Figures figures = mobility.figures(chosenYear);
    MobilityFlows.Published p = figures.published();
    String period = chosenYear.toString();
    model.addAttribute("profilePeriod", period);
    model.addAttribute(
        "readAt",
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .format(figures.readAt().atZone(ZoneOffset.UTC)));
    model.addAttribute("synthetic", figures.synthetic());
    model.addAttribute("movers", shown(p.get("all"), p.isEmpty(), locale));
    model.addAttribute("nobody", p.isEmpty());

    // Groups present in the figures, major then its sub-majors.
    TreeSet<String> groups = new TreeSet<>();
    for (String key : p.shown().keySet()) {
      addGroup(groups, key);
    }
    for (String key : p.hidden()) {
      addGroup(groups, key);
    }
    Map<String, LocalizedText> labels = groupLabels(groups, language, locale);
    List<GroupRow> groupRows = new ArrayList<>();
    for (String g : groups) {
      Long in = code == null ? p.get("g|" + g) : p.get("gin|" + code + "|" + g);
      Long out = code == null ? in : p.get("gout|" + code + "|" + g);
      groupRows.add(
          new GroupRow(
              g,
              label(labels, g, language),
              g.length() == 2,
              shown(in, false, locale),
              shown(out, false, locale),
              in == null || out == null
                  ? msg("ri.ov.suppressed", locale)
                  : signed(in - out, locale)));
    }
    model.addAttribute("groupRows", groupRows);
    model.addAttribute(
        "groupChoices",
        groups.stream()
            .filter(g -> g.length() == 1)
            .map(g -> new GroupRow(g, label(labels, g, language), false, "", "", ""))
            .toList());

    // Regions' arrivals and departures (the national page's table; a region's own row otherwise).
    List<String[]> regionMoves = new ArrayList<>();
    for (Area r : allRegions) {
      if (code != null && !code.equals(r.code())) {
        continue;
      }
      regionMoves.add(movesRow(p, r, names, locale));
    }
    model.addAttribute("regionMoves", regionMoves);

    // The flows, of one major group when chosen, touching the region when one is chosen.
    List<FlowRow> flowRows = new ArrayList<>();
    List<FlowFigures.Flow> drawn = new ArrayList<>();
    String suffix = chosenGroup == null ? "" : "|" + chosenGroup;
    flows(p, allRegions, names, suffix, code, flowRows, drawn, locale);
    model.addAttribute("flowRows", flowRows);
    String groupName =
        chosenGroup == null
            ? msg("ri.mob.allGroups", locale)
            : labels
                .getOrDefault(chosenGroup, new LocalizedText(chosenGroup, language, true))
                .text();
    model.addAttribute("groupName", groupName);
    if (!drawn.isEmpty()) {
      model.addAttribute(
          "flowMap",
          FlowFigures.map(
              "ri-flow-map",
              msg("ri.mob.map.title", locale, model.getAttribute("areaName"), groupName, period),
              msg(code == null ? "ri.mob.map.desc" : "ri.mob.map.descRegion", locale),
              boundaries.paths(AreaLevel.REGION),
              drawn,
              code == null ? "" : code,
              false,
              locale));
      model.addAttribute(
          "flowDiagram",
          FlowFigures.diagram(
              "ri-flow-diagram",
              msg(
                  "ri.mob.diagram.title",
                  locale,
                  model.getAttribute("areaName"),
                  groupName,
                  period),
              msg("ri.mob.diagram.desc", locale),
              drawn,
              locale));
    }

    if (region != null) {
      List<Area> subRegions =
          regions.areas(AreaLevel.SUB_REGION).stream()
              .filter(s -> region.code().equals(s.regionCode()))
              .toList();
      subRegionsAcross(
          model, p, region, subRegions, chosenGroup, groupName, period, language, locale);
      subRegionFlows(model, p, region, subRegions, allRegions, names, language, locale);
      withinRegion(model, region, subRegions, chosenYear, chosenGroup, groupName, language, locale);
    }
    ads(model, code, language, locale);
    return "regionalintelligence/mobility";
  }

  /**
   * The region's own system: the moves between two of its sub-regions, people who are in none of
   * the flows between regions (their move stayed within the region). Their arrivals and departures
   * per sub-region, the flows (of the chosen group) as a table, a map and a diagram.
   */
  private void withinRegion(
      Model model,
      Area region,
      List<Area> subRegions,
      Year year,
      @Nullable String chosenGroup,
      String groupName,
      Language language,
      Locale locale) {
    ExpertMobility.Figures figures = mobility.withinRegion(region.code(), year);
    MobilityFlows.Published p = figures.published();
    Map<String, String> names = new HashMap<>();
    for (Area s : subRegions) {
      names.put(s.code(), s.name(language).text());
    }
    model.addAttribute("subRegionCount", subRegions.size());
    // Nothing shown: the page says so, without saying whether the total was below 5 (it is hidden).
    model.addAttribute("subNothing", p.shown().isEmpty());
    model.addAttribute("subMovers", shown(p.get("all"), p.isEmpty(), locale));
    model.addAttribute("subSynthetic", figures.synthetic());
    List<String[]> subRows = new ArrayList<>();
    for (Area s : subRegions) {
      subRows.add(movesRow(p, s, names, locale));
    }
    model.addAttribute("subRows", subRows);
    List<FlowRow> flowRows = new ArrayList<>();
    List<FlowFigures.Flow> drawn = new ArrayList<>();
    String suffix = chosenGroup == null ? "" : "|" + chosenGroup;
    flows(p, subRegions, names, suffix, null, flowRows, drawn, locale);
    model.addAttribute("subFlowRows", flowRows);
    if (drawn.isEmpty()) {
      return;
    }
    String regionName = region.name(language).text();
    String period = year.toString();
    // The boundaries have no sub-regions: each is drawn as its municipalities, one path.
    Map<String, String> municipalityPaths = boundaries.paths(AreaLevel.MUNICIPALITY);
    Map<String, String> subPaths = new TreeMap<>();
    for (Area m : regions.municipalitiesIn(AreaLevel.REGION, region.code())) {
      String path = municipalityPaths.get(m.code());
      if (path != null && m.subRegionCode() != null) {
        subPaths.merge(m.subRegionCode(), path, (x, y) -> x + " " + y);
      }
    }
    if (!subPaths.isEmpty()) {
      model.addAttribute(
          "subFlowMap",
          FlowFigures.map(
              "ri-sub-flow-map",
              msg("ri.mob.sub.map.title", locale, regionName, groupName, period),
              msg("ri.mob.sub.map.desc", locale, regionName),
              subPaths,
              drawn,
              "",
              true,
              locale));
    }
    model.addAttribute(
        "subFlowDiagram",
        FlowFigures.diagram(
            "ri-sub-flow-diagram",
            msg("ri.mob.sub.diagram.title", locale, regionName, groupName, period),
            msg("ri.mob.sub.diagram.desc", locale, regionName),
            drawn,
            locale));
  }

  /**
   * The region's sub-regions' arrivals from and departures to other regions (of the chosen group,
   * or all groups) as a table and a bar chart. They are figures of the national system, decided in
   * the same suppression as the region's own arrivals and departures that they split, so
   * subtracting them from the region figures reveals nothing hidden. The region's municipalities in
   * no sub-region are a row of their own when anyone is in them, so that the rows add up to the
   * region's figures.
   */
  private void subRegionsAcross(
      Model model,
      MobilityFlows.Published p,
      Area region,
      List<Area> subRegions,
      @Nullable String chosenGroup,
      String groupName,
      String period,
      Language language,
      Locale locale) {
    Map<String, String> parts = new java.util.LinkedHashMap<>();
    for (Area s : subRegions) {
      parts.put(s.code(), s.name(language).text());
    }
    String none = MobilityFlows.noSubRegion(region.code());
    for (String key : List.of("sin|" + none, "sout|" + none)) {
      if (p.shown().containsKey(key) || p.hidden().contains(key)) {
        parts.put(none, msg("ri.mob.across.noSubRegion", locale));
      }
    }
    String in = chosenGroup == null ? "sin|" : "sgin|";
    String out = chosenGroup == null ? "sout|" : "sgout|";
    String suffix = chosenGroup == null ? "" : "|" + chosenGroup;
    List<String[]> rows = new ArrayList<>();
    List<Long> arrived = new ArrayList<>();
    List<Long> left = new ArrayList<>();
    boolean anyShown = false;
    for (var part : parts.entrySet()) {
      Long a = p.get(in + part.getKey() + suffix);
      Long l = p.get(out + part.getKey() + suffix);
      rows.add(
          new String[] {
            part.getValue(),
            shown(a, false, locale),
            shown(l, false, locale),
            a == null || l == null ? msg("ri.ov.suppressed", locale) : signed(a - l, locale)
          });
      arrived.add(a);
      left.add(l);
      anyShown |= (a != null && a > 0) || (l != null && l > 0);
    }
    model.addAttribute("acrossRows", rows);
    if (anyShown) {
      String regionName = region.name(language).text();
      model.addAttribute(
          "acrossChart",
          BarChart.countPairs(
              "ri-across-chart",
              msg("ri.mob.across.caption", locale, regionName, groupName, period),
              msg("ri.mob.across.chart.desc", locale, regionName),
              List.copyOf(parts.values()),
              arrived,
              left,
              msg("ri.ov.suppressed", locale),
              locale));
    }
  }

  /**
   * The flows from each of the region's sub-regions (and its part in no sub-region) to each other
   * region, then from each other region into each sub-region, all groups: figures of the national
   * system ({@code sflow}, {@code sflowin}) decided with the region flows they split. Only figures
   * someone is in; hidden ones marked.
   */
  private void subRegionFlows(
      Model model,
      MobilityFlows.Published p,
      Area region,
      List<Area> subRegions,
      List<Area> allRegions,
      Map<String, String> names,
      Language language,
      Locale locale) {
    Map<String, String> parts = new java.util.LinkedHashMap<>();
    for (Area s : subRegions) {
      parts.put(s.code(), s.name(language).text());
    }
    parts.put(MobilityFlows.noSubRegion(region.code()), msg("ri.mob.across.noSubRegion", locale));
    List<FlowRow> rows = new ArrayList<>();
    for (boolean leaving : new boolean[] {true, false}) {
      for (var part : parts.entrySet()) {
        for (Area other : allRegions) {
          if (other.code().equals(region.code())) {
            continue;
          }
          String key =
              leaving
                  ? "sflow|" + part.getKey() + "|" + other.code()
                  : "sflowin|" + other.code() + "|" + part.getKey();
          String people;
          if (p.hidden().contains(key)) {
            people = msg("ri.ov.suppressed", locale);
          } else if (p.shown().containsKey(key)) {
            people = number(p.shown().get(key), locale);
          } else {
            continue; // nobody: a known zero, left out like the other flow tables' zeros
          }
          String otherName = name(names, other);
          rows.add(
              leaving
                  ? new FlowRow(part.getValue(), otherName, people)
                  : new FlowRow(otherName, part.getValue(), people));
        }
      }
    }
    model.addAttribute("acrossFlowRows", rows);
  }

  /** An area's arrivals, departures and net as the table shows them. */
  private String[] movesRow(
      MobilityFlows.Published p, Area area, Map<String, String> names, Locale locale) {
    Long in = p.get("in|" + area.code());
    Long out = p.get("out|" + area.code());
    return new String[] {
      name(names, area),
      shown(in, false, locale),
      shown(out, false, locale),
      in == null || out == null ? msg("ri.ov.suppressed", locale) : signed(in - out, locale)
    };
  }

  /**
   * The flows between {@code areas} (of the group of {@code suffix}; touching {@code focus} when
   * one is given) as table rows, hidden ones marked, and the published ones to draw.
   */
  private void flows(
      MobilityFlows.Published p,
      List<Area> areas,
      Map<String, String> names,
      String suffix,
      @Nullable String focus,
      List<FlowRow> rows,
      List<FlowFigures.Flow> drawn,
      Locale locale) {
    for (Area a : areas) {
      for (Area b : areas) {
        if (focus != null && !focus.equals(a.code()) && !focus.equals(b.code())) {
          continue;
        }
        String key = "flow|" + a.code() + "|" + b.code() + suffix;
        if (p.hidden().contains(key)) {
          rows.add(new FlowRow(name(names, a), name(names, b), msg("ri.ov.suppressed", locale)));
        } else if (p.shown().containsKey(key)) {
          long people = p.shown().get(key);
          rows.add(new FlowRow(name(names, a), name(names, b), number(people, locale)));
          drawn.add(
              new FlowFigures.Flow(a.code(), name(names, a), b.code(), name(names, b), people));
        }
      }
    }
  }

  private static void addGroup(TreeSet<String> groups, String key) {
    String[] parts = key.split("\\|");
    if (parts[0].equals("g")) {
      groups.add(parts[1]);
    }
  }

  /** Net migration from table 121w, per region (and the chosen region's municipalities). */
  private void statistics(
      Model model,
      @Nullable Area region,
      List<Area> allRegions,
      Map<String, String> names,
      Locale locale) {
    Language language = Language.of(locale);
    List<StatRow> regionRows = new ArrayList<>();
    Map<String, Double> perThousand = new HashMap<>();
    Integer year = null;
    for (Area r : allRegions) {
      List<String> municipalities =
          regions.municipalitiesIn(AreaLevel.REGION, r.code()).stream().map(Area::code).toList();
      Map<String, RegionalContext.Figure> f =
          context.figures(AreaLevel.REGION, r.code(), municipalities);
      StatRow row = statRow(r.code(), name(names, r), f, locale);
      if (row == null) {
        continue;
      }
      year = java.util.Objects.requireNonNull(f.get(NET)).year();
      regionRows.add(row);
      if (row.perThousand() != null) {
        perThousand.put(r.code(), row.perThousand());
      }
    }
    model.addAttribute("statYear", year == null ? "–" : String.valueOf(year));
    model.addAttribute("regionStats", regionRows);
    StatRow whole =
        statRow(
            "", msg("ri.ov.wholeCountry", locale), context.figures(null, null, List.of()), locale);
    model.addAttribute("countryStats", whole);
    if (region != null) {
      List<StatRow> rows = new ArrayList<>();
      java.text.Collator collator = java.text.Collator.getInstance(locale);
      List<Area> municipalities =
          new ArrayList<>(regions.municipalitiesIn(AreaLevel.REGION, region.code()));
      municipalities.sort(
          java.util.Comparator.comparing((Area m) -> m.name(language).text(), collator));
      for (Area m : municipalities) {
        StatRow row =
            statRow(
                m.code(),
                m.name(language).text(),
                context.figures(AreaLevel.MUNICIPALITY, m.code(), List.of()),
                locale);
        if (row != null) {
          rows.add(row);
        }
      }
      model.addAttribute("municipalityStats", rows);
    }
    if (!perThousand.isEmpty()) {
      Map<String, String> paths = boundaries.paths(AreaLevel.REGION);
      model.addAttribute(
          "netMap",
          ChoroplethMap.draw(
              "ri-net-map",
              msg("ri.mob.netMap.title", locale, String.valueOf(year)),
              msg("ri.mob.netMap.desc", locale),
              paths,
              Map.of(),
              names,
              perThousand,
              v -> String.format(locale, "%+.1f ‰", v)));
    }
  }

  private @Nullable StatRow statRow(
      String code, String name, Map<String, RegionalContext.Figure> f, Locale locale) {
    if (f.get(NET) == null) {
      return null;
    }
    List<String> figures = new ArrayList<>();
    for (String m : MEASURES) {
      RegionalContext.Figure v = f.get(m);
      figures.add(
          v == null
              ? "–"
              : m.endsWith("netto") || m.endsWith("koknetmuutto")
                  ? signed((long) v.value(), locale)
                  : number((long) v.value(), locale));
    }
    RegionalContext.Figure population = f.get("ssaaty_121w/ssaaty-vaesto");
    Double per =
        population == null || population.value() == 0
            ? null
            : 1000.0 * java.util.Objects.requireNonNull(f.get(NET)).value() / population.value();
    return new StatRow(code, name, figures, per);
  }

  /** Job-ad demand by ISCO major group in the area, from the regional overview's aggregates. */
  private void ads(Model model, @Nullable String code, Language language, Locale locale) {
    Snapshot s = aggregates.snapshot();
    String key = code == null ? OverviewAggregates.COUNTRY : code;
    Map<String, Integer> byMajor = new TreeMap<>();
    for (var e : s.items(key, AdDemand.Kind.OCCUPATION_GROUP).entrySet()) {
      Count c = e.getValue();
      if (c.current() > 0 && !e.getKey().isEmpty()) {
        byMajor.merge(e.getKey().substring(0, 1), c.current(), Integer::sum);
      }
    }
    int total = s.ads(key, AdDemand.Kind.ALL, "").current();
    Map<String, LocalizedText> labels =
        groupLabels(new TreeSet<>(byMajor.keySet()), language, locale);
    List<AdRow> rows = new ArrayList<>();
    byMajor.forEach(
        (g, n) ->
            rows.add(
                new AdRow(g, label(labels, g, language), n, total == 0 ? 0 : 100.0 * n / total)));
    model.addAttribute("adRows", rows);
    model.addAttribute("adPeriod", RegionalOverviewController.period(s));
    model.addAttribute("adsSynthetic", s.synthetic());
  }

  private Map<String, LocalizedText> groupLabels(
      java.util.Set<String> groups, Language language, Locale locale) {
    Map<String, LocalizedText> labels = new HashMap<>();
    List<ConceptUri> uris = new ArrayList<>();
    for (String g : groups) {
      if (!g.startsWith("X")) {
        uris.add(ConceptUri.iscoGroup(g));
      }
    }
    Map<String, LocalizedText> found = new HashMap<>();
    if (!uris.isEmpty()) {
      for (ConceptSummary c : taxonomy.summaries(uris, language)) {
        if (c.label() != null) {
          found.put(c.uri().value(), c.label());
        }
      }
    }
    for (String g : groups) {
      LocalizedText label =
          g.startsWith("X")
              ? new LocalizedText(msg("ri.mob.noOccupation", locale), language, false)
              : found.get(ConceptUri.iscoGroup(g).value());
      labels.put(
          g,
          label == null
              ? new LocalizedText(msg("ri.mob.iscoGroup", locale, g), language, false)
              : new LocalizedText(g + " " + label.text(), label.language(), label.fallback()));
    }
    return labels;
  }

  private static LocalizedText label(
      Map<String, LocalizedText> labels, String g, Language language) {
    return labels.getOrDefault(g, new LocalizedText(g, language, true));
  }

  private static String name(Map<String, String> names, Area area) {
    return names.getOrDefault(area.code(), area.code());
  }

  // --- parameters ---

  private @Nullable Area region(@Nullable String code) {
    return RegionalOverviewController.regionParameter(regions, code, "area");
  }

  /**
   * The one year whose figures are shown: {@code year}; else an old link's {@code from} and {@code
   * to} when both name the same complete year; else the last complete year. A span of years, the
   * current year or a year not complete is refused naming the parameter: mapping it to some other
   * year would show figures the link did not ask for.
   */
  private Year period(@Nullable String year, @Nullable String from, @Nullable String to) {
    Year last = mobility.lastCompleteYear();
    // Each bound is checked first, so that a bad one is named whatever else the link holds.
    Year first = year(from, "from", last);
    Year end = year(to, "to", last);
    Year chosen = year(year, "year", last);
    if (chosen != null) {
      // An old link's bounds kept beside the year, as a hand-edited link might, must agree with it.
      if (first != null && !first.equals(chosen)) {
        throw RegionalOverviewController.badParameter(
            "from", "must be the same as year, or left out");
      }
      if (end != null && !end.equals(chosen)) {
        throw RegionalOverviewController.badParameter(
            "to", "must be the same as year, or left out");
      }
      return chosen;
    }
    if (first == null && end == null) {
      return last;
    }
    String oneYear =
        "figures are published for one complete calendar year at a time: give year (from "
            + ExpertMobility.FIRST_YEAR
            + " to "
            + last
            + "), or from and to naming the same year";
    if (first == null) {
      throw RegionalOverviewController.badParameter("from", "is missing: " + oneYear);
    }
    if (end == null) {
      throw RegionalOverviewController.badParameter("to", "is missing: " + oneYear);
    }
    if (!end.equals(first)) {
      throw RegionalOverviewController.badParameter(
          "to", "must be the same year as from: " + oneYear);
    }
    return first;
  }

  /** The complete year {@code text} names, or null when it is blank. */
  private static @Nullable Year year(@Nullable String text, String parameter, Year last) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    String expected =
        "a complete year from " + ExpertMobility.FIRST_YEAR + " to " + last + " is expected";
    if (!t.matches("\\d{4}")) {
      throw RegionalOverviewController.badParameter(parameter, expected);
    }
    Year y = Year.of(Integer.parseInt(t));
    if (y.isAfter(last)) {
      throw RegionalOverviewController.badParameter(
          parameter, y + " is not a complete year and is not published: " + expected);
    }
    if (y.isBefore(ExpertMobility.FIRST_YEAR)) {
      throw RegionalOverviewController.badParameter(parameter, expected);
    }
    return y;
  }

  /** The last {@link #YEARS_OFFERED} complete years, newest first, and the chosen one if older. */
  private List<Integer> yearChoices(Year chosen) {
    List<Integer> years = new ArrayList<>();
    Year y = mobility.lastCompleteYear();
    for (int i = 0; i < YEARS_OFFERED && !y.isBefore(ExpertMobility.FIRST_YEAR); i++) {
      years.add(y.getValue());
      y = y.minusYears(1);
    }
    if (!years.contains(chosen.getValue())) {
      years.add(chosen.getValue());
    }
    return years;
  }

  private static @Nullable String group(@Nullable String group) {
    if (group == null || group.isBlank()) {
      return null;
    }
    String g = group.strip();
    if (!g.matches("[0-9]|X")) {
      throw RegionalOverviewController.badParameter(
          "group", "an ISCO major group (one digit) or X is expected");
    }
    return g;
  }

  // --- formatting ---

  private String shown(@Nullable Long value, boolean nobody, Locale locale) {
    if (nobody) {
      return "0";
    }
    return value == null ? msg("ri.ov.suppressed", locale) : number(value, locale);
  }

  private static String number(long n, Locale locale) {
    return String.format(locale, "%,d", n);
  }

  private static String signed(long n, Locale locale) {
    return n == 0 ? "0" : String.format(locale, "%+,d", n);
  }

  private String msg(String key, Locale locale, @Nullable Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
