package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code osaava} commands as a person runs them, in-process, on a durable embedded database
 * under a temporary home: import, status, re-import and a failing import.
 */
class CommandLineTest {

  @TempDir Path home;
  @RegisterExtension final DurableCommandLine commandLine = new DurableCommandLine();

  @Test
  void importsEscoShowsTheStatusAndRecognisesARepeatedImport() throws IOException {
    // The real release without its alternative labels (which only the status's totals of all
    // labels would show, and which EscoReferenceImportTest counts in full).
    String esco =
        EscoWithoutAlternativeLabels.copyInto(home.resolve("reference/esco/v1.1.1")).toString();
    String homeDir = home.toString();

    assertThat(commandLine.run("import", "esco", "--home", homeDir, esco)).isZero();
    assertThat(commandLine.stdout()).contains("ESCO 1.1.1 imported");

    assertThat(commandLine.run("status", "--home", homeDir)).isZero();
    String status = commandLine.stdout();
    assertThat(status)
        .contains("ESCO version:     1.1.1")
        .containsPattern("skills:\\s+13,896")
        .containsPattern("occupations:\\s+3,007")
        .containsPattern("fi:\\s+16,898")
        .containsPattern("sv:\\s+3,626")
        .containsPattern("no:\\s+3,5\\d\\d")
        .contains("Database:         embedded");

    assertThat(commandLine.run("import", "esco", "--home", homeDir, esco)).isZero();
    assertThat(commandLine.stdout()).contains("already imported, nothing changed");
  }

  @Test
  void aFailedImportExitsNonZeroNamingFileLineAndField() throws IOException {
    Path release = Files.createDirectories(home.resolve("v9.9"));
    Files.writeString(
        release.resolve("occupationSkillRelations.csv"),
        "occupationUri,relationType,skillUri\n"
            + "http://data.europa.eu/esco/occupation/x,essential,not-a-uri\n");

    int exit =
        commandLine.run(
            "import", "esco", "--home", home.resolve("h").toString(), release.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(commandLine.stderr())
        .contains("occupationSkillRelations.csv, line 2, field 'skillUri'")
        .contains("Nothing from this run was saved.");
  }

  @Test
  void unknownSubcommandsAreUsageErrors() {
    assertThat(commandLine.run("frobnicate")).isEqualTo(2);
    assertThat(commandLine.run("--help")).isZero();
    assertThat(commandLine.stdout()).contains("start", "import", "status", "bench");
  }
}
