package fi.osaava.guidance.internal.selfassessment;

import java.util.Locale;

/** The full self-assessment (every statement) or the quick one (one statement per area). */
public enum Version {
  QUICK,
  FULL;

  /** The version's part of the path, {@code quick} or {@code full}. */
  public String slug() {
    return name().toLowerCase(Locale.ROOT);
  }
}
