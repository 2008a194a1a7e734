package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.web.SvgFigure;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

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
      label(b, labels.get(i), labelWidth, y + bar - 6);
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

  /**
   * Two bars for each label, percentages on one scale (0–100 %): the first series dark, the second
   * light, each with its value written beside it, so that neither colour nor length alone carries a
   * figure. The page shows a legend and a table of the same figures.
   */
  static String pairs(
      String id,
      String title,
      String description,
      List<String> labels,
      List<Double> first,
      List<Double> second) {
    return pairedBars(
        id,
        title,
        description,
        labels,
        first,
        second,
        v -> String.format(Locale.ROOT, "%.1f %%", v.doubleValue()),
        "");
  }

  /**
   * Two bars of people for each label on one scale, the first series dark and the second light,
   * each with its figure written beside it; a hidden figure (null) is drawn as no bar, with the
   * text {@code hidden} in its place, so that a hidden figure never looks like a zero. The page
   * shows a legend and a table of the same figures.
   */
  static String countPairs(
      String id,
      String title,
      String description,
      List<String> labels,
      List<Long> first,
      List<Long> second,
      String hidden,
      Locale locale) {
    return pairedBars(
        id,
        title,
        description,
        labels,
        first,
        second,
        v -> String.format(locale, "%,d", v.longValue()),
        hidden);
  }

  /**
   * Two bars per label on one scale, each value written by {@code text}; null is {@code hidden}.
   */
  private static String pairedBars(
      String id,
      String title,
      String description,
      List<String> labels,
      List<? extends @Nullable Number> first,
      List<? extends @Nullable Number> second,
      java.util.function.Function<Number, String> text,
      String hidden) {
    int width = 720;
    int labelWidth = 280;
    int bar = 14;
    int gap = 12;
    int top = 10;
    int height = top + labels.size() * (2 * bar + gap) + 10;
    double max =
        Math.max(
            1,
            java.util.stream.Stream.concat(first.stream(), second.stream())
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Number::doubleValue)
                .max()
                .orElse(1));
    StringBuilder b = SvgFigure.start("lm-chart", id, width, height, title, description);
    String[] classes = {"lm-c4", "lm-c2"};
    for (int i = 0; i < labels.size(); i++) {
      int y = top + i * (2 * bar + gap);
      label(b, labels.get(i), labelWidth, y + bar + 4);
      Number[] values = {first.get(i), second.get(i)};
      for (int s = 0; s < 2; s++) {
        int by = y + s * bar;
        if (values[s] == null) {
          b.append(
              String.format(
                  Locale.ROOT,
                  "<text class=\"lm-axis\" x=\"%d\" y=\"%d\">%s</text>",
                  labelWidth + 4,
                  by + bar - 3,
                  SvgFigure.escape(hidden)));
          continue;
        }
        double w = (width - labelWidth - 70) * values[s].doubleValue() / max;
        b.append(
            String.format(
                Locale.ROOT,
                "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>"
                    + "<text class=\"lm-axis\" x=\"%.1f\" y=\"%d\">%s</text>",
                classes[s],
                labelWidth,
                by,
                w,
                bar - 1,
                labelWidth + w + 6,
                by + bar - 3,
                SvgFigure.escape(text.apply(values[s]))));
      }
    }
    return b.append("</svg>").toString();
  }

  /** A bar's label, right-aligned before the bars, shortened to 40 characters. */
  private static void label(StringBuilder b, String label, int labelWidth, int y) {
    String shown = label.length() > 40 ? label.substring(0, 39) + "…" : label;
    b.append(
        String.format(
            Locale.ROOT,
            "<text class=\"lm-axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
            labelWidth - 8,
            y,
            SvgFigure.escape(shown)));
  }
}
