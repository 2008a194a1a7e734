package fi.osaava.platform;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Debian's PostgreSQL server for the tests of the external-database mode and of several nodes.
 *
 * <p>The server comes from {@code OSAAVA_IT_PG_URL}, {@code OSAAVA_IT_PG_USER} and {@code
 * OSAAVA_IT_PG_PASSWORD}, which {@code ./osaava test} sets after starting Debian's PostgreSQL.
 * Without them the tests are skipped, except under {@code CI=true}, where a skip would let the mode
 * go untested: there they fail. Each test class works in a schema of its own and drops it at the
 * end, so checkouts testing in parallel against the same server do not meet.
 */
final class ExternalPostgres {

  static final String SCHEMA_PREFIX = "osaava_it_";

  record Server(String url, String user, String password) {
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }

    /** The JDBC address of {@code schema} on this server. */
    String urlOf(String schema) {
      return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    void drop(String schema) throws SQLException {
      try (Connection connection = connect();
          Statement statement = connection.createStatement()) {
        statement.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  /** The server or why there is none; under CI=true, none fails the test. */
  record Availability(Server server, String reason) {}

  private ExternalPostgres() {}

  static Availability fromEnvironment() {
    String url = System.getenv("OSAAVA_IT_PG_URL");
    String user = System.getenv("OSAAVA_IT_PG_USER");
    String password = System.getenv("OSAAVA_IT_PG_PASSWORD");
    if (url == null || url.isBlank() || user == null || password == null) {
      return unavailable(
          "OSAAVA_IT_PG_URL, OSAAVA_IT_PG_USER and OSAAVA_IT_PG_PASSWORD are not set;"
              + " './osaava test' starts PostgreSQL and sets them");
    }
    Server candidate = new Server(url, user, password);
    try (Connection connection = candidate.connect()) {
      return new Availability(candidate, null);
    } catch (SQLException e) {
      return unavailable("cannot connect to " + url + " as " + user + ": " + e.getMessage());
    }
  }

  /** A new schema name, unique to this run, after dropping those that crashed runs left. */
  static String newSchema(Server server) throws SQLException {
    dropSchemasLeftByCrashedRuns(server);
    return SCHEMA_PREFIX
        + Instant.now().getEpochSecond()
        + "_"
        + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
  }

  private static Availability unavailable(String reason) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true, so the external-database mode must be tested, but " + reason);
    }
    return new Availability(null, reason);
  }

  /** Schemas of runs that died before their clean-up, older than a day, so none is in use. */
  private static void dropSchemasLeftByCrashedRuns(Server server) throws SQLException {
    long dayAgo = Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
    List<String> stale = new ArrayList<>();
    try (Connection connection = server.connect();
        Statement statement = connection.createStatement()) {
      try (ResultSet result =
          statement.executeQuery(
              "select nspname from pg_namespace where nspname like '" + SCHEMA_PREFIX + "%'")) {
        while (result.next()) {
          String name = result.getString(1);
          String[] parts = name.substring(SCHEMA_PREFIX.length()).split("_");
          if (parts[0].matches("\\d+") && Long.parseLong(parts[0]) < dayAgo) {
            stale.add(name);
          }
        }
      }
      for (String name : stale) {
        statement.execute("drop schema if exists " + name.toLowerCase(Locale.ROOT) + " cascade");
      }
    }
  }
}
