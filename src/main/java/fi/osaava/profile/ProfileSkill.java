package fi.osaava.profile;

import fi.osaava.taxonomy.ConceptUri;
import java.time.LocalDate;

/**
 * One accepted skill of a person, as other modules see it.
 *
 * @param proficiency self-assessed or verified level
 * @param verified true when it comes from a credential, false when self-declared
 * @param lastUsed when it was last used, or null when not known
 */
public record ProfileSkill(
    ConceptUri skill, Proficiency proficiency, boolean verified, LocalDate lastUsed) {}
