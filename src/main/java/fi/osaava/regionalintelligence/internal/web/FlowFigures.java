package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.labourmarket.AreaBoundaries;
import fi.osaava.web.SvgFigure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two drawings of the moves between regions, server-side SVG with a title and a description
 * (the page has the same flows as a table): a flow map, an arrow per published flow between the
 * regions' centres on the real boundaries, and a flow diagram, origins on the left and destinations
 * on the right joined by bands as wide as the flows (Sankey-like). Colours and widths come from
 * classes and attributes, never a style attribute (the CSP forbids them).
 */
final class FlowFigures {

  /** A published flow of {@code people} from one region to another, with their names. */
  record Flow(String from, String fromName, String to, String toName, long people) {}

  private static final Pattern POINT = Pattern.compile("(-?[0-9.]+),(-?[0-9.]+)");

  private FlowFigures() {}

  /**
   * The flow map. {@code focus} (an area code, or "") draws flows into it as arrivals and out of it
   * as departures; without one every flow is drawn alike. {@code zoom} frames the drawing on the
   * given areas (the sub-regions of one region) instead of the whole country; the lines and arrows
   * are scaled with it so that they keep their width on the page.
   */
  static String map(
      String id,
      String title,
      String description,
      Map<String, String> areaPaths,
      List<Flow> flows,
      String focus,
      boolean zoom,
      Locale locale) {
    double[] frame =
        zoom
            ? frame(areaPaths.values())
            : new double[] {0, 0, AreaBoundaries.WIDTH, AreaBoundaries.HEIGHT};
    double unit = Math.max(frame[2] / AreaBoundaries.WIDTH, frame[3] / AreaBoundaries.HEIGHT);
    StringBuilder b =
        SvgFigure.start(
            "lm-map ri-flow-map",
            id,
            AreaBoundaries.WIDTH,
            AreaBoundaries.HEIGHT,
            title,
            description);
    if (zoom) {
      int at = b.indexOf("viewBox=\"") + "viewBox=\"".length();
      b.replace(
          at,
          b.indexOf("\"", at),
          fmt(frame[0]) + " " + fmt(frame[1]) + " " + fmt(frame[2]) + " " + fmt(frame[3]));
    }
    String arrow = id + "-arrow";
    b.append("<defs><marker id=\"")
        .append(arrow)
        .append(
            "\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\""
                + " markerWidth=\"")
        .append(fmt(7 * unit))
        .append("\" markerHeight=\"")
        .append(fmt(7 * unit))
        .append(
            "\" orient=\"auto-start-reverse\"><path class=\"ri-flow-head\""
                + " d=\"M0,0L10,5L0,10Z\"/></marker></defs>");
    Map<String, double[]> centre = new HashMap<>();
    for (var e : areaPaths.entrySet()) {
      b.append("<path class=\"lm-area ri-flow-area")
          .append(e.getKey().equals(focus) ? " ri-flow-focus" : "")
          .append(zoom ? "\" vector-effect=\"non-scaling-stroke" : "")
          .append("\" d=\"")
          .append(e.getValue())
          .append("\"/>");
      centre.put(e.getKey(), centre(e.getValue()));
    }
    long max = flows.stream().mapToLong(Flow::people).max().orElse(1);
    for (Flow f : flows) {
      double[] a = centre.get(f.from());
      double[] c = centre.get(f.to());
      if (a == null || c == null) {
        continue;
      }
      // A gentle bend to the right of the direction, so that flows both ways stay apart.
      double mx = (a[0] + c[0]) / 2 + (c[1] - a[1]) * 0.15;
      double my = (a[1] + c[1]) / 2 - (c[0] - a[0]) * 0.15;
      String kind = focus.isEmpty() ? "" : f.to().equals(focus) ? " ri-flow-in" : " ri-flow-out";
      b.append("<path class=\"ri-flow-line")
          .append(kind)
          .append("\" marker-end=\"url(#")
          .append(arrow)
          .append(")\" stroke-width=\"")
          .append(fmt(unit * (1 + 5.0 * f.people() / max)))
          .append("\" d=\"M")
          .append(fmt(a[0]))
          .append(',')
          .append(fmt(a[1]))
          .append('Q')
          .append(fmt(mx))
          .append(',')
          .append(fmt(my))
          .append(' ')
          .append(fmt(c[0]))
          .append(',')
          .append(fmt(c[1]))
          .append("\"><title>")
          .append(SvgFigure.escape(f.fromName() + " → " + f.toName() + ": "))
          .append(String.format(locale, "%,d", f.people()))
          .append("</title></path>");
    }
    return b.append("</svg>").toString();
  }

