package fi.osaava.opendata.internal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The quota of {@code /api/**} requests that Spring Security refuses (401 for a missing, expired or
 * forged token, 403 for a token without the scope) before they reach {@link ApiQuotaFilter}: they
 * too are taken from the caller's budget (the token's client for a 403, the address for a 401) and
 * carry the {@code RateLimit-*} headers, and a caller over its budget gets 429 instead. Otherwise a
 * caller sending bad tokens would never be limited, and every one of its requests would still cost
 * the token's signature check.
 *
 * <p>It runs before Spring Security and wraps the response, so that it sees the refusal as Spring
 * Security answers it ({@code setStatus} by the entry point, {@code sendError} by the access-denied
 * handler), while the security context still says who called.
 */
class ApiRefusalFilter extends OncePerRequestFilter {

  private final ApiQuotaFilter quota;

  ApiRefusalFilter(ApiQuotaFilter quota) {
    this.quota = quota;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, new Refusals(request, response));
  }

  private final class Refusals extends HttpServletResponseWrapper {

    private final HttpServletRequest request;

    Refusals(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    /** The refusal taken from its budget: null to answer as Spring Security does, else the 429. */
    private ApiQuotaFilter.@Nullable Taken overBudget(int status) {
      if ((status != 401 && status != 403) || request.getAttribute(ApiQuotaFilter.TAKEN) != null) {
        return null;
      }
      ApiQuotaFilter.Taken taken = quota.take(request, (HttpServletResponse) getResponse());
      return taken.verdict().allowed() ? null : taken;
    }

    @Override
    public void setStatus(int status) {
      ApiQuotaFilter.Taken refused = overBudget(status);
      if (refused == null) {
        super.setStatus(status);
        return;
      }
      try {
        ApiQuotaFilter.refuse((HttpServletResponse) getResponse(), refused);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    @Override
    public void sendError(int status) throws IOException {
      ApiQuotaFilter.Taken refused = overBudget(status);
      if (refused == null) {
        super.sendError(status);
      } else {
        ApiQuotaFilter.refuse((HttpServletResponse) getResponse(), refused);
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      ApiQuotaFilter.Taken refused = overBudget(status);
      if (refused == null) {
        super.sendError(status, message);
      } else {
        ApiQuotaFilter.refuse((HttpServletResponse) getResponse(), refused);
      }
    }
  }
}
