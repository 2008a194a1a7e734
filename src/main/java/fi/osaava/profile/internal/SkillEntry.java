package fi.osaava.profile.internal;

import fi.osaava.profile.Proficiency;
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
    UUID id,
    String skillUri,
    String label,
    String sourceKind,
    UUID experienceId,
    UUID credentialId,
    String sourceLabel,
    String evidence,
    Proficiency proficiency,
    boolean proficiencyVerified,
    LocalDate lastUsed,
    boolean verified,
    String issuer,
    long version,
    boolean identified) {}
