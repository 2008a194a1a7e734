package fi.osaava.opportunities.internal.engine;

import fi.osaava.platform.Language;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the person allows a learning path to take. Null means no limit.
 *
 * @param municipalities the region as municipality codes; online offerings pass anywhere
 * @param onlineOnly only online offerings
 * @param earliestStart the offering must start on or after this day (continuous enrolment passes)
 * @param latestStart the offering must start on or before this day (continuous enrolment passes)
 * @param degrees whether whole degrees and qualifications may enter the path; by default only their
 *     units, courses, MOOCs and badges do, since a path is continuous learning within limits
 */
public record PathConstraints(
    @Nullable Double maxCredits,
    @Nullable Integer maxMonths,
    @Nullable Double maxCost,
    @Nullable Set<String> municipalities,
    boolean onlineOnly,
    @Nullable Language language,
    @Nullable LocalDate earliestStart,
    @Nullable LocalDate latestStart,
    boolean degrees) {

  public static PathConstraints credits(double maxCredits) {
    return new PathConstraints(maxCredits, null, null, null, false, null, null, null, false);
  }

  boolean admits(OfferingEntry offering) {
    if (onlineOnly && !offering.online()) {
      return false;
    }
    if (municipalities != null && !offering.online()) {
      boolean inside = false;
      for (String code : offering.municipalities()) {
        if (municipalities.contains(code)) {
          inside = true;
          break;
        }
      }
      if (!inside) {
        return false;
      }
    }
    if (language != null && (offering.languageMask() & (1 << language.ordinal())) == 0) {
      return false;
    }
    if (!degrees && offering.wholeDegree()) {
      return false;
    }
    // A limit is kept only by offerings whose measure is known or can be estimated: an unknown
    // extent is never free.
    double credits = offering.budgetCredits();
    if (maxCredits != null && (Double.isNaN(credits) || credits > maxCredits)) {
      return false;
    }
    if (maxCost != null && (Double.isNaN(offering.cost()) || offering.cost() > maxCost)) {
      return false;
    }
    int months = offering.budgetMonths();
    if (maxMonths != null && (months < 0 || months > maxMonths)) {
      return false;
    }
    return startsInWindow(offering.startDays());
  }

  private boolean startsInWindow(int[] startDays) {
    if (startDays.length == 0 || (earliestStart == null && latestStart == null)) {
      return true;
    }
    long from = earliestStart == null ? Long.MIN_VALUE : earliestStart.toEpochDay();
    long to = latestStart == null ? Long.MAX_VALUE : latestStart.toEpochDay();
    for (int day : startDays) {
      if (day >= from && day <= to) {
        return true;
      }
    }
    return false;
  }
}
