package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code osaava} commands as a person runs them, in-process, on a durable embedded database
 * under a temporary home: import, status, re-import and a failing import.
 */
class CommandLineTest {

  @TempDir Path home;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;
  private String originalEphemeral;

  @BeforeEach
  void captureConsoleAndUseADurableDatabase() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    // The test configuration makes databases ephemeral; these commands must share one.
    originalEphemeral = System.setProperty("osaava.embedded-database.ephemeral", "false");
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    if (originalEphemeral == null) {
      System.clearProperty("osaava.embedded-database.ephemeral");
    } else {
      System.setProperty("osaava.embedded-database.ephemeral", originalEphemeral);
    }
  }

  private int run(String... args) {
    out.reset();
    err.reset();
    return OsaavaCommand.execute(args);
  }

  @Test
  void importsEscoShowsTheStatusAndRecognisesARepeatedImport() throws IOException {
    // The real release without its alternative labels (which only the status's totals of all
    // labels would show, and which EscoReferenceImportTest counts in full).
    String esco =
        EscoWithoutAlternativeLabels.copyInto(home.resolve("reference/esco/v1.1.1")).toString();
    String homeDir = home.toString();

    assertThat(run("import", "esco", "--home", homeDir, esco)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("ESCO 1.1.1 imported");

    assertThat(run("status", "--home", homeDir)).isZero();
    String status = out.toString(StandardCharsets.UTF_8);
    assertThat(status)
        .contains("ESCO version:     1.1.1")
        .containsPattern("skills:\\s+13,896")
        .containsPattern("occupations:\\s+3,007")
        .containsPattern("fi:\\s+16,898")
        .containsPattern("sv:\\s+3,626")
        .containsPattern("no:\\s+3,5\\d\\d")
        .contains("Database:         embedded");

    assertThat(run("import", "esco", "--home", homeDir, esco)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("already imported, nothing changed");
  }

  @Test
  void aFailedImportExitsNonZeroNamingFileLineAndField() throws IOException {
    Path release = Files.createDirectories(home.resolve("v9.9"));
    Files.writeString(
        release.resolve("occupationSkillRelations.csv"),
        "occupationUri,relationType,skillUri\n"
            + "http://data.europa.eu/esco/occupation/x,essential,not-a-uri\n");

    int exit = run("import", "esco", "--home", home.resolve("h").toString(), release.toString());

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("occupationSkillRelations.csv, line 2, field 'skillUri'")
        .contains("Nothing from this run was saved.");
  }

  @Test
  void unknownSubcommandsAreUsageErrors() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("start", "import", "status", "bench");
  }
}
