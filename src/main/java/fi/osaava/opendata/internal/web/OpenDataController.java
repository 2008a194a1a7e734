package fi.osaava.opendata.internal.web;

import fi.osaava.opendata.internal.OpenDatasets;
import fi.osaava.opendata.internal.feed.ChangeFeed;
import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.PublishedSurvey;
import fi.osaava.web.NationalLanguageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open data: the page {@code /open-data} and the datasets under {@code /api/v1/open-data} as CSV
 * and JSON, each under CC BY 4.0 (a {@code Link: rel="license"} header on every download), and
 * their DCAT-AP style catalogue in JSON-LD.
 */
@Controller
@Tag(
    name = "Open data",
    description = "Anonymised aggregates and their DCAT-AP catalogue, CC BY 4.0")
class OpenDataController {

  static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";
  static final String ESCO_ATTRIBUTION =
      "This service uses the ESCO classification of the European Commission (CC BY 4.0),"
          + " https://esco.ec.europa.eu";
  static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

  /** How many of the latest changes the page shows, as a sample of the feed. */
  static final int LATEST_CHANGES = 5;

  private final OpenDatasets datasets;
  private final MessageSource messages;
  private final ChangeFeed feed;

  OpenDataController(OpenDatasets datasets, MessageSource messages, ChangeFeed feed) {
    this.datasets = datasets;
    this.messages = messages;
    this.feed = feed;
  }

  /**
   * A change as the page lists it.
   *
   * @param what the kind and action in the reader's language
   */
  record ChangeRow(Instant when, String what, String title, @Nullable String href) {}

  @GetMapping("/open-data")
  String page(Model model, Locale locale) {
    Language language = NationalLanguageQuery.fallback(locale);
    Set<ChangeFeed.Kind> all = EnumSet.allOf(ChangeFeed.Kind.class);
    List<ChangeRow> changes = new ArrayList<>();
    for (ChangeFeed.Entry e :
        feed.page(feed.latestAfter(LATEST_CHANGES, all), LATEST_CHANGES, all)
            .entries()
            .reversed()) {
      changes.add(
          new ChangeRow(
              e.occurredAt(),
              ChangeFeedController.summary(messages, e, language),
              e.title(language),
              ChangeFeedController.htmlPath(e)));
    }
    model.addAttribute("changes", changes);
    model.addAttribute("datasets", OpenDataset.ALL);
    model.addAttribute("surveys", datasets.publishedSurveys());
    model.addAttribute("license", LICENSE);
    return "opendata/open-data";
  }

