package fi.osaava.web.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Each way Spring, Hibernate and the pool report a database that cannot be reached becomes a 503
 * with {@code Retry-After}: a problem for the API, the error page's status for pages. Other
 * data-access errors are not this handler's business.
 */
class DatabaseUnavailableHandlerTest {

  private static final Map<String, Supplier<RuntimeException>> FAILURES =
      Map.of(
          "jdbc-template",
          () ->
              new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", timedOut()),
          "transaction",
          () ->
              new CannotCreateTransactionException(
                  "Could not open JPA EntityManager for transaction",
                  new JDBCConnectionException("Unable to acquire JDBC Connection", timedOut())),
          "hibernate",
          () -> new JDBCConnectionException("could not execute statement", timedOut()),
          "wrapped",
          () -> new IllegalStateException("search failed", new RuntimeException(timedOut())),
          "lost",
          () ->
              new RuntimeException(
                  new SQLNonTransientConnectionException("This connection has been closed.")),
          "postmaster-exit",
          () ->
              new GenericJDBCException(
                  "JDBC exception executing SQL",
                  new SQLException(
                      "FATAL: terminating connection due to unexpected postmaster exit", "57P01")),
          // The rollback after a lost connection meets the pool's closed stand-in, and its
          // failure replaces the statement's (as when PostgreSQL restarts mid-transaction).
          "rollback-jpa",
          () ->
              new JpaSystemException(
                  new GenericJDBCException(
                      "Unable to rollback against JDBC Connection",
                      new SQLException("Connection is closed"))),
          "rollback-jdbc",
          () ->
              new TransactionSystemException(
                  "Could not roll back JDBC transaction",
                  new SQLException("Connection is closed")));

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new FailingController())
          .setControllerAdvice(new DatabaseUnavailableHandler())
          .build();

  /** Every failure above, for each parameterised test. */
  static java.util.stream.Stream<String> failures() {
    return FAILURES.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("failures")
  void apiGetsAProblemWithRetryAfter(String failure) throws Exception {
    mvc.perform(get("/api/v1/fail/" + failure))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.status").value(503))
        .andExpect(jsonPath("$.title").value("Service temporarily unavailable"))
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("database is not reachable")));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void pageGetsTheErrorStatusWithRetryAfter(String failure) throws Exception {
    mvc.perform(get("/page/" + failure))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().string(""));
  }

  @org.junit.jupiter.api.Test
  void otherDataAccessErrorsAreLeftToOtherHandlers() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mvc.perform(get("/api/v1/integrity")))
        .hasRootCauseInstanceOf(SQLException.class)
        .rootCause()
        .hasMessage("duplicate key");
  }

  @org.junit.jupiter.api.Test
  void otherSqlErrorsOfTheSameTypeAreLeftAlone() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mvc.perform(get("/api/v1/syntax")))
        .hasRootCauseInstanceOf(SQLException.class)
        .rootCause()
        .hasMessage("syntax error");
  }

  @org.junit.jupiter.api.Test
  void otherRollbackFailuresAreLeftAlone() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> mvc.perform(get("/api/v1/rollback-refused")))
        .hasRootCauseInstanceOf(SQLException.class)
        .rootCause()
        .hasMessage("cannot roll back while a subtransaction is active");
  }

  private static SQLTransientConnectionException timedOut() {
    return new SQLTransientConnectionException(
        "osaava - Connection is not available, request timed out after 2000ms",
        "08001",
        new ConnectException("Connection refused"));
  }

  @Controller
  static class FailingController {

    @GetMapping("/api/v1/fail/{failure}")
    @ResponseBody
    String api(@PathVariable String failure) {
      throw FAILURES.get(failure).get();
    }

    @GetMapping("/page/{failure}")
    String page(@PathVariable String failure) {
      throw FAILURES.get(failure).get();
    }

    @GetMapping("/api/v1/integrity")
    @ResponseBody
    String integrity() {
      throw new DataIntegrityViolationException(
          "could not insert", new SQLException("duplicate key", "23505"));
    }

    @GetMapping("/api/v1/rollback-refused")
    @ResponseBody
    String rollbackRefused() {
      throw new JpaSystemException(
          new GenericJDBCException(
              "Unable to rollback against JDBC Connection",
              new SQLException("cannot roll back while a subtransaction is active", "25001")));
    }

    @GetMapping("/api/v1/syntax")
    @ResponseBody
    String syntax() {
      throw new GenericJDBCException(
          "could not prepare", new SQLException("syntax error", "42601"));
    }
  }
}
