package fi.osaava.education.internal.web;

import fi.osaava.education.EducationImportReport;
import fi.osaava.education.internal.search.EducationSearchResult;
import fi.osaava.education.internal.search.EducationSearchResult.FacetCount;
import fi.osaava.education.internal.search.EducationSearchService;
import fi.osaava.education.internal.search.Facet;
import fi.osaava.education.internal.search.OfferingLookup;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.NotFoundException;
import fi.osaava.web.NationalLanguageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The education catalogue's REST API: search with facets, one offering in full, and the providers'
 * push of schema.org JSON-LD (bearer token with scope {@code education.publish}).
 */
@RestController
@RequestMapping(path = "/api/v1/education", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Education", description = "The national education catalogue and its search")
@ApiResponse(
    responseCode = "400",
    description = "A parameter is invalid; the detail names it and what is accepted",
    content =
        @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(implementation = ProblemDetail.class)))
class EducationApiController {

  /** A JSON-LD document larger than this is refused before it is parsed. */
  static final int MAX_PUSH_BYTES = 5 * 1024 * 1024;

  private final EducationSearchService search;
  // Examples for the OpenAPI document: a master's programme in business information technology
  // as the national catalogue (konfo) describes it, with a skill identified in its description.
  private static final String SEARCH_EXAMPLE =
      """
      {"total": 12, "page": 0, "size": 20, "totalPages": 1,
       "items": [{"id": "6f1d3c2a-9b7e-4e21-8d0f-5a4c3b2e1d0c",
                  "title": {"text": "Liiketalouden ylempi AMK-tutkinto, tietojenkäsittely",
                            "language": "FI", "fallback": false},
                  "level": "DEGREE", "field": "06", "locations": ["091"],
                  "teachingLanguages": ["fi"], "providers": ["Haaga-Helia ammattikorkeakoulu"],
                  "extent": 60.0, "synthetic": false,
                  "highlights": ["Liiketalouden ylempi AMK-tutkinto, <mark>tietojenkäsittely</mark>"],
                  "skills": ["Python (tietokoneohjelmointi)"],
                  "href": "/api/v1/education/offerings/6f1d3c2a-9b7e-4e21-8d0f-5a4c3b2e1d0c"}],
       "facets": {"level": [{"value": "DEGREE", "count": 12, "selected": true}],
                  "field": [{"value": "06", "count": 12, "selected": false}],
                  "region": [{"value": "01", "count": 7, "selected": false}],
                  "location": [{"value": "091", "count": 5, "selected": false},
                               {"value": "online", "count": 2, "selected": false}],
                  "language": [{"value": "fi", "count": 12, "selected": false}]},
       "openNow": 3, "didYouMean": null, "relatedVia": [], "tookMillis": 14.2}
      """;

  private static final String OFFERING_EXAMPLE =
      """
      {"id": "6f1d3c2a-9b7e-4e21-8d0f-5a4c3b2e1d0c", "source": "konfo",
       "sourceId": "1.2.246.562.13.00000000000000003282",
       "sourceUrl": "https://opintopolku.fi/konfo/fi/koulutus/1.2.246.562.13.00000000000000003282",
       "kind": "PROGRAMME", "level": "DEGREE",
       "title": {"text": "Liiketalouden ylempi AMK-tutkinto, tietojenkäsittely", "language": "FI",
                 "fallback": false},
       "description": {"text": "Koulutus syventää tietojenkäsittelyn ja liiketoiminnan osaamista.",
                       "language": "FI", "fallback": false},
       "alternativeNames": ["Tradenomi (ylempi AMK), tietojenkäsittely"], "field": "06",
       "eqf": 7, "nqf": 7, "nationalLevel": "71", "extent": 60, "extentUnit": "ECTS credits",
       "durationMonths": null, "active": true, "synthetic": false, "learningOutcomes": [],
       "implementations": [{"name": {"text": "Tietojenkäsittely, ylempi AMK, Pasila",
                                     "language": "FI", "fallback": false},
                            "provider": {"text": "Haaga-Helia ammattikorkeakoulu", "language": "FI",
                                         "fallback": false},
                            "municipalityCodes": ["091"], "placeNames": "Helsinki",
                            "teachingLanguages": ["fi"], "mode": "ON_SITE", "schedule": null,
                            "cost": 0, "startDate": "2027-01-11", "endDate": "2028-12-31",
                            "applicationStart": "2026-09-01T06:00:00Z",
                            "applicationEnd": "2026-09-15T12:00:00Z", "applicationOpen": false,
                            "url": "https://www.haaga-helia.fi/fi/koulutus"}],
       "skills": [{"uri": "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
                   "label": {"text": "Python (tietokoneohjelmointi)", "language": "FI",
                             "fallback": false},
                   "source": "IDENTIFIED", "score": 0.81,
                   "evidence": "Opintojaksolla ohjelmoidaan Pythonilla.",
                   "evidenceText": {"text": "Opintojaksolla ohjelmoidaan Pythonilla.",
                                    "language": "FI", "fallback": false}}],
       "units": [], "parentId": null}
      """;

