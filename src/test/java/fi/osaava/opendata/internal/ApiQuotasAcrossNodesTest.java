package fi.osaava.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import fi.osaava.web.ClientRateLimit;
import fi.osaava.web.WebTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Two nodes on one database give an API client its quota once. Node 1 is this test's service
 * (requests through its filter chain with a bearer token); node 2 is a second {@link ApiQuotas}
 * with memory of its own on the same database, as another process of the service would have. A
 * seeded random sequence of calls spread over both nodes is allowed exactly the quota in total,
 * with the headers counting down across the nodes (the old buckets in each node's memory allowed
 * twice the quota). A changed registration applies on the other node at its next request; the
 * anonymous budget per address stays each node's own, as documented.
 */
class ApiQuotasAcrossNodesTest extends WebTestBase {

  @Autowired ApiClients clients;
  @Autowired ApiProperties properties;
  @Autowired ApiQuotas node1;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;

  private MockHttpServletResponse callNode1(String token) throws Exception {
    return mvc.perform(get("/api/v1/regions/region").header("Authorization", "Bearer " + token))
        .andReturn()
        .getResponse();
  }

  @Test
  void aClientsQuotaIsSharedByTheNodes() throws Exception {
    ApiQuotas node2 = new ApiQuotas(clients, properties, dataSource);
    String client = "two-node-client-" + UUID.randomUUID();
    int quota = 7;
    clients.save(client, "Kurssikone", "Esimerkki Oy", null, "api@example.fi", quota, "test");
    String token = oidc.clientToken(client, "services.publish");

    Random random = new Random(17);
    int allowed = 0;
    List<Long> remaining = new ArrayList<>();
    for (int i = 0; i < 3 * quota; i++) {
      boolean onNode1 = random.nextBoolean();
      long left;
      boolean ok;
      if (onNode1) {
        MockHttpServletResponse response = callNode1(token);
        assertThat(response.getHeader("RateLimit-Limit")).isEqualTo(Integer.toString(quota));
        left = Long.parseLong(response.getHeader("RateLimit-Remaining"));
        ok = response.getStatus() == 200;
        assertThat(response.getStatus()).isIn(200, 429);
      } else {
        ClientRateLimit.Verdict verdict = node2.client(client);
        assertThat(verdict.limit()).isEqualTo(quota);
        left = verdict.remaining();
        ok = verdict.allowed();
      }
      if (ok) {
        allowed++;
        remaining.add(left);
      }
    }
    // Within the test's few seconds less than one request a minute / 7 is refilled: exactly the
    // quota is allowed, and each allowed request saw one fewer left, whichever node it reached.
    assertThat(allowed).as("requests allowed by both nodes together").isEqualTo(quota);
    assertThat(remaining).containsExactly(6L, 5L, 4L, 3L, 2L, 1L, 0L);
    assertThat(
            jdbc.sql("select count(*) from od_api_bucket where client_id = ?")
                .param(client)
                .query(Long.class)
                .single())
        .as("one stored bucket")
        .isEqualTo(1);

    // A new quota, registered through node 1, applies on node 2 at its next request.
    clients.save(client, "Kurssikone", "Esimerkki Oy", null, "api@example.fi", 50, "test");
    node1.changed(client);
    ClientRateLimit.Verdict afterChange = node2.client(client);
    assertThat(afterChange.allowed()).isTrue();
    assertThat(afterChange.limit()).isEqualTo(50);
    assertThat(afterChange.remaining()).isEqualTo(49);
    assertThat(callNode1(token).getHeader("RateLimit-Remaining")).isEqualTo("48");
  }

  @Test
  void theAnonymousBudgetPerAddressIsEachNodesOwn() {
    ApiQuotas node2 = new ApiQuotas(clients, properties, dataSource);
    String address = "address-of-" + UUID.randomUUID();
    long onNode1 = node1.address(address).remaining();
    long onNode2 = node2.address(address).remaining();
    assertThat(onNode2)
        .as("kept in memory: a node gives an address its own budget")
        .isEqualTo(onNode1)
        .isEqualTo(properties.anonymousRequestsPerMinute() - 1);
  }
}
