package fi.osaava.guidance.internal;

import fi.osaava.profile.PersonId;

/**
 * A signed-in guidance counsellor, as the sign-in provider's claims make them.
 *
 * @param organisation the organisation's id from the organisation claim
 * @param name the provider's name claim, shown to clients; may be empty
 */
public record Counsellor(PersonId person, String organisation, String name) {}
