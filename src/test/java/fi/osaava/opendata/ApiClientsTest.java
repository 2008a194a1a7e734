package fi.osaava.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.opendata.internal.ApiUsage;
import fi.osaava.web.WebTestBase;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * API clients: an administrator registers a client with its quota, the client's calls carry the
 * rate-limit headers and the one over its quota gets 429 with {@code Retry-After} and a problem;
 * the usage is counted in memory and written in one batch, then shown on the administrators' page.
 */
class ApiClientsTest extends WebTestBase {

  @Autowired JdbcClient jdbc;
  @Autowired ApiUsage usage;

  private RequestPostProcessor administrator() {
    return oidc.person(
        "api-admin-" + UUID.randomUUID(), Map.of("osaava_roles", List.of("administrator")));
  }

  private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  private MockHttpServletRequestBuilder register(String clientId, String quota) {
    return post("/admin/api-clients")
        .param("clientId", clientId)
        .param("name", "Kurssikone")
        .param("organisation", "Esimerkki Oy")
        .param("contactEmail", "api@example.fi")
        .param("requestsPerMinute", quota)
        .with(csrf());
  }

  @Test
  void aRegisteredClientHasItsQuotaWithHeadersAndIsCountedInBatches() throws Exception {
    String client = "kurssikone-" + UUID.randomUUID();
    MockHttpServletResponse saved = perform(register(client, "2").with(administrator()));
    assertThat(saved.getStatus()).isEqualTo(302);
    assertThat(saved.getRedirectedUrl()).endsWith("/admin/api-clients?saved");
    String token = oidc.clientToken(client, "services.publish");

    MockHttpServletResponse first =
        perform(get("/api/v1/regions/region").header("Authorization", "Bearer " + token));
    assertThat(first.getStatus()).isEqualTo(200);
    assertThat(first.getHeader("RateLimit-Limit")).isEqualTo("2");
    assertThat(first.getHeader("RateLimit-Remaining")).isEqualTo("1");
    assertThat(Integer.parseInt(first.getHeader("RateLimit-Reset"))).isBetween(1, 30);
    perform(get("/api/v1/regions/region").header("Authorization", "Bearer " + token));
    MockHttpServletResponse refused =
        perform(get("/api/v1/regions/region").header("Authorization", "Bearer " + token));
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("RateLimit-Remaining")).isEqualTo("0");
    assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 30);
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getContentAsString())
        .contains("\"status\":429", "this client's quota of 2 requests a minute");

    MockHttpServletResponse anonymous = perform(get("/api/v1/regions/region"));
    assertThat(anonymous.getStatus()).as("another budget: the address's").isEqualTo(200);
    assertThat(anonymous.getHeader("RateLimit-Limit")).isEqualTo("100000");

    assertThat(rows(client)).as("nothing written per request").isZero();
    assertThat(usage.flush()).isPositive();
    assertThat(
            jdbc.sql("select requests || '/' || refused from od_api_usage where client_id = ?")
                .param(client)
                .query(String.class)
                .single())
        .isEqualTo("3/1");

    // A new quota applies from the client's next request.
    perform(register(client, "50").with(administrator()));
    assertThat(
            perform(get("/api/v1/regions/region").header("Authorization", "Bearer " + token))
                .getHeader("RateLimit-Limit"))
        .isEqualTo("50");

    String page =
        perform(get("/admin/api-clients").with(administrator()).header("Accept-Language", "fi"))
            .getContentAsString();
    assertThat(page).contains(client, "Kurssikone", "Esimerkki Oy", "API-asiakkaat");
    assertThat(rows(client)).isEqualTo(1);
  }

  @Test
  void callsSpringSecurityRefusesAreTakenFromTheirBudgetsToo() throws Exception {
    String client = "huono-kurssikone-" + UUID.randomUUID();
    perform(register(client, "2").with(administrator()));
    // A valid token without the scope publishing needs: refused (403) by Spring Security.
    String token = oidc.clientToken(client, "services.publish");
    MockHttpServletRequestBuilder publish =
        post("/api/v1/education/offerings")
            .header("Authorization", "Bearer " + token)
            .contentType("application/ld+json")
            .content("{}");

    MockHttpServletResponse first = perform(publish);
    assertThat(first.getStatus()).isEqualTo(403);
    assertThat(first.getHeader("RateLimit-Limit")).as("the client's quota").isEqualTo("2");
    assertThat(first.getHeader("RateLimit-Remaining")).isEqualTo("1");
    assertThat(perform(publish).getStatus()).isEqualTo(403);
    MockHttpServletResponse over = perform(publish);
    assertThat(over.getStatus()).isEqualTo(429);
    assertThat(Integer.parseInt(over.getHeader("Retry-After"))).isBetween(1, 30);
    assertThat(over.getContentAsString()).contains("this client's quota of 2 requests a minute");

    // A forged token: refused (401) before anyone is known, so the address's budget.
    MockHttpServletResponse forged =
        perform(get("/api/v1/regions/region").header("Authorization", "Bearer not-a-token"));
    assertThat(forged.getStatus()).isEqualTo(401);
    assertThat(forged.getHeader("RateLimit-Limit")).isEqualTo("100000");
    assertThat(forged.getHeader("RateLimit-Remaining")).isNotNull();
  }

  @Test
  void anUnregisteredClientHasTheDefaultQuotaAndRemovingARegistrationRestoresIt() throws Exception {
    String client = "unregistered-" + UUID.randomUUID();
    String token = oidc.clientToken(client);
    assertThat(
            perform(get("/api/v1/regions/region").header("Authorization", "Bearer " + token))
                .getHeader("RateLimit-Limit"))
        .isEqualTo("100000");
    perform(register(client, "7").with(administrator()));
    assertThat(
            perform(get("/api/v1/regions/region").header("Authorization", "Bearer " + token))
                .getHeader("RateLimit-Limit"))
        .isEqualTo("7");
    MockHttpServletResponse removed =
        perform(
            post("/admin/api-clients/remove")
                .param("clientId", client)
                .with(administrator())
                .with(csrf()));
    assertThat(removed.getStatus()).isEqualTo(302);
    assertThat(
            perform(get("/api/v1/regions/region").header("Authorization", "Bearer " + token))
                .getHeader("RateLimit-Limit"))
        .isEqualTo("100000");
    assertThat(
            perform(
                    post("/admin/api-clients/remove")
                        .param("clientId", client)
                        .with(administrator())
                        .with(csrf()))
                .getStatus())
        .as("removing it again")
        .isEqualTo(404);
  }

  @Test
  void aBadRegistrationNamesEachFieldAndStoresNothing() throws Exception {
    MockHttpServletResponse page =
        perform(
            post("/admin/api-clients")
                .param("clientId", "has spaces")
                .param("name", "")
                .param("organisation", "x".repeat(201))
                .param("businessId", "1234567-0")
                .param("contactEmail", "not-an-address")
                .param("requestsPerMinute", "many")
                .header("Accept-Language", "en")
                .with(administrator())
                .with(csrf()));
    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getContentAsString())
        .contains(
            "The client id can have only letters",
            "Enter the name of the system.",
            "The organisation can have at most 200 characters.",
            "Enter the business ID in the form 1234567-8, with a correct check digit.",
            "Enter an e-mail address in the form",
            "Enter the requests a minute",
            "govuk-error-summary");
    assertThat(rows("has spaces")).isZero();
    assertThat(
            jdbc.sql("select count(*) from od_api_client where client_id = 'has spaces'")
                .query(Integer.class)
                .single())
        .isZero();
  }

  private int rows(String client) {
    return jdbc.sql("select count(*) from od_api_usage where client_id = ?")
        .param(client)
        .query(Integer.class)
        .single();
  }
}
