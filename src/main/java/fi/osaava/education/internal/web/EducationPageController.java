package fi.osaava.education.internal.web;

import fi.osaava.education.internal.search.EducationQuery;
import fi.osaava.education.internal.search.EducationSearchResult;
import fi.osaava.education.internal.search.EducationSearchResult.FacetCount;
import fi.osaava.education.internal.search.EducationSearchService;
import fi.osaava.education.internal.search.Facet;
import fi.osaava.education.internal.search.OfferingDocument;
import fi.osaava.education.internal.search.OfferingLookup;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.NotFoundException;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.web.CurrentUrl;
import fi.osaava.web.NationalLanguageQuery;
import fi.osaava.web.Pagination;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The education pages: the search page ({@code /education}, a plain GET form that htmx refreshes in
 * place when a facet changes) and one page per offering. Texts are shown in the interface language,
 * and a text shown in another language says so.
 */
@Controller
class EducationPageController {

  static final int PAGE_SIZE = 10;

  /** The municipalities with most results; the region facet covers the rest of the country. */
  static final int MUNICIPALITIES_SHOWN = 12;

  private final EducationSearchService search;
  private final OfferingLookup lookup;
  private final RegionsApi regions;
  private final MessageSource messages;

  EducationPageController(
      EducationSearchService search,
      OfferingLookup lookup,
      RegionsApi regions,
      MessageSource messages) {
    this.search = search;
    this.lookup = lookup;
    this.regions = regions;
    this.messages = messages;
  }

  @GetMapping("/education")
  String search(
      @RequestParam MultiValueMap<String, String> params,
      Locale locale,
      HttpServletRequest request,
      Model model) {
    Language language = NationalLanguageQuery.fallback(locale);
    EducationQuery query = QueryParameters.parse(params, language, PAGE_SIZE);
    EducationSearchResult result = search.search(query);
    model.addAttribute("query", query);
    model.addAttribute("result", result);
    model.addAttribute("facets", facets(result, locale, language));
    model.addAttribute(
        "hits",
        result.hits().stream()
            .map(
                h ->
                    new HitView(
                        h.id().toString(),
                        LocalizedText.pickNational(
                            OfferingView.texts(
                                h.titles().get("fi"), h.titles().get("sv"), h.titles().get("en")),
                            language),
                        h.level(),
                        h.providers(),
                        h.locations().stream()
                            .map(code -> locationName(code, locale, language))
                            .toList(),
                        h.extent(),
                        h.synthetic(),
                        h.highlights(),
                        h.skills()))
            .toList());
    model.addAttribute(
        "pager",
        Pagination.of(
            new fi.osaava.platform.ResultPage<>(
                result.hits(),
                result.page(),
                result.size(),
                Math.min(result.total(), (long) EducationQuery.MAX_RESULT_WINDOW)),
            "page",
            "results",
            request));
    model.addAttribute(
        "didYouMeanHref",
        result.didYouMean() == null
            ? null
            : CurrentUrl.withParameter(request, "q", result.didYouMean(), null));
    return "education/search";
  }

  @GetMapping("/education/offerings/{id}")
  String offering(@PathVariable String id, Locale locale, Model model) {
    UUID uuid = EducationApiController.parseId(id);
    Language language = NationalLanguageQuery.fallback(locale);
    OfferingDocument document =
        lookup.find(uuid).orElseThrow(() -> new NotFoundException("No offering " + uuid));
    OfferingView offering = OfferingView.of(document, lookup.units(uuid), language, Instant.now());
    model.addAttribute("offering", offering);
    model.addAttribute(
        "places",
        offering.implementations().stream()
            .map(
                i ->
                    String.join(
                        ", ",
                        i.municipalityCodes().stream()
                            .map(code -> locationName(code, locale, language))
                            .toList()))
            .toList());
    model.addAttribute(
        "paragraphs",
        offering.description() == null
            ? List.of()
            : List.of(offering.description().text().split("\n")));
    return "education/offering";
  }

  private List<FacetView> facets(EducationSearchResult result, Locale locale, Language language) {
    List<FacetView> views = new ArrayList<>();
    for (Facet facet : Facet.values()) {
      List<FacetCount> counts = new ArrayList<>(result.facets().get(facet));
      if (facet == Facet.LOCATION) {
        counts.sort(Comparator.comparingLong(FacetCount::count).reversed());
        List<FacetCount> shown = new ArrayList<>();
        for (FacetCount count : counts) {
          if (shown.size() < MUNICIPALITIES_SHOWN
              || count.selected()
              || count.value().equals("online")) {
            shown.add(count);
          }
        }
        counts = shown;
      }
      List<ValueView> values =
          counts.stream()
              .map(
                  c ->
                      new ValueView(
                          c.value(),
                          label(facet, c.value(), locale, language),
                          c.count(),
                          c.selected()))
              .toList();
      if (!values.isEmpty()) {
        views.add(
            new FacetView(
                facet.parameter(),
                messages.getMessage("education.facet." + facet.parameter(), null, locale),
                values));
      }
    }
    return views;
  }

  private String label(Facet facet, String value, Locale locale, Language language) {
    return switch (facet) {
      case LEVEL, MODE, COST, LANGUAGE, FIELD, EXTENT, DURATION, START ->
          Objects.requireNonNullElse(
              messages.getMessage(
                  "education." + facet.parameter() + "." + value, null, value, locale),
              value);
      case REGION ->
          regions.area(AreaLevel.REGION, value).map(a -> a.name(language).text()).orElse(value);
      case LOCATION -> locationName(value, locale, language);
      case PROVIDER -> value;
    };
  }

  private String locationName(String code, Locale locale, Language language) {
    if (code.equals(OfferingDocument.ONLINE)) {
      return messages.getMessage("education.location.online", null, locale);
    }
    return regions
        .area(AreaLevel.MUNICIPALITY, code)
        .map(Area::names)
        .map(names -> names.getOrDefault(language, names.get(Language.FI)))
        .orElse(code);
  }

  record FacetView(String parameter, String label, List<ValueView> values) {}

  record ValueView(String value, String label, long count, boolean selected) {}

  record HitView(
      String id,
      @Nullable LocalizedText title,
      String level,
      List<String> providers,
      List<String> locations,
      Double extent,
      boolean synthetic,
      List<String> highlights,
      List<String> skills) {}
}
