package fi.osaava.servicenetwork.internal.web;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.ServiceImportReport;
import fi.osaava.servicenetwork.ServiceType;
import fi.osaava.servicenetwork.internal.ForeignOrganisationException;
import fi.osaava.servicenetwork.internal.Recommendations;
import fi.osaava.servicenetwork.internal.ServiceDirectoryService;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord.Channel;
import fi.osaava.servicenetwork.internal.search.ServiceDocument;
import fi.osaava.servicenetwork.internal.search.ServiceFacet;
import fi.osaava.servicenetwork.internal.search.ServiceQuery;
import fi.osaava.servicenetwork.internal.search.ServiceSearch;
import fi.osaava.web.ApiClient;
import fi.osaava.web.ApiClientOrganisations;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service directory's REST API: search with facets, one service, recommendations by life
 * situation, and the providers' push in the documented JSON format (bearer token with scope {@value
 * ServicesWebConfiguration#PUBLISH_SCOPE}).
 */
@RestController
@RequestMapping(path = "/api/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Services", description = "The service network's directory of services")
@ApiResponse(
    responseCode = "400",
    description = "A parameter or record is invalid; the detail names it",
    content =
        @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            schema = @Schema(implementation = ProblemDetail.class)))
class ServicesApiController {

  /** A push larger than this is refused before it is parsed. */
  static final int MAX_PUSH_BYTES = 5 * 1024 * 1024;

  /** A service as every read of the directory answers it. */
  @Schema(name = "Service", example = SERVICE_EXAMPLE)
  record ServiceJson(
      UUID id,
      String kind,
      @Nullable UUID generalDescription,
      @Nullable String referenceCode,
      @Nullable OrganisationJson organisation,
      Map<String, String> name,
      Map<String, String> summary,
      Map<String, String> description,
      String type,
      Set<String> lifeSituations,
      List<String> targetGroups,
      Set<String> areas,
      Set<String> languages,
      @Nullable CostJson cost,
      List<Channel> channels,
      String page) {}

  record OrganisationJson(@Nullable String businessId, Map<String, String> name) {}

  record CostJson(@Nullable String type, Map<String, String> info) {}

  record FacetValueJson(String value, String label, long count, boolean selected) {}

  @Schema(name = "ServiceSearchResult")
  record SearchJson(
      @Schema(example = "42") long total,
      @Schema(example = "0") int page,
      @Schema(example = "20") int size,
      List<ServiceJson> items,
      @Schema(
              description = "Per facet parameter (type, area, language, situation), its values",
              example =
                  """
                  {"type": [{"value": "GUIDANCE", "label": "Ohjaus ja neuvonta", "count": 17,
                             "selected": false}],
                   "area": [{"value": "municipality:837", "label": "Tampere", "count": 9,
                             "selected": false}],
                   "language": [{"value": "fi", "label": "Suomi", "count": 42,
                                 "selected": false}],
                   "situation": [{"value": "CHANGING_CAREER", "label": "Alanvaihtaja",
                                  "count": 11, "selected": true}]}
                  """)
          Map<String, List<FacetValueJson>> facets) {}

  @Schema(name = "ServiceReason")
  record ReasonJson(
      @Schema(example = "situation") String code,
      @Schema(example = "Palvelee tilannettasi: Työtön") String text) {}

  @Schema(name = "ServiceRecommendation")
  record RecommendationJson(
      ServiceJson service, @Schema(example = "1") int rank, List<ReasonJson> reasons) {}

