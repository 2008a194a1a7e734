package fi.osaava.opendata.internal;

import fi.osaava.web.ClientRateLimit;
import org.springframework.stereotype.Component;

/**
 * The budgets of {@code /api/**}: a Bucket4j token bucket per OAuth client (the quota of its
 * registration, else {@code osaava.api.client-requests-per-minute}) and one per client address for
 * calls without a token ({@code osaava.api.anonymous-requests-per-minute}). Kept in this process's
 * memory: with several nodes, each node gives every client its quota.
 */
@Component
public class ApiQuotas {

  private static final String CLIENT = "client:";
  private static final String ADDRESS = "address:";

  private final ClientRateLimit limit;

  public ApiQuotas(ApiClients clients, ApiProperties properties) {
    this.limit =
        new ClientRateLimit(
            key ->
                key.startsWith(CLIENT)
                    ? clients
                        .quota(key.substring(CLIENT.length()))
                        .orElse(properties.clientRequestsPerMinute())
                    : properties.anonymousRequestsPerMinute(),
            ClientRateLimit.MAX_CLIENTS,
            System::nanoTime);
  }

  /** Takes one request from an OAuth client's budget. */
  public ClientRateLimit.Verdict client(String clientId) {
    return limit.take(CLIENT + clientId);
  }

  /** Takes one request from the budget of a caller without a token, by its address. */
  public ClientRateLimit.Verdict address(String address) {
    return limit.take(ADDRESS + address);
  }

  /** The client's registration changed: its next request gets a bucket with the new quota. */
  public void changed(String clientId) {
    limit.forget(CLIENT + clientId);
  }
}
