package fi.osaava.opportunities.internal.engine;

import fi.osaava.education.EducationLevel;
import fi.osaava.education.OfferingId;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An education offering reduced to what matching and path composition read. Unknown extent,
 * duration or cost are NaN / -1; start days are epoch days, sorted, empty for continuous enrolment;
 * languages are a bit mask over {@link fi.osaava.platform.Language#ordinal()}.
 */
public record OfferingEntry(
    OfferingId id,
    EducationLevel level,
    @Nullable String fieldCode,
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

  /**
   * The usual extent of a kind of offering, in credits (ECTS, or competence points for vocational
   * education), for one whose extent is not published: a whole degree 180 (a bachelor's; a master's
   * is 120), a vocational qualification 150, a qualification unit 15, a short course 5, a MOOC 2, a
   * competence badge 1. An unknown extent is never free: a budget counts it at this estimate, and
   * the path says it is one.
   */
  static double typicalCredits(EducationLevel level) {
    if (level == null) {
      return Double.NaN;
    }
    return switch (level) {
      case DEGREE -> 180;
      case VOCATIONAL_QUALIFICATION -> 150;
      case QUALIFICATION_UNIT -> 15;
      case SHORT_COURSE -> 5;
      case MOOC -> 2;
      case COMPETENCE_BADGE -> 1;
    };
  }

  /** Study of this many credits a month, for an offering whose duration is not published. */
  static final double CREDITS_PER_MONTH = 5;

  /** Credits for budgets: the published extent, else the estimate by kind; NaN when neither. */
  public double budgetCredits() {
    return Double.isNaN(credits) ? typicalCredits(level) : credits;
  }

  /** Whether {@link #budgetCredits()} is an estimate rather than the published extent. */
  public boolean creditsEstimated() {
    return Double.isNaN(credits) && !Double.isNaN(typicalCredits(level));
  }

  /** Months for budgets: the published duration, else estimated from the credits; -1 unknown. */
  public int budgetMonths() {
    if (months >= 0) {
      return months;
    }
    double c = budgetCredits();
    return Double.isNaN(c) ? -1 : (int) Math.max(1, Math.ceil(c / CREDITS_PER_MONTH));
  }

  /** Whether a whole degree or qualification rather than a part of one or a short offering. */
  public boolean wholeDegree() {
    return level == EducationLevel.DEGREE || level == EducationLevel.VOCATIONAL_QUALIFICATION;
  }

  /** For totals only, after {@link PathConstraints} has admitted the offering. */
  public double creditsOrZero() {
    double c = budgetCredits();
    return Double.isNaN(c) ? 0 : c;
  }

  /** For totals only; an unknown cost is shown as unknown and admitted only without a cost cap. */
  public double costOrZero() {
    return Double.isNaN(cost) ? 0 : cost;
  }

  /** For totals only, after {@link PathConstraints} has admitted the offering. */
  public int monthsOrZero() {
    return Math.max(budgetMonths(), 0);
  }
}
