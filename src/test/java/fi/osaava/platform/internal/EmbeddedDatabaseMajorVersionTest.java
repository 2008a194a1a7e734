package fi.osaava.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A home whose cluster another major version of PostgreSQL made (the PostgreSQL 17 binaries that
 * Osaava shipped before) is refused at start with what to do, before any server is started, and is
 * left as it was; a cluster of the shipped version starts.
 */
class EmbeddedDatabaseMajorVersionTest {

  @TempDir Path home;

  @Test
  void aClusterOfAnotherMajorVersionIsRefusedWithWhatToDo() throws Exception {
    Path cluster = home.resolve("postgres");
    Files.createDirectories(cluster.resolve("global"));
    Files.writeString(cluster.resolve("global").resolve("pg_control"), "made by PostgreSQL 17");
    Files.writeString(cluster.resolve("PG_VERSION"), "17\n");

    assertThatThrownBy(() -> EmbeddedDatabase.start(home, false, null, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(cluster + " was made by PostgreSQL 17")
        .hasMessageContaining("this Osaava runs PostgreSQL " + EmbeddedDatabase.MAJOR_VERSION)
        .hasMessageContaining("pg_dump --format=plain")
        .hasMessageContaining("mv " + cluster + " " + cluster + ".pg17");
    assertThat(Files.readString(cluster.resolve("PG_VERSION"))).isEqualTo("17\n");
    assertThat(home.resolve("postgres.log")).doesNotExist();
  }

  @Test
  void aNewClusterIsOfTheShippedMajorVersionAndStartsAgain() throws Exception {
    EmbeddedDatabase.start(home, false, null, false).close();
    assertThat(Files.readString(home.resolve("postgres").resolve("PG_VERSION")).strip())
        .isEqualTo(EmbeddedDatabase.MAJOR_VERSION);
    try (EmbeddedDatabase again = EmbeddedDatabase.start(home, false, null, false)) {
      assertThat(again.jdbcUrl()).startsWith("jdbc:postgresql://localhost:");
    }
  }
}
