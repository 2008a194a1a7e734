package fi.osaava.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.web.ClientRateLimit;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * While the database cannot be reached, an API client's quota is taken from the node's memory with
 * the unregistered clients' budget, so that the quota is not what fails the request.
 */
class ApiQuotasOutageTest {

  /** A pool that cannot connect, as Hikari answers while PostgreSQL is down. */
  private static final DataSource UNREACHABLE =
      new AbstractDataSource() {
        @Override
        public java.sql.Connection getConnection() throws SQLTransientConnectionException {
          throw new SQLTransientConnectionException("Connection is not available");
        }

        @Override
        public java.sql.Connection getConnection(String user, String password)
            throws SQLTransientConnectionException {
          return getConnection();
        }
      };

  @Test
  void aClientsQuotaFallsBackToMemoryWhileTheDatabaseIsAway() {
    ApiQuotas quotas =
        new ApiQuotas(
            new ApiClients(JdbcClient.create(UNREACHABLE)),
            new ApiProperties(300, 2, List.of("administrator"), Duration.ZERO),
            UNREACHABLE);
    ClientRateLimit.Verdict first = quotas.client("kurssikone");
    assertThat(first.allowed()).isTrue();
    assertThat(first.limit()).isEqualTo(2);
    assertThat(quotas.client("kurssikone").remaining()).isZero();
    assertThat(quotas.client("kurssikone").allowed()).as("the budget still holds").isFalse();
  }
}
