package fi.osaava.web.internal;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

/**
 * What a refused database write means to the client, by SQLSTATE: class 22 ("data exception": a
 * value too long, a character the encoding cannot hold) is the request's fault, 400; class 23
 * (integrity constraints: a foreign key whose row was deleted meanwhile, a duplicate) is a write
 * that lost a race with another, 409. Logged as one WARN line with the SQLSTATE, no stack trace.
 */
final class StoredDataConflict {

  private static final Logger log = LoggerFactory.getLogger(StoredDataConflict.class);

  private StoredDataConflict() {}

  static HttpStatus status(DataIntegrityViolationException e) {
    String state = sqlState(e);
    HttpStatus status =
        state != null && state.startsWith("22") ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT;
    log.warn("Database refused a write ({}, SQLSTATE {})", status.value(), state);
    return status;
  }

  static String detail(DataIntegrityViolationException e) {
    String state = sqlState(e);
    return state != null && state.startsWith("22")
        ? "A value in the request cannot be stored (too long, or a character such as NUL that the"
            + " database does not accept)."
        : "The change conflicts with the stored data, which changed meanwhile (for example, it"
            + " was deleted in another session). Reload and try again.";
  }

  private static @Nullable String sqlState(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
