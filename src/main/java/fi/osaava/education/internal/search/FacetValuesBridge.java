package fi.osaava.education.internal.search;

import java.time.Clock;
import java.time.Instant;
import org.hibernate.search.mapper.pojo.bridge.ValueBridge;
import org.hibernate.search.mapper.pojo.bridge.runtime.ValueBridgeToIndexedValueContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The combined facet field's values as indexed: {@code region:<municipality>} becomes {@code
 * region:<region code>} (as {@link RegionCodeBridge} indexes the region facet's own field; nothing
 * while the municipality's region is not known); an implementation's application period ({@link
 * #applicationPeriod}) becomes {@link #OPEN_NOW} when it is open at the moment of indexing, and
 * nothing otherwise; every other value stays as it is.
 *
 * <p>"Open now" is therefore as of the offering's last indexing. {@code OpenApplications}
 * re-indexes an offering when one of its periods opens or closes, so the value lags the clock by at
 * most that job's interval.
 */
@Component
public class FacetValuesBridge implements ValueBridge<String, String> {

  /** The value of an offering with an application period open when it was indexed. */
  public static final String OPEN_NOW = "application:open";

  private static final String REGION = Facet.REGION.combined("");
  private static final String PERIOD = "application-period:";

  private final RegionCodeBridge regions;
  private final Clock clock;

  FacetValuesBridge(RegionCodeBridge regions, Clock clock) {
    this.regions = regions;
    this.clock = clock;
  }

  /**
   * An application period as the entity hands it to this bridge: open from {@code start}
   * (inclusive) to {@code end} (exclusive), to the millisecond, as {@link
   * ImplementationRow#applicationOpen(Instant)} reads it for the page.
   */
  static String applicationPeriod(Instant start, Instant end) {
    return PERIOD + start.toEpochMilli() + "/" + end.toEpochMilli();
  }

  @Override
  public @Nullable String toIndexedValue(
      @Nullable String value, ValueBridgeToIndexedValueContext context) {
    if (value == null) {
      return null;
    }
    if (value.startsWith(PERIOD)) {
      int slash = value.indexOf('/', PERIOD.length());
      Instant start = Instant.ofEpochMilli(Long.parseLong(value, PERIOD.length(), slash, 10));
      Instant end = Instant.ofEpochMilli(Long.parseLong(value, slash + 1, value.length(), 10));
      return ImplementationRow.applicationOpen(start, end, clock.instant()) ? OPEN_NOW : null;
    }
    if (!value.startsWith(REGION)) {
      return value;
    }
    String region = regions.regionOf(value.substring(REGION.length()));
    return region == null ? null : Facet.REGION.combined(region);
  }
}
