package fi.osaava.taxonomy.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.platform.Paging;
import fi.osaava.platform.ResultPage;
import fi.osaava.taxonomy.Concept;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.RelatedConcept;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.taxonomy.Suggestion;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.Pagination;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The taxonomy's pages: the front page with its search box, search results, browsing by type and by
 * collection, and one page per concept. Every page reads the content in the user-interface language
 * and marks what is shown in another language because the chosen one has none.
 *
 * <p>A concept's page is {@code /concepts?uri=<ESCO URI>}: ESCO URIs are stable across versions and
 * languages, and their shapes vary (skills, ISCED-F fields, ISCO codes), so the URI itself is the
 * most stable bookmark.
 */
@Controller
class TaxonomyPageController {

  static final int PAGE_SIZE = 50;
  static final int SUGGESTIONS = 8;
  static final int SEARCH_RESULTS = 50;
  static final int MAX_QUERY = 100;

  /** Deep enough for ESCO's deepest hierarchy, and a guard against a cycle in bad data. */
  private static final int MAX_ANCESTORS = 12;

  private final TaxonomyApi taxonomy;

  TaxonomyPageController(TaxonomyApi taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** The ESCO browser's own front page; the service's front door is the web module's home. */
  @GetMapping("/esco")
  String home(Model model) {
    model.addAttribute("status", taxonomy.status());
    model.addAttribute("types", ConceptType.values());
    return "taxonomy/home";
  }

  /** The search form's target: works without JavaScript, as a plain GET. */
  @GetMapping("/search")
  String search(
      @RequestParam(required = false) @Size(max = MAX_QUERY) String q,
      @RequestParam(required = false) ConceptType type,
      Locale locale,
      Model model) {
    String query = q == null ? "" : q.strip();
    model.addAttribute("q", query);
    model.addAttribute("type", type);
    model.addAttribute("types", ConceptType.values());
    model.addAttribute(
        "results", query.isEmpty() ? null : suggest(query, type, locale, SEARCH_RESULTS));
    return "taxonomy/search";
  }

  /** The suggestions htmx swaps in under the search box while the user types. */
  @GetMapping("/search/suggestions")
  String suggestions(
      @RequestParam(required = false) @Size(max = MAX_QUERY) String q,
      @RequestParam(required = false) ConceptType type,
      Locale locale,
      Model model) {
    String query = q == null ? "" : q.strip();
    model.addAttribute("q", query);
    model.addAttribute("type", type);
    model.addAttribute(
        "results", query.isEmpty() ? null : suggest(query, type, locale, SUGGESTIONS));
    return "taxonomy/search :: suggestions";
  }

  private List<Suggestion> suggest(String query, ConceptType type, Locale locale, int limit) {
    Set<ConceptType> types = type == null ? Set.of() : Set.of(type);
    return taxonomy.autocomplete(query, Language.of(locale), types, limit);
  }

  @GetMapping("/browse/{type}")
  String browse(
      @PathVariable ConceptType type,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      Locale locale,
      HttpServletRequest request,
      Model model) {
    ResultPage<ConceptSummary> concepts =
        taxonomy.browse(type, Language.of(locale), new Paging(page, PAGE_SIZE));
    model.addAttribute("type", type);
    model.addAttribute("concepts", concepts);
    model.addAttribute("pager", Pagination.of(concepts, "page", "list", request));
    return "taxonomy/browse";
  }

  @GetMapping("/collections")
  String collections(Model model) {
    model.addAttribute("collections", taxonomy.collections());
    return "taxonomy/collections";
  }

  @GetMapping("/collections/{code}")
  String collection(
      @PathVariable String code,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      Locale locale,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("collection", TaxonomyApiController.requireCollection(taxonomy, code));
    ResultPage<ConceptSummary> members =
        taxonomy.collectionMembers(code, Language.of(locale), new Paging(page, PAGE_SIZE));
    model.addAttribute("concepts", members);
    model.addAttribute("pager", Pagination.of(members, "page", "list", request));
    return "taxonomy/collection";
  }

  /**
   * One concept's page; what it shows depends on the type. Each list has its own page parameter
   * ({@code np} narrower, {@code ep} essential, {@code op} optional) so paging one keeps the others
   * where they were.
   */
  @GetMapping("/concepts")
  String concept(
      @RequestParam ConceptUri uri,
      @RequestParam(name = "np", defaultValue = "0") @Min(0) int narrowerPage,
      @RequestParam(name = "ep", defaultValue = "0") @Min(0) int essentialPage,
      @RequestParam(name = "op", defaultValue = "0") @Min(0) int optionalPage,
      Locale locale,
      HttpServletRequest request,
      Model model) {
    Language language = Language.of(locale);
    Concept concept =
        taxonomy
            .concept(uri, language)
            .orElseThrow(() -> new NotFoundException("No concept has the URI " + uri));
    model.addAttribute("concept", concept);
    model.addAttribute("language", language);
    // ESCO often repeats the preferred label among the alternative ones.
    model.addAttribute(
        "alternativeLabels",
        concept.alternativeLabels().stream()
            .filter(label -> !label.equals(concept.label().text()))
            .toList());

    List<ConceptSummary> broader = taxonomy.broader(uri, language);
    model.addAttribute("broader", broader);
    model.addAttribute("ancestors", ancestors(uri, broader, language));
    ResultPage<ConceptSummary> narrower =
        taxonomy.narrower(uri, language, new Paging(narrowerPage, PAGE_SIZE));
    model.addAttribute("narrower", narrower);
    model.addAttribute("narrowerPager", Pagination.of(narrower, "np", "narrower", request));
    model.addAttribute("collections", taxonomy.collectionsOf(uri));

    ResultPage<RelatedConcept> essential = null;
    ResultPage<RelatedConcept> optional = null;
    if (concept.type() == ConceptType.SKILL) {
      essential =
          taxonomy.occupationsOfSkill(
              uri, RelationType.ESSENTIAL, language, new Paging(essentialPage, PAGE_SIZE));
      optional =
          taxonomy.occupationsOfSkill(
              uri, RelationType.OPTIONAL, language, new Paging(optionalPage, PAGE_SIZE));
      model.addAttribute("relatedSkills", taxonomy.relatedSkills(uri, language));
    } else if (concept.type() == ConceptType.OCCUPATION) {
      essential =
          taxonomy.skillsOfOccupation(
              uri, RelationType.ESSENTIAL, language, new Paging(essentialPage, PAGE_SIZE));
      optional =
          taxonomy.skillsOfOccupation(
              uri, RelationType.OPTIONAL, language, new Paging(optionalPage, PAGE_SIZE));
    }
    if (essential != null && optional != null) {
      model.addAttribute("essential", essential);
      model.addAttribute("essentialPager", Pagination.of(essential, "ep", "essential", request));
      model.addAttribute("optional", optional);
      model.addAttribute("optionalPager", Pagination.of(optional, "op", "optional", request));
    }
    return "taxonomy/concept";
  }

  /**
   * The path from the top of the hierarchy down to the concept's first broader concept, for the
   * breadcrumb. Concepts with several broader ones list the others separately.
   */
  private List<ConceptSummary> ancestors(
      ConceptUri uri, List<ConceptSummary> broader, Language language) {
    List<ConceptSummary> chain = new ArrayList<>();
    Set<ConceptUri> seen = new HashSet<>(Set.of(uri));
    List<ConceptSummary> level = broader;
    while (!level.isEmpty() && chain.size() < MAX_ANCESTORS) {
      ConceptSummary parent = level.getFirst();
      if (!seen.add(parent.uri())) {
        break;
      }
      chain.addFirst(parent);
      level = taxonomy.broader(parent.uri(), language);
    }
    return chain;
  }
}
