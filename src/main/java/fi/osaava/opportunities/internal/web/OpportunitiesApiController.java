package fi.osaava.opportunities.internal.web;

import fi.osaava.opportunities.internal.OpportunityService;
import fi.osaava.opportunities.internal.OpportunityViews.CardPage;
import fi.osaava.opportunities.internal.OpportunityViews.GapView;
import fi.osaava.opportunities.internal.OpportunityViews.PathView;
import fi.osaava.opportunities.internal.PersonInput;
import fi.osaava.opportunities.internal.engine.MatchQuery;
import fi.osaava.web.LanguageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opportunities, gaps and learning paths as JSON. Anyone may ask, from a few chosen skills and
 * interests; a signed-in person who gives none is matched on their profile. Every card explains
 * itself (matched, near and missing skills, interest match, demand signal).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "Opportunities",
    description = "Explainable matching to occupations, job ads and education; gaps and paths")
@ApiResponse(
    responseCode = "400",
    description = "A parameter is invalid; the detail names it and what is accepted",
    content =
        @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(implementation = ProblemDetail.class)))
class OpportunitiesApiController {

  static final String SKILL = "ESCO skill URIs the person holds (repeat or comma-separate)";
  static final String LIKED_SKILL = "ESCO skill URIs the person is interested in";
  static final String LIKED_OCCUPATION = "ESCO occupation URIs the person is interested in";
  static final String RIASEC = "RIASEC interest letters, strongest first, e.g. SAE";
  static final String REGION =
      "Region (maakunta) code, e.g. 01; remote ads and online offerings pass";
  private final OpportunityService service;
  private final RequestInputs inputs;

  OpportunitiesApiController(OpportunityService service, RequestInputs inputs) {
    this.service = service;
    this.inputs = inputs;
  }

  @GetMapping("/opportunities")
  @Operation(
      summary = "Ranked, explained opportunities: occupations, job ads and education offerings",
      description =
          "Ranked by fit first (occupations the person has worked in, then those that need a"
              + " skill they hold, then the rest), then by score = (1 − demandWeight) × ((1 −"
              + " interestWeight) × skill term + interestWeight × interest term) + demandWeight"
              + " × demand; see docs/matching.md.")
  @ApiResponse(responseCode = "200", description = "One page of cards, best first")
  CardPage opportunities(
      @Parameter(description = SKILL) @RequestParam(name = "skill", required = false)
          List<String> skills,
      @Parameter(description = LIKED_SKILL) @RequestParam(name = "likedSkill", required = false)
          List<String> likedSkills,
      @Parameter(description = LIKED_OCCUPATION)
          @RequestParam(name = "likedOccupation", required = false)
          List<String> likedOccupations,
      @Parameter(description = RIASEC) @RequestParam(required = false) String riasec,
      @Parameter(
              description =
                  "ESCO occupation URI the person has worked in (repeat), e.g. the occupations"
                      + " that /api/v1/identification suggests from their work history; ranked"
                      + " first")
          @RequestParam(name = "experience", required = false)
          List<String> experience,
      @Parameter(description = "OCCUPATION, JOB_AD, EDUCATION (repeat); default all")
          @RequestParam(name = "kind", required = false)
          List<String> kinds,
      @Parameter(description = "0 = rank by skills only, 1 = by interests only; default 0.3")
          @RequestParam(required = false)
          Double interestWeight,
      @Parameter(description = "Weight of labour-market demand, 0–1; default 0.2")
          @RequestParam(required = false)
          Double demandWeight,
      @Parameter(description = REGION) @RequestParam(required = false) String region,
      @Parameter(description = "Only remote ads and online offerings")
          @RequestParam(defaultValue = "false")
          boolean remote,
      @Parameter(description = "Ad language or teaching language: fi, sv, en")
          @RequestParam(required = false)
          String language,
      @Parameter(description = "Education level (repeat), e.g. SHORT_COURSE")
          @RequestParam(name = "level", required = false)
          List<String> levels,
      @Parameter(description = "Education field code prefix (repeat)")
          @RequestParam(name = "field", required = false)
          List<String> fields,
      @Parameter(description = "Longest offering duration in months")
          @RequestParam(required = false)
          Integer maxMonths,
      @Parameter(description = "Highest offering cost in euros") @RequestParam(required = false)
          Double maxCost,
      @Parameter(description = "score (default), skills, interest or demand")
          @RequestParam(required = false)
          String sort,
      @Valid CardPageQuery paging,
      LanguageQuery lang,
      Locale locale,
      Authentication authentication) {
    PersonInput person =
        inputs.person(skills, likedSkills, likedOccupations, riasec, experience, authentication);
    MatchQuery query =
        query(
            inputs,
            kinds,
            interestWeight,
            demandWeight,
            region,
            remote,
            language,
            levels,
            fields,
            maxMonths,
            maxCost,
            sort,
            paging.page(),
            paging.size());
    return service.opportunities(person, query, lang.or(locale));
  }

