package fi.osaava.opendata.internal.web;

import fi.osaava.opendata.internal.OpenDatasets;
import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.PublishedSurvey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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

  private final OpenDatasets datasets;
  private final MessageSource messages;

  OpenDataController(OpenDatasets datasets, MessageSource messages) {
    this.datasets = datasets;
    this.messages = messages;
  }

  @GetMapping("/open-data")
  String page(Model model) {
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
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
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
      for (String download : dataset.downloads()) {
        distributions.add(distribution(base + download, dataset.mediaType(download)));
      }
      if (dataset.id().equals("surveys")) {
        for (PublishedSurvey survey : datasets.publishedSurveys()) {
          distributions.add(
              distribution(base + "/surveys/results/" + survey.id() + "/results.csv", "text/csv"));
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

  @GetMapping(path = OpenDataset.API + "/skill-demand.csv", produces = "text/csv")
  @Operation(
      summary = "Skill demand by region and month (CSV)",
      description =
          "Job ads asking for each ESCO skill by month and region; cells of fewer than"
              + " three ads left out. CC BY 4.0; ESCO attribution applies.")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = "text/csv",
              examples =
                  @ExampleObject(
                      value =
                          "month,region,skill,ads\n2026-05,01,http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389,42\n")))
  ResponseEntity<String> skillDemandCsv() {
    StringBuilder csv = new StringBuilder("month,region,skill,ads\n");
    datasets.skillDemand(
        c ->
            csv.append(c.month().toString(), 0, 7)
                .append(',')
                .append(c.regionCode())
                .append(',')
                .append(OpenCsv.quote(c.skillUri()))
                .append(',')
                .append(c.ads())
                .append('\n'));
    return download(CSV, "skill-demand.csv", csv.toString());
  }

  @GetMapping(path = OpenDataset.API + "/skill-demand.json", produces = "application/json")
  @Operation(
      summary = "Skill demand by region and month (JSON)",
      description =
          "As the CSV, with the licence, attribution and whether synthetic ads are among them.")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = "application/json",
              examples =
                  @ExampleObject(
                      value =
                          "{\"dataset\":\"skill-demand\",\"license\":\""
                              + LICENSE
                              + "\",\"synthetic\":false,"
                              + "\"items\":[{\"month\":\"2026-05\",\"region\":\"01\",\"skill\":"
                              + "\"http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389\",\"ads\":42}]}")))
  ResponseEntity<Map<String, Object>> skillDemandJson() {
    List<Map<String, Object>> items = new ArrayList<>();
    datasets.skillDemand(
        c -> {
          Map<String, Object> item = new LinkedHashMap<>();
          item.put("month", c.month().toString().substring(0, 7));
          item.put("region", c.regionCode());
          item.put("skill", c.skillUri());
          item.put("ads", c.ads());
          items.add(item);
        });
    Map<String, Object> body = envelope("skill-demand", true);
    body.put("synthetic", datasets.demandHasSyntheticAds());
    body.put("minimumAds", OpenDatasets.MINIMUM_ADS);
    body.put("items", items);
    return download(MediaType.APPLICATION_JSON, "skill-demand.json", body);
  }

  @GetMapping(path = OpenDataset.API + "/education-supply.csv", produces = "text/csv")
  @Operation(
      summary = "Education supply by skill and region (CSV)",
      description =
          "Active offerings teaching each ESCO skill, by region where taught on site, and"
              + " 'online'. CC BY 4.0; ESCO attribution applies.")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = "text/csv",
              examples =
                  @ExampleObject(
                      value =
                          "region,skill,offerings\n06,http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389,12\n")))
  ResponseEntity<String> educationSupplyCsv() {
    StringBuilder csv = new StringBuilder("region,skill,offerings\n");
    for (OpenDatasets.SupplyCell c : datasets.educationSupply()) {
      csv.append(c.regionCode())
          .append(',')
          .append(OpenCsv.quote(c.skillUri()))
          .append(',')
          .append(c.offerings())
          .append('\n');
    }
    return download(CSV, "education-supply.csv", csv.toString());
  }

  @GetMapping(path = OpenDataset.API + "/education-supply.json", produces = "application/json")
  @Operation(summary = "Education supply by skill and region (JSON)")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = "application/json",
              examples =
                  @ExampleObject(
                      value =
                          "{\"dataset\":\"education-supply\",\"license\":\""
                              + LICENSE
                              + "\",\"items\":[{\"region\":\"06\","
                              + "\"skill\":\"http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389\",\"offerings\":12}]}")))
  ResponseEntity<Map<String, Object>> educationSupplyJson() {
    Map<String, Object> body = envelope("education-supply", true);
    body.put(
        "items",
        datasets.educationSupply().stream()
            .map(
                c ->
                    Map.of(
                        "region",
                        c.regionCode(),
                        "skill",
                        c.skillUri(),
                        "offerings",
                        c.offerings()))
            .toList());
    return download(MediaType.APPLICATION_JSON, "education-supply.json", body);
  }

  @GetMapping(path = OpenDataset.API + "/surveys.csv", produces = "text/csv")
  @Operation(
      summary = "Published competence-needs survey results (CSV list)",
      description = "Each published survey with the address of its results as CSV.")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = "text/csv",
              examples =
                  @ExampleObject(
                      value =
                          "id,organisation,title_fi,title_sv,title_en,respondents,published,results\n"
                              + "\"5f0c…\",\"1234567-8\",\"Osaamistarpeet 2027\",\"\",\"\",12,2026-11-30T10:00:00Z,\"https://osaava.example/surveys/results/5f0c…/results.csv\"\n")))
  ResponseEntity<String> surveysCsv() {
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    StringBuilder csv =
        new StringBuilder(
            "id,organisation,title_fi,title_sv,title_en,respondents,published,results\n");
    for (PublishedSurvey s : datasets.publishedSurveys()) {
      csv.append(OpenCsv.quote(s.id().toString()))
          .append(',')
          .append(OpenCsv.quote(s.organisation()))
          .append(',')
          .append(OpenCsv.quote(s.titles().getOrDefault("fi", "")))
          .append(',')
          .append(OpenCsv.quote(s.titles().getOrDefault("sv", "")))
          .append(',')
          .append(OpenCsv.quote(s.titles().getOrDefault("en", "")))
          .append(',')
          .append(s.respondents() == null ? "" : s.respondents().toString())
          .append(',')
          .append(s.publishedAt())
          .append(',')
          .append(OpenCsv.quote(base + "/surveys/results/" + s.id() + "/results.csv"))
          .append('\n');
    }
    return download(CSV, "surveys.csv", csv.toString());
  }

  @GetMapping(path = OpenDataset.API + "/surveys.json", produces = "application/json")
  @Operation(summary = "Published competence-needs survey results (JSON list)")
  @ApiResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = "application/json",
              examples =
                  @ExampleObject(
                      value =
                          "{\"dataset\":\"surveys\",\"license\":\""
                              + LICENSE
                              + "\",\"items\":[{\"id\":\"5f0c…\","
                              + "\"organisation\":\"1234567-8\",\"titles\":{\"fi\":\"Osaamistarpeet 2027\"},"
                              + "\"respondents\":12,\"published\":\"2026-11-30T10:00:00Z\","
                              + "\"results\":\"https://osaava.example/surveys/results/5f0c…/results.csv\"}]}")))
  ResponseEntity<Map<String, Object>> surveysJson() {
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    List<Map<String, Object>> items = new ArrayList<>();
    for (PublishedSurvey s : datasets.publishedSurveys()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", s.id());
      item.put("organisation", s.organisation());
      item.put("titles", s.titles());
      item.put("respondents", s.respondents());
      item.put("published", s.publishedAt().toString());
      item.put("results", base + "/surveys/results/" + s.id() + "/results.csv");
      items.add(item);
    }
    Map<String, Object> body = envelope("surveys", false);
    body.put("items", items);
    return download(MediaType.APPLICATION_JSON, "surveys.json", body);
  }

  private Map<String, Object> envelope(String dataset, boolean esco) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dataset", dataset);
    body.put("license", LICENSE);
    body.put("publisher", "Osaava");
    if (esco) {
      body.put("attribution", ESCO_ATTRIBUTION);
    }
    body.put(
        "catalog",
        ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
            + OpenDataset.API
            + "/catalog");
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
