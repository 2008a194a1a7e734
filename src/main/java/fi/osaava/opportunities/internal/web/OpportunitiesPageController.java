package fi.osaava.opportunities.internal.web;

import fi.osaava.education.EducationLevel;
import fi.osaava.opportunities.internal.OpportunityService;
import fi.osaava.opportunities.internal.OpportunityViews.CardPage;
import fi.osaava.opportunities.internal.OpportunityViews.PathView;
import fi.osaava.opportunities.internal.PersonInput;
import fi.osaava.opportunities.internal.PlanStore;
import fi.osaava.opportunities.internal.engine.MatchQuery;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.platform.ResultPage;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.Suggestion;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.Pagination;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The opportunities pages: a GET form (skills and interests typed as words and resolved to ESCO,
 * the skills↔interests slider, demand weight and filters) whose results htmx swaps in place, the
 * goal page with the gap and a path form, and the signed-in person's plans.
 */
@Controller
class OpportunitiesPageController {

  static final String PATH = "/opportunities";
  static final String PLANS = "/opportunities/plans";

  private final OpportunityService service;
  private final RequestInputs inputs;
  private final TaxonomyApi taxonomy;
  private final RegionsApi regions;
  private final ProfileApi profile;
  private final PlanStore plans;

  OpportunitiesPageController(
      OpportunityService service,
      RequestInputs inputs,
      TaxonomyApi taxonomy,
      RegionsApi regions,
      ProfileApi profile,
      PlanStore plans) {
    this.service = service;
    this.inputs = inputs;
    this.taxonomy = taxonomy;
    this.regions = regions;
    this.profile = profile;
    this.plans = plans;
  }

  /** The words typed into a field, each resolved to its best ESCO match. */
  private List<Suggestion> resolve(String text, ConceptType type, Language language) {
    List<Suggestion> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    for (String part : text.split("[,;\\n]")) {
      if (part.isBlank() || out.size() >= 50) {
        continue;
      }
      taxonomy.autocomplete(part.strip(), language, Set.of(type), 1).stream()
          .findFirst()
          .ifPresent(out::add);
    }
    return out;
  }

  private static List<String> uris(List<Suggestion> suggestions) {
    return suggestions.stream().map(s -> s.uri().value()).toList();
  }

  private PersonInput person(
      String skills,
      String interests,
      String occupations,
      String riasec,
      Language language,
      Authentication authentication,
      Model model) {
    List<Suggestion> held = resolve(skills, ConceptType.SKILL, language);
    List<Suggestion> liked = resolve(interests, ConceptType.SKILL, language);
    List<Suggestion> likedOccupations = resolve(occupations, ConceptType.OCCUPATION, language);
    model.addAttribute("resolvedSkills", held);
    model.addAttribute("resolvedInterests", liked);
    model.addAttribute("resolvedOccupations", likedOccupations);
    PersonInput person =
        inputs.person(uris(held), uris(liked), uris(likedOccupations), riasec, authentication);
    boolean fromProfile =
        held.isEmpty()
            && liked.isEmpty()
            && likedOccupations.isEmpty()
            && (riasec == null || riasec.isBlank())
            && signedIn(authentication).isPresent();
    model.addAttribute("fromProfile", fromProfile);
    model.addAttribute("personSkills", person.skills().stream().map(ConceptUri::value).toList());
    return person;
  }

  private java.util.Optional<PersonId> signedIn(Authentication authentication) {
    return authentication == null || !authentication.isAuthenticated()
        ? java.util.Optional.empty()
        : profile.currentPerson(authentication);
  }

  /**
   * What the person likes doing, one box per RIASEC letter described in plain words, so nobody has
   * to know the letters; the boxes ticked become the interest code in RIASEC order.
   */
  static List<String> likes(List<String> likes) {
    if (likes == null) {
      return List.of();
    }
    for (String like : likes) {
      if (like == null || like.length() != 1 || "RIASEC".indexOf(like.charAt(0)) < 0) {
        throw new InvalidInputException("request", 0, "like", "one of R, I, A, S, E or C");
      }
    }
    return java.util.stream.Stream.of("R", "I", "A", "S", "E", "C")
        .filter(likes::contains)
        .toList();
  }

