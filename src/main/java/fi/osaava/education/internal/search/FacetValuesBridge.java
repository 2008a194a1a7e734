package fi.osaava.education.internal.search;

import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The combined facet field's values as indexed: {@code region:<municipality>} becomes {@code
 * region:<region code>} (as {@link RegionCodeBridge} indexes the region facet's own field; nothing
 * while the municipality's region is not known), every other value stays as it is.
 */
@Component
public class FacetValuesBridge implements ValueBridge<String, String> {

  private static final String REGION = Facet.REGION.combined("");

  private final RegionCodeBridge regions;

  FacetValuesBridge(RegionCodeBridge regions) {
    this.regions = regions;
  }

  @Override
  public @Nullable String toIndexedValue(
      @Nullable String value, ValueBridgeToIndexedValueContext context) {
    if (value == null || !value.startsWith(REGION)) {
      return value;
    }
    String region = regions.regionOf(value.substring(REGION.length()));
    return region == null ? null : Facet.REGION.combined(region);
  }
}
