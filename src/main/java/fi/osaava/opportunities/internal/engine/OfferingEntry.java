package fi.osaava.opportunities.internal.engine;

import fi.osaava.education.EducationLevel;
import fi.osaava.education.OfferingId;
import java.util.Set;

/**
 * An education offering reduced to what matching and path composition read. Unknown extent,
 * duration or cost are NaN / -1; start days are epoch days, sorted, empty for continuous enrolment;
 * languages are a bit mask over {@link fi.osaava.platform.Language#ordinal()}.
 */
public record OfferingEntry(
    OfferingId id,
    EducationLevel level,
    String fieldCode,
    int[] skills,
    double credits,
    int months,
    double cost,
    boolean online,
    Set<String> municipalities,
    int languageMask,
    int[] startDays,
    boolean synthetic,
    double demand) {

  /** Credits for budgets: an unknown extent counts as none, and the explanation says so. */
  public double creditsOrZero() {
    return Double.isNaN(credits) ? 0 : credits;
  }

  public double costOrZero() {
    return Double.isNaN(cost) ? 0 : cost;
  }

  public int monthsOrZero() {
    return Math.max(months, 0);
  }
}
