package fi.osaava.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.OsaavaApplication;
import fi.osaava.platform.internal.EmbeddedDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
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

  @TempDir static Path home;

  private static ExternalPostgres.Server server;
  private static String unavailableReason;
  private static String schema;
  private static ConfigurableApplicationContext context;

  @BeforeAll
  static void bootAgainstTheExternalServer() throws SQLException {
    ExternalPostgres.Availability availability = ExternalPostgres.fromEnvironment();
    server = availability.server();
    unavailableReason = availability.reason();
    if (server == null) {
      return;
    }
    schema = ExternalPostgres.newSchema(server);
    context =
        new SpringApplicationBuilder(OsaavaApplication.class)
            .web(WebApplicationType.NONE)
            .properties(
                Map.of(
                    "spring.datasource.url",
                    server.urlOf(schema),
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
      server.drop(schema);
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
}
