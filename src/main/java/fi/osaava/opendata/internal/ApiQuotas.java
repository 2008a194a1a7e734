package fi.osaava.opendata.internal;

import fi.osaava.web.ClientRateLimit;
import org.springframework.stereotype.Component;

/**
 * The budgets of {@code /api/**}: a Bucket4j token bucket per OAuth client (the quota of its
 * registration, else {@code osaava.api.client-requests-per-minute}), one per signed-in person for
 * the pages' own calls with the browser session (the same default as a client: people behind one
 * office's address must not share a budget), and one per client address for anonymous calls ({@code
 * osaava.api.anonymous-requests-per-minute}). Kept in this process's memory: with several nodes,
 * each node gives every client its quota.
 */
@Component
public class ApiQuotas {

  private static final String CLIENT = "client:";
  private static final String ADDRESS = "address:";
  private static final String PERSON = "person:";

  private final ClientRateLimit limit;

  public ApiQuotas(ApiClients clients, ApiProperties properties) {
    this.limit =
        new ClientRateLimit(
            key ->
                key.startsWith(CLIENT)
                    ? clients
                        .quota(key.substring(CLIENT.length()))
                        .orElse(properties.clientRequestsPerMinute())
                    : key.startsWith(PERSON)
                        ? properties.clientRequestsPerMinute()
                        : properties.anonymousRequestsPerMinute(),
            ClientRateLimit.MAX_CLIENTS,
            System::nanoTime);
  }

  /** Takes one request from an OAuth client's budget. */
  public ClientRateLimit.Verdict client(String clientId) {
    return limit.take(CLIENT + clientId);
  }

  /** Takes one request from a signed-in person's budget (a browser session, no token). */
  public ClientRateLimit.Verdict person(String name) {
    return limit.take(PERSON + name);
  }

  /** Takes one request from the budget of an anonymous caller, by its address. */
  public ClientRateLimit.Verdict address(String address) {
    return limit.take(ADDRESS + address);
  }

  /** The client's registration changed: its next request gets a bucket with the new quota. */
  public void changed(String clientId) {
    limit.forget(CLIENT + clientId);
  }
}
