package fi.osaava.opendata.internal.web;

import fi.osaava.opendata.internal.OpenDatasets;
import fi.osaava.regionalintelligence.PublishedSurvey;
import fi.osaava.servicenetwork.ServiceDirectoryDump;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The datasets of the open-data catalogue. Titles and descriptions are messages ({@code
 * od.dataset.<id>.title}, {@code .description}) in fi, sv and en. A dataset with a {@link Table} is
 * served from that one description both as CSV ({@code <id>.csv}) and as JSON ({@code <id>.json}),
 * so the two cannot drift apart.
 *
 * @param id the dataset's identifier and path under {@code /api/v1/open-data}
 * @param downloads the paths of its distributions (CSV and JSON, an API or a feed) with their media
 *     types
 * @param esco whether it holds ESCO concepts, so that ESCO's attribution goes with it
 * @param keywords DCAT keywords, in English
 * @param table its rows, where it is served as CSV and JSON; null for one read through an API
 */
record OpenDataset(
    String id,
    List<Download> downloads,
    boolean esco,
    List<String> keywords,
    @Nullable Table table) {

  static final String API = "/api/v1/open-data";

  /**
   * Where the general descriptions come from, which their licence asks to name (the page names it
   * too).
   */
  static final String SERVICE_CATALOGUE_SOURCE =
      "General service descriptions: Suomi.fi service catalogue (Digital and Population Data"
          + " Services Agency), CC BY 4.0";

  static final String CSV = "text/csv";
  static final String JSON = "application/json";

  /**
   * A distribution: where it is, its media type, and how the page names it (message {@code
   * od.page.<label>}).
   */
  record Download(String path, String mediaType, String label) {}

  /** How a column's values are written. */
  enum Cell {
    /** A number or date, as it is in both formats. */
    PLAIN,
    /** A string: quoted in the CSV (a leading formula character defused). */
    TEXT,
    /** A list of strings: a JSON array, and in the CSV one quoted cell joined by {@code "; "}. */
    LIST,
    /**
     * Structured data as JSON text (such as a service's channels): nested in the JSON, and in the
     * CSV one quoted cell holding that JSON.
     */
    JSON
  }

  /** A column: its name in the CSV header and the JSON items, and how its values are written. */
  record Column(String name, Cell cell) {}

  /** Produces a dataset's rows, one value per column, for the service at {@code base}. */
  interface Rows {
    void each(OpenDatasets data, String base, Consumer<List<@Nullable Object>> row);
  }

  /**
   * A dataset's rows and, for the JSON, fields beside the items (such as whether synthetic data is
   * among them).
   */
  record Table(List<Column> columns, Rows rows, Extras extras) {}

  /** Fields the JSON carries beside its items. */
  interface Extras {
    Map<String, Object> of(OpenDatasets data);
  }

  private static Column text(String name) {
    return new Column(name, Cell.TEXT);
  }

  private static Column plain(String name) {
    return new Column(name, Cell.PLAIN);
  }

  private static Column list(String name) {
    return new Column(name, Cell.LIST);
  }

  private static Column json(String name) {
    return new Column(name, Cell.JSON);
  }

  /** The columns of a text in fi, sv and en: {@code name_fi}, {@code name_sv}, {@code name_en}. */
  private static List<Column> texts(String name) {
    return List.of(text(name + "_fi"), text(name + "_sv"), text(name + "_en"));
  }

  private static List<@Nullable Object> values(ServiceDirectoryDump.Texts texts) {
    return Arrays.asList(texts.fi(), texts.sv(), texts.en());
  }

  private static final List<Column> SERVICE_COLUMNS =
      Stream.of(
              List.of(
                  text("id"),
                  text("kind"),
                  text("source"),
                  text("general_description"),
                  text("organisation_business_id")),
              texts("organisation"),
              texts("name"),
              texts("summary"),
              texts("description"),
              List.of(
                  text("type"),
                  list("life_situations"),
                  list("target_groups"),
                  list("areas"),
                  list("languages"),
                  text("cost_type")),
              texts("cost"),
              List.of(json("channels"), text("url"), plain("updated")))
          .flatMap(List::stream)
          .toList();

  private static List<@Nullable Object> serviceRow(
      String base, ServiceDirectoryDump.DumpedService s) {
    List<@Nullable Object> row = new ArrayList<>();
    row.addAll(
        Arrays.asList(
            s.id().toString(),
            s.kind(),
            s.source(),
            s.generalDescription() == null ? null : s.generalDescription().toString(),
            s.organisationBusinessId()));
    row.addAll(values(s.organisation()));
    row.addAll(values(s.name()));
    row.addAll(values(s.summary()));
    row.addAll(values(s.description()));
    row.addAll(
        Arrays.asList(
            s.type(),
            s.lifeSituations(),
            s.targetGroups(),
            s.areas(),
            s.languages(),
            s.costType()));
    row.addAll(values(s.cost()));
    row.addAll(
        Arrays.asList(s.channelsJson(), base + "/services/" + s.id(), s.updatedAt().toString()));
    return row;
  }

  private static OpenDataset table(String id, boolean esco, List<String> keywords, Table table) {
    return new OpenDataset(
        id,
        List.of(
            new Download(API + "/" + id + ".csv", CSV, "csv"),
            new Download(API + "/" + id + ".json", JSON, "json")),
        esco,
        keywords,
        table);
  }

  static final List<OpenDataset> ALL =
      List.of(
          table(
              "skill-demand",
              true,
              List.of("skills", "job ads", "labour demand", "ESCO", "regions"),
              new Table(
                  List.of(plain("month"), plain("region"), text("skill"), plain("ads")),
                  (data, base, row) ->
                      data.skillDemand(
                          c ->
                              row.accept(
                                  Arrays.asList(
                                      c.month().toString().substring(0, 7),
                                      c.regionCode(),
                                      c.skillUri(),
                                      c.ads()))),
                  data ->
                      Map.of(
                          "synthetic",
                          data.demandHasSyntheticAds(),
                          "minimumAds",
                          OpenDatasets.MINIMUM_ADS))),
          table(
              "education-supply",
              true,
              List.of("skills", "education", "continuous learning", "ESCO", "regions"),
              new Table(
                  List.of(plain("region"), text("skill"), plain("offerings")),
                  (data, base, row) ->
                      data.educationSupply()
                          .forEach(
                              c ->
                                  row.accept(
                                      Arrays.asList(c.regionCode(), c.skillUri(), c.offerings()))),
                  data -> Map.of())),
          new OpenDataset(
              "services",
              List.of(
                  new Download(API + "/services.csv", CSV, "csv"),
                  new Download(API + "/services.json", JSON, "json"),
                  new Download("/api/v1/services", JSON, "api")),
              false,
              List.of("services", "guidance", "employment services", "continuous learning"),
              new Table(
                  SERVICE_COLUMNS,
                  (data, base, row) -> data.services(s -> row.accept(serviceRow(base, s))),
                  data -> Map.of("source", SERVICE_CATALOGUE_SOURCE))),
          table(
              "surveys",
              false,
              List.of("competence needs", "surveys", "regions"),
              new Table(
                  List.of(
                      text("id"),
                      text("organisation"),
                      text("title_fi"),
                      text("title_sv"),
                      text("title_en"),
                      plain("respondents"),
                      plain("published"),
                      text("results")),
                  (data, base, row) -> {
                    for (PublishedSurvey s : data.publishedSurveys()) {
                      row.accept(
                          Arrays.asList(
                              s.id().toString(),
                              s.organisation(),
                              s.titles().getOrDefault("fi", ""),
                              s.titles().getOrDefault("sv", ""),
                              s.titles().getOrDefault("en", ""),
                              s.respondents(),
                              s.publishedAt().toString(),
                              base + surveyResults(s).getFirst().path()));
                    }
                  },
                  data -> Map.of())),
          new OpenDataset(
              "changes",
              List.of(
                  new Download(API + "/feeds/changes.json", "application/feed+json", "jsonFeed"),
                  new Download(API + "/feeds/changes.atom", "application/atom+xml", "atom")),
              false,
              List.of(
                  "change feed", "education", "services", "job ads", "ESCO", "JSON Feed", "Atom"),
              null));

  /** A dataset with its table, known not to be null. */
  record Tabular(OpenDataset dataset, Table table) {

    boolean esco() {
      return dataset.esco();
    }
  }

  static Optional<Tabular> withTable(String id) {
    for (OpenDataset d : ALL) {
      Table table = d.table();
      if (d.id().equals(id) && table != null) {
        return Optional.of(new Tabular(d, table));
      }
    }
    return Optional.empty();
  }

  /**
   * Where regional intelligence serves a published survey's results: as CSV and as JSON, built from
   * the same rows.
   */
  static List<Download> surveyResults(PublishedSurvey survey) {
    String path = "/surveys/results/" + survey.id() + "/results.";
    return List.of(
        new Download(path + "csv", CSV, "csv"), new Download(path + "json", JSON, "json"));
  }
}
