package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.labourmarket.AdDemand;
import fi.osaava.labourmarket.AreaBoundaries;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates.Count;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates.Snapshot;
import fi.osaava.regionalintelligence.internal.projects.ActorKind;
import fi.osaava.regionalintelligence.internal.projects.ActorNetwork;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore.StoredProject;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /regional-projects}: the visual overview of regional development projects and their
 * actors, open to everyone. A network drawing (server-side SVG) with the same content as tables,
 * the network figures ({@link ActorNetwork}), the themes that the area's job ads ask for and no
 * project addresses, and a map of projects per region, filtered by theme, region and period.
 */
@Controller
class ProjectNetworkController {

  private static final int FIRST_YEAR = 1990;
  private static final int LAST_YEAR = 2100;

  private final ProjectStore store;
  private final RegionsApi regions;
  private final TaxonomyApi taxonomy;
  private final AreaBoundaries boundaries;
  private final OverviewAggregates aggregates;
  private final MessageSource messages;

  ProjectNetworkController(
      ProjectStore store,
      RegionsApi regions,
      TaxonomyApi taxonomy,
      AreaBoundaries boundaries,
      OverviewAggregates aggregates,
      MessageSource messages) {
    this.store = store;
    this.regions = regions;
    this.taxonomy = taxonomy;
    this.boundaries = boundaries;
    this.aggregates = aggregates;
    this.messages = messages;
  }

  /** A theme with its label in the reader's language. */
  record Theme(String value, LocalizedText label) {}

  /** A demanded skill or occupation group that no included project has as its theme. */
  record Uncovered(LocalizedText label, int ads) {}

  @GetMapping("/regional-projects")
  String network(
      @RequestParam(required = false) @Nullable String theme,
      @RequestParam(required = false) @Nullable String region,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      Model model,
      Locale locale) {
    Language language = Language.of(locale);
    Area area = region(region);
    Integer fromYear = year(from, "from");
    Integer toYear = year(to, "to");
    if (fromYear != null && toYear != null && toYear < fromYear) {
      throw bad("to", "the last year is before the first");
    }
    List<StoredProject> all = store.allProjects();
    Set<String> themeValues = new TreeSet<>();
    all.forEach(p -> themeValues.addAll(p.themes()));
    Map<String, LocalizedText> labels = labels(themeValues, language);
    String chosenTheme = theme == null || theme.isBlank() ? null : theme.strip();
    if (chosenTheme != null && !themeValues.contains(chosenTheme)) {
      throw bad("theme", "no project has this theme");
    }
    LocalDate periodStart = fromYear == null ? null : LocalDate.of(fromYear, 1, 1);
    LocalDate periodEnd = toYear == null ? null : LocalDate.of(toYear, 12, 31);
    // Projects of the region and period, before the theme: the uncovered themes are counted on
    // them.
    List<StoredProject> inAreaAndPeriod =
        all.stream()
            .filter(p -> area == null || p.region().equals(area.code()))
            .filter(p -> periodStart == null || !p.end().isBefore(periodStart))
            .filter(p -> periodEnd == null || !p.start().isAfter(periodEnd))
            .toList();
    List<StoredProject> included =
        inAreaAndPeriod.stream()
            .filter(p -> chosenTheme == null || p.themes().contains(chosenTheme))
            .toList();
    ActorNetwork network = new ActorNetwork(included);
    Map<String, String> regionNames = new LinkedHashMap<>();
    regions
        .areas(AreaLevel.REGION)
        .forEach(r -> regionNames.put(r.code(), r.name(language).text()));
    Map<String, String> kindNames = new HashMap<>();
    for (ActorKind k : ActorKind.values()) {
      kindNames.put(k.code(), msg("ri.pr.kind." + k.code(), locale));
    }

    model.addAttribute("language", language);
    model.addAttribute("theme", chosenTheme == null ? "" : chosenTheme);
    model.addAttribute("region", area == null ? "" : area.code());
    model.addAttribute("from", fromYear == null ? "" : fromYear.toString());
    model.addAttribute("to", toYear == null ? "" : toYear.toString());
    model.addAttribute(
        "themes",
        themeValues.stream()
            .map(t -> new Theme(t, labels.getOrDefault(t, new LocalizedText(t, language, true))))
            .sorted(
                Comparator.comparing((Theme t) -> t.label().text(), String.CASE_INSENSITIVE_ORDER))
            .toList());
    model.addAttribute("themeLabels", labels);
    model.addAttribute("regions", regionNames);
    model.addAttribute("kindNames", kindNames);
    model.addAttribute("projects", included);
    model.addAttribute("totalProjects", all.size());
    model.addAttribute("synthetic", included.stream().anyMatch(StoredProject::synthetic));
    model.addAttribute("network", network);
    model.addAttribute("topActors", network.actors().stream().limit(15).toList());
    model.addAttribute("clusters", network.clusters().stream().limit(10).toList());
    String areaName = area == null ? msg("ri.ov.wholeCountry", locale) : area.name(language).text();
    model.addAttribute("areaName", areaName);
    if (network.drawable()) {
      model.addAttribute(
          "svg",
          network.svg(
              msg("ri.pr.net.svgTitle", locale, included.size(), network.actors().size()),
              msg("ri.pr.net.svgDesc", locale),
              kindNames));
    }
    model.addAttribute("uncovered", uncovered(inAreaAndPeriod, area, language));
    model.addAttribute("map", map(included, regionNames, locale));
    Map<String, Long> perRegion = new LinkedHashMap<>();
    regionNames.forEach(
        (code, name) -> {
          long n = included.stream().filter(p -> p.region().equals(code)).count();
          if (n > 0) {
            perRegion.put(name, n);
          }
        });
    model.addAttribute("perRegion", perRegion);
    return "regionalintelligence/projects";
  }

