package fi.osaava.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.web.ClientRateLimit;
import fi.osaava.web.SignInProperties;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class SignInRateLimitFilterTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(1_000 * SECOND);
  private final SignInRateLimitFilter filter =
      new SignInRateLimitFilter(
          new ClientRateLimit(
              new SignInProperties(null, null, null, 3, null, null).attemptsPerMinute(),
              ClientRateLimit.MAX_CLIENTS,
              now::get));

  @Test
  void allowsTheBudgetPerMinuteThenAsksToWait() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(signIn("10.0.0.1").getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = signIn("10.0.0.1");
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
    assertThat(signIn("10.0.0.2").getStatus())
        .as("another address has its own budget")
        .isEqualTo(200);
    now.addAndGet(20 * SECOND);
    assertThat(signIn("10.0.0.1").getStatus()).as("a third of a minute later").isEqualTo(200);
    assertThat(signIn("10.0.0.1").getStatus()).isEqualTo(429);
  }

  @Test
  void otherPathsAreNotCounted() throws Exception {
    for (int i = 0; i < 10; i++) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/profile");
      request.setRemoteAddr("10.0.0.3");
      MockHttpServletResponse response = new MockHttpServletResponse();
      filter.doFilter(request, response, new MockFilterChain());
      assertThat(response.getStatus()).isEqualTo(200);
    }
    assertThat(signIn("10.0.0.3").getStatus()).isEqualTo(200);
  }

  private MockHttpServletResponse signIn(String address) throws Exception {
    MockHttpServletRequest request =
        new MockHttpServletRequest("GET", "/oauth2/authorization/osaava");
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
