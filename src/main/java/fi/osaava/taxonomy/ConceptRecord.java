package fi.osaava.taxonomy;

import fi.osaava.platform.Language;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A concept with every label and description it has in every language: what modules that build
 * their own indexes over ESCO (such as identification) read in one pass.
 *
 * @param iscoCode for occupations: the ISCO-08 unit group; for ISCO groups: the code
 * @param skillType for skills: {@code skill/competence} or {@code knowledge}
 * @param reuseLevel for skills: transversal, cross-sector, sector-specific or occupation-specific
 * @param labels preferred, alternative and hidden labels in every imported language
 * @param descriptions the description (or definition) per language
 */
public record ConceptRecord(
    ConceptUri uri,
    ConceptType type,
    @Nullable String iscoCode,
    @Nullable String skillType,
    @Nullable String reuseLevel,
    List<Label> labels,
    Map<Language, String> descriptions) {

  public ConceptRecord {
    labels = List.copyOf(labels);
    descriptions = Map.copyOf(descriptions);
  }

  /** One label of a concept. */
  public record Label(Language language, LabelKind kind, String text) {}

  /** The preferred label in {@code language}, or null. */
  public @Nullable String preferredLabel(Language language) {
    for (Label label : labels) {
      if (label.language() == language && label.kind() == LabelKind.PREFERRED) {
        return label.text();
      }
    }
    return null;
  }
}
