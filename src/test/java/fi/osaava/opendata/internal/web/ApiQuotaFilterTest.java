package fi.osaava.opendata.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.opendata.internal.ApiProperties;
import fi.osaava.opendata.internal.ApiQuotas;
import fi.osaava.opendata.internal.ApiUsage;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** Calls without a token share a budget per address (no database: addresses are never stored). */
class ApiQuotaFilterTest {

  private final ApiQuotaFilter filter =
      new ApiQuotaFilter(
          // Anonymous budgets never ask for a registration or touch the clients' stored buckets,
          // so neither a client store nor a connectable database is needed.
          new ApiQuotas(
              null,
              new ApiProperties(3, 600, List.of("administrator"), Duration.ZERO),
              new SimpleDriverDataSource()),
          new ApiUsage(null, null, Clock.systemUTC()));

  private MockHttpServletResponse call(String address) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/regions/region");
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

  @Test
  void anAddressOverItsBudgetGets429WithRetryAfterAndAProblem() throws Exception {
    for (int i = 2; i >= 0; i--) {
      MockHttpServletResponse allowed = call("203.0.113.7");
      assertThat(allowed.getStatus()).isEqualTo(200);
      assertThat(allowed.getHeader("RateLimit-Limit")).isEqualTo("3");
      assertThat(allowed.getHeader("RateLimit-Remaining")).isEqualTo(Integer.toString(i));
    }
    MockHttpServletResponse refused = call("203.0.113.7");
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
    assertThat(refused.getHeader("RateLimit-Reset")).isEqualTo("60");
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getContentAsString())
        .contains("\"status\":429", "the quota per address of 3 requests a minute");
    assertThat(call("198.51.100.2").getStatus()).as("another address").isEqualTo(200);
  }

  @Test
  void aSignedInPersonHasABudgetOfTheirOwnNotTheirAddresses() throws Exception {
    for (int i = 0; i < 3; i++) {
      call("192.0.2.9");
    }
    assertThat(call("192.0.2.9").getStatus()).as("the address's budget is spent").isEqualTo(429);
    SecurityContextHolder.getContext()
        .setAuthentication(
            new TestingAuthenticationToken("person-at-the-office", null, "ROLE_USER"));
    try {
      MockHttpServletResponse signedIn = call("192.0.2.9");
      assertThat(signedIn.getStatus()).isEqualTo(200);
      assertThat(signedIn.getHeader("RateLimit-Limit")).isEqualTo("600");
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  @Test
  void refusalsBySpringSecurityTakeFromTheAddressesBudgetAndEndIn429() throws Exception {
    ApiRefusalFilter refusals = new ApiRefusalFilter(filter);
    for (int i = 2; i >= 0; i--) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/profile");
      request.setRemoteAddr("203.0.113.44");
      MockHttpServletResponse response = new MockHttpServletResponse();
      // As Spring Security's entry point and access-denied handler answer, in turn.
      boolean entryPoint = i % 2 == 0;
      refusals.doFilter(
          request,
          response,
          new MockFilterChain(
              new HttpServlet() {
                @Override
                protected void service(HttpServletRequest req, HttpServletResponse res)
                    throws java.io.IOException {
                  if (entryPoint) {
                    res.setStatus(401);
                  } else {
                    res.sendError(403);
                  }
                }
              }));
      assertThat(response.getStatus()).isEqualTo(entryPoint ? 401 : 403);
      assertThat(response.getHeader("RateLimit-Limit")).isEqualTo("3");
      assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo(Integer.toString(i));
    }
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/profile");
    request.setRemoteAddr("203.0.113.44");
    MockHttpServletResponse over = new MockHttpServletResponse();
    refusals.doFilter(
        request,
        over,
        new MockFilterChain(
            new HttpServlet() {
              @Override
              protected void service(HttpServletRequest req, HttpServletResponse res) {
                res.setStatus(401);
              }
            }));
    assertThat(over.getStatus()).isEqualTo(429);
    assertThat(over.getHeader("Retry-After")).isEqualTo("20");
    assertThat(over.getContentAsString()).contains("the quota per address of 3 requests a minute");

    MockHttpServletRequest allowed = new MockHttpServletRequest("GET", "/api/v1/profile");
    allowed.setRemoteAddr("203.0.113.45");
    MockHttpServletResponse answered = new MockHttpServletResponse();
    refusals.doFilter(allowed, answered, new MockFilterChain());
    assertThat(answered.getStatus()).as("an answer that is no refusal").isEqualTo(200);
    assertThat(answered.getHeader("RateLimit-Limit"))
        .as("left to the quota filter after Spring Security")
        .isNull();
  }
}
