package fi.osaava.web;

import java.util.Optional;

/**
 * The organisation an administrator registered an API client for, by its Finnish business ID: a
 * module whose push API publishes under an organisation (the service directory) checks with it that
 * a client publishes only its own organisation's records. Implemented by the module that holds the
 * registrations ({@code opendata}); where none is present, no client has an organisation.
 */
public interface ApiClientOrganisations {

  /** The business ID registered for the client, or empty when none was (or it is unregistered). */
  Optional<String> businessId(ApiClient client);
}
