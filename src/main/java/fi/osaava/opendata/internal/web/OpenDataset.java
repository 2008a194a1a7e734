package fi.osaava.opendata.internal.web;

import fi.osaava.opendata.internal.OpenDatasets;
import fi.osaava.regionalintelligence.PublishedSurvey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
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
  static final String CSV = "text/csv";
  static final String JSON = "application/json";

  /**
   * A distribution: where it is, its media type, and how the page names it (message {@code
   * od.page.<label>}).
   */
  record Download(String path, String mediaType, String label) {}

  /** A column: its name in the CSV header and the JSON items; text is quoted in the CSV. */
  record Column(String name, boolean text) {}

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
    return new Column(name, true);
  }

  private static Column plain(String name) {
    return new Column(name, false);
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
              List.of(new Download("/api/v1/services", JSON, "api")),
              false,
              List.of("services", "guidance", "employment services", "continuous learning"),
              null),
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
                              surveyResults(base, s)));
                    }
                  },
                  data -> Map.of())),
          new OpenDataset(
              "changes",
              List.of(
                  new Download(API + "/feeds/changes.json", "application/feed+json", "jsonFeed"),
                  new Download(API + "/feeds/changes.atom", "application/atom+xml", "atom")),
              false,
              List.of("change feed", "education", "services", "ESCO", "JSON Feed", "Atom"),
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

  static String surveyResults(String base, PublishedSurvey survey) {
    return base + "/surveys/results/" + survey.id() + "/results.csv";
  }
}
