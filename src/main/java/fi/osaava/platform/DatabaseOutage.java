package fi.osaava.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database could not be reached or was lost mid-statement, as opposed
 * to a bad statement or bad data: the web layer answers such failures with 503 and background work
 * waits quietly for the database to return.
 */
public final class DatabaseOutage {

  /**
   * The message of HikariCP's closed-connection stand-in ({@code
   * ProxyConnection.ClosedConnection}).
   */
  private static final String POOL_CLOSED_CONNECTION = "Connection is closed";

  private DatabaseOutage() {}

  /**
   * True when {@code failure} or one of its causes is a connection failure: the pool's and driver's
   * connection exceptions, Spring's resource failures, or an SQL error whose SQLState says so
   * (class 08, connection exception; 57P01–57P03, the server shutting down or crashed), which
   * Hibernate does not classify as a connection problem. Also HikariCP's stand-in for a connection
   * it has already closed: when the server reports a connection lost, the pool closes it at once,
   * so the rollback of the transaction that failed meets a plain {@code SQLException} "Connection
   * is closed" without an SQLState, and that rollback failure is what reaches the caller.
   */
  public static boolean causes(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException
          || t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException) {
        return true;
      }
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
      if (t.getClass() == SQLException.class
          && ((SQLException) t).getSQLState() == null
          && POOL_CLOSED_CONNECTION.equals(t.getMessage())) {
        return true;
      }
    }
    return false;
  }
}