  @GetMapping(PATH)
  String opportunities(
      @RequestParam(required = false) String skills,
      @RequestParam(required = false) String interests,
      @RequestParam(required = false) String occupations,
      @RequestParam(required = false) String riasec,
      @RequestParam(name = "like", required = false) List<String> likes,
      @RequestParam(name = "kind", required = false) List<String> kinds,
      @RequestParam(required = false) Integer interestWeight,
      @RequestParam(required = false) Integer demandWeight,
      @RequestParam(required = false) String region,
      @RequestParam(defaultValue = "false") boolean remote,
      @RequestParam(required = false) String language,
      @RequestParam(name = "level", required = false) List<String> levels,
      @RequestParam(required = false) Integer maxMonths,
      @RequestParam(required = false) Double maxCost,
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) Integer page,
      Locale locale,
      Authentication authentication,
      HttpServletRequest request,
      Model model) {
    Language reader = Language.of(locale);
    List<String> liked = likes(likes);
    if ((riasec == null || riasec.isBlank()) && !liked.isEmpty()) {
      riasec = String.join("", liked);
    }
    model.addAttribute("likes", liked);
    int interest = percent("interestWeight", interestWeight, 30);
    int demand = percent("demandWeight", demandWeight, 20);
    PersonInput person =
        person(skills, interests, occupations, riasec, reader, authentication, model);
    MatchQuery query =
        OpportunitiesApiController.query(
            inputs,
            kinds,
            interest / 100.0,
            demand / 100.0,
            region,
            remote,
            language,
            levels,
            null,
            maxMonths,
            maxCost,
            sort,
            page,
            10);
    model.addAttribute("skills", skills);
    model.addAttribute("interests", interests);
    model.addAttribute("occupations", occupations);
    model.addAttribute("riasec", riasec);
    model.addAttribute("kinds", query.kinds().stream().map(Enum::name).toList());
    model.addAttribute("interestWeight", interest);
    model.addAttribute("demandWeight", demand);
    model.addAttribute("region", region);
    model.addAttribute("remote", remote);
    model.addAttribute("language", language);
    model.addAttribute("levels", query.levels().stream().map(Enum::name).toList());
    model.addAttribute("allLevels", EducationLevel.values());
    model.addAttribute("maxMonths", maxMonths);
    model.addAttribute("maxCost", maxCost);
    model.addAttribute("sort", query.sort().name());
    model.addAttribute("regions", regions.areas(AreaLevel.REGION));
    model.addAttribute("reader", reader);
    boolean hasInput =
        !person.skills().isEmpty()
            || !person.likedSkills().isEmpty()
            || !person.likedOccupations().isEmpty()
            || !person.interestCodes().isEmpty();
    model.addAttribute("hasInput", hasInput);
    if (hasInput) {
      CardPage cards = service.opportunities(person, query, reader);
      model.addAttribute("cards", cards);
      model.addAttribute(
          "pager",
          Pagination.of(
              new ResultPage<>(cards.items(), cards.page(), cards.size(), cards.total()),
              "page",
              "results",
              request));
    }
    return "opportunities/opportunities";
  }

  private static int percent(String parameter, Integer value, int fallback) {
    if (value == null) {
      return fallback;
    }
    RequestInputs.fraction(parameter, value / 100.0, 0);
    return value;
  }

  @GetMapping(PATH + "/goals/{id}")
  String goal(
      @PathVariable String id,
      @RequestParam(name = "skill", required = false) List<String> skillUris,
      @RequestParam(required = false) String skills,
      @ModelAttribute("limits") PathLimits limits,
      @RequestParam(defaultValue = "false") boolean compose,
      Locale locale,
      Authentication authentication,
      Model model) {
    Language reader = Language.of(locale);
    List<String> held = new ArrayList<>(skillUris == null ? List.of() : skillUris);
    held.addAll(uris(resolve(skills, ConceptType.SKILL, reader)));
    PersonInput person = inputs.person(held, null, null, null, authentication);
    String regionCode = limits.regionCode();
    model.addAttribute("goalId", id);
    model.addAttribute("heldSkills", person.skills().stream().map(ConceptUri::value).toList());
    model.addAttribute("regions", regions.areas(AreaLevel.REGION));
    model.addAttribute("reader", reader);
    model.addAttribute("signedIn", signedIn(authentication).isPresent());
    if (compose) {
      PathView path =
          service.path(id, person, inputs.constraints(limits), false, regionCode, reader);
      model.addAttribute("gap", path.gap());
      model.addAttribute("path", path);
    } else {
      model.addAttribute("gap", service.gap(id, person, regionCode, reader));
    }
    return "opportunities/goal";
  }

  @PostMapping(PLANS)
  String savePlan(
      @RequestParam String goal,
      @RequestParam(name = "skill", required = false) List<String> skillUris,
      @ModelAttribute("limits") PathLimits limits,
      Locale locale,
      Authentication authentication) {
    PersonId person =
        signedIn(authentication).orElseThrow(() -> new NotFoundException("No person"));
    PathView path =
        service.path(
            goal,
            inputs.person(skillUris, null, null, null, authentication),
            inputs.constraints(limits),
            false,
            limits.regionCode(),
            Language.of(locale));
    plans.save(
        person,
        path.gap().goalKind(),
        path.gap().goalId(),
        path.gap().goalTitle(),
        path.best().steps());
    return "redirect:" + PLANS;
  }

  @GetMapping(PLANS)
  String plans(Authentication authentication, Model model) {
    PersonId person =
        signedIn(authentication).orElseThrow(() -> new NotFoundException("No person"));
    model.addAttribute("plans", plans.plans(person));
    return "opportunities/plans";
  }

  @PostMapping(PLANS + "/{plan}/steps/{position}/done")
  String markDone(
      @PathVariable UUID plan, @PathVariable int position, Authentication authentication) {
    PersonId person =
        signedIn(authentication).orElseThrow(() -> new NotFoundException("No person"));
    plans.markDone(person, plan, position);
    return "redirect:" + PLANS;
  }
}
