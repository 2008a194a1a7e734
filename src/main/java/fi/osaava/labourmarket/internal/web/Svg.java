package fi.osaava.labourmarket.internal.web;

import fi.osaava.web.SvgFigure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Server-side SVG for the labour-market pages: line charts with an optional band, and choropleth
 * maps. Colours come from classes in {@code static/css/labourmarket.css} (the CSP forbids style
 * attributes); every figure carries a title and description, and the pages add a table of the same
 * figures.
 */
final class Svg {

  private Svg() {}

  /** One line of a chart: values by month, NaN for a missing month. */
  record Line(String label, String cssClass, LocalDate start, double[] values) {}

  /** A shaded band (forecast interval) under the lines. */
  record Band(LocalDate start, double[] lower, double[] upper) {}

  static String lineChart(
      String id, String title, String description, List<Line> lines, @Nullable Band band) {
    int width = 720;
    int height = 300;
    int left = 64;
    int right = 16;
    int top = 16;
    int bottom = 40;
    LocalDate first = null;
    LocalDate last = null;
    double max = 0;
    for (Line l : lines) {
      first = min(first, l.start());
      last = maxDate(last, l.start().plusMonths(l.values().length - 1));
      for (double v : l.values()) {
        if (!Double.isNaN(v)) {
          max = Math.max(max, v);
        }
      }
    }
    if (band != null) {
      first = min(first, band.start());
      last = maxDate(last, band.start().plusMonths(band.upper().length - 1));
      for (double v : band.upper()) {
        max = Math.max(max, v);
      }
    }
    StringBuilder b = SvgFigure.start("lm-chart", id, width, height, title, description);
    // The first and the last month are set together, by any line or band.
    if (first == null || last == null || max <= 0) {
      return b.append("</svg>").toString();
    }
    double niceMax = nice(max);
    long months = Math.max(1, monthsBetween(first, last));
    final LocalDate origin = first;
    double plotW = width - left - right;
    double plotH = height - top - bottom;
    java.util.function.BiFunction<LocalDate, Double, double[]> xy =
        (m, v) ->
            new double[] {
              left + plotW * monthsBetween(origin, m) / months, top + plotH * (1 - v / niceMax)
            };
    for (int i = 0; i <= 4; i++) {
      double v = niceMax * i / 4;
      double y = top + plotH * (1 - i / 4.0);
      b.append(
          String.format(
              Locale.ROOT,
              "<line class=\"lm-grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                  + "<text class=\"lm-axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
              left,
              y,
              width - right,
              y,
              left - 6,
              y + 4,
              String.format(Locale.ROOT, "%,.0f", v).replace(',', ' ')));
    }
    for (int year = first.getYear(); year <= last.getYear(); year++) {
      LocalDate jan = LocalDate.of(year, 1, 1);
      if (jan.isBefore(first)) {
        continue;
      }
      long span = last.getYear() - first.getYear();
      if (span > 8 && year % 2 != 0) {
        continue;
      }
      double x = xy.apply(jan, 0.0)[0];
      b.append(
          String.format(
              Locale.ROOT,
              "<text class=\"lm-axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>",
              x,
              height - bottom + 18,
              year));
    }
    if (band != null) {
      StringBuilder path = new StringBuilder();
      for (int i = 0; i < band.upper().length; i++) {
        double[] p = xy.apply(band.start().plusMonths(i), band.upper()[i]);
        path.append(i == 0 ? "M" : "L").append(fmt(p[0])).append(',').append(fmt(p[1]));
      }
      for (int i = band.lower().length - 1; i >= 0; i--) {
        double[] p = xy.apply(band.start().plusMonths(i), band.lower()[i]);
        path.append('L').append(fmt(p[0])).append(',').append(fmt(p[1]));
      }
      b.append("<path class=\"lm-band\" d=\"").append(path).append("Z\"/>");
    }
    for (Line l : lines) {
      StringBuilder path = new StringBuilder();
      boolean pen = false;
      for (int i = 0; i < l.values().length; i++) {
        double v = l.values()[i];
        if (Double.isNaN(v)) {
          pen = false;
          continue;
        }
        double[] p = xy.apply(l.start().plusMonths(i), v);
        path.append(pen ? "L" : "M").append(fmt(p[0])).append(',').append(fmt(p[1]));
        pen = true;
      }
      b.append("<path class=\"lm-line ")
          .append(l.cssClass())
          .append("\" d=\"")
          .append(path)
          .append("\"><title>")
          .append(SvgFigure.escape(l.label()))
          .append("</title></path>");
    }
    // Legend.
    int lx = left + 8;
    for (Line l : lines) {
      b.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"lm-key %s\" x=\"%d\" y=\"%d\" width=\"14\" height=\"4\"/>"
                  + "<text class=\"lm-axis\" x=\"%d\" y=\"%d\">%s</text>",
              l.cssClass(),
              lx,
              top + 6,
              lx + 18,
              top + 11,
              SvgFigure.escape(l.label())));
      lx += 30 + 8 * l.label().length();
    }
    return b.append("</svg>").toString();
  }

  /**
   * A choropleth: {@code paths} are area code → SVG path (already projected), {@code areaOf} maps
   * each drawn shape to the area whose value colours it (a municipality to its sub-region), and
   * {@code values} holds the values. Five classes by quantile; grey where there is no value.
   */
  static String map(
      String id,
      String title,
      String description,
      Map<String, String> paths,
      Map<String, String> areaOf,
      Map<String, String> names,
      Map<String, Double> values) {
    List<Double> sorted = new ArrayList<>(values.values());
    sorted.sort(Double::compare);
    double[] breaks = new double[4];
    for (int i = 0; i < 4; i++) {
      breaks[i] = sorted.isEmpty() ? 0 : sorted.get((int) ((i + 1) * sorted.size() / 5.0 - 1e-9));
    }
    StringBuilder b = SvgFigure.start("lm-map", id, Geo.WIDTH, Geo.HEIGHT, title, description);
    for (var e : paths.entrySet()) {
      String area = areaOf.getOrDefault(e.getKey(), e.getKey());
      Double v = values.get(area);
      String cls = "lm-none";
      if (v != null) {
        int c = 0;
        while (c < 4 && v > breaks[c]) {
          c++;
        }
        cls = "lm-c" + c;
      }
      b.append("<path class=\"lm-area ")
          .append(cls)
          .append("\" d=\"")
          .append(e.getValue())
          .append("\"><title>")
          .append(SvgFigure.escape(names.getOrDefault(area, area)))
          .append(": ")
          .append(v == null ? "–" : String.format(Locale.ROOT, "%,.0f", v).replace(',', ' '))
          .append("</title></path>");
    }
    return b.append("</svg>").toString();
  }

  private static LocalDate min(@Nullable LocalDate a, LocalDate b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private static LocalDate maxDate(@Nullable LocalDate a, LocalDate b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  private static long monthsBetween(LocalDate a, LocalDate b) {
    return java.time.temporal.ChronoUnit.MONTHS.between(a.withDayOfMonth(1), b.withDayOfMonth(1));
  }

  private static double nice(double max) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= max) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
