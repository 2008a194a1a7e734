package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One-shot commands write their data to standard output ({@code ./osaava generate job-ads >
 * ads.jsonl}), so their logs must go to standard error only, in both log formats.
 */
@ExtendWith(OutputCaptureExtension.class)
class CliLoggingTest {

  @TempDir Path home;

  @AfterEach
  void forgetTheCommandsLogging() {
    // Later tests in this JVM configure logging afresh, as the service does.
    LoggingSystem.get(getClass().getClassLoader()).cleanUp();
    System.clearProperty("spring.main.lazy-initialization");
  }

  @Test
  void commandsLogToStandardErrorOnly(CapturedOutput output) {
    assertProbeOnStandardError(output, "text", "--home", home.toString());
  }

  @Test
  void jsonLogsOfCommandsGoToStandardErrorToo(CapturedOutput output) {
    String line =
        assertProbeOnStandardError(
            output, "json", "--home", home.toString(), "--log-format", "json");
    assertThat(line).startsWith("{").contains("\"level\":\"WARN\"");
  }

  private String assertProbeOnStandardError(
      CapturedOutput output, String format, String... options) {
    CommonOptions common = OsaavaCommandTest.commonOptions(prepend("status", options));
    // Logging is set up before any bean exists; lazy beans skip what nothing here asks for.
    System.setProperty("spring.main.lazy-initialization", "true");
    LoggingSystem.get(getClass().getClassLoader()).cleanUp();
    try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
      LoggerFactory.getLogger("osaava.cli-probe").warn("cli probe {}", format);
    }
    assertThat(output.getOut()).doesNotContain("cli probe");
    return output
        .getErr()
        .lines()
        .filter(l -> l.contains("cli probe " + format))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no log line on standard error:\n" + output));
  }

  private static String[] prepend(String first, String... rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
