package fi.osaava.labourmarket;

import fi.osaava.taxonomy.ConceptUri;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Labour-market figures and open job ads as other modules see them. Thread-safe. */
public interface LabourMarketApi {

  /** The indicators of an ESCO occupation, or empty when the indicator file has none for it. */
  Optional<OccupationIndicators> indicators(ConceptUri occupation);

  /**
   * How much the skill is asked for: the share (0–1) of the job ads of the last 12 months that
   * request it, in a region or, with a null region code, the whole country. Empty when there are no
   * ads to judge by.
   */
  OptionalDouble skillDemandShare(ConceptUri skill, @Nullable String regionCode);

  /** Streams every open job ad (near-duplicates counted once). */
  void forEachOpenJobAd(Consumer<MatchableJobAd> consumer);

  /** One job ad, open or closed; empty when unknown. */
  Optional<MatchableJobAd> jobAd(JobAdId id);

  /**
   * Job-ad counts of the latest two 12-month windows by municipality and skill or occupation group,
   * for aggregates that other modules precompute; empty cells when there are no ads. One pass over
   * the ads: callers cache the result.
   */
  AdDemand adDemand();

  /**
   * The latest employment-service snapshot's figures of one area ({@code level} null for the whole
   * country), or empty when no snapshot is imported or it has no such area.
   */
  Optional<EmploymentFigures> employmentFigures(
      fi.osaava.regions.@Nullable AreaLevel level, @Nullable String code);

  /**
   * Streams the ads asking for each skill by month and region, from the demand aggregates, leaving
   * out cells of fewer than {@code minimumAds} ads and ads without a region; ordered by month,
   * region and skill.
   */
  void forEachSkillDemandCell(int minimumAds, Consumer<SkillDemandCell> consumer);

  /** Whether generated (synthetic) job ads are among the stored ads. */
  boolean hasSyntheticAds();
}
