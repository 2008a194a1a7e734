package fi.osaava.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL lets nobody in without the password kept owner-only in the home's
 * secrets: {@code pg_hba.conf} asks for it on every line (Unix socket and loopback), the server
 * refuses a connection without it, and a cluster made when it still trusted every local connection
 * is upgraded at its next start.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedDatabasePasswordTest {

  @TempDir Path home;

  @BeforeAll
  static void quietServerOutput() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.zonky")).setLevel(Level.WARN);
  }

  @AfterEach
  void stopLeftovers() throws Exception {
    EmbeddedDatabase.recoverFromCrash(home.resolve("postgres"));
  }

  @Test
  void newClusterRequiresThePasswordFromAnOwnerOnlySecretsFile() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(home, false, null, false)) {
      assertRequiresPassword(database);

      Path secret = home.resolve("secrets/postgres.password");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
          .isEqualTo("rw-------");
      assertThat(Files.readString(secret).strip()).isEqualTo(database.password()).hasSize(43);
      assertThat(Files.readString(home.resolve("postgres.log")))
          .doesNotContain(database.password());

      // A CLI command beside the running service attaches with the same password.
      try (EmbeddedDatabase attached = EmbeddedDatabase.start(home, false, null, true);
          Connection connection = EmbeddedDatabaseRecoveryTest.connect(attached)) {
        assertThat(attached.password()).isEqualTo(database.password());
        assertThat(connection.isValid(2)).isTrue();
      }
    }
    // The next start keeps the password and the configuration.
    String first = EmbeddedDatabasePassword.read(home);
    try (EmbeddedDatabase again = EmbeddedDatabase.start(home, false, null, false)) {
      assertThat(again.password()).isEqualTo(first);
      assertRequiresPassword(again);
    }
  }

  @Test
  void clusterMadeWithTrustIsUpgradedAtItsNextStartAndKeepsItsData() throws Exception {
    // What earlier versions left: zonky's initdb with '-A trust', and no password file.
    Path data = home.resolve("postgres");
    try (EmbeddedPostgres old =
            EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
        Connection connection =
            DriverManager.getConnection(old.getJdbcUrl(EmbeddedDatabase.USER, "postgres"));
        Statement statement = connection.createStatement()) {
      statement.execute("create table upgrade_probe (id int primary key)");
      statement.execute("insert into upgrade_probe values (7)");
    }
    Files.deleteIfExists(data.resolve("epg-lock"));
    assertThat(EmbeddedDatabase.trusts(data.resolve("pg_hba.conf"))).as("the old cluster").isTrue();
    assertThat(home.resolve("secrets")).doesNotExist();

    try (EmbeddedDatabase database = EmbeddedDatabase.start(home, false, null, false)) {
      assertRequiresPassword(database);
      try (Connection connection = EmbeddedDatabaseRecoveryTest.connect(database);
          Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("select id from upgrade_probe")) {
        assertThat(result.next()).isTrue();
        assertThat(result.getInt(1)).isEqualTo(7);
      }
    }
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(data.resolve("pg_hba.conf"))))
        .isEqualTo("rw-------");
  }

  @Test
  void ephemeralClusterRequiresAPasswordTooAndWritesNoSecret() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(home, true, null, false)) {
      assertRequiresPassword(database);
    }
    assertThat(home.resolve("secrets")).doesNotExist();
  }

  @Test
  void pgHbaCommentsAndOtherMethodsAreNotReadAsTrust() throws Exception {
    Path hba = Files.createDirectories(home.resolve("conf")).resolve("pg_hba.conf");
    Files.writeString(
        hba, "# local all all trust\nhost all all 10.0.0.0/8 scram-sha-256 # trust\n");
    assertThat(EmbeddedDatabase.trusts(hba)).isFalse();
    Files.writeString(hba, "local\tall\tall\t\ttrust\n");
    assertThat(EmbeddedDatabase.trusts(hba)).isTrue();
  }

  /**
   * No active line of {@code pg_hba.conf} trusts, a connection without or with a wrong password is
   * refused, and one with the password gets in.
   */
  private static void assertRequiresPassword(EmbeddedDatabase database) throws Exception {
    Path hba = database.dataDirectory().resolve("pg_hba.conf");
    List<String> active =
        Files.readAllLines(hba).stream()
            .map(line -> line.replaceFirst("#.*", "").strip())
            .filter(line -> !line.isEmpty())
            .toList();
    assertThat(active).isNotEmpty().noneMatch(line -> line.matches(".*\\btrust\\b.*"));
    assertThat(active).allMatch(line -> line.endsWith("scram-sha-256"));

    assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", null))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("no password was provided");
    assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "guess"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("password authentication failed");
    try (Connection connection = EmbeddedDatabaseRecoveryTest.connect(database)) {
      assertThat(connection.isValid(2)).isTrue();
    }
  }
}
