package fi.osaava.servicenetwork.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.NotFoundException;
import fi.osaava.platform.Paging;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.internal.Recommendations;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord.Channel;
import fi.osaava.servicenetwork.internal.search.ServiceDocument;
import fi.osaava.servicenetwork.internal.search.ServiceFacet;
import fi.osaava.servicenetwork.internal.search.ServiceQuery;
import fi.osaava.servicenetwork.internal.search.ServiceSearch;
import fi.osaava.web.Pagination;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The service directory's pages: {@code /services}, where a person picks a life situation (and
 * municipality) for explained recommendations, or searches and browses with facets; and one page
 * per service. Both are plain GET forms, so every state is a link.
 */
@Controller
class ServicesPageController {

  static final int PAGE_SIZE = 20;
  static final int RECOMMENDATIONS = 20;

  /** A service in a list. */
  record Card(
      String href,
      @Nullable LocalizedText name,
      @Nullable LocalizedText summary,
      String type,
      boolean general,
      @Nullable LocalizedText organisation,
      List<Why> reasons) {}

  /** A reason why a recommendation is shown, as a message key and its argument. */
  record Why(String key, @Nullable String argument) {}

  /** One facet as the page renders it. */
  record FacetView(String parameter, String labelKey, List<ValueView> values) {}

  record ValueView(String value, String label, long count, boolean selected) {}

  /** A channel as its page shows it. */
  record ChannelView(
      String type,
      @Nullable LocalizedText name,
      @Nullable String url,
      @Nullable String phone,
      @Nullable String address,
      List<String> hours) {}

  private final ServiceSearch search;
  private final Recommendations recommendations;
  private final ServiceViews views;
  private final RegionsApi regions;

  ServicesPageController(
      ServiceSearch search,
      Recommendations recommendations,
      ServiceViews views,
      RegionsApi regions) {
    this.search = search;
    this.recommendations = recommendations;
    this.views = views;
    this.regions = regions;
  }