  static MatchQuery query(
      RequestInputs inputs,
      @Nullable List<String> kinds,
      @Nullable Double interestWeight,
      @Nullable Double demandWeight,
      @Nullable String region,
      boolean remote,
      @Nullable String language,
      @Nullable List<String> levels,
      @Nullable List<String> fields,
      @Nullable Integer maxMonths,
      @Nullable Double maxCost,
      @Nullable String sort,
      @Nullable Integer page,
      int size) {
    // The API's page is checked as it is bound (CardPageQuery); the HTML page's is checked here.
    RequestInputs.page(page);
    RequestInputs.nonNegative("maxMonths", maxMonths);
    RequestInputs.nonNegative("maxCost", maxCost);
    return new MatchQuery(
        RequestInputs.kinds(kinds),
        RequestInputs.fraction(
            "interestWeight", interestWeight, MatchQuery.DEFAULT_INTEREST_WEIGHT),
        RequestInputs.fraction("demandWeight", demandWeight, MatchQuery.DEFAULT_DEMAND_WEIGHT),
        inputs.municipalities(region),
        remote,
        RequestInputs.language("language", language),
        RequestInputs.levels(levels),
        fields == null
            ? java.util.Set.of()
            : fields.stream()
                .filter(f -> f != null && !f.isBlank())
                .map(String::strip)
                .collect(java.util.stream.Collectors.toSet()),
        maxMonths,
        maxCost,
        RequestInputs.sort(sort),
        page == null ? 0 : page,
        size);
  }

  @GetMapping("/goals/{id}/gap")
  @Operation(
      summary = "The skills a goal needs that the person lacks",
      description =
          "Missing essential skills first, then optional ones, each ordered by importance for the"
              + " goal (ESCO essential/optional, specificity) and by demand in the region; with"
              + " the near skills the person already has (ESCO hierarchy and skill–skill"
              + " relations).")
  @ApiResponse(responseCode = "200", description = "The gap")
  @ApiResponse(
      responseCode = "404",
      description = "No occupation or open job ad has the id",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
  GapView gap(
      @Parameter(description = "Goal id: the UUID of an ESCO occupation URI or of a job ad")
          @PathVariable
          String id,
      @Parameter(description = SKILL) @RequestParam(name = "skill", required = false)
          List<String> skills,
      @Parameter(description = REGION) @RequestParam(required = false) String region,
      LanguageQuery lang,
      Locale locale,
      Authentication authentication) {
    inputs.municipalities(region);
    return service.gap(
        id,
        inputs.person(skills, null, null, null, authentication),
        region == null || region.isBlank() ? null : region.strip(),
        lang.or(locale));
  }

  @GetMapping("/paths")
  @Operation(
      summary = "A learning path that closes a goal's gap within the constraints",
      description =
          "Weighted set cover under budget solved with CP-SAT over the offerings that cover gap"
              + " skills; returns the path (best coverage, fewest credits), the cheapest and the"
              + " fastest alternative, coverage per skill, totals, the skills no path can cover,"
              + " and whether the solver stopped at its time limit.")
  @ApiResponse(responseCode = "200", description = "The path and its alternatives")
  @ApiResponse(
      responseCode = "404",
      description = "No occupation or open job ad has the goal id",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
  PathView path(
      @Parameter(description = "Goal id: the UUID of an ESCO occupation URI or of a job ad")
          @RequestParam
          String goal,
      @Parameter(description = SKILL) @RequestParam(name = "skill", required = false)
          List<String> skills,
      @ParameterObject PathLimits limits,
      @Parameter(description = "Cover only the missing essential skills")
          @RequestParam(defaultValue = "false")
          boolean essentialOnly,
      LanguageQuery lang,
      Locale locale,
      Authentication authentication) {
    return service.path(
        goal,
        inputs.person(skills, null, null, null, authentication),
        inputs.constraints(limits),
        essentialOnly,
        limits.regionCode(),
        lang.or(locale));
  }
}