  // A provider's service as docs/services.md shows it, after the push gave it an id.
  private static final String SERVICE_EXAMPLE =
      """
      {"id": "5b0f6d3e-8c1a-4f7e-9a52-1d2c3b4a5e6f", "kind": "SERVICE",
       "generalDescription": null, "referenceCode": null,
       "organisation": {"businessId": "0211675-2", "name": {"fi": "Tampereen kaupunki"}},
       "name": {"fi": "Ohjaamo", "sv": "Navigatorn", "en": "One-Stop Guidance Centre"},
       "summary": {"fi": "Maksutonta ohjausta alle 30-vuotiaille."},
       "description": {"fi": "Ohjaamosta saat apua opiskeluun, työhön ja arkeen liittyvissä\
       asioissa."},
       "type": "GUIDANCE", "lifeSituations": ["YOUNG_WITHOUT_DEGREE", "UNEMPLOYED"],
       "targetGroups": ["alle 30-vuotiaat"], "areas": ["municipality:837", "online"],
       "languages": ["fi", "en"], "cost": {"type": "FREE", "info": {"fi": "Maksuton"}},
       "channels": [
         {"type": "WEB_PAGE", "name": {}, "url": "https://ohjaamo.example.fi", "phone": null,
          "address": null, "hours": []},
         {"type": "VISITING_ADDRESS", "name": {}, "url": null, "phone": null,
          "address": {"street": "Kelloportinkatu 1", "postalCode": "33100",
                      "municipality": "837"},
          "hours": [{"days": ["WEDNESDAY"], "opens": "12:00", "closes": "18:00"}]}],
       "page": "/services/5b0f6d3e-8c1a-4f7e-9a52-1d2c3b4a5e6f"}
      """;

  private final ServiceSearch search;
  private final ServiceDirectoryService directory;
  private final Recommendations recommendations;
  private final ServiceViews views;
  private final RegionsApi regions;
  private final MessageSource messages;
  private final ObjectProvider<ApiClientOrganisations> clientOrganisations;

  ServicesApiController(
      ServiceSearch search,
      ServiceDirectoryService directory,
      Recommendations recommendations,
      ServiceViews views,
      RegionsApi regions,
      MessageSource messages,
      ObjectProvider<ApiClientOrganisations> clientOrganisations) {
    this.clientOrganisations = clientOrganisations;
    this.search = search;
    this.directory = directory;
    this.recommendations = recommendations;
    this.views = views;
    this.regions = regions;
    this.messages = messages;
  }

  @GetMapping
  @Operation(
      summary = "Search the service directory",
      description =
          "Free text in any of fi/sv/en, analysed as the education search analyses it (matched"
              + " as words, never parsed as query syntax). Facets: type, area (country, online,"
              + " region:NN, municipality:NNN), language, situation (life situation); a facet"
              + " parameter repeats for alternatives, facets combine with AND. Example:"
              + " /api/v1/services?q=oppisopimus&situation=CHANGING_CAREER")
  // The facets are read from the whole query (a facet repeats for alternatives), so each is
  // declared here and the map itself is hidden: springdoc would otherwise document it as a
  // required query parameter "params" that no client can send.
  @Parameters({
    @Parameter(
        name = "type",
        in = ParameterIn.QUERY,
        description = "Service type; repeat for alternatives",
        example = "GUIDANCE",
        array = @ArraySchema(schema = @Schema(implementation = ServiceType.class))),
    @Parameter(
        name = "area",
        in = ParameterIn.QUERY,
        description =
            "Area served: country, online, region:NN (region code) or municipality:NNN (a"
                + " municipality matches its region's and the whole country's services too);"
                + " repeat for alternatives",
        example = "municipality:837",
        array =
            @ArraySchema(
                schema =
                    @Schema(type = "string", pattern = "^(" + ServiceViews.AREA_CODES + ")$"))),
    @Parameter(
        name = "language",
        in = ParameterIn.QUERY,
        description = "A language the service is given in (ISO 639); repeat for alternatives",
        example = "en",
        array =
            @ArraySchema(
                schema =
                    @Schema(type = "string", pattern = "^" + ServiceViews.LANGUAGE_CODES + "$"))),
    @Parameter(
        name = "situation",
        in = ParameterIn.QUERY,
        description = "Life situation the service serves; repeat for alternatives",
        example = "UNEMPLOYED",
        array = @ArraySchema(schema = @Schema(implementation = LifeSituation.class)))
  })
  @ApiResponse(responseCode = "200", description = "One page of services, with the facets")
  SearchJson search(
      @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params,
      @Parameter(
              description = "Search text in fi, sv or en, matched as words",
              example = "oppisopimus")
          @RequestParam(name = "q", required = false)
          String q,
      @Valid ServicePageQuery paging,
      @Valid NationalLanguageQuery lang,
      Locale locale) {
    Language language = lang.or(locale);
    Locale labels = language.locale();
    ServiceSearch.Result result =
        search.search(
            new ServiceQuery(
                q == null ? "" : q, views.filters(params, true), paging.paging(), language));
    Map<String, List<FacetValueJson>> facets = new LinkedHashMap<>();
    for (ServiceFacet facet : ServiceFacet.values()) {
      facets.put(
          facet.parameter(),
          Objects.requireNonNull(result.facets().get(facet), "the search counts every facet")
              .stream()
              .map(
                  c ->
                      new FacetValueJson(
                          c.value(),
                          views.label(facet, c.value(), labels),
                          c.count(),
                          c.selected()))
              .toList());
    }
    return new SearchJson(
        result.page().total(),
        paging.page(),
        paging.size(),
        result.page().items().stream().map(this::json).toList(),
        facets);
  }

