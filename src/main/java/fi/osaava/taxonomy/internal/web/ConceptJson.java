package fi.osaava.taxonomy.internal.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
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
    @Schema(example = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d")
        String uri,
    @Schema(example = "skill") String type,
    @Schema(description = "The code of an occupation or group; null for skills", example = "2514.2")
        @Nullable String code,
    TextJson label,
    @ArraySchema(schema = @Schema(example = "Python3")) List<String> alternativeLabels,
    @Nullable TextJson description,
    @Schema(
            example =
                "{\"fi\": \"Python (tietokoneohjelmointi)\", \"en\": \"Python (computer programming)\"}")
        Map<String, String> preferredLabels,
    @Schema(
            example =
                "{\"fi\": \"Ohjelmistojen kehittämisen tekniikat ja periaatteet, kuten analyysi, algoritmit,"
                    + " koodaus, testaus ja ohjelmaparadigmojen laatiminen Python-ohjelmointikielellä.\"}")
        Map<String, String> descriptions,
    @Schema(example = "skill/competence") @Nullable String skillType,
    @Schema(example = "cross-sector") @Nullable String reuseLevel,
    @Schema(description = "The ISCO-08 code of an occupation", example = "2514")
        @Nullable String iscoCode,
    @Schema(example = "released") @Nullable String status,
    boolean obsolete,
    @ArraySchema(schema = @Schema(example = "digital")) List<String> collections) {}
