package fi.osaava.labourmarket;

import java.util.Objects;
import java.util.UUID;

/** The identifier of an ingested job ad; the same ad re-sent by its source keeps it. */
public record JobAdId(UUID value) {

  public JobAdId {
    Objects.requireNonNull(value, "value");
  }

  public static JobAdId of(String value) {
    return new JobAdId(UUID.fromString(value.strip()));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
