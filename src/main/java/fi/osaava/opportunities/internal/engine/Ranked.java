package fi.osaava.opportunities.internal.engine;

import fi.osaava.opportunities.OpportunityKind;

/**
 * One ranked opportunity with the terms of its score (each 0–1; demand NaN when unknown).
 *
 * @param position the position in the index's table of that kind
 * @param tier how the opportunity fits, ranked before the score: {@link #EXPERIENCED} an occupation
 *     the person has worked in (or an ad for one), {@link #OVERLAPPING} one that needs a skill the
 *     person holds (an offering that teaches a skill near theirs), {@link #UNRELATED} the rest.
 *     Interests and demand reorder opportunities within a tier and never lift one into a higher.
 */
public record Ranked(
    OpportunityKind kind,
    int position,
    double score,
    double skills,
    double interest,
    double demand,
    int tier) {

  public static final int UNRELATED = 0;
  public static final int OVERLAPPING = 1;
  public static final int EXPERIENCED = 2;
}
