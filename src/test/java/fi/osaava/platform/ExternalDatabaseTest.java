package fi.osaava.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import fi.osaava.OsaavaApplication;
import fi.osaava.platform.internal.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The external-database mode: with {@code spring.datasource.url} set, the service must run its
 * migrations on that server and use it, and start no embedded PostgreSQL.
 *
 * <p>The server comes from {@code OSAAVA_IT_PG_URL}, {@code OSAAVA_IT_PG_USER} and {@code
 * OSAAVA_IT_PG_PASSWORD}, which {@code ./osaava test} sets after starting Debian's PostgreSQL.
 * Without them the test is skipped, except under {@code CI=true}, where a skip would let the mode
 * go untested: there it fails. Each run works in a schema of its own and drops it at the end, so
 * checkouts testing in parallel against the same server do not meet.
 */
class ExternalDatabaseTest {

  private static final String SCHEMA_PREFIX = "osaava_it_";

  @TempDir static Path home;

  private static Server server;
  private static String unavailableReason;
  private static String schema;
  private static ConfigurableApplicationContext context;

  record Server(String url, String user, String password) {
    Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }
  }

  @BeforeAll
  static void bootAgainstTheExternalServer() throws SQLException {
    server = serverFromEnvironment();
    if (server == null) {
      return;
    }
    schema =
        SCHEMA_PREFIX
            + Instant.now().getEpochSecond()
            + "_"
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
    dropSchemasLeftByCrashedRuns();
    String separator = server.url().contains("?") ? "&" : "?";
    context =
        new SpringApplicationBuilder(OsaavaApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                Map.of(
                    "spring.datasource.url",
                    server.url() + separator + "currentSchema=" + schema,
                    "spring.datasource.username",
                    server.user(),
                    "spring.datasource.password",
                    server.password(),
                    "spring.flyway.schemas",
                    schema,
                    "spring.flyway.default-schema",
                    schema,
                    "spring.jpa.properties.hibernate.default_schema",
                    schema,
                    "osaava.home",
                    home.toString(),
                    "osaava.bootstrap",
                    "false"))
            .run();
  }

  /** Skipping here rather than in {@code @BeforeAll} puts the reason in the test report. */
  @BeforeEach
  void skipWithoutServer() {
    Assumptions.assumeTrue(
        server != null, () -> "External PostgreSQL not available: " + unavailableReason);
  }

  @AfterAll
  static void dropTheSchema() throws SQLException {
    if (context != null) {
      context.close();
    }
    if (server != null) {
      try (Connection connection = server.connect();
          Statement statement = connection.createStatement()) {
        statement.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  @Test
  void migrationsRanOnTheExternalServer() throws SQLException {
    try (Connection connection = server.connect();
        PreparedStatement tables =
            connection.prepareStatement(
                "select count(*) from information_schema.tables"
                    + " where table_schema = ? and table_name in ('taxonomy_concept', 'taxonomy_label')");
        PreparedStatement history =
            connection.prepareStatement(
                "select count(*) filter (where success), count(*) filter (where not success)"
                    + " from "
                    + schema
                    + ".flyway_schema_history where version is not null")) {
      tables.setString(1, schema);
      try (ResultSet result = tables.executeQuery()) {
        result.next();
        assertThat(result.getInt(1)).as("taxonomy tables in schema " + schema).isEqualTo(2);
      }
      try (ResultSet result = history.executeQuery()) {
        result.next();
        assertThat(result.getInt(1)).as("successful migrations").isPositive();
        assertThat(result.getInt(2)).as("failed migrations").isZero();
      }
    }
  }

  @Test
  void theApplicationUsesTheExternalServerAndNoEmbeddedOne() throws SQLException {
    DatabaseDescription description = context.getBean(DatabaseDescription.class);
    assertThat(description.mode()).isEqualTo("external");
    assertThat(description.url()).startsWith(server.url()).doesNotContain(server.password());
    assertThat(context.getBeanProvider(EmbeddedDatabase.class).getIfAvailable()).isNull();

    try (Connection connection = context.getBean(DataSource.class).getConnection();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("select current_user, current_schema(), inet_server_port()")) {
      result.next();
      assertThat(result.getString(1)).isEqualTo(server.user());
      assertThat(result.getString(2)).isEqualTo(schema);
      assertThat(server.url()).contains(":" + result.getInt(3) + "/");
    }
  }

  private static Server serverFromEnvironment() {
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
      return candidate;
    } catch (SQLException e) {
      return unavailable("cannot connect to " + url + " as " + user + ": " + e.getMessage());
    }
  }

  /** Skips the tests, or fails them in CI, where the external mode must be proven every run. */
  private static Server unavailable(String reason) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true, so the external-database mode must be tested, but " + reason);
    }
    unavailableReason = reason;
    return null;
  }

  /** Schemas of runs that died before their clean-up, older than a day, so none is in use. */
  private static void dropSchemasLeftByCrashedRuns() throws SQLException {
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
