package fi.osaava.opportunities.internal.web;

import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * The limits a learning path keeps to, bound from the query or form parameters of the path API, the
 * goal page and the plan form alike; {@link RequestInputs#constraints} checks them. A value that
 * does not convert is refused naming its parameter, as a single parameter's would be.
 *
 * @param region a region (maakunta) code; its offerings, and online ones, pass
 */
record PathLimits(
    @Parameter(description = "Maximum total credits (ECTS / competence points)")
        @Nullable Double maxCredits,
    @Parameter(description = "Maximum total study time in months") @Nullable Integer maxMonths,
    @Parameter(description = "Maximum total cost in euros") @Nullable Double maxCost,
    @Parameter(description = OpportunitiesApiController.REGION) @Nullable String region,
    @Parameter(description = "Online offerings only") Boolean online,
    @Parameter(description = "Teaching language: fi, sv or en") @Nullable String language,
    @Parameter(description = "Earliest start, YYYY-MM-DD") @Nullable String earliestStart,
    @Parameter(description = "Latest start, YYYY-MM-DD") @Nullable String latestStart,
    @Parameter(
            description =
                "Let whole degrees and qualifications into the path; by default only units,"
                    + " courses, MOOCs and badges, an unknown extent counted at its kind's usual"
                    + " extent")
        Boolean degrees) {

  /** A flag left out is false (the form's unticked checkbox sends nothing). */
  PathLimits {
    online = Boolean.TRUE.equals(online);
    degrees = Boolean.TRUE.equals(degrees);
  }

  /** The region code as the matching takes it: stripped, or null for none. */
  @Nullable String regionCode() {
    return region == null || region.isBlank() ? null : region.strip();
  }
}
