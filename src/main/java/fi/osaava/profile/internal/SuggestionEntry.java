package fi.osaava.profile.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * A skill the engine suggested for an entry, and the person's decision.
 *
 * @param decision PENDING, ACCEPTED or REJECTED
 */
public record SuggestionEntry(
    @Schema(example = "70fef543-b234-4442-8e0f-dcbb6cc1179e") UUID experienceId,
    @Schema(example = "http://data.europa.eu/esco/skill/43ae58b9-5e56-4524-b45a-b422777a0576")
        String skillUri,
    @Schema(example = "tietokanta") String label,
    @Schema(example = "tietokantoja") String evidence,
    @Schema(example = "0.859") double score,
    @Schema(allowableValues = {"PENDING", "ACCEPTED", "REJECTED"}) String decision) {}
