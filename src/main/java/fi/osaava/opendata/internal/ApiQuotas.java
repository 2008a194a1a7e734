package fi.osaava.opendata.internal;

import fi.osaava.platform.DatabaseOutage;
import fi.osaava.web.ClientRateLimit;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The budgets of {@code /api/**}.
 *
 * <p>An OAuth client's budget (the quota of its registration, else {@code
 * osaava.api.client-requests-per-minute}) is a Bucket4j token bucket in PostgreSQL ({@code
 * od_api_bucket}, Bucket4j's select-for-update proxy manager), so that all nodes together give a
 * client its quota once: the quota is what the client's organisation agreed to, and a balancer
 * spreading its calls over two nodes must not double it. Each such request costs one short
 * transaction on the bucket's row (docs/open-data.md has the measurement).
 *
 * <p>A signed-in person's budget for the pages' own calls with the browser session, and an
 * anonymous caller's by address ({@code osaava.api.anonymous-requests-per-minute}), stay in this
 * process's memory: they guard against floods rather than meter an agreement, so a node giving its
 * own budget is acceptable, and they stay free of a database write on every page's call and of a
 * table that any address could grow. While the database is unreachable, a client's budget falls
 * back to this process's memory too, so that the quota is not what fails the request.
 */
@Component
public class ApiQuotas {

  private static final Logger log = LoggerFactory.getLogger(ApiQuotas.class);

  private static final String CLIENT = "client:";
  private static final String ADDRESS = "address:";
  private static final String PERSON = "person:";

  private static final Duration REFILL = Duration.ofMinutes(1);

  private final ClientRateLimit local;
  private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
  private final ApiClients clients;
  private final ApiProperties properties;

  public ApiQuotas(ApiClients clients, ApiProperties properties, DataSource dataSource) {
    this.clients = clients;
    this.properties = properties;
    this.local =
        new ClientRateLimit(
            key ->
                key.startsWith(CLIENT)
                    ? quotaWhileTheDatabaseIsAway(key.substring(CLIENT.length()))
                    : key.startsWith(PERSON)
                        ? properties.clientRequestsPerMinute()
                        : properties.anonymousRequestsPerMinute(),
            ClientRateLimit.MAX_CLIENTS,
            System::nanoTime);
    this.shared =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("od_api_bucket")
            .idColumn("client_id")
            .stateColumn("state")
            .expiresAtColumn("expires_at")
            // A row is worth keeping only until its bucket is full again.
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
            .build();
  }

  private int clientQuota(String clientId) {
    return clients.quota(clientId).orElse(properties.clientRequestsPerMinute());
  }

  /**
   * The in-memory bucket of a client is made only while the database is unreachable, when the
   * registration cannot be read either: the unregistered clients' quota then.
   */
  private int quotaWhileTheDatabaseIsAway(String clientId) {
    try {
      return clientQuota(clientId);
    } catch (RuntimeException e) {
      if (!DatabaseOutage.causes(e)) {
        throw e;
      }
      return properties.clientRequestsPerMinute();
    }
  }

  /**
   * Takes one request from an OAuth client's budget, shared by every node. The quota is read from
   * the registration only when the client's bucket is made; the limit in the headers is the one the
   * stored bucket was made with.
   */
  public ClientRateLimit.Verdict client(String clientId) {
    try {
      VerboseResult<ConsumptionProbe> taken =
          shared
              .builder()
              .build(clientId, () -> bucketOf(Math.max(1, clientQuota(clientId))))
              .asVerbose()
              .tryConsumeAndReturnRemaining(1);
      return ClientRateLimit.verdict(
          taken.getConfiguration().getBandwidths()[0].getCapacity(), taken.getValue());
    } catch (RuntimeException e) {
      if (!DatabaseOutage.causes(e)) {
        throw e;
      }
      log.debug("API client quota in memory while the database is unreachable: {}", e.toString());
      return local.take(CLIENT + clientId);
    }
  }

  private static BucketConfiguration bucketOf(int perMinute) {
    return BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, REFILL))
        .build();
  }

  /** Takes one request from a signed-in person's budget (a browser session, no token). */
  public ClientRateLimit.Verdict person(String name) {
    return local.take(PERSON + name);
  }

  /** Takes one request from the budget of an anonymous caller, by its address. */
  public ClientRateLimit.Verdict address(String address) {
    return local.take(ADDRESS + address);
  }

  /**
   * The client's registration changed: its stored bucket goes, so that its next request on any node
   * gets a bucket with the new quota.
   */
  public void changed(String clientId) {
    shared.removeProxy(clientId);
    local.forget(CLIENT + clientId);
  }

  /** Drops the rows of buckets that are full again (the next request makes a new one). */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
  void removeFullBuckets() {
    try {
      while (shared.removeExpired(1_000) == 1_000) {
        // another batch
      }
    } catch (RuntimeException e) {
      if (!DatabaseOutage.causes(e)) {
        throw e;
      }
    }
  }
}
