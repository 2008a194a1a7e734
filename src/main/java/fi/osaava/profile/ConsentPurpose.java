package fi.osaava.profile;

/**
 * A purpose, other than serving the person themself, for which someone may read a profile; each
 * needs the person's consent, which they can give and revoke at any time.
 */
public enum ConsentPurpose {
  /** A guidance counsellor the person chose may read their profile. */
  GUIDANCE_COUNSELLOR,
  /** The profile counts in anonymised statistics (small groups suppressed). */
  ANONYMISED_STATISTICS,
  /** Accepted and rejected suggestions may be used to evaluate and tune the skill engine. */
  AI_IMPROVEMENT
}
