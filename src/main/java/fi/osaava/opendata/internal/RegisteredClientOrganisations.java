package fi.osaava.opendata.internal;

import fi.osaava.web.ApiClient;
import fi.osaava.web.ApiClientOrganisations;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The business IDs that administrators registered API clients for ({@link ApiClients}). */
@Component
class RegisteredClientOrganisations implements ApiClientOrganisations {

  private final ApiClients clients;

  RegisteredClientOrganisations(ApiClients clients) {
    this.clients = clients;
  }

  @Override
  public Optional<String> businessId(ApiClient client) {
    return clients.businessId(client.id());
  }
}
