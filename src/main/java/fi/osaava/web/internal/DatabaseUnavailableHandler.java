package fi.osaava.web.internal;

import fi.osaava.platform.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A database that cannot be reached answers 503 with {@code Retry-After}, for pages and API alike:
 * the request failed because of the service's state, not the client's input, and may be repeated.
 * The pool's connection timeout (2 s) bounds how long a request waits before it gets here.
 *
 * <p>The exceptions are those that Spring, Hibernate and the pool raise for a connection that
 * cannot be had or was lost; Spring also matches them as the cause of another exception. Ordered
 * before every other advice, so that no broader mapping of data-access errors turns an outage into
 * a client error. An outage logs one warning a minute, not one per request; the embedded database's
 * supervisor logs its own death and return.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableHandler {

  /** About how long the embedded database's supervisor needs to bring the server back. */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableHandler.class);

  private final OutageWarnings warnings =
      new OutageWarnings(log, "Database unreachable; answering 503 until it is back: {}");

  @ExceptionHandler({
    CannotCreateTransactionException.class,
    DataAccessResourceFailureException.class,
    JDBCConnectionException.class,
    SQLTransientConnectionException.class,
    SQLNonTransientConnectionException.class
  })
  @Nullable ResponseEntity<ProblemDetail> databaseUnavailable(
      Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
    warnings.record(e);
    return unavailable(
        request,
        response,
        "The request could not be completed because the database is not reachable at the"
            + " moment; try again in a few seconds.");
  }

  /**
   * 503 with {@code Retry-After}: a problem for the API; for pages the container renders the
   * localized error page for the status, as for every other error.
   */
  static @Nullable ResponseEntity<ProblemDetail> unavailable(
      HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
    String retryAfter = Long.toString(RETRY_AFTER.toSeconds());
    if (!isApi(request)) {
      response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
      response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
      return null;
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
    problem.setTitle("Service temporarily unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, retryAfter)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /**
   * A statement that was running when the server went away fails with a plain SQL error whose
   * SQLState says so (class 08, connection exception; 57P01–57P03, the server shutting down or
   * crashed), which Hibernate does not classify as a connection problem; and the rollback of that
   * transaction fails in turn on the connection the pool has already closed, and its failure
   * (Spring's {@code JpaSystemException} or {@code TransactionSystemException}) replaces the first.
   * Those are outages too; any other such error keeps its own handling.
   */
  @ExceptionHandler({
    GenericJDBCException.class,
    UncategorizedDataAccessException.class,
    TransactionSystemException.class
  })
  @Nullable ResponseEntity<ProblemDetail> sqlError(
      Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
    if (!DatabaseOutage.causes(e)) {
      throw e;
    }
    return databaseUnavailable(e, request, response);
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/");
  }
}
