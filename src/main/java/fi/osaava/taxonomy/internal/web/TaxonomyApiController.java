package fi.osaava.taxonomy.internal.web;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.platform.Paging;
import fi.osaava.taxonomy.Concept;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.taxonomy.SkillCollection;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.LanguageQuery;
import fi.osaava.web.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The taxonomy's read-only REST API. Every list is paged the same way ({@code page}, {@code size};
 * a response with {@code items}, {@code page}, {@code size} and {@code total}). Content is read in
 * {@code lang}; texts missing in it come in English with {@code fallback: true}.
 */
@RestController
@RequestMapping(path = "/api/v1/taxonomy", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Taxonomy", description = "The ESCO skills, occupations and their groups and relations")
@ApiResponse(
    responseCode = "400",
    description = "A parameter is missing or invalid; the detail names it and what is accepted",
    content =
        @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(implementation = ProblemDetail.class)))
class TaxonomyApiController {

  private final TaxonomyApi taxonomy;

  TaxonomyApiController(TaxonomyApi taxonomy) {
    this.taxonomy = taxonomy;
  }

  private static final String URI =
      "The ESCO concept URI, e.g. http://data.europa.eu/esco/skill/<uuid>";

  @GetMapping("/concept")
  @Operation(summary = "A concept in full: labels and descriptions per language, with fallbacks")
  @ApiResponse(responseCode = "200", description = "The concept")
  @ApiResponse(
      responseCode = "404",
      description = "No concept has this URI",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
  ConceptJson concept(
      @Parameter(description = URI, schema = @Schema(type = "string", format = "uri")) @RequestParam
          ConceptUri uri,
      LanguageQuery lang,
      Locale locale) {
    Language language = lang.or(locale);
    Concept concept = require(uri, language);
    Map<String, String> preferredLabels = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    for (Language each : Language.values()) {
      String label = concept.preferredLabels().get(each);
      if (label != null) {
        preferredLabels.put(each.code(), label);
      }
      // Concept carries the description of one language; asking per language finds the others.
      Concept inEach = each == language ? concept : taxonomy.concept(uri, each).orElse(concept);
      if (inEach.description() != null && !inEach.description().fallback()) {
        descriptions.put(each.code(), inEach.description().text());
      }
    }
    return new ConceptJson(
        concept.uri().value(),
        concept.type().slug(),
        concept.code(),
        TextJson.of(concept.label()),
        concept.alternativeLabels(),
        TextJson.ofNullable(concept.description()),
        preferredLabels,
        descriptions,
        concept.skillType(),
        concept.reuseLevel(),
        concept.iscoCode(),
        concept.status(),
        concept.obsolete(),
        taxonomy.collectionsOf(uri));
  }

  @GetMapping("/concept/broader")
  @Operation(summary = "The concepts directly above one in its hierarchy")
  @ApiResponse(responseCode = "200", description = "One page of the broader concepts")
  PageJson<ConceptSummaryJson> broader(
      @Parameter(description = URI, schema = @Schema(type = "string", format = "uri")) @RequestParam
          ConceptUri uri,
      @Valid PageQuery query,
      Locale locale) {
    Language language = query.language(locale);
    requireSummary(uri, language);
    return PageJson.slice(taxonomy.broader(uri, language), query.paging(), ConceptSummaryJson::of);
  }

  @GetMapping("/concept/narrower")
  @Operation(summary = "The concepts directly below one in its hierarchy")
  @ApiResponse(responseCode = "200", description = "One page of the narrower concepts")
  PageJson<ConceptSummaryJson> narrower(
      @Parameter(description = URI, schema = @Schema(type = "string", format = "uri")) @RequestParam
          ConceptUri uri,
      @Valid PageQuery query,
      Locale locale) {
    Language language = query.language(locale);
    requireSummary(uri, language);
    return PageJson.of(taxonomy.narrower(uri, language, query.paging()), ConceptSummaryJson::of);
  }

  @GetMapping("/occupation/skills")
  @Operation(summary = "An occupation's skills, essential first")
  @ApiResponse(responseCode = "200", description = "One page of the skills")
  PageJson<RelatedConceptJson> skillsOfOccupation(
      @Parameter(description = URI, schema = @Schema(type = "string", format = "uri")) @RequestParam
          ConceptUri uri,
      @Parameter(description = "essential or optional; both when absent")
          @RequestParam(required = false)
          RelationType relation,
      @Valid PageQuery query,
      Locale locale) {
    Language language = query.language(locale);
    requireType(uri, language, ConceptType.OCCUPATION);
    return PageJson.of(
        taxonomy.skillsOfOccupation(uri, relation, language, query.paging()),
        RelatedConceptJson::of);
  }

  @GetMapping("/skill/occupations")
  @Operation(summary = "The occupations that need a skill, those needing it essentially first")
  @ApiResponse(responseCode = "200", description = "One page of the occupations")
  PageJson<RelatedConceptJson> occupationsOfSkill(
      @Parameter(description = URI, schema = @Schema(type = "string", format = "uri")) @RequestParam
          ConceptUri uri,
      @Parameter(description = "essential or optional; both when absent")
          @RequestParam(required = false)
          RelationType relation,
      @Valid PageQuery query,
      Locale locale) {
    Language language = query.language(locale);
    requireType(uri, language, ConceptType.SKILL);
    return PageJson.of(
        taxonomy.occupationsOfSkill(uri, relation, language, query.paging()),
        RelatedConceptJson::of);
  }

  @GetMapping("/skill/related")
  @Operation(summary = "Skills that ESCO relates to a skill, essential first")
  @ApiResponse(responseCode = "200", description = "One page of the related skills")
  PageJson<RelatedConceptJson> relatedSkills(
      @Parameter(description = URI, schema = @Schema(type = "string", format = "uri")) @RequestParam
          ConceptUri uri,
      @Valid PageQuery query,
      Locale locale) {
    Language language = query.language(locale);
    requireType(uri, language, ConceptType.SKILL);
    return PageJson.slice(
        taxonomy.relatedSkills(uri, language), query.paging(), RelatedConceptJson::of);
  }

  @GetMapping("/browse/{type}")
  @Operation(summary = "All concepts of one type, ordered by label")
  @ApiResponse(responseCode = "200", description = "One page of the concepts")
  PageJson<ConceptSummaryJson> browse(
      @Parameter(
              description = "The concept type",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"skill", "skill-group", "occupation", "isco-group"}))
          @PathVariable
          ConceptType type,
      @Valid PageQuery query,
      Locale locale) {
    return PageJson.of(
        taxonomy.browse(type, query.language(locale), query.paging()), ConceptSummaryJson::of);
  }

  @GetMapping("/collections")
  @Operation(summary = "ESCO's collections, such as the digital and green skills")
  @ApiResponse(responseCode = "200", description = "One page of the collections")
  PageJson<CollectionJson> collections(
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(Paging.MAX_SIZE) int size) {
    return PageJson.slice(taxonomy.collections(), new Paging(page, size), CollectionJson::of);
  }

  @GetMapping("/collections/{code}")
  @Operation(summary = "The members of one collection, ordered by label")
  @ApiResponse(responseCode = "200", description = "One page of the members")
  @ApiResponse(
      responseCode = "404",
      description = "No collection has this code",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
  PageJson<ConceptSummaryJson> collection(
      @Parameter(description = "The collection's code, as /collections lists it") @PathVariable
          String code,
      @Valid PageQuery query,
      Locale locale) {
    requireCollection(taxonomy, code);
    return PageJson.of(
        taxonomy.collectionMembers(code, query.language(locale), query.paging()),
        ConceptSummaryJson::of);
  }

  @GetMapping("/autocomplete")
  @Operation(
      summary = "Concepts whose labels match what was typed, best first",
      description =
          "Matches preferred, alternative and hidden labels as prefixes, with typo tolerance.")
  @ApiResponse(responseCode = "200", description = "The hits")
  SuggestionsJson autocomplete(
      @Parameter(description = "What was typed") @RequestParam @NotBlank @Size(max = 100) String q,
      LanguageQuery lang,
      @Parameter(
              description = "Concept types to include (repeatable); all when absent",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"skill", "skill-group", "occupation", "isco-group"}))
          @RequestParam(name = "type", required = false)
          List<ConceptType> types,
      @RequestParam(defaultValue = "10") @Min(1) @Max(50) int limit,
      Locale locale) {
    Language language = lang.or(locale);
    if (types != null && types.contains(null)) {
      // A blank value among the types is a malformed request, not "all types".
      throw new InvalidInputException(
          "request", 0, "type", "blank; use one of skill, skill-group, occupation, isco-group");
    }
    Set<ConceptType> wanted = types == null || types.isEmpty() ? Set.of() : EnumSet.copyOf(types);
    List<SuggestionJson> items =
        taxonomy.autocomplete(q.strip(), language, wanted, limit).stream()
            .map(SuggestionJson::of)
            .toList();
    return new SuggestionsJson(q.strip(), language.code(), limit, items);
  }

  private Concept require(ConceptUri uri, Language language) {
    return taxonomy
        .concept(uri, language)
        .orElseThrow(() -> new NotFoundException("No concept has the URI " + uri));
  }

  private ConceptSummary requireSummary(ConceptUri uri, Language language) {
    List<ConceptSummary> found = taxonomy.summaries(List.of(uri), language);
    if (found.isEmpty()) {
      throw new NotFoundException("No concept has the URI " + uri);
    }
    return found.getFirst();
  }

  /** A relation asked of the wrong kind of concept is a client error, not an empty list. */
  private void requireType(ConceptUri uri, Language language, ConceptType expected) {
    ConceptSummary summary = requireSummary(uri, language);
    if (summary.type() != expected) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          uri
              + " is of type "
              + summary.type().slug()
              + "; this asks for one of type "
              + expected.slug());
    }
  }

  static SkillCollection requireCollection(TaxonomyApi taxonomy, String code) {
    return taxonomy.collections().stream()
        .filter(collection -> collection.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No collection has the code '" + code + "'"));
  }
}
