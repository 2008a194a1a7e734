package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.labourmarket.AreaBoundaries;
import fi.osaava.web.SvgFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * A choropleth of regions or sub-regions as server-side SVG, drawn on the labour-market module's
 * projected boundaries with its colour classes ({@code lm-c0}…{@code lm-c4}, {@code lm-none} in
 * {@code labourmarket.css}): five classes by quantile of the values, grey where an area has no
 * value.
 */
final class ChoroplethMap {

  private ChoroplethMap() {}

  static String draw(
      String id,
      String title,
      String description,
      Map<String, String> paths,
      Map<String, String> areaOf,
      Map<String, String> names,
      Map<String, Double> values,
      Locale locale) {
    return draw(
        id,
        title,
        description,
        paths,
        areaOf,
        names,
        values,
        v -> String.format(locale, "%.1f %%", v));
  }

  /** As above, with each area's value written by {@code format} in its title (a count, say). */
  static String draw(
      String id,
      String title,
      String description,
      Map<String, String> paths,
      Map<String, String> areaOf,
      Map<String, String> names,
      Map<String, Double> values,
      DoubleFunction<String> format) {
    List<Double> sorted = new ArrayList<>(values.values());
    sorted.sort(Double::compare);
    double[] breaks = new double[4];
    for (int i = 0; i < 4; i++) {
      breaks[i] = sorted.isEmpty() ? 0 : sorted.get((int) ((i + 1) * sorted.size() / 5.0 - 1e-9));
    }
    StringBuilder b =
        SvgFigure.start(
            "lm-map", id, AreaBoundaries.WIDTH, AreaBoundaries.HEIGHT, title, description);
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
          .append(v == null ? "–" : format.apply(v))
          .append("</title></path>");
    }
    return b.append("</svg>").toString();
  }
}
