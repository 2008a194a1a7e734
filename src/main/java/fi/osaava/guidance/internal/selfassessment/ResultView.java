package fi.osaava.guidance.internal.selfassessment;

import fi.osaava.platform.Language;
import java.time.Instant;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A scored self-assessment as the pages and the PDF show it, in one language: the chart, a row per
 * area (also the chart's table alternative) and suggestions for the weakest areas.
 *
 * @param completedOn the day it was completed, in Finland
 * @param chart the SVG chart, escaped where it holds text
 */
public record ResultView(
    Version version,
    Instant completedAt,
    java.time.LocalDate completedOn,
    String chart,
    List<Row> rows,
    List<Suggestion> suggestions) {

  /**
   * One area's line.
   *
   * @param percent the mean's share of the scale's top (5), for the PDF's bars
   */
  public record Row(
      String area,
      String title,
      String description,
      double mean,
      String score,
      int percent,
      String band,
      String feedback) {}

  /**
   * What to do about a weak area: Osaava's exercises, services of the service network by type and
   * by life situation, and education offerings found with the area's search words.
   */
  public record Suggestion(
      String area,
      String title,
      List<String> exercises,
      String serviceType,
      String servicesByType,
      String lifeSituation,
      String servicesBySituation,
      String educationSearch,
      String offerings) {}

  static ResultView of(Result result, Language language, String title, String description) {
    List<Row> rows =
        result.scores().stream()
            .map(
                s ->
                    new Row(
                        s.area().id(),
                        s.area().title().in(language),
                        s.area().description().in(language),
                        s.rounded(),
                        ResultChart.decimal(s.rounded(), language),
                        (int) Math.round(s.mean() * 20),
                        s.band(),
                        s.area().feedbackFor(s.band()).in(language)))
            .toList();
    List<Suggestion> suggestions =
        result.weakest().stream()
            .map(
                s -> {
                  var a = s.area();
                  String words = a.educationSearch().in(language);
                  return new Suggestion(
                      a.id(),
                      a.title().in(language),
                      a.exercises().stream().map(e -> e.in(language)).toList(),
                      a.serviceType().name(),
                      link("/services", "type", a.serviceType().name()),
                      a.lifeSituation().name(),
                      link("/services", "situation", a.lifeSituation().name()),
                      words,
                      link("/education", "q", words));
                })
            .toList();
    return new ResultView(
        result.version(),
        result.completedAt(),
        result.completedAt().atZone(java.time.ZoneId.of("Europe/Helsinki")).toLocalDate(),
        ResultChart.svg("self-assessment-chart", result, language, title, description),
        rows,
        suggestions);
  }

  private static String link(String path, String parameter, String value) {
    return UriComponentsBuilder.fromPath(path)
        .queryParam(parameter, value)
        .encode()
        .build()
        .toUriString();
  }
}
