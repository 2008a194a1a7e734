package fi.osaava.taxonomy.internal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One concept in full, read in one language.
 *
 * @param label the preferred label in the requested language, or a fallback marked as such
 * @param alternativeLabels alternative labels, in the language of {@code label}
 * @param description the description in the requested language or a marked fallback; null if none
 * @param preferredLabels the preferred label in every language that has one, by ISO 639-1 code
 * @param descriptions the description in every language that has one, by ISO 639-1 code
 * @param collections codes of the ESCO collections the concept belongs to
 */
@Schema(name = "Concept")
record ConceptJson(
    String uri,
    @Schema(example = "skill") String type,
    @Nullable String code,
    TextJson label,
    List<String> alternativeLabels,
    @Nullable TextJson description,
    Map<String, String> preferredLabels,
    Map<String, String> descriptions,
    @Schema(example = "skill/competence") @Nullable String skillType,
    @Schema(example = "cross-sector") @Nullable String reuseLevel,
    @Nullable String iscoCode,
    @Nullable String status,
    boolean obsolete,
    List<String> collections) {}
