package fi.osaava.labourmarket;

import fi.osaava.regions.AreaLevel;
import java.util.Map;

/**
 * The imported region and municipality boundaries, projected for server-side SVG maps of {@link
 * #WIDTH} by {@link #HEIGHT} units, as the labour-market pages draw them.
 */
public interface AreaBoundaries {

  int WIDTH = 360;
  int HEIGHT = 640;

  /**
   * Area code → SVG path data of every boundary of {@code level} ({@link AreaLevel#REGION} or
   * {@link AreaLevel#MUNICIPALITY}; the data has no sub-region boundaries, so those are drawn as
   * their municipalities). Empty before the statistics (with the boundaries) are imported.
   */
  Map<String, String> paths(AreaLevel level);
}
