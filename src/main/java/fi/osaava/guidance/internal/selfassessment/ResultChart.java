package fi.osaava.guidance.internal.selfassessment;

import fi.osaava.platform.Language;
import fi.osaava.web.SvgFigure;
import java.util.Locale;

/**
 * The result's chart, a bar per area on the 1 to 5 scale, as server-side SVG drawn as the
 * labour-market pages draw theirs ({@link SvgFigure}: a title and a description that screen readers
 * read, colours from the labour-market style sheet's classes since the CSP forbids style
 * attributes). The page shows the same figures in a table beside it.
 */
final class ResultChart {

  private ResultChart() {}

  static String svg(String id, Result result, Language language, String title, String description) {
    int width = 720;
    int labelWidth = 250;
    int right = 50;
    int bar = 22;
    int gap = 12;
    int top = 8;
    int axis = 26;
    int rows = result.scores().size();
    int height = top + rows * (bar + gap) + axis;
    double plot = width - labelWidth - right;
    StringBuilder b = SvgFigure.start("lm-chart", id, width, height, title, description);
    int bottom = top + rows * (bar + gap);
    // Grid lines and axis labels at the scale's points 1 to 5; the bars start from 0.
    for (int point = 1; point <= 5; point++) {
      double x = labelWidth + plot * point / 5;
      b.append(
          String.format(
              Locale.ROOT,
              "<line class=\"lm-grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                  + "<text class=\"lm-axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>",
              x,
              top,
              x,
              bottom,
              x,
              bottom + 18,
              point));
    }
    for (int i = 0; i < rows; i++) {
      Result.AreaScore s = result.scores().get(i);
      int y = top + i * (bar + gap);
      double w = plot * s.mean() / 5;
      b.append(
          String.format(
              Locale.ROOT,
              "<text class=\"lm-axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                  + "<rect class=\"lm-c3\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>"
                  + "<text class=\"lm-axis\" x=\"%.1f\" y=\"%d\">%s</text>",
              labelWidth - 8,
              y + bar - 6,
              SvgFigure.escape(s.area().title().in(language)),
              labelWidth,
              y,
              w,
              bar,
              labelWidth + w + 6,
              y + bar - 6,
              decimal(s.rounded(), language)));
    }
    return b.append("</svg>").toString();
  }

  /** One decimal with the language's separator (3,4 in Finnish and Swedish). */
  static String decimal(double value, Language language) {
    return String.format(language.locale(), "%.1f", value);
  }
}
