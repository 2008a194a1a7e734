package fi.osaava.guidance.internal;

import fi.osaava.profile.PersonId;

/**
 * A signed-in administrator of a guidance organisation, as the sign-in provider's claims make them:
 * the administrator role and the organisation claim.
 *
 * @param name the provider's name claim, shown in the organisation's audit log; may be empty
 */
public record OrganisationAdministrator(PersonId person, String organisation, String name) {}
