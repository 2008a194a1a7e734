package fi.osaava.opportunities.internal.engine;

import fi.osaava.opportunities.OpportunityKind;

/**
 * One ranked opportunity with the terms of its score (each 0–1; demand NaN when unknown).
 *
 * @param position the position in the index's table of that kind
 */
public record Ranked(
    OpportunityKind kind,
    int position,
    double score,
    double skills,
    double interest,
    double demand) {}
