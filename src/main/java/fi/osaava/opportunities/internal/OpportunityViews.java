package fi.osaava.opportunities.internal;

import fi.osaava.platform.LocalizedText;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What the opportunities service returns to the API and the pages: explained, never bare. */
public final class OpportunityViews {

  private OpportunityViews() {}

  // Examples for the OpenAPI document: ESCO's Python skill and its ICT-ohjelmistokehittäjä.
  private static final String SKILL_URI =
      "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d";
  private static final String OCCUPATION_ID = "bd272aee-adc9-4a06-a15c-a73b4b4a46a7";

  /** A skill as shown: URI, label in the reader's language, whether the goal marks it essential. */
  public record SkillRef(
      @Schema(example = SKILL_URI) String uri,
      @Schema(example = "Python (tietokoneohjelmointi)") String label,
      boolean essential,
      LocalizedText labelText) {

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
      @Schema(allowableValues = {"OCCUPATION", "JOB_AD", "EDUCATION"}) String kind,
      @Schema(example = OCCUPATION_ID) String id,
      @Schema(example = "ICT-ohjelmistokehittäjä") String title,
      boolean synthetic,
      boolean goal,
      List<SkillRef> matched,
      List<SkillRef> near,
      List<SkillRef> missing,
      boolean likedOccupation,
      List<SkillRef> likedSkills,
      @Schema(example = "0.72") @Nullable Double riasecSimilarity,
      @Schema(example = "0.64") @Nullable Double demand,
      @Schema(example = "0.58") double skillMatch,
      @Schema(example = "0.7") double interestMatch) {}

  /** A page of cards. */
  public record CardPage(
      List<Card> items,
      @Schema(example = "0") int page,
      @Schema(example = "20") int size,
      @Schema(example = "143") int total) {}

  /** A held skill near a missing one and how. */
  public record NearSkill(
      SkillRef skill,
      @Schema(allowableValues = {"RELATED_SKILL", "BROADER", "NARROWER", "SIBLING"})
          String nearness) {}

  /** One missing skill of a gap. */
  public record GapItem(
      SkillRef skill,
      boolean essential,
      @Schema(example = "0.594") double importance,
      @Schema(description = "Share of the region's ads that ask for the skill", example = "0.12")
          double demandShare,
      List<NearSkill> near) {}

  /** The gap between the person and a goal. */
  public record GapView(
      @Schema(allowableValues = {"OCCUPATION", "JOB_AD"}) String goalKind,
      @Schema(example = OCCUPATION_ID) String goalId,
      @Schema(example = "ICT-ohjelmistokehittäjä") String goalTitle,
      @Schema(example = "19") int essentialMissing,
      @Schema(example = "73") int optionalMissing,
      @Schema(example = "1") int held,
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
      @Schema(example = "3e8a5d21-7c4b-4f90-b6e2-9d1a0c7f5b34") String offeringId,
      @Schema(example = "Ohjelmoinnin perusteet Pythonilla") String title,
      @Schema(example = "SHORT_COURSE") String level,
      @Schema(example = "5") @Nullable BigDecimal credits,
      boolean creditsEstimated,
      @Schema(example = "2") @Nullable Integer months,
      @Schema(example = "0") @Nullable BigDecimal cost,
      boolean online,
      boolean synthetic,
      List<SkillRef> covers) {}

  /** How the solver ended: OPTIMAL, or stopped by its time limit with the gap to its bound. */
  public record Solver(
      @Schema(example = "OPTIMAL") String status,
      boolean timeLimitHit,
      @Schema(example = "0.0") double relativeGap) {}

  /** One path with totals and an honest list of what it cannot cover. */
  public record PathOption(
      @Schema(allowableValues = {"best", "cheapest", "fastest"}) String label,
      List<PathStep> steps,
      List<SkillRef> uncovered,
      @Schema(description = "Gap skills the path covers", example = "3") int covered,
      @Schema(example = "15") BigDecimal totalCredits,
      @Schema(example = "6") int totalMonths,
      @Schema(example = "0") BigDecimal totalCost,
      Solver solver) {}

  /** A composed path and its two alternatives. */
  public record PathView(
      GapView gap,
      PathOption best,
      PathOption cheapest,
      PathOption fastest,
      @Schema(example = "212") int candidateOfferings,
      @Schema(example = "38") int afterPruning,
      @Schema(example = "143") long millis) {}
}
