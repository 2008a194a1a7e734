package fi.osaava.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.regex.Pattern;
import org.apache.http.ConnectionClosedException;
import org.hibernate.search.util.common.SearchException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A search engine that cannot be reached answers 503 with {@code Retry-After}, like a database
 * outage: with OpenSearch the indexes live in a server of their own, which may be restarting,
 * recovering its shards or gone. The search failed because of the service's state, not the query,
 * and may be repeated. Changes to indexed records do not fail with it: they wait in PostgreSQL's
 * indexing queue until the engine is back.
 *
 * <p>An outage is a connection that was refused, reset, closed mid-response or timed out, or an
 * answer of the engine itself saying it cannot serve now (429, 502, 503, 504: for example while its
 * shards start). Hibernate Search reports all of them as a {@link SearchException} naming the
 * request and the response; any other search failure (a query the engine refused) is a fault of
 * ours and keeps its 500. Ordered with the database handler, before every other advice.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SearchUnavailableHandler {

  /** How Hibernate Search's Elasticsearch backend writes the engine's answer into its message. */
  private static final Pattern ENGINE_BUSY =
      Pattern.compile("^Response: (429|502|503|504) ", Pattern.MULTILINE);

  private static final Logger log = LoggerFactory.getLogger(SearchUnavailableHandler.class);

  private final OutageWarnings warnings =
      new OutageWarnings(
          log, "Search engine unreachable; answering searches 503 until it is back: {}");

  @ExceptionHandler(SearchException.class)
  @Nullable ResponseEntity<ProblemDetail> searchFailed(
      SearchException e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    if (!isOutage(e)) {
      throw e;
    }
    warnings.record(e);
    return DatabaseUnavailableHandler.unavailable(
        request,
        response,
        "The search could not be completed because the search engine is not reachable at the"
            + " moment; try again in a few seconds.");
  }

  static boolean isOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SocketException
          || t instanceof SocketTimeoutException
          || t instanceof ConnectionClosedException) {
        return true;
      }
      if (t instanceof SearchException
          && t.getMessage() != null
          && ENGINE_BUSY.matcher(t.getMessage()).find()) {
        return true;
      }
    }
    return false;
  }
}
