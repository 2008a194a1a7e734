package fi.osaava.opportunities.internal;

import fi.osaava.platform.LocalizedText;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the opportunities service returns to the API and the pages: explained, never bare. */
public final class OpportunityViews {

  private OpportunityViews() {}

  /** A skill as shown: URI, label in the reader's language, whether the goal marks it essential. */
  public record SkillRef(String uri, String label, boolean essential, LocalizedText labelText) {

    /**
     * @param label the label as plain text (the API's field since its first version)
     * @param labelText the same with its language, flagged where it is a fallback (ESCO has no
     *     Swedish skill labels, so Swedish pages show English ones marked)
     */
    public SkillRef(String uri, LocalizedText labelText, boolean essential) {
      this(uri, labelText.text(), essential, labelText);
    }
  }

  /**
   * One opportunity card.
   *
   * @param matched skills that matched (for education: held skills it builds on)
   * @param near required skills the person is near to (partial credit from ESCO's graph)
   * @param missing essential skills missing (for education: skills new to the person)
   * @param riasecSimilarity 0–1 or null when either side has no interest codes
   * @param demand 0–1 or null when there is no labour-market signal
   * @param skillMatch the skill term 0–1; interestMatch the interest term 0–1; both also explained
   */
  public record Card(
      String kind,
      String id,
      String title,
      boolean synthetic,
      boolean goal,
      List<SkillRef> matched,
      List<SkillRef> near,
      List<SkillRef> missing,
      boolean likedOccupation,
      List<SkillRef> likedSkills,
      @Nullable Double riasecSimilarity,
      @Nullable Double demand,
      double skillMatch,
      double interestMatch) {}

  /** A page of cards. */
  public record CardPage(List<Card> items, int page, int size, int total) {}

  /** A held skill near a missing one and how. */
  public record NearSkill(SkillRef skill, String nearness) {}

  /** One missing skill of a gap. */
  public record GapItem(
      SkillRef skill,
      boolean essential,
      double importance,
      double demandShare,
      List<NearSkill> near) {}

  /** The gap between the person and a goal. */
  public record GapView(
      String goalKind,
      String goalId,
      String goalTitle,
      int essentialMissing,
      int optionalMissing,
      int held,
      List<GapItem> items) {}

  /**
   * One offering of a path, with the gap skills it covers.
   *
   * @param credits the published extent, or when unpublished the usual extent of its kind
   * @param creditsEstimated whether {@code credits} is that estimate
   * @param months the duration, or null when the offering publishes none
   * @param cost the price, or null when the offering publishes none
   */
  public record PathStep(
      String offeringId,
      String title,
      String level,
      @Nullable BigDecimal credits,
      boolean creditsEstimated,
      @Nullable Integer months,
      @Nullable BigDecimal cost,
      boolean online,
      boolean synthetic,
      List<SkillRef> covers) {}

  /** How the solver ended: OPTIMAL, or stopped by its time limit with the gap to its bound. */
  public record Solver(String status, boolean timeLimitHit, double relativeGap) {}

  /** One path with totals and an honest list of what it cannot cover. */
  public record PathOption(
      String label,
      List<PathStep> steps,
      List<SkillRef> uncovered,
      int covered,
      BigDecimal totalCredits,
      int totalMonths,
      BigDecimal totalCost,
      Solver solver) {}

  /** A composed path and its two alternatives. */
  public record PathView(
      GapView gap,
      PathOption best,
      PathOption cheapest,
      PathOption fastest,
      int candidateOfferings,
      int afterPruning,
      long millis) {}
}
