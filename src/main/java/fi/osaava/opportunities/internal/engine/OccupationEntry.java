package fi.osaava.opportunities.internal.engine;

import fi.osaava.taxonomy.ConceptUri;
import org.jspecify.annotations.Nullable;

/**
 * An occupation reduced to what matching reads: sorted skill ids, RIASEC interest codes (six
 * weights in R, I, A, S, E, C order, or null when unknown) and a demand signal in 0–1 (NaN when the
 * labour-market indicators do not cover it).
 */
public record OccupationEntry(
    ConceptUri uri,
    @Nullable String iscoGroup,
    int[] essential,
    int[] optional,
    double @Nullable [] riasec,
    double demand) {

  public int skillCount() {
    return essential.length + optional.length;
  }
}
