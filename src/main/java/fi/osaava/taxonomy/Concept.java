package fi.osaava.taxonomy;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One concept in full, as read in one language.
 *
 * @param code the concept's own code (skills, skill groups, occupations); null if none
 * @param label the preferred label in the reader's language, or a marked fallback
 * @param alternativeLabels the alternative labels in the same language as {@code label}
 * @param description the description in the reader's language, or a marked fallback; null if none
 * @param preferredLabels the preferred label in every language that has one
 * @param skillType for skills: {@code skill/competence} or {@code knowledge}
 * @param reuseLevel for skills: transversal, cross-sector, sector-specific or occupation-specific
 * @param iscoCode for occupations: the ISCO-08 unit group; for ISCO groups: the code
 * @param status ESCO's status, such as {@code released}
 * @param obsolete true when a newer ESCO import no longer had this concept
 */
public record Concept(
    ConceptUri uri,
    ConceptType type,
    @Nullable String code,
    LocalizedText label,
    List<String> alternativeLabels,
    @Nullable LocalizedText description,
    Map<Language, String> preferredLabels,
    @Nullable String skillType,
    @Nullable String reuseLevel,
    @Nullable String iscoCode,
    @Nullable String status,
    boolean obsolete) {

  public Concept {
    alternativeLabels = List.copyOf(alternativeLabels);
    preferredLabels = Map.copyOf(preferredLabels);
  }

  public ConceptSummary summary() {
    return new ConceptSummary(uri, type, code, label, obsolete);
  }
}
