package fi.osaava.web.internal;

import fi.osaava.web.SignInProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts (the start of an OpenID Connect login and its callback) per client
 * address with a token bucket refilled evenly over a minute, so that nobody can hammer the provider
 * or the callback through us. In memory, enough for one instance; the table is cleared when it
 * grows past a bound, so a flood of addresses cannot exhaust memory. Registered only inside the
 * security chain, not as a servlet filter of its own.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SignInRateLimitFilter extends OncePerRequestFilter {

  private static final int MAX_CLIENTS = 50_000;

  private final int capacity;
  private final double perNano;
  private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>();

  SignInRateLimitFilter(SignInProperties signIn) {
    this.capacity = signIn.attemptsPerMinute();
    this.perNano = capacity / 60e9;
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
    long wait = acquire(request.getRemoteAddr(), System.nanoTime());
    if (wait > 0) {
      response.setHeader("Retry-After", Long.toString(wait));
      response.sendError(429, "Too many sign-in attempts; try again in " + wait + " s");
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * @return 0 when allowed, else the seconds until the next attempt is allowed
   */
  long acquire(String client, long now) {
    if (buckets.size() > MAX_CLIENTS) {
      buckets.clear();
    }
    // [tokens, last update in nanos]
    double[] bucket = buckets.computeIfAbsent(client, k -> new double[] {capacity, now});
    synchronized (bucket) {
      bucket[0] = Math.min(capacity, bucket[0] + (now - (long) bucket[1]) * perNano);
      bucket[1] = now;
      if (bucket[0] >= 1) {
        bucket[0] -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket[0]) / perNano / 1e9));
    }
  }
}
