package fi.osaava.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A session store that cannot be reached gives 503, never a 500; other failures pass through. */
class SessionStoreOutageFilterTest {

  private final SessionStoreOutageFilter filter = new SessionStoreOutageFilter("JSESSIONID");

  private static final FilterChain DATABASE_DOWN =
      (request, response) -> {
        throw new IllegalStateException(
            "session could not be read", new CannotGetJdbcConnectionException("pool timeout"));
      };

  @Test
  void anApiRequestGetsAProblemWithRetryAfter() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/profile");
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(request, response, DATABASE_DOWN);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString()).contains("\"status\":503").doesNotContain("pool");
  }

  @Test
  void aPageGetsTheErrorPageRenderedWithoutTheSession() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/profile");
    request.setCookies(new Cookie("JSESSIONID", "abc"), new Cookie("osaava-language", "sv"));
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(request, response, DATABASE_DOWN);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getErrorMessage()).isNull();

    // The container's error dispatch: the page sees the language cookie, not the session's.
    request.setDispatcherType(DispatcherType.ERROR);
    request.removeAttribute(filter.getClass().getName() + ".FILTERED");
    AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
    filter.doFilter(
        request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
    assertThat(seen.get().getCookies())
        .extracting(Cookie::getName)
        .containsExactly("osaava-language");
    assertThat(seen.get().getHeader("Cookie")).isNull();
  }

  @Test
  void otherFailuresAreNotTakenForAnOutage() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/profile");
    assertThatThrownBy(
            () ->
                filter.doFilter(
                    request,
                    new MockHttpServletResponse(),
                    (req, res) -> {
                      throw new IllegalArgumentException("a bug");
                    }))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
