package fi.osaava.profile.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One entry of the competence profile: a job, an education, a free-time activity, a position of
 * trust, or other skills described freely.
 *
 * @param organisation employer, school or association; may be empty
 * @param title role, degree or activity name
 * @param end null while ongoing
 * @param offeringId an education offering of the catalogue, when the entry was taken from it
 * @param version for optimistic locking: an edit names the version it started from
 * @param cvImportId the CV upload the entry was read from; null when the person wrote it
 * @param occupationUri the ESCO occupation the entry stands for, when the person confirmed one that
 *     their text names on the identify page; null otherwise (the title is recognised instead)
 * @param municipalityCode where the entry was done (a municipality's three-digit code), when the
 *     person gave it; null otherwise
 */
public record Experience(
    @Schema(example = "70fef543-b234-4442-8e0f-dcbb6cc1179e") UUID id,
    ExperienceKind kind,
    @Schema(example = "Tampereen kaupunki") String organisation,
    @Schema(example = "Ohjelmistokehittäjä") String title,
    @Schema(example = "2021-03-01") LocalDate start,
    @Schema(example = "2025-12-31") LocalDate end,
    @Schema(
            example =
                "Kehitin verkkopalveluja Pythonilla ja Javalla, suunnittelin tietokantoja ja"
                    + " ohjasin harjoittelijoita.")
        String description,
    @Schema(
            description = "The catalogue's offering the entry was taken from; null otherwise",
            example = "6f1d3c2a-9b7e-4e21-8d0f-5a4c3b2e1d0c")
        String offeringId,
    @Schema(example = "0") long version,
    @Schema(
            description = "The CV upload it was read from; null when written by hand",
            example = "0e4b7c2d-9a1f-4d3e-b6c5-8f2a1e0d9c7b")
        UUID cvImportId,
    @Schema(example = "http://data.europa.eu/esco/occupation/bd272aee-adc9-4a06-a15c-a73b4b4a46a7")
        String occupationUri,
    @Schema(example = "837") String municipalityCode) {}
