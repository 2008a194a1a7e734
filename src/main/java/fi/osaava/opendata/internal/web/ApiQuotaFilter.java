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
 * Requests Spring Security refuses before this filter are taken by {@link ApiRefusalFilter}.
 */
class ApiQuotaFilter extends OncePerRequestFilter {

  private final ApiQuotas quotas;
  private final ApiUsage usage;

  ApiQuotaFilter(ApiQuotas quotas, ApiUsage usage) {
    this.quotas = quotas;
    this.usage = usage;
  }

  /**
   * Set on a request this filter took from a budget, so that a refusal later in the same request
   * (method security's 403) is not counted again by {@link ApiRefusalFilter}.
   */
  static final String TAKEN = ApiQuotaFilter.class.getName() + ".taken";

  /** A request taken from its budget: the verdict and whose budget it was, for the 429's text. */
  record Taken(ClientRateLimit.Verdict verdict, String whose) {}

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Taken taken = take(request, response);
    if (taken.verdict().allowed()) {
      chain.doFilter(request, response);
      return;
    }
    refuse(response, taken);
  }

  /**
   * Takes the request from the budget of whoever Spring Security says is calling, counts it for the
   * usage statistics and sets the {@code RateLimit-*} headers.
   */
  Taken take(HttpServletRequest request, HttpServletResponse response) {
    request.setAttribute(TAKEN, Boolean.TRUE);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    Optional<String> client = clientId(auth);
    Optional<String> person = client.isPresent() ? Optional.empty() : signedInPerson(auth);
    Taken taken;
    String counted;
    if (client.isPresent()) {
      taken = new Taken(quotas.client(client.get()), "this client's quota");
      counted = client.get();
    } else if (person.isPresent()) {
      taken = new Taken(quotas.person(person.get()), "the quota per person");
      counted = ApiUsage.SIGNED_IN;
    } else {
      taken = new Taken(quotas.address(request.getRemoteAddr()), "the quota per address");
      counted = ApiUsage.ANONYMOUS;
    }
    ClientRateLimit.Verdict verdict = taken.verdict();
    usage.count(counted, !verdict.allowed());
    response.setHeader("RateLimit-Limit", Long.toString(verdict.limit()));
    response.setHeader("RateLimit-Remaining", Long.toString(verdict.remaining()));
    response.setHeader("RateLimit-Reset", Long.toString(verdict.resetSeconds()));
    return taken;
  }

  /** Answers 429 with {@code Retry-After} and an RFC 9457 problem. */
  static void refuse(HttpServletResponse response, Taken taken) throws IOException {
    ClientRateLimit.Verdict verdict = taken.verdict();
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
                .formatted(taken.whose(), verdict.limit(), verdict.retryAfterSeconds()));
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
