package fi.osaava.profile.internal;

import fi.osaava.profile.Proficiency;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One skill of the profile with its evidence.
 *
 * @param sourceKind EXPERIENCE (an entry), CREDENTIAL, LEARNING (a completed plan step), MANUAL
 *     (added by hand) or TEXT (confirmed on the identify page)
 * @param sourceLabel the job, course, activity or credential it comes from, in words
 * @param proficiencyVerified whether the level comes from a credential rather than the person
 * @param verified whether the skill comes from a credential
 * @param issuer the credential's issuer, when verified
 * @param identified whether the identification engine found it in a text (an entry, a CV, the
 *     identify page, a credential's description) rather than the source naming it
 */
public record SkillEntry(
    @Schema(example = "6addf875-b455-4576-9a6d-8ae342cf8a86") UUID id,
    @Schema(example = "http://data.europa.eu/esco/skill/43ae58b9-5e56-4524-b45a-b422777a0576")
        String skillUri,
    @Schema(example = "tietokanta") String label,
    @Schema(allowableValues = {"EXPERIENCE", "CREDENTIAL", "LEARNING", "MANUAL", "TEXT"})
        String sourceKind,
    @Schema(example = "70fef543-b234-4442-8e0f-dcbb6cc1179e") UUID experienceId,
    @Schema(
            description = "The credential it comes from; null otherwise",
            example = "c2e7a9d4-1b3f-4e6a-8d5c-7f0b2a9e4d13")
        UUID credentialId,
    @Schema(example = "Ohjelmistokehittäjä, Tampereen kaupunki") String sourceLabel,
    @Schema(example = "tietokantoja") String evidence,
    Proficiency proficiency,
    boolean proficiencyVerified,
    @Schema(example = "2025-12-31") LocalDate lastUsed,
    boolean verified,
    @Schema(
            description = "The credential's issuer, when verified; null otherwise",
            example = "Tampereen yliopisto")
        String issuer,
    @Schema(example = "0") long version,
    boolean identified) {}
