package fi.osaava.profile.internal;

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
    UUID id,
    ExperienceKind kind,
    String organisation,
    String title,
    LocalDate start,
    LocalDate end,
    String description,
    String offeringId,
    long version,
    UUID cvImportId,
    String occupationUri,
    String municipalityCode) {}
