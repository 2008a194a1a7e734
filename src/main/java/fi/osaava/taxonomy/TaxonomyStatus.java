package fi.osaava.taxonomy;

import fi.osaava.platform.Language;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the database holds of ESCO.
 *
 * @param version the ESCO version of the latest import, or null before the first
 * @param importedAt when that import committed, or null before the first
 * @param concepts number of current (not obsolete) concepts per type
 * @param obsolete number of obsolete concepts
 * @param preferredLabels number of concepts with a preferred label, per language
 */
public record TaxonomyStatus(
    @Nullable String version,
    @Nullable Instant importedAt,
    Map<ConceptType, Long> concepts,
    long obsolete,
    Map<Language, Long> preferredLabels) {

  public boolean imported() {
    return version != null;
  }
}