  @GetMapping("/{id}")
  @Operation(summary = "One service or general description, with its channels")
  @ApiResponse(responseCode = "200", description = "The service")
  @ApiResponse(
      responseCode = "404",
      description = "No such service",
      content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
  ServiceJson service(@PathVariable String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No service " + id);
    }
    return search
        .find(uuid)
        .filter(ServiceDocument::active)
        .map(this::json)
        .orElseThrow(() -> new NotFoundException("No service " + id));
  }

  @GetMapping("/recommendations")
  @Operation(
      summary = "Services for a life situation",
      description =
          "The services that serve the situation and reach the municipality (three digits, such"
              + " as 091), ranked by the rule of docs/services.md, each with the reasons it is"
              + " shown; a goal in the person's own words (fi/sv/en, at most "
              + ServiceGoal.MAX_LENGTH
              + " characters) puts the services it finds first within each rank and adds those it"
              + " finds outside the situation after them. Example:"
              + " /api/v1/services/recommendations?situation=UNEMPLOYED&municipality=837"
              + "&goal=yrittäjäksi")
  @ApiResponse(responseCode = "200", description = "The services, best first")
  List<RecommendationJson> recommendations(
      @RequestParam(name = "situation") String situation,
      @RequestParam(name = "municipality", required = false) String municipality,
      @RequestParam(name = "goal", required = false) String goal,
      @Valid NationalLanguageQuery lang,
      Locale locale) {
    LifeSituation chosen =
        Arrays.stream(LifeSituation.values())
            .filter(s -> s.name().equals(situation == null ? "" : situation.strip()))
            .findFirst()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "request",
                        0,
                        "situation",
                        "one of "
                            + String.join(
                                ", ",
                                Arrays.stream(LifeSituation.values()).map(Enum::name).toList())));
    Language language = lang.or(locale);
    Area area = null;
    if (municipality != null && !municipality.isBlank()) {
      area =
          regions
              .area(AreaLevel.MUNICIPALITY, municipality.strip())
              .filter(a -> municipality.strip().matches("\\d{1,3}"))
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "request", 0, "municipality", "not a municipality code, such as 091"));
    }
    String municipalityName = area == null ? null : area.name(language).text();
    String regionName =
        area == null
            ? null
            : regions
                .area(AreaLevel.REGION, area.regionCode())
                .map(r -> r.name(language).text())
                .orElse(null);
    Locale labels = language.locale();
    return recommendations.recommend(chosen, ServiceGoal.of(goal), area, language, 50).stream()
        .map(
            r ->
                new RecommendationJson(
                    json(r.service()),
                    r.rank(),
                    r.reasons().stream()
                        .map(
                            why ->
                                new ReasonJson(
                                    why.key(),
                                    messages.getMessage(
                                        "svc.why." + why.key(),
                                        new Object[] {
                                          why.key().equals("situation")
                                              ? views.label(
                                                  ServiceFacet.SITUATION,
                                                  Objects.requireNonNull(
                                                      why.argument(),
                                                      "a situation reason names its situation"),
                                                  labels)
                                              : why.argument()
                                        },
                                        labels)))
                        .toList()))
        .toList();
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Publish services (providers' push)",
      description =
          "Services in the JSON format of docs/services.md: one object, an array, or"
              + " {\"services\": [...]}. Upserted by organisation and id, all or nothing: a bad"
              + " record refuses the whole request with a 400 naming its line and field, and"
              + " nothing is stored. Needs an OAuth2 bearer token with scope services.publish."
              + " A client publishes only its own organisation's services: each service's"
              + " organisation.businessId must be the business ID an administrator registered"
              + " the client for (a client without one publishes only services of organisations"
              + " without a business ID); another is refused with a 403 naming the line and"
              + " field. The schema shows the array; one service object, or {\"services\":"
              + " [...]} around the array, is read the same.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              description = "The services, in the JSON format of docs/services.md",
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      array =
                          @ArraySchema(
                              schema =
                                  @Schema(implementation = ServiceInputSchema.ServiceInput.class)),
                      examples = @ExampleObject(ServiceInputSchema.EXAMPLE))),
      security =
          @SecurityRequirement(name = "bearer", scopes = ServicesWebConfiguration.PUBLISH_SCOPE))
  @ApiResponse(
      responseCode = "200",
      description = "The import report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = ServiceImportReport.class),
              examples =
                  @ExampleObject(
                      """
                      {"source": "request body", "read": 1, "added": 1, "updated": 0,
                       "unchanged": 0, "retired": 0}
                      """)))
  @ApiResponse(responseCode = "401", description = "No or invalid bearer token")
  @ApiResponse(
      responseCode = "403",
      description =
          "The token lacks scope services.publish, or a service names another organisation than"
              + " the client's")
  ServiceImportReport publish(InputStream body, Authentication auth) throws IOException {
    byte[] document = body.readNBytes(MAX_PUSH_BYTES + 1);
    if (document.length > MAX_PUSH_BYTES) {
      throw new InvalidInputException(
          "request body", 0, null, "larger than " + MAX_PUSH_BYTES + " bytes");
    }
    String businessId =
        ApiClient.of(auth)
            .flatMap(
                client ->
                    clientOrganisations
                        .getIfAvailable(() -> c -> java.util.Optional.empty())
                        .businessId(client))
            .orElse(null);
    return directory.publish(document, businessId);
  }

  /** A service of another organisation than the client's: the client may not, so 403. */
  @ExceptionHandler(ForeignOrganisationException.class)
  ProblemDetail foreignOrganisation(ForeignOrganisationException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    problem.setTitle("Not this client's organisation");
    problem.setProperty("line", e.line());
    problem.setProperty("field", e.field());
    return problem;
  }

  private ServiceJson json(ServiceDocument s) {
    return new ServiceJson(
        s.id(),
        s.generalDescription() ? "GENERAL_DESCRIPTION" : "SERVICE",
        s.generalDescriptionId(),
        s.referenceCode(),
        s.organisationName().isEmpty()
            ? null
            : new OrganisationJson(s.businessId(), codes(s.organisationName())),
        codes(s.name()),
        codes(s.summary()),
        codes(s.description()),
        s.type(),
        s.lifeSituationCodes(),
        s.targetGroups(),
        s.areaCodes(),
        s.serviceLanguages(),
        s.chargeType() == null && s.costInfo().isEmpty()
            ? null
            : new CostJson(s.chargeType(), codes(s.costInfo())),
        views.channels(s.id()),
        "/services/" + s.id());
  }

  private static Map<String, String> codes(Map<Language, String> texts) {
    Map<String, String> byCode = new LinkedHashMap<>();
    texts.forEach((language, text) -> byCode.put(language.code(), text));
    return byCode;
  }
}
