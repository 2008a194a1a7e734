package fi.osaava.labourmarket.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Projects the imported boundaries (WGS84) into SVG paths once per level and keeps them: an
 * equirectangular projection scaled by the cosine of Finland's middle latitude, which keeps the
 * country's shape recognisable at this scale without a projection library.
 */
@Component
class Geo implements fi.osaava.labourmarket.AreaBoundaries {

  private static final double WEST = 19.0;
  private static final double EAST = 32.0;
  private static final double SOUTH = 59.6;
  private static final double NORTH = 70.2;
  private static final double COS = Math.cos(Math.toRadians(64.9));

  private final JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, Map<String, String>> paths = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> names = new ConcurrentHashMap<>();

  Geo(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Code → projected SVG path of every boundary of a level (REGION or MUNICIPALITY). */
  Map<String, String> paths(String level) {
    return paths.computeIfAbsent(level, this::load);
  }

  @Override
  public Map<String, String> paths(fi.osaava.regions.AreaLevel level) {
    return paths(level.name());
  }

  /** Code → Finnish name of the boundaries of a level. */
  Map<String, String> names(String level) {
    paths(level);
    return names.getOrDefault(level, Map.of());
  }

  @EventListener(fi.osaava.labourmarket.StatisticsImportReport.class)
  void clear() {
    paths.clear();
    names.clear();
  }

  /** Statistics imported beside the service or on another node. */
  @EventListener
  void dataChanged(fi.osaava.platform.DataChanged event) {
    if (event.concerns(fi.osaava.labourmarket.StatisticsImportReport.DATASET)) {
      clear();
    }
  }

  private Map<String, String> load(String level) {
    Map<String, String> result = new LinkedHashMap<>();
    Map<String, String> levelNames = new LinkedHashMap<>();
    double scaleX = WIDTH / ((EAST - WEST) * COS);
    double scaleY = HEIGHT / (NORTH - SOUTH);
    double scale = Math.min(scaleX, scaleY);
    jdbc.sql("select code, name_fi, geometry from lm_boundary where level = ? order by code")
        .param(level)
        .query(
            rs -> {
              JsonNode geometry = json.readTree(rs.getString("geometry"));
              StringBuilder d = new StringBuilder();
              JsonNode polygons =
                  geometry.path("type").asString("").equals("Polygon")
                      ? json.createArrayNode().add(geometry.path("coordinates"))
                      : geometry.path("coordinates");
              for (JsonNode polygon : polygons) {
                for (JsonNode ring : polygon) {
                  double lastX = Double.NaN;
                  double lastY = Double.NaN;
                  boolean firstPoint = true;
                  for (JsonNode point : ring) {
                    double x = (point.get(0).asDouble() - WEST) * COS * scale;
                    double y = (NORTH - point.get(1).asDouble()) * scale;
                    // Drop points closer than half a pixel to the previous one: invisible, and most
                    // of the file's weight.
                    if (!firstPoint && Math.abs(x - lastX) < 0.5 && Math.abs(y - lastY) < 0.5) {
                      continue;
                    }
                    d.append(firstPoint ? 'M' : 'L')
                        .append(Svg.fmt(x))
                        .append(',')
                        .append(Svg.fmt(y));
                    lastX = x;
                    lastY = y;
                    firstPoint = false;
                  }
                  d.append('Z');
                }
              }
              result.put(rs.getString("code"), d.toString());
              levelNames.put(rs.getString("code"), rs.getString("name_fi"));
            });
    names.put(level, levelNames);
    return result;
  }
}
