package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.internal.Industries;
import fi.osaava.regionalintelligence.internal.QuestionKind;
import fi.osaava.regionalintelligence.internal.Survey;
import fi.osaava.regionalintelligence.internal.Survey.Question;
import fi.osaava.regionalintelligence.internal.SurveyResults;
import fi.osaava.regionalintelligence.internal.SurveyResults.Dimension;
import fi.osaava.regionalintelligence.internal.SurveyService;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** A survey's results with every label in the reader's language, for the page and the CSV. */
@Component
class ResultsView {

  /** A labelled count; null where it is hidden. */
  record Cell(String code, String label, @Nullable Long count) {}

  record Table(Dimension dimension, List<String> options, List<Row> rows) {}

  record Row(String label, @Nullable Long n, List<@Nullable Long> cells) {}

  record QuestionView(
      int number,
      Question question,
      String text,
      List<Cell> overall,
      @Nullable String chart,
      List<Table> tables,
      List<Cell> concepts,
      @Nullable Double median) {}

  record BackgroundView(Dimension dimension, List<Cell> groups) {}

  record Page(
      @Nullable Long respondents, List<BackgroundView> background, List<QuestionView> questions) {

    public boolean empty() {
      return respondents == null;
    }
  }

  private final RegionsApi regions;
  private final Industries industries;
  private final SurveyService surveys;
  private final MessageSource messages;

  ResultsView(
      RegionsApi regions, Industries industries, SurveyService surveys, MessageSource messages) {
    this.regions = regions;
    this.industries = industries;
    this.surveys = surveys;
    this.messages = messages;
  }

  Page of(Survey survey, SurveyResults results, Locale locale) {
    Language language = Language.of(locale);
    if (results.empty()) {
      return new Page(null, List.of(), List.of());
    }
    List<BackgroundView> background = new ArrayList<>();
    for (var b : results.background()) {
      background.add(
          new BackgroundView(
              b.dimension(),
              b.groups().stream()
                  .map(
                      g ->
                          new Cell(
                              g.group(),
                              group(b.dimension(), g.group(), language, locale),
                              g.count()))
                  .toList()));
    }
    List<QuestionView> questions = new ArrayList<>();
    for (Question q : survey.questions()) {
      SurveyResults.QuestionResult r = results.of(q.id());
      if (r == null) {
        continue;
      }
      List<String> options = q.options(language);
      List<Cell> overall = new ArrayList<>();
      for (int i = 0; i < r.overall().size() && i < options.size(); i++) {
        overall.add(new Cell(String.valueOf(i), options.get(i), r.overall().get(i)));
      }
      List<Table> tables = new ArrayList<>();
      for (var t : r.tables()) {
        tables.add(
            new Table(
                t.dimension(),
                options,
                t.rows().stream()
                    .map(
                        row ->
                            new Row(
                                group(t.dimension(), row.group(), language, locale),
                                row.n(),
                                row.cells()))
                    .toList()));
      }
      Map<String, String> labels =
          surveys.labels(
              r.concepts().stream().map(SurveyResults.ConceptCount::uri).toList(), language);
      List<Cell> concepts =
          r.concepts().stream()
              .map(c -> new Cell(c.uri(), labels.getOrDefault(c.uri(), c.uri()), c.count()))
              .toList();
      String chart = null;
      String text = q.text(language);
      if (!overall.isEmpty()) {
        chart =
            BarChart.svg(
                "chart-" + (q.position() + 1),
                text,
                msg("ri.results.chart.description", locale, results.respondents()),
                overall.stream().map(Cell::label).toList(),
                overall.stream().map(Cell::count).toList(),
                msg("ri.results.hidden", locale));
      } else if (!concepts.isEmpty()) {
        chart =
            BarChart.svg(
                "chart-" + (q.position() + 1),
                text,
                msg("ri.results.chart.concepts", locale, results.respondents()),
                concepts.stream().map(Cell::label).toList(),
                concepts.stream().map(Cell::count).toList(),
                msg("ri.results.hidden", locale));
      }
      questions.add(
          new QuestionView(
              q.position() + 1, q, text, overall, chart, tables, concepts, r.median()));
    }
    return new Page(results.respondents(), background, questions);
  }

  String group(Dimension dimension, String code, Language language, Locale locale) {
    return switch (dimension) {
      case REGION ->
          regions.area(AreaLevel.REGION, code).map(a -> a.name(language).text()).orElse(code);
      case SUB_REGION ->
          regions.area(AreaLevel.SUB_REGION, code).map(a -> a.name(language).text()).orElse(code);
      case INDUSTRY ->
          industries.section(code).map(i -> code + " " + i.name(language)).orElse(code);
      case SIZE -> msg("ri.size." + code, locale);
    };
  }

  /** The results as CSV: one row per published or hidden figure, hidden ones empty. */
  /**
   * One published figure: which question, broken down by what, which group and option, and the
   * count (or the median of a number question); {@code value} is null where a cell is suppressed.
   */
  record ResultRow(
      String question,
      String questionText,
      String breakdown,
      String group,
      String option,
      @Nullable Number value) {}

  /** The published figures as rows, the same for the CSV and the JSON download. */
  List<ResultRow> rows(Page page, Locale locale) {
    List<ResultRow> rows = new ArrayList<>();
    String all = msg("ri.results.all", locale);
    rows.add(
        new ResultRow("", "", msg("ri.results.respondents", locale), all, "", page.respondents()));
    for (BackgroundView b : page.background()) {
      for (Cell g : b.groups()) {
        rows.add(
            new ResultRow(
                "", "", msg("ri.dimension." + b.dimension(), locale), g.label(), "", g.count()));
      }
    }
    for (QuestionView q : page.questions()) {
      String number = String.valueOf(q.number());
      for (Cell c : q.overall()) {
        rows.add(new ResultRow(number, q.text(), all, all, c.label(), c.count()));
      }
      for (Table t : q.tables()) {
        for (Row r : t.rows()) {
          for (int i = 0; i < r.cells().size(); i++) {
            rows.add(
                new ResultRow(
                    number,
                    q.text(),
                    msg("ri.dimension." + t.dimension(), locale),
                    r.label(),
                    t.options().get(i),
                    r.cells().get(i)));
          }
        }
      }
      for (Cell c : q.concepts()) {
        rows.add(
            new ResultRow(
                number, q.text(), all, all, c.label() + " <" + c.code() + ">", c.count()));
      }
      if (q.median() != null && q.question().kind() == QuestionKind.NUMBER) {
        rows.add(
            new ResultRow(
                number, q.text(), all, all, msg("ri.results.median", locale), q.median()));
      }
    }
    return rows;
  }

  String csv(Page page, Locale locale) {
    StringBuilder csv =
        new StringBuilder("question,question_text,breakdown,group,option,respondents\r\n");
    for (ResultRow row : rows(page, locale)) {
      csv.append(Csv.quote(row.question()))
          .append(',')
          .append(Csv.quote(row.questionText()))
          .append(',')
          .append(Csv.quote(row.breakdown()))
          .append(',')
          .append(Csv.quote(row.group()))
          .append(',')
          .append(Csv.quote(row.option()))
          .append(',')
          .append(row.value() == null ? "" : row.value().toString())
          .append("\r\n");
    }
    return csv.toString();
  }

  private String msg(String key, Locale locale, @Nullable Object... args) {
    return Objects.requireNonNullElse(messages.getMessage(key, args, key, locale), key);
  }
}
