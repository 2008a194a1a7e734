package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.web.SvgFigure;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as server-side SVG, as the labour-market pages draw theirs: a title and a
 * description for screen readers, colours from the labour-market style sheet's classes (the CSP
 * forbids style attributes), and beside it on the page a table of the same figures. A hidden count
 * (too few respondents) is drawn as no bar, with the text saying so.
 */
final class BarChart {

  private BarChart() {}

  static String svg(
      String id,
      String title,
      String description,
      List<String> labels,
      List<Long> values,
      String hidden) {
    int width = 720;
    int labelWidth = 280;
    int bar = 22;
    int gap = 10;
    int top = 10;
    int height = top + labels.size() * (bar + gap) + 10;
    long max = values.stream().filter(v -> v != null).mapToLong(Long::longValue).max().orElse(1);
    StringBuilder b = SvgFigure.start("lm-chart", id, width, height, title, description);
    for (int i = 0; i < labels.size(); i++) {
      int y = top + i * (bar + gap);
      String label = labels.get(i);
      if (label.length() > 40) {
        label = label.substring(0, 39) + "…";
      }
      b.append(
          String.format(
              Locale.ROOT,
              "<text class=\"lm-axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
              labelWidth - 8,
              y + bar - 6,
              SvgFigure.escape(label)));
      Long v = values.get(i);
      if (v == null) {
        b.append(
            String.format(
                Locale.ROOT,
                "<text class=\"lm-axis\" x=\"%d\" y=\"%d\">%s</text>",
                labelWidth + 4,
                y + bar - 6,
                SvgFigure.escape(hidden)));
        continue;
      }
      double w = (width - labelWidth - 60) * (double) v / Math.max(1, max);
      b.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"lm-c3\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>"
                  + "<text class=\"lm-axis\" x=\"%.1f\" y=\"%d\">%d</text>",
              labelWidth,
              y,
              w,
              bar,
              labelWidth + w + 6,
              y + bar - 6,
              v));
    }
    return b.append("</svg>").toString();
  }
}
