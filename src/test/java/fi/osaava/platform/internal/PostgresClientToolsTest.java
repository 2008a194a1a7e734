package fi.osaava.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client programs are chosen by the version they report: the newest at least the server's
 * major, and a clear refusal naming what was found when none is new enough.
 */
class PostgresClientToolsTest {

  @TempDir Path folders;

  private Path fakeDump(String folder, String version) throws IOException {
    Path dir = Files.createDirectories(folders.resolve(folder));
    Path program = dir.resolve("pg_dump");
    Files.writeString(program, "#!/bin/sh\necho 'pg_dump (PostgreSQL) " + version + "'\n");
    assertThat(program.toFile().setExecutable(true)).isTrue();
    return program;
  }

  @Test
  void theNewestAtLeastTheServersMajorIsChosen() throws IOException {
    Path old = fakeDump("a", "12.4");
    Path newer = fakeDump("b", "16.2 (Debian 16.2-1)");
    Path newest = fakeDump("c", "17.1");
    PostgresClientTools tools =
        new PostgresClientTools(
            null, List.of(old.getParent(), newer.getParent(), newest.getParent()));

    assertThat(tools.find("pg_dump", 15).path()).isEqualTo(newest);
    assertThat(tools.find("pg_dump", 15).version()).isEqualTo("17.1");
    assertThatThrownBy(() -> tools.find("pg_dump", 18))
        .hasMessageContaining("No pg_dump of PostgreSQL 18 or newer found in PATH")
        .hasMessageContaining(old + " (PostgreSQL 12.4)")
        .hasMessageContaining(newer + " (PostgreSQL 16.2)")
        .hasMessageContaining("postgresql-client-18");
  }

  @Test
  void aConfiguredFolderIsTheOnlyPlaceLookedAt() throws IOException {
    Path elsewhere = fakeDump("elsewhere", "17.1");
    Path configured = Files.createDirectories(folders.resolve("configured"));
    PostgresClientTools tools = new PostgresClientTools(configured, List.of(elsewhere.getParent()));

    assertThatThrownBy(() -> tools.find("pg_dump", 15))
        .hasMessageContaining(configured + " (osaava.backup.client-dir) (none at all)");
  }

  @Test
  void theTableOfContentsNamesTheTables() {
    List<String> contents =
        List.of(
            "215; 1259 16385 TABLE public flyway_schema_history postgres",
            "3401; 0 16385 TABLE DATA public flyway_schema_history postgres",
            "3102; 2606 16393 CONSTRAINT public flyway_schema_history flyway_schema_history_pk"
                + " postgres");
    assertThat(PostgresBackups.tables(contents)).containsExactly("public.flyway_schema_history");
  }
}
