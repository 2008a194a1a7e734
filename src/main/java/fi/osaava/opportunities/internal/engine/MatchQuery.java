package fi.osaava.opportunities.internal.engine;

import fi.osaava.education.EducationLevel;
import fi.osaava.opportunities.OpportunityKind;
import fi.osaava.platform.Language;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What to rank and how.
 *
 * @param interestWeight the slider from "my skills" (0) to "my interests" (1)
 * @param demandWeight how much labour-market demand counts, 0–1
 * @param municipalities the region as municipality codes (null: anywhere); ads and offerings
 *     outside it still pass when remote or online
 * @param remoteOnly only remote ads and online offerings
 * @param language teaching language of offerings / language of ads (null: any)
 * @param levels education levels (empty: all)
 * @param fields education field codes (empty: all)
 * @param maxMonths longest duration of an offering (null: any)
 * @param maxCost highest cost of an offering in euros (null: any)
 */
public record MatchQuery(
    Set<OpportunityKind> kinds,
    double interestWeight,
    double demandWeight,
    @Nullable Set<String> municipalities,
    boolean remoteOnly,
    @Nullable Language language,
    Set<EducationLevel> levels,
    Set<String> fields,
    @Nullable Integer maxMonths,
    @Nullable Double maxCost,
    Sort sort,
    int page,
    int size) {

  /** The most cards one page may hold. */
  public static final int MAX_SIZE = 100;

  /** Server-side sort orders. */
  public enum Sort {
    SCORE,
    SKILLS,
    INTEREST,
    DEMAND
  }

  public MatchQuery {
    kinds = kinds == null || kinds.isEmpty() ? Set.of(OpportunityKind.values()) : Set.copyOf(kinds);
    levels = levels == null ? Set.of() : Set.copyOf(levels);
    fields = fields == null ? Set.of() : Set.copyOf(fields);
    if (interestWeight < 0 || interestWeight > 1) {
      throw new IllegalArgumentException("interestWeight must be within 0..1");
    }
    if (demandWeight < 0 || demandWeight > 1) {
      throw new IllegalArgumentException("demandWeight must be within 0..1");
    }
    if (page < 0 || size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("page must be >= 0 and size within 1.." + MAX_SIZE);
    }
    sort = sort == null ? Sort.SCORE : sort;
  }

  /** The interest weight when the person sets none (the API's and the page's default). */
  public static final double DEFAULT_INTEREST_WEIGHT = 0.3;

  /** The demand weight when the person sets none. */
  public static final double DEFAULT_DEMAND_WEIGHT = 0.2;

  /** The given kinds with the default weights, no filters, by score: what a plain request gets. */
  public static MatchQuery defaults(Set<OpportunityKind> kinds, int size) {
    return new MatchQuery(
        kinds,
        DEFAULT_INTEREST_WEIGHT,
        DEFAULT_DEMAND_WEIGHT,
        null,
        false,
        null,
        Set.of(),
        Set.of(),
        null,
        null,
        Sort.SCORE,
        0,
        size);
  }

  /** All kinds, skills only, no filters: what the evaluation ranks. */
  public static MatchQuery skillsOnly(Set<OpportunityKind> kinds, int size) {
    return new MatchQuery(
        kinds, 0, 0, null, false, null, Set.of(), Set.of(), null, null, Sort.SCORE, 0, size);
  }
}
