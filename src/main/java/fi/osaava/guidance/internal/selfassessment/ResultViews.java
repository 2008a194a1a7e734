package fi.osaava.guidance.internal.selfassessment;

import fi.osaava.platform.Language;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.MessageSource;

/** Makes a {@link ResultView} in the reader's language, with the chart's title and description. */
@org.springframework.stereotype.Component
class ResultViews {

  private final SelfAssessmentCatalogue catalogue;
  private final MessageSource messages;

  ResultViews(SelfAssessmentCatalogue catalogue, MessageSource messages) {
    this.catalogue = catalogue;
    this.messages = messages;
  }

  /** The areas' titles in the reader's language, in area order: the history table's columns. */
  List<String> titles(Locale locale) {
    Language language = Language.of(locale);
    return catalogue.areas().stream().map(a -> a.title().in(language)).toList();
  }

  ResultView view(Answers answers, Locale locale) {
    return view(catalogue.score(answers), locale);
  }

  /**
   * The history as rows: the date, the version and each area's score with its change since the one
   * before, so that a person sees change over time.
   */
  List<HistoryRow> history(List<SelfAssessments.Saved> history, Locale locale) {
    Language language = Language.of(locale);
    List<HistoryRow> rows = new ArrayList<>();
    Map<String, Double> previous = Map.of();
    for (SelfAssessments.Saved s : history) {
      Result result = catalogue.score(s.answers());
      Map<String, Double> now = new LinkedHashMap<>();
      List<String> cells = new ArrayList<>();
      for (SelfAssessmentCatalogue.Area a : catalogue.areas()) {
        Result.AreaScore score =
            result.scores().stream().filter(x -> x.area() == a).findFirst().orElse(null);
        if (score == null) {
          cells.add("–");
          continue;
        }
        now.put(a.id(), score.rounded());
        Double before = previous.get(a.id());
        String cell = ResultChart.decimal(score.rounded(), language);
        if (before != null && Math.abs(score.rounded() - before) >= 0.05) {
          double change = score.rounded() - before;
          cell +=
              " ("
                  + (change > 0 ? "+" : "−")
                  + ResultChart.decimal(Math.abs(change), language)
                  + ")";
        }
        cells.add(cell);
      }
      previous = now;
      rows.add(
          new HistoryRow(
              s.id(),
              s.answers()
                  .completedAt()
                  .atZone(java.time.ZoneId.of("Europe/Helsinki"))
                  .toLocalDate(),
              s.answers().version(),
              cells));
    }
    return rows.reversed();
  }

  /** A saved self-assessment in the history table; {@code cells} by area, in area order. */
  record HistoryRow(UUID id, java.time.LocalDate date, Version version, List<String> cells) {}

  ResultView view(Result result, Locale locale) {
    Language language = Language.of(locale);
    String title = message("sa.chart.title", locale);
    String description = message("sa.chart.empty", locale);
    var highest = result.scores().stream().max(Comparator.comparingDouble(Result.AreaScore::mean));
    var lowest = result.scores().stream().min(Comparator.comparingDouble(Result.AreaScore::mean));
    if (highest.isPresent() && lowest.isPresent()) {
      description =
          message(
              "sa.chart.description",
              locale,
              highest.get().area().title().in(language),
              ResultChart.decimal(highest.get().rounded(), language),
              lowest.get().area().title().in(language),
              ResultChart.decimal(lowest.get().rounded(), language));
    }
    return ResultView.of(result, language, title, description);
  }

  private String message(String key, Locale locale, Object... args) {
    return Objects.requireNonNullElse(messages.getMessage(key, args, key, locale), key);
  }
}