  /**
   * The area's most demanded skills (15) and occupation groups (10) in the job ads that no project
   * of the area and period names as a theme; a project's broader group ({@code isco:25}) covers its
   * narrower ones ({@code isco:2512}).
   */
  private List<Uncovered> uncovered(
      List<StoredProject> projects, @Nullable Area area, Language language) {
    Set<String> covered = new LinkedHashSet<>();
    projects.forEach(p -> covered.addAll(p.themes()));
    Snapshot s = aggregates.snapshot();
    String key = area == null ? OverviewAggregates.COUNTRY : area.code();
    List<Map.Entry<String, Count>> demanded = new ArrayList<>();
    demanded.addAll(top(s.items(key, AdDemand.Kind.SKILL), 15));
    // Occupation groups are keyed by their bare ISCO code there; themes name them isco:NNNN.
    top(s.items(key, AdDemand.Kind.OCCUPATION_GROUP), 10)
        .forEach(e -> demanded.add(Map.entry("isco:" + e.getKey(), e.getValue())));
    List<String> values = demanded.stream().map(Map.Entry::getKey).toList();
    Map<String, LocalizedText> labels = labels(values, language);
    List<Uncovered> rows = new ArrayList<>();
    for (var e : demanded) {
      String item = e.getKey();
      boolean isCovered =
          covered.contains(item)
              || (item.startsWith("isco:")
                  && covered.stream().anyMatch(t -> t.startsWith("isco:") && item.startsWith(t)));
      if (!isCovered) {
        rows.add(
            new Uncovered(
                labels.getOrDefault(item, new LocalizedText(item, language, true)),
                e.getValue().current()));
      }
    }
    return rows;
  }

  private static List<Map.Entry<String, Count>> top(Map<String, Count> items, int n) {
    return items.entrySet().stream()
        .filter(e -> e.getValue().current() >= 3)
        .sorted(
            Comparator.comparingInt((Map.Entry<String, Count> e) -> e.getValue().current())
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .limit(n)
        .toList();
  }

  private String map(List<StoredProject> projects, Map<String, String> regionNames, Locale locale) {
    Map<String, Double> counts = new HashMap<>();
    projects.forEach(p -> counts.merge(p.region(), 1.0, Double::sum));
    return ChoroplethMap.draw(
        "ri-projects-map",
        msg("ri.pr.map.title", locale),
        msg("ri.pr.map.desc", locale),
        boundaries.paths(AreaLevel.REGION),
        Map.of(),
        regionNames,
        counts,
        v -> String.format(locale, "%,d", Math.round(v)));
  }

  /**
   * Labels of themes: ESCO concepts and ISCO groups from the taxonomy, each in the language it is
   * in (a label ESCO lacks in the page's language falls back, and the page marks its language);
   * free tags as written.
   */
  private Map<String, LocalizedText> labels(Iterable<String> themes, Language language) {
    Map<String, String> uriOf = new LinkedHashMap<>();
    Map<String, LocalizedText> labels = new HashMap<>();
    for (String t : themes) {
      if (t.startsWith("tag:")) {
        labels.put(t, new LocalizedText(t.substring(4), language, false));
      } else if (t.startsWith("isco:")) {
        uriOf.put(ConceptUri.iscoGroup(t.substring(5)).value(), t);
      } else {
        uriOf.put(t, t);
      }
    }
    if (!uriOf.isEmpty()) {
      for (ConceptSummary s :
          taxonomy.summaries(uriOf.keySet().stream().map(ConceptUri::new).toList(), language)) {
        String theme = uriOf.get(s.uri().value());
        LocalizedText label = s.label();
        if (theme != null && label != null) {
          labels.put(
              theme,
              theme.startsWith("isco:")
                  ? new LocalizedText(
                      theme.substring(5) + " " + label.text(), label.language(), label.fallback())
                  : label);
        }
      }
    }
    return labels;
  }

  private @Nullable Area region(@Nullable String code) {
    return RegionalOverviewController.regionParameter(regions, code, "region");
  }

  private static @Nullable Integer year(@Nullable String value, String parameter) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (!v.matches("\\d{4}")
        || Integer.parseInt(v) < FIRST_YEAR
        || Integer.parseInt(v) > LAST_YEAR) {
      throw bad(parameter, "a year of four digits, " + FIRST_YEAR + "–" + LAST_YEAR);
    }
    return Integer.parseInt(v);
  }

  private static InvalidInputException bad(String parameter, String problem) {
    return RegionalOverviewController.badParameter(parameter, problem);
  }

  private String msg(String key, Locale locale, @Nullable Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
