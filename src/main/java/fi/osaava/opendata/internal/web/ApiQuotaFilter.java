package fi.osaava.opendata.internal.web;

import fi.osaava.opendata.internal.ApiQuotas;
import fi.osaava.opendata.internal.ApiUsage;
import fi.osaava.web.ApiClient;
import fi.osaava.web.ClientRateLimit;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The quota of every {@code /api/**} request, after Spring Security has read its bearer token: a
 * call with a valid token takes from its OAuth client's budget, a signed-in person's call with the
 * browser session from that person's, any other from its address's. Every answer carries {@code
 * RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (IETF draft "RateLimit
 * header fields for HTTP": requests per minute, left now, seconds until the budget is full again);
 * one over the budget is answered 429 with {@code Retry-After} and an RFC 9457 problem. Each call
 * is counted for the usage statistics, under its client id or, without a token, under {@value
 * ApiUsage#SIGNED_IN} or {@value ApiUsage#ANONYMOUS} (neither people nor addresses are stored).
 */
class ApiQuotaFilter extends OncePerRequestFilter {

  private final ApiQuotas quotas;
  private final ApiUsage usage;

  ApiQuotaFilter(ApiQuotas quotas, ApiUsage usage) {
    this.quotas = quotas;
    this.usage = usage;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    Optional<String> client = clientId(auth);
    Optional<String> person = client.isPresent() ? Optional.empty() : signedInPerson(auth);
    ClientRateLimit.Verdict verdict;
    String counted;
    if (client.isPresent()) {
      verdict = quotas.client(client.get());
      counted = client.get();
    } else if (person.isPresent()) {
      verdict = quotas.person(person.get());
      counted = ApiUsage.SIGNED_IN;
    } else {
      verdict = quotas.address(request.getRemoteAddr());
      counted = ApiUsage.ANONYMOUS;
    }
    usage.count(counted, !verdict.allowed());
    response.setHeader("RateLimit-Limit", Long.toString(verdict.limit()));
    response.setHeader("RateLimit-Remaining", Long.toString(verdict.remaining()));
    response.setHeader("RateLimit-Reset", Long.toString(verdict.resetSeconds()));
    if (verdict.allowed()) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(429);
    response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            """
            {"type":"about:blank","title":"Too Many Requests","status":429,\
            "detail":"Over %s of %d requests a minute; try again in %d s"}\
            """
                .formatted(
                    client.isPresent()
                        ? "this client's quota"
                        : person.isPresent() ? "the quota per person" : "the quota per address",
                    verdict.limit(),
                    verdict.retryAfterSeconds()));
  }

  /** A person signed in with a browser session (not a token), by their sign-in name. */
  static Optional<String> signedInPerson(@Nullable Authentication auth) {
    if (auth == null
        || !auth.isAuthenticated()
        || auth instanceof AnonymousAuthenticationToken
        || auth instanceof JwtAuthenticationToken) {
      return Optional.empty();
    }
    return Optional.of(auth.getName());
  }

  /** The OAuth client of a bearer token, as {@link ApiClient} reads it. */
  static Optional<String> clientId(@Nullable Authentication auth) {
    return ApiClient.of(auth).map(ApiClient::id);
  }
}
