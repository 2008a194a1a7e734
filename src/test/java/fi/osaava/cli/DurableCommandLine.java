package fi.osaava.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@code osaava} commands as a person runs them, in-process, on a durable embedded database
 * (the test configuration makes databases ephemeral; commands run one after another must share
 * one), with standard output and error captured per command. Register with
 * {@code @RegisterExtension}.
 */
final class DurableCommandLine implements BeforeEachCallback, AfterEachCallback {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;
  private String originalEphemeral;

  @Override
  public void beforeEach(ExtensionContext context) {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    originalEphemeral = System.setProperty("osaava.embedded-database.ephemeral", "false");
  }

  @Override
  public void afterEach(ExtensionContext context) {
    System.setOut(originalOut);
    System.setErr(originalErr);
    if (originalEphemeral == null) {
      System.clearProperty("osaava.embedded-database.ephemeral");
    } else {
      System.setProperty("osaava.embedded-database.ephemeral", originalEphemeral);
    }
  }

  /** Runs one command and returns its exit code; the output so far is forgotten first. */
  int run(String... args) {
    out.reset();
    err.reset();
    return OsaavaCommand.execute(args);
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
