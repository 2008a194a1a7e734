package fi.osaava.education;

import java.util.Objects;
import java.util.UUID;

/** The identifier of an offering in the catalogue; stable across re-imports of its source. */
public record OfferingId(UUID value) {

  public OfferingId {
    Objects.requireNonNull(value, "value");
  }

  public static OfferingId of(String value) {
    return new OfferingId(UUID.fromString(value.strip()));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
