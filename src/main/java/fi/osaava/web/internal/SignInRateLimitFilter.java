package fi.osaava.web.internal;

import fi.osaava.web.ClientRateLimit;
import fi.osaava.web.SignInProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts (the start of an OpenID Connect login and its callback) per client
 * address ({@link ClientRateLimit}), so that nobody can hammer the provider or the callback through
 * us. Placed in the security chain ahead of the OAuth2 redirect filter; Spring Boot also registers
 * the bean as a servlet filter, and being a {@link OncePerRequestFilter} it still runs once per
 * request.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SignInRateLimitFilter extends OncePerRequestFilter {

  private final ClientRateLimit limit;

  @Autowired
  SignInRateLimitFilter(SignInProperties signIn) {
    this(new ClientRateLimit(signIn.attemptsPerMinute()));
  }

  SignInRateLimitFilter(ClientRateLimit limit) {
    this.limit = limit;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/oauth2/authorization/") || path.startsWith("/login/oauth2/code/"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long wait = limit.acquire(request.getRemoteAddr());
    if (wait > 0) {
      response.setHeader("Retry-After", Long.toString(wait));
      response.sendError(429, "Too many sign-in attempts; try again in " + wait + " s");
      return;
    }
    chain.doFilter(request, response);
  }
}
