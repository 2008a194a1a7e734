package fi.osaava.education.internal.search;

import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Indexes a municipality code as the code of its region (maakunta), so the region facet counts
 * offerings, not municipalities. Unknown codes (regions not imported yet) index nothing; the index
 * is rebuilt when the classification is imported.
 */
@Component
public class RegionCodeBridge implements ValueBridge<String, String> {

  private final RegionsApi regions;

  RegionCodeBridge(RegionsApi regions) {
    this.regions = regions;
  }

  @Override
  public @Nullable String toIndexedValue(
      @Nullable String municipality, ValueBridgeToIndexedValueContext context) {
    return municipality == null ? null : regionOf(municipality);
  }

  /** The code of the region the municipality lies in, or null while it is not known. */
  @Nullable String regionOf(String municipality) {
    return regions.area(AreaLevel.MUNICIPALITY, municipality).map(Area::regionCode).orElse(null);
  }
}
