package fi.osaava.opendata.internal.web;

import java.util.List;

/**
 * The datasets of the open-data catalogue. Titles and descriptions are messages ({@code
 * od.dataset.<id>.title}, {@code .description}) in fi, sv and en.
 *
 * @param id the dataset's identifier and path under {@code /api/v1/open-data}
 * @param downloads the paths of its distributions (CSV and JSON, or an API)
 * @param esco whether it holds ESCO concepts, so that ESCO's attribution goes with it
 * @param keywords DCAT keywords, in English
 */
record OpenDataset(String id, List<String> downloads, boolean esco, List<String> keywords) {

  static final String API = "/api/v1/open-data";

  static final List<OpenDataset> ALL =
      List.of(
          new OpenDataset(
              "skill-demand",
              List.of(API + "/skill-demand.csv", API + "/skill-demand.json"),
              true,
              List.of("skills", "job ads", "labour demand", "ESCO", "regions")),
          new OpenDataset(
              "education-supply",
              List.of(API + "/education-supply.csv", API + "/education-supply.json"),
              true,
              List.of("skills", "education", "continuous learning", "ESCO", "regions")),
          new OpenDataset(
              "services",
              List.of("/api/v1/services"),
              false,
              List.of("services", "guidance", "employment services", "continuous learning")),
          new OpenDataset(
              "surveys",
              List.of(API + "/surveys.csv", API + "/surveys.json"),
              false,
              List.of("competence needs", "surveys", "regions")));

  String mediaType(String download) {
    return download.endsWith(".csv") ? "text/csv" : "application/json";
  }
}