  @GetMapping("/services")
  String services(
      @RequestParam MultiValueMap<String, String> params,
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "for", required = false) String situation,
      @RequestParam(name = "municipality", required = false) String municipality,
      @RequestParam(name = "goal", required = false) String goal,
      @RequestParam(name = "page", required = false) String page,
      Locale locale,
      HttpServletRequest request,
      Model model) {
    Language language = ServiceViews.pageLanguage(locale);
    ServiceQuery query =
        new ServiceQuery(
            q == null ? "" : q,
            views.filters(params, false),
            new Paging(page(page), PAGE_SIZE),
            language);
    ServiceSearch.Result result = search.search(query);
    model.addAttribute("q", query.text());
    model.addAttribute("total", result.page().total());
    model.addAttribute(
        "cards", result.page().items().stream().map(s -> card(s, language, List.of())).toList());
    model.addAttribute("pagination", Pagination.of(result.page(), "page", "results", request));
    model.addAttribute(
        "facets",
        Arrays.stream(ServiceFacet.values())
            .map(
                facet ->
                    new FacetView(
                        facet.parameter(),
                        "svc.facet." + facet.parameter(),
                        Objects.requireNonNull(
                                result.facets().get(facet), "the search counts every facet")
                            .stream()
                            .map(
                                c ->
                                    new ValueView(
                                        c.value(),
                                        views.label(facet, c.value(), locale),
                                        c.count(),
                                        c.selected()))
                            .toList()))
            .filter(f -> !f.values().isEmpty())
            .toList());
    recommend(situation, municipality, ServiceGoal.of(goal), locale, language, model);
    return "services/search";
  }

  private void recommend(
      String situationCode,
      String municipalityCode,
      String goal,
      Locale locale,
      Language language,
      Model model) {
    model.addAttribute(
        "situations", Arrays.stream(LifeSituation.values()).map(Enum::name).toList());
    model.addAttribute(
        "municipalities",
        regions.areas(AreaLevel.MUNICIPALITY).stream()
            .map(
                a ->
                    new ValueView(
                        a.code(), a.name(language).text(), 0, a.code().equals(municipalityCode)))
            .sorted(
                java.util.Comparator.comparing(
                    ValueView::label, java.text.Collator.getInstance(locale)))
            .toList());
    Optional<LifeSituation> situation =
        Arrays.stream(LifeSituation.values())
            .filter(s -> s.name().equals(situationCode))
            .findFirst();
    model.addAttribute("chosenSituation", situation.map(Enum::name).orElse(null));
    model.addAttribute("goal", goal);
    if (situation.isEmpty()) {
      return;
    }
    Area municipality =
        municipalityCode == null || municipalityCode.isBlank()
            ? null
            : regions.area(AreaLevel.MUNICIPALITY, municipalityCode.strip()).orElse(null);
    String municipalityName = municipality == null ? null : municipality.name(language).text();
    model.addAttribute("municipalityName", municipalityName);
    model.addAttribute(
        "recommended",
        recommendations
            .recommend(situation.get(), goal, municipality, language, RECOMMENDATIONS)
            .stream()
            .map(
                r ->
                    card(
                        r.service(),
                        language,
                        r.reasons().stream()
                            .map(
                                why ->
                                    new Why(
                                        "svc.why." + why.key(),
                                        why.key().equals("situation")
                                            ? views.label(
                                                ServiceFacet.SITUATION,
                                                Objects.requireNonNull(
                                                    why.argument(),
                                                    "a situation reason names its situation"),
                                                locale)
                                            : why.argument()))
                            .toList()))
            .toList());
  }

  @GetMapping("/services/{id}")
  String service(@PathVariable String id, Locale locale, Model model) {
    Language language = ServiceViews.pageLanguage(locale);
    ServiceDocument service =
        uuid(id)
            .flatMap(search::find)
            .filter(ServiceDocument::active)
            .orElseThrow(() -> new NotFoundException("No service " + id));
    model.addAttribute("service", service);
    model.addAttribute("card", card(service, language, List.of()));
    LocalizedText description = ServiceViews.text(service.description(), language);
    model.addAttribute("description", description);
    model.addAttribute(
        "paragraphs",
        description == null ? List.of() : List.of(description.text().split("\\n\\s*\\n")));
    model.addAttribute("cost", ServiceViews.text(service.costInfo(), language));
    model.addAttribute(
        "situationLabels",
        service.lifeSituationCodes().stream()
            .map(s -> views.label(ServiceFacet.SITUATION, s, locale))
            .toList());
    model.addAttribute(
        "areaLabels", service.areaCodes().stream().map(a -> views.areaName(a, locale)).toList());
    model.addAttribute(
        "languageLabels",
        service.serviceLanguages().stream().map(l -> views.languageName(l, locale)).toList());
    model.addAttribute(
        "channels",
        views.channels(service.id()).stream().map(c -> channel(c, language, locale)).toList());
    model.addAttribute(
        "generalDescription",
        service.generalDescriptionId() == null
            ? null
            : search
                .find(service.generalDescriptionId())
                .map(g -> card(g, language, List.of()))
                .orElse(null));
    return "services/service";
  }

  private ChannelView channel(Channel c, Language language, Locale locale) {
    @Nullable String address =
        c.address() == null
            ? null
            : c.address().street()
                + ", "
                + c.address().postalCode()
                + " "
                + views.areaName("municipality:" + c.address().municipality(), locale);
    return new ChannelView(
        c.type().name(),
        ServiceViews.text(c.name(), language),
        c.url(),
        c.phone(),
        address,
        views.hours(c, locale));
  }

  private static Card card(ServiceDocument s, Language language, List<Why> reasons) {
    return new Card(
        "/services/" + s.id(),
        ServiceViews.text(s.name(), language),
        ServiceViews.text(s.summary(), language),
        s.type(),
        s.generalDescription(),
        ServiceViews.text(s.organisationName(), language),
        reasons);
  }

  private static Optional<UUID> uuid(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A page number from the address; anything else is the first page. */
  private static int page(String value) {
    try {
      int page = Integer.parseInt(value == null ? "0" : value.strip());
      return Math.clamp(page, 0, 10_000);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
