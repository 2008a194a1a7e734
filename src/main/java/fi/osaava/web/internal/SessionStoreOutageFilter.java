package fi.osaava.web.internal;

import fi.osaava.platform.DatabaseOutage;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions live in PostgreSQL (docs/adr/0014-scale-out.md), and Spring Session reads a request's
 * session in a servlet filter, before any controller: while the database is away, a request with a
 * session cookie fails there, where {@link DatabaseUnavailableHandler} cannot see it, and would end
 * as a 500. This filter, just outside Spring Session's, answers such a failure as the handler does:
 * 503 with {@code Retry-After}, a problem under {@code /api/}, else the localized error page. That
 * page is rendered without the session (its cookie hidden from the error dispatch), since reading
 * it would fail again.
 */
@Component
class SessionStoreOutageFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(SessionStoreOutageFilter.class);

  /** Marks a request whose session could not be read, for its error dispatch. */
  static final String SESSION_STORE_DOWN = SessionStoreOutageFilter.class.getName() + ".down";

  static final String PROBLEM =
      "{\"title\":\"Service temporarily unavailable\",\"status\":503,\"detail\":\"The request"
          + " could not be completed because the database is not reachable at the moment; try"
          + " again in a few seconds.\"}";

  private final String cookieName;

  SessionStoreOutageFilter(
      @Value("${server.servlet.session.cookie.name:JSESSIONID}") String cookieName) {
    this.cookieName = cookieName;
  }

  @Bean
  static FilterRegistrationBean<SessionStoreOutageFilter> sessionStoreOutageFilterRegistration(
      SessionStoreOutageFilter filter) {
    FilterRegistrationBean<SessionStoreOutageFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
    registration.setDispatcherTypes(
        DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
    return registration;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getDispatcherType() == DispatcherType.ERROR
        && request.getAttribute(SESSION_STORE_DOWN) != null) {
      chain.doFilter(new WithoutCookie(request, cookieName), response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!DatabaseOutage.causes(e) || response.isCommitted()) {
        throw e;
      }
      log.debug("Session store unreachable: {}", e.toString());
      response.resetBuffer();
      response.setHeader(
          HttpHeaders.RETRY_AFTER,
          Long.toString(DatabaseUnavailableHandler.RETRY_AFTER.toSeconds()));
      String path = request.getRequestURI().substring(request.getContextPath().length());
      if (path.startsWith("/api/")) {
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(PROBLEM.getBytes(StandardCharsets.UTF_8));
        return;
      }
      request.setAttribute(SESSION_STORE_DOWN, Boolean.TRUE);
      response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
    }
  }

  /** The request as the error page sees it: without the session cookie, so no session is read. */
  static final class WithoutCookie extends HttpServletRequestWrapper {

    private final String cookieName;

    WithoutCookie(HttpServletRequest request, String cookieName) {
      super(request);
      this.cookieName = cookieName;
    }

    @Override
    public Cookie @Nullable [] getCookies() {
      Cookie[] cookies = super.getCookies();
      if (cookies == null) {
        return null;
      }
      return Arrays.stream(cookies)
          .filter(c -> !c.getName().equals(cookieName))
          .toArray(Cookie[]::new);
    }

    @Override
    public @Nullable String getHeader(String name) {
      return HttpHeaders.COOKIE.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HttpHeaders.COOKIE.equalsIgnoreCase(name)
          ? Collections.emptyEnumeration()
          : super.getHeaders(name);
    }
  }
}
