package fi.osaava.opendata.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API quotas and who administers API clients ({@code osaava.api.*}).
 *
 * @param anonymousRequestsPerMinute requests per minute per client address without a token
 * @param clientRequestsPerMinute requests per minute of a client with a valid token that no
 *     administrator registered (a registered client has the quota of its registration)
 * @param adminRoles the values of the role claim ({@code osaava.publishing.role-claim}) that make a
 *     signed-in person an administrator of API clients
 * @param usageFlushInterval how often the counted requests are written to the database
 */
@ConfigurationProperties("osaava.api")
public record ApiProperties(
    @DefaultValue("300") int anonymousRequestsPerMinute,
    @DefaultValue("600") int clientRequestsPerMinute,
    @DefaultValue("administrator") List<String> adminRoles,
    @DefaultValue("PT30S") Duration usageFlushInterval) {

  public ApiProperties {
    adminRoles = List.copyOf(adminRoles);
  }
}