  /** The flow diagram: origins left, destinations right, a band per flow. */
  static String diagram(
      String id, String title, String description, List<Flow> flows, Locale locale) {
    Map<String, String> names = new HashMap<>();
    Map<String, Long> out = new LinkedHashMap<>();
    Map<String, Long> in = new LinkedHashMap<>();
    List<Flow> sorted = new ArrayList<>(flows);
    sorted.sort((x, y) -> Long.compare(y.people(), x.people()));
    for (Flow f : sorted) {
      out.merge(f.from(), f.people(), Long::sum);
      in.merge(f.to(), f.people(), Long::sum);
      names.put(f.from(), f.fromName());
      names.put(f.to(), f.toName());
    }
    long total = flows.stream().mapToLong(Flow::people).sum();
    int gap = 6;
    int width = 640;
    int nodes = Math.max(out.size(), in.size());
    int height = Math.max(120, 24 + nodes * 22 + (int) Math.min(400, total));
    double scale = total == 0 ? 0 : (height - 24.0 - gap * Math.max(0, nodes - 1)) / total;
    StringBuilder b = SvgFigure.start("ri-flow-diagram", id, width, height, title, description);
    int left = 170;
    int right = width - 170;
    Map<String, double[]> outY = stack(out, scale, gap);
    Map<String, double[]> inY = stack(in, scale, gap);
    Map<String, Double> outNext = new HashMap<>();
    Map<String, Double> inNext = new HashMap<>();
    for (Flow f : sorted) {
      double w = f.people() * scale;
      double y0 = outNext.getOrDefault(f.from(), outY.getOrDefault(f.from(), new double[2])[0]);
      double y1 = inNext.getOrDefault(f.to(), inY.getOrDefault(f.to(), new double[2])[0]);
      outNext.put(f.from(), y0 + w);
      inNext.put(f.to(), y1 + w);
      double mid = (left + right) / 2.0;
      b.append("<path class=\"ri-flow-band\" d=\"M")
          .append(left)
          .append(',')
          .append(fmt(y0))
          .append("C")
          .append(fmt(mid))
          .append(',')
          .append(fmt(y0))
          .append(' ')
          .append(fmt(mid))
          .append(',')
          .append(fmt(y1))
          .append(' ')
          .append(right)
          .append(',')
          .append(fmt(y1))
          .append("L")
          .append(right)
          .append(',')
          .append(fmt(y1 + w))
          .append("C")
          .append(fmt(mid))
          .append(',')
          .append(fmt(y1 + w))
          .append(' ')
          .append(fmt(mid))
          .append(',')
          .append(fmt(y0 + w))
          .append(' ')
          .append(left)
          .append(',')
          .append(fmt(y0 + w))
          .append("Z\"><title>")
          .append(SvgFigure.escape(f.fromName() + " → " + f.toName() + ": "))
          .append(String.format(locale, "%,d", f.people()))
          .append("</title></path>");
    }
    nodes(b, outY, names, out, left - 8, "end", locale);
    nodes(b, inY, names, in, right + 8, "start", locale);
    return b.append("</svg>").toString();
  }

  private static Map<String, double[]> stack(Map<String, Long> totals, double scale, int gap) {
    Map<String, double[]> y = new LinkedHashMap<>();
    double at = 12;
    for (var e : totals.entrySet()) {
      double h = e.getValue() * scale;
      y.put(e.getKey(), new double[] {at, h});
      at += h + gap;
    }
    return y;
  }

  private static void nodes(
      StringBuilder b,
      Map<String, double[]> y,
      Map<String, String> names,
      Map<String, Long> totals,
      int x,
      String anchor,
      Locale locale) {
    for (var e : y.entrySet()) {
      double[] v = e.getValue();
      b.append("<rect class=\"ri-flow-node\" x=\"")
          .append(anchor.equals("end") ? x + 2 : x - 8)
          .append("\" y=\"")
          .append(fmt(v[0]))
          .append("\" width=\"6\" height=\"")
          .append(fmt(Math.max(1, v[1])))
          .append("\"/><text class=\"ri-flow-label\" text-anchor=\"")
          .append(anchor)
          .append("\" x=\"")
          .append(x)
          .append("\" y=\"")
          .append(fmt(v[0] + v[1] / 2 + 4))
          .append("\">")
          .append(SvgFigure.escape(names.getOrDefault(e.getKey(), e.getKey())))
          .append(String.format(locale, " %,d", totals.get(e.getKey())))
          .append("</text>");
    }
  }

  /** The box around every point of {@code paths} with a margin: x, y, width, height. */
  private static double[] frame(Iterable<String> paths) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (String path : paths) {
      Matcher m = POINT.matcher(path);
      while (m.find()) {
        double x = Double.parseDouble(m.group(1));
        double y = Double.parseDouble(m.group(2));
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
    }
    if (minX > maxX) {
      return new double[] {0, 0, AreaBoundaries.WIDTH, AreaBoundaries.HEIGHT};
    }
    double margin = Math.max(maxX - minX, maxY - minY) * 0.05 + 1;
    return new double[] {
      minX - margin, minY - margin, maxX - minX + 2 * margin, maxY - minY + 2 * margin
    };
  }

  /** The mean of a path's points: near enough to a region's middle for an arrow's end. */
  static double[] centre(String path) {
    Matcher m = POINT.matcher(path);
    double x = 0;
    double y = 0;
    int n = 0;
    while (m.find()) {
      x += Double.parseDouble(m.group(1));
      y += Double.parseDouble(m.group(2));
      n++;
    }
    return n == 0 ? new double[] {0, 0} : new double[] {x / n, y / n};
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
