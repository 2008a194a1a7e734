package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParseResult;

class OsaavaCommandTest {

  @AfterEach
  void clearCallerDirectory() {
    System.clearProperty(OsaavaCommand.CALLER_DIRECTORY_PROPERTY);
  }

  @Test
  void relativePathsAreResolvedAgainstTheFolderTheLauncherWasRunIn() {
    System.setProperty(OsaavaCommand.CALLER_DIRECTORY_PROPERTY, "/srv/caller");

    CommonOptions options = commonOptions("status", "--home", "state", "--data-dir", "../ref");

    assertThat(options.home).isEqualTo(Path.of("/srv/caller/state"));
    assertThat(options.dataDir).isEqualTo(Path.of("/srv/ref"));
  }

  @Test
  void absolutePathsStayAsGiven() {
    System.setProperty(OsaavaCommand.CALLER_DIRECTORY_PROPERTY, "/srv/caller");

    assertThat(commonOptions("status", "--home", "/var/lib/osaava").home)
        .isEqualTo(Path.of("/var/lib/osaava"));
  }

  @Test
  void withoutTheLauncherRelativePathsAreLeftToTheWorkingDirectory() {
    assertThat(commonOptions("status", "--home", "state").home).isEqualTo(Path.of("state"));
  }

  @Test
  void jsonLogFormatSelectsStructuredConsoleLogging() {
    assertThat(commonOptions("start", "--log-format", "json").properties())
        .containsEntry("logging.structured.format.console", "logstash");
    assertThat(commonOptions("start").properties())
        .doesNotContainKey("logging.structured.format.console");
  }

  static CommonOptions commonOptions(String... args) {
    ParseResult parsed = OsaavaCommand.commandLine().parseArgs(args);
    Object command = parsed.subcommand().commandSpec().userObject();
    return switch (command) {
      case StatusCommand status -> status.common;
      case StartCommand start -> start.common;
      default -> throw new IllegalArgumentException("no common options on " + command);
    };
  }
}