  private final OfferingLookup lookup;
  private final EducationPush push;

  EducationApiController(EducationSearchService search, OfferingLookup lookup, EducationPush push) {
    this.search = search;
    this.lookup = lookup;
    this.push = push;
  }

  @GetMapping("/search")
  @Operation(
      summary = "Search education offerings",
      description =
          "Free text in any of fi/sv/en (inflected Finnish, typos and alternative names match);"
              + " the text is matched as words, never parsed as query syntax. Facet parameters"
              + " repeat for alternatives; facets combine with AND. Results carry highlighted"
              + " snippets (HTML-escaped, matches in <mark>) and facet counts over the whole"
              + " filtered result. Synthetic (generated scale-test) offerings say so.")
  @Parameters({
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "Search text, at most 500 chars"),
    @Parameter(
        name = "teaches",
        in = ParameterIn.QUERY,
        description = "Skill text: only offerings that teach a matching ESCO skill"),
    @Parameter(
        name = "skill",
        in = ParameterIn.QUERY,
        description = "ESCO skill URI the offering must teach (repeatable, any of them)"),
    @Parameter(
        name = "level",
        in = ParameterIn.QUERY,
        array =
            @ArraySchema(
                schema =
                    @Schema(
                        allowableValues = {
                          "DEGREE",
                          "VOCATIONAL_QUALIFICATION",
                          "QUALIFICATION_UNIT",
                          "SHORT_COURSE",
                          "MOOC",
                          "COMPETENCE_BADGE"
                        }))),
    @Parameter(
        name = "field",
        in = ParameterIn.QUERY,
        description = "Broad field of education, two digits (national classification 2016)"),
    @Parameter(name = "region", in = ParameterIn.QUERY, description = "Region code (maakunta)"),
    @Parameter(
        name = "location",
        in = ParameterIn.QUERY,
        description = "Municipality code (three digits) or 'online'"),
    @Parameter(
        name = "language",
        in = ParameterIn.QUERY,
        array = @ArraySchema(schema = @Schema(allowableValues = {"fi", "sv", "en"}))),
    @Parameter(
        name = "mode",
        in = ParameterIn.QUERY,
        array = @ArraySchema(schema = @Schema(allowableValues = {"ON_SITE", "ONLINE", "BLENDED"}))),
    @Parameter(
        name = "extent",
        in = ParameterIn.QUERY,
        description = "Credits (ECTS or competence points)",
        array =
            @ArraySchema(
                schema =
                    @Schema(
                        allowableValues = {"0-5", "5-15", "15-30", "30-60", "60-180", "180-"}))),
    @Parameter(
        name = "duration",
        in = ParameterIn.QUERY,
        description = "Months",
        array = @ArraySchema(schema = @Schema(allowableValues = {"0-3", "3-12", "12-24", "24-"}))),
    @Parameter(
        name = "cost",
        in = ParameterIn.QUERY,
        array = @ArraySchema(schema = @Schema(allowableValues = {"free", "paid"}))),
    @Parameter(
        name = "start",
        in = ParameterIn.QUERY,
        description = "Start within months from today",
        array = @ArraySchema(schema = @Schema(allowableValues = {"0-1", "1-3", "3-6", "6-"}))),
    @Parameter(name = "provider", in = ParameterIn.QUERY, description = "Provider name"),
    @Parameter(
        name = "open",
        in = ParameterIn.QUERY,
        description = "true: only offerings whose application period is open now",
        schema = @Schema(type = "boolean")),
    @Parameter(
        name = "sort",
        in = ParameterIn.QUERY,
        schema = @Schema(allowableValues = {"relevance", "start", "deadline"})),
  })
  @ApiResponse(
      responseCode = "200",
      description = "One page of results with facet counts",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = SearchJson.class),
              examples = @ExampleObject(SEARCH_EXAMPLE)))
  SearchJson search(
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
      @Valid SearchPageQuery paging,
      @Valid NationalLanguageQuery lang,
      Locale locale) {
    Language language = lang.or(locale);
    EducationSearchResult result =
        search.search(QueryParameters.parse(params, language, paging.page(), paging.size()));
    Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
    for (Facet facet : Facet.values()) {
      facets.put(facet.parameter(), result.facets().get(facet));
    }
    List<HitJson> hits =
        result.hits().stream()
            .map(
                h ->
                    new HitJson(
                        h.id().toString(),
                        LocalizedText.pickNational(
                            OfferingView.texts(
                                h.titles().get("fi"), h.titles().get("sv"), h.titles().get("en")),
                            language),
                        h.level(),
                        h.field(),
                        h.locations(),
                        h.languages(),
                        h.providers(),
                        h.extent(),
                        h.synthetic(),
                        h.highlights(),
                        h.skills(),
                        "/api/v1/education/offerings/" + h.id()))
            .toList();
    return new SearchJson(
        result.total(),
        result.page(),
        result.size(),
        result.totalPages(),
        hits,
        facets,
        result.openNow(),
        result.didYouMean(),
        result.relatedVia(),
        result.tookMillis());
  }

  @GetMapping("/offerings/{id}")
  @Operation(
      summary = "One offering in full",
      description =
          "Texts in the language asked for, with fallback flagged; learning outcomes,"
              + " implementations, ESCO skills with source and evidence, units of a"
              + " qualification, and the link to the source record.")
  @ApiResponse(
      responseCode = "200",
      description = "The offering",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = OfferingView.class),
              examples = @ExampleObject(OFFERING_EXAMPLE)))
  @ApiResponse(
      responseCode = "404",
      description = "No offering has this id",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
  OfferingView offering(
      @Parameter(description = "Offering id (UUID)") @PathVariable String id,
      @Valid NationalLanguageQuery lang,
      Locale locale) {
    UUID uuid = parseId(id);
    Language language = lang.or(locale);
    return lookup
        .find(uuid)
        .map(d -> OfferingView.of(d, lookup.units(uuid), language, Instant.now()))
        .orElseThrow(() -> new NotFoundException("No offering has the id " + uuid));
  }

  @PostMapping(
      path = "/offerings",
      consumes = {"application/ld+json", MediaType.APPLICATION_JSON_VALUE})
  @Operation(
      summary = "Publish offerings (providers' push)",
      description =
          "A schema.org JSON-LD document of Course / EducationalOccupationalProgram nodes with"
              + " CourseInstances (see docs/education-jsonld.md). Records are upserted by their"
              + " @id, all or nothing: a malformed record refuses the whole document with a 400"
              + " problem naming its line (or position) and field, and nothing is stored."
              + " Needs an OAuth2 bearer token with scope education.publish. The schema shows"
              + " an array of nodes with texts by language; one node, {\"@graph\": [...]} and"
              + " the other JSON-LD text forms of docs/education-jsonld.md are read the same.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              description = "The offerings, schema.org JSON-LD (docs/education-jsonld.md)",
              content = {
                @Content(
                    mediaType = "application/ld+json",
                    array =
                        @ArraySchema(
                            schema = @Schema(implementation = OfferingJsonLdSchema.Offering.class)),
                    examples = @ExampleObject(OfferingJsonLdSchema.EXAMPLE)),
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array =
                        @ArraySchema(
                            schema = @Schema(implementation = OfferingJsonLdSchema.Offering.class)),
                    examples = @ExampleObject(OfferingJsonLdSchema.EXAMPLE))
              }),
      security = @SecurityRequirement(name = "bearer", scopes = "education.publish"))
  @ApiResponse(
      responseCode = "200",
      description = "The import report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = EducationImportReport.class),
              examples =
                  @ExampleObject(
                      """
                      {"source": "jsonld", "records": 2, "inserted": 1, "updated": 1,
                       "deactivated": 0, "errors": []}
                      """)))
  @ApiResponse(
      responseCode = "400",
      description = "A record is malformed; the problem names its line and field; nothing stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(responseCode = "401", description = "No or invalid bearer token")
  @ApiResponse(responseCode = "403", description = "The token lacks scope education.publish")
  ResponseEntity<EducationImportReport> publish(InputStream body) throws IOException {
    byte[] document = body.readNBytes(MAX_PUSH_BYTES + 1);
    if (document.length > MAX_PUSH_BYTES) {
      throw new InvalidInputException(
          "request body", 0, null, "larger than " + MAX_PUSH_BYTES + " bytes");
    }
    return ResponseEntity.ok(push.publish(document));
  }

  static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("request", 0, "id", "not an offering id (UUID)");
    }
  }

  @Schema(name = "EducationSearchResult")
  record SearchJson(
      long total,
      int page,
      int size,
      int totalPages,
      List<HitJson> items,
      Map<String, List<FacetCount>> facets,
      long openNow,
      @Nullable String didYouMean,
      @Schema(
              description =
                  "Empty when the items match the query's words. Otherwise nothing matched them,"
                      + " and the items teach the ESCO skills of these occupations and skills,"
                      + " which the query was understood as")
          List<LocalizedText> relatedVia,
      double tookMillis) {}

  record HitJson(
      String id,
      @Nullable LocalizedText title,
      String level,
      String field,
      List<String> locations,
      List<String> teachingLanguages,
      List<String> providers,
      Double extent,
      boolean synthetic,
      List<String> highlights,
      List<String> skills,
      String href) {}
}