  @GetMapping(
      path = OpenDataset.API + "/catalog",
      produces = {"application/ld+json", "application/json"})
  @ResponseBody
  @Operation(
      summary = "The open datasets as a DCAT-AP catalogue (JSON-LD)",
      description =
          "Each dataset with its titles and descriptions in fi, sv and en, licence,"
              + " publisher and distributions (CSV, JSON or API).")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = "application/ld+json",
              examples =
                  @ExampleObject(
                      value =
                          "{\"@context\":{\"dcat\":\"http://www.w3.org/ns/dcat#\",\"dct\":\"http://purl.org/dc/terms/\"},"
                              + "\"@type\":\"dcat:Catalog\",\"dcat:dataset\":[{\"@type\":\"dcat:Dataset\","
                              + "\"dct:identifier\":\"skill-demand\",\"dct:license\":{\"@id\":\""
                              + LICENSE
                              + "\"},"
                              + "\"dcat:distribution\":[{\"@type\":\"dcat:Distribution\",\"dcat:mediaType\":\"text/csv\","
                              + "\"dcat:downloadURL\":{\"@id\":\"https://osaava.example/api/v1/open-data/skill-demand.csv\"}}]}]}")))
  ResponseEntity<Map<String, Object>> catalog() {
    String base = base();
    Map<String, Object> catalog = new LinkedHashMap<>();
    catalog.put(
        "@context",
        Map.of(
            "dcat", "http://www.w3.org/ns/dcat#",
            "dct", "http://purl.org/dc/terms/",
            "foaf", "http://xmlns.com/foaf/0.1/"));
    catalog.put("@id", base + OpenDataset.API + "/catalog");
    catalog.put("@type", "dcat:Catalog");
    catalog.put("dct:title", texts("od.catalog.title"));
    catalog.put("dct:description", texts("od.catalog.description"));
    catalog.put("dct:publisher", publisher());
    catalog.put("dct:license", Map.of("@id", LICENSE));
    catalog.put("foaf:homepage", Map.of("@id", base + "/open-data"));
    List<Map<String, Object>> list = new ArrayList<>();
    for (OpenDataset dataset : OpenDataset.ALL) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("@id", base + OpenDataset.API + "/catalog#" + dataset.id());
      d.put("@type", "dcat:Dataset");
      d.put("dct:identifier", dataset.id());
      d.put("dct:title", texts("od.dataset." + dataset.id() + ".title"));
      d.put("dct:description", texts("od.dataset." + dataset.id() + ".description"));
      d.put("dcat:keyword", dataset.keywords());
      d.put("dct:publisher", publisher());
      d.put("dct:license", Map.of("@id", LICENSE));
      d.put(
          "dct:spatial",
          Map.of("@id", "http://publications.europa.eu/resource/authority/country/FIN"));
      d.put(
          "dct:accrualPeriodicity",
          Map.of("@id", "http://publications.europa.eu/resource/authority/frequency/CONT"));
      d.put("dcat:landingPage", Map.of("@id", base + "/open-data#" + dataset.id()));
      if (dataset.esco()) {
        d.put("dct:rights", ESCO_ATTRIBUTION);
        d.put("dct:conformsTo", Map.of("@id", "http://data.europa.eu/esco/model"));
      }
      List<Map<String, Object>> distributions = new ArrayList<>();
      for (OpenDataset.Download download : dataset.downloads()) {
        distributions.add(distribution(base + download.path(), download.mediaType()));
      }
      if (dataset.id().equals("surveys")) {
        for (PublishedSurvey survey : datasets.publishedSurveys()) {
          for (OpenDataset.Download download : OpenDataset.surveyResults(survey)) {
            distributions.add(distribution(base + download.path(), download.mediaType()));
          }
        }
      }
      d.put("dcat:distribution", distributions);
      list.add(d);
    }
    catalog.put("dcat:dataset", list);
    return ResponseEntity.ok().contentType(JSON_LD).body(catalog);
  }

  private static Map<String, Object> distribution(String url, String mediaType) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("@type", "dcat:Distribution");
    d.put("dcat:accessURL", Map.of("@id", url));
    d.put("dcat:downloadURL", Map.of("@id", url));
    d.put("dcat:mediaType", mediaType);
    d.put("dct:license", Map.of("@id", LICENSE));
    return d;
  }

  private Map<String, Object> publisher() {
    return Map.of("@type", "foaf:Agent", "foaf:name", "Osaava");
  }

  private List<Map<String, String>> texts(String key) {
    List<Map<String, String>> texts = new ArrayList<>();
    for (Language language : List.of(Language.FI, Language.SV, Language.EN)) {
      texts.add(
          Map.of(
              "@language",
              language.code(),
              "@value",
              messages.getMessage(key, null, language.locale())));
    }
    return texts;
  }

  @GetMapping(path = OpenDataset.API + "/{dataset}.{format}")
  @Operation(
      summary = "A dataset as CSV or JSON",
      description =
          "skill-demand: job ads asking for each ESCO skill by month and region, cells of fewer"
              + " than three ads left out; education-supply: active offerings teaching each ESCO"
              + " skill by region where taught on site, and 'online'; surveys: each published"
              + " competence-needs survey with the address of its results as CSV; services: the"
              + " whole active service directory (general descriptions and providers' services,"
              + " texts in fi, sv and en, lists joined by '; ' in the CSV, channels as the"
              + " documented JSON). The JSON has"
              + " the CSV's columns as each item's fields, with the licence, publisher, catalogue"
              + " and, for the skill datasets, ESCO's attribution; skill-demand also says whether"
              + " synthetic ads are among them. CC BY 4.0.")
  @ApiResponse(
      responseCode = "200",
      content = {
        @Content(
            mediaType = "text/csv",
            examples = {
              @ExampleObject(
                  name = "skill-demand",
                  value =
                      "month,region,skill,ads\n2026-05,01,\"http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389\",42\n"),
              @ExampleObject(
                  name = "education-supply",
                  value =
                      "region,skill,offerings\n06,\"http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389\",12\n"),
              @ExampleObject(
                  name = "surveys",
                  value =
                      "id,organisation,title_fi,title_sv,title_en,respondents,published,results\n"
                          + "\"5f0c…\",\"1234567-8\",\"Osaamistarpeet 2027\",\"\",\"\",12,2026-11-30T10:00:00Z,\"https://osaava.example/surveys/results/5f0c…/results.csv\"\n"),
              @ExampleObject(
                  name = "services",
                  value =
                      "id,kind,source,general_description,organisation_business_id,"
                          + "organisation_fi,organisation_sv,organisation_en,name_fi,name_sv,name_en,"
                          + "summary_fi,summary_sv,summary_en,description_fi,description_sv,"
                          + "description_en,type,life_situations,target_groups,areas,languages,"
                          + "cost_type,cost_fi,cost_sv,cost_en,channels,url,updated\n"
                          + "\"9b1e…\",\"SERVICE\",\"provider\",\"\",\"0211675-2\","
                          + "\"Tampereen kaupunki\",\"\",\"\",\"Ohjaamo\",\"Navigatorn\","
                          + "\"One-Stop Guidance Centre\",\"Maksutonta ohjausta alle"
                          + " 30-vuotiaille.\",\"\",\"\",\"\",\"\",\"\",\"GUIDANCE\","
                          + "\"YOUNG_WITHOUT_DEGREE; UNEMPLOYED\",\"alle 30-vuotiaat\","
                          + "\"municipality:837; online\",\"fi; en\",\"FREE\",\"Maksuton\",\"\","
                          + "\"\",\"[{\"\"type\"\": \"\"WEB_PAGE\"\", \"\"url\"\":"
                          + " \"\"https://ohjaamo.example.fi\"\"}]\","
                          + "\"https://osaava.example/services/9b1e…\",2026-12-06T10:00:00Z\n")
            }),
        @Content(
            mediaType = "application/json",
            examples = {
              @ExampleObject(
                  name = "skill-demand",
                  value =
                      "{\"dataset\":\"skill-demand\",\"license\":\""
                          + LICENSE
                          + "\",\"synthetic\":false,\"minimumAds\":3,"
                          + "\"items\":[{\"month\":\"2026-05\",\"region\":\"01\",\"skill\":"
                          + "\"http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389\",\"ads\":42}]}"),
              @ExampleObject(
                  name = "education-supply",
                  value =
                      "{\"dataset\":\"education-supply\",\"license\":\""
                          + LICENSE
                          + "\",\"items\":[{\"region\":\"06\","
                          + "\"skill\":\"http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389\",\"offerings\":12}]}"),
              @ExampleObject(
                  name = "surveys",
                  value =
                      "{\"dataset\":\"surveys\",\"license\":\""
                          + LICENSE
                          + "\",\"items\":[{\"id\":\"5f0c…\",\"organisation\":\"1234567-8\","
                          + "\"title_fi\":\"Osaamistarpeet 2027\",\"title_sv\":\"\",\"title_en\":\"\","
                          + "\"respondents\":12,\"published\":\"2026-11-30T10:00:00Z\","
                          + "\"results\":\"https://osaava.example/surveys/results/5f0c…/results.csv\"}]}"),
              @ExampleObject(
                  name = "services",
                  value =
                      "{\"dataset\":\"services\",\"license\":\""
                          + LICENSE
                          + "\",\"source\":\"General service descriptions: Suomi.fi service"
                          + " catalogue (Digital and Population Data Services Agency), CC BY 4.0\","
                          + "\"items\":[{\"id\":\"9b1e…\",\"kind\":\"SERVICE\","
                          + "\"source\":\"provider\",\"name_fi\":\"Ohjaamo\","
                          + "\"type\":\"GUIDANCE\",\"life_situations\":[\"YOUNG_WITHOUT_DEGREE\","
                          + "\"UNEMPLOYED\"],\"areas\":[\"municipality:837\",\"online\"],"
                          + "\"channels\":[{\"type\":\"WEB_PAGE\",\"url\":\"https://ohjaamo.example.fi\"}],"
                          + "\"url\":\"https://osaava.example/services/9b1e…\"}]}")
            })
      })
  @ApiResponse(responseCode = "404", description = "No such dataset in that format")
  ResponseEntity<?> dataset(
      @Parameter(
              description = "The dataset",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {
                        "skill-demand",
                        "education-supply",
                        "surveys",
                        "services"
                      }))
          @PathVariable
          String dataset,
      @Parameter(
              description = "The format",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"csv", "json"}))
          @PathVariable
          String format) {
    OpenDataset.Tabular d = tabular(dataset);
    OpenDataset.Table table = d.table();
    List<String> columns = table.columns().stream().map(OpenDataset.Column::name).toList();
    return switch (format) {
      case "csv" -> {
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (List<@Nullable Object> row : rows(table)) {
          for (int i = 0; i < row.size(); i++) {
            Object value = row.get(i);
            if (i > 0) {
              csv.append(',');
            }
            switch (table.columns().get(i).cell()) {
              case PLAIN -> csv.append(value == null ? "" : value);
              case TEXT, JSON -> csv.append(OpenCsv.quote(value == null ? null : value.toString()));
              case LIST ->
                  csv.append(
                      OpenCsv.quote(
                          value == null
                              ? null
                              : ((List<?>) value)
                                  .stream()
                                      .map(String::valueOf)
                                      .collect(Collectors.joining("; "))));
            }
          }
          csv.append('\n');
        }
        yield download(CSV, dataset + ".csv", csv.toString());
      }
      case "json" -> {
        List<Map<String, @Nullable Object>> items = new ArrayList<>();
        for (List<@Nullable Object> row : rows(table)) {
          Map<String, @Nullable Object> item = new LinkedHashMap<>();
          for (int i = 0; i < columns.size(); i++) {
            Object value = row.get(i);
            item.put(
                columns.get(i),
                table.columns().get(i).cell() == OpenDataset.Cell.JSON && value != null
                    ? JsonMapper.shared().readTree(value.toString())
                    : value);
          }
          items.add(item);
        }
        Map<String, Object> body = envelope(dataset, d.esco());
        body.putAll(table.extras().of(datasets));
        body.put("items", items);
        yield download(MediaType.APPLICATION_JSON, dataset + ".json", body);
      }
      default ->
          throw new ResponseStatusException(
              HttpStatus.NOT_FOUND, "no such format: " + format + " (csv or json)");
    };
  }

  private List<List<@Nullable Object>> rows(OpenDataset.Table table) {
    List<List<@Nullable Object>> rows = new ArrayList<>();
    table.rows().each(datasets, base(), rows::add);
    return rows;
  }

  /** A dataset served as CSV and JSON; 404 for any other name. */
  private static OpenDataset.Tabular tabular(String dataset) {
    return OpenDataset.withTable(dataset)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such dataset: " + dataset));
  }

  private static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
  }

  private Map<String, Object> envelope(String dataset, boolean esco) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dataset", dataset);
    body.put("license", LICENSE);
    body.put("publisher", "Osaava");
    if (esco) {
      body.put("attribution", ESCO_ATTRIBUTION);
    }
    body.put("catalog", base() + OpenDataset.API + "/catalog");
    return body;
  }

  private static <T> ResponseEntity<T> download(MediaType type, String file, T body) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(HttpHeaders.LINK, "<" + LICENSE + ">; rel=\"license\"")
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + file + "\"")
        .body(body);
  }
}
