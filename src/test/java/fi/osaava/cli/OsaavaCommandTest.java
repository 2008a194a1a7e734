package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
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

  /**
   * Picocli formats every description line with {@code String.format}, so a bare "20 % of" is a
   * conversion, and the help prints a warning and the line unformatted.
   */
  @Test
  void everyHelpLineIsAValidFormat() {
    List<String> lines = new ArrayList<>();
    collectDescriptions(OsaavaCommand.commandLine(), lines);
    assertThat(lines).hasSizeGreaterThan(50);
    for (String line : lines) {
      assertThatCode(() -> String.format(line)).as(line).doesNotThrowAnyException();
    }
  }

  private static void collectDescriptions(CommandLine command, List<String> lines) {
    // The annotations' own text: the model's descriptions are already interpolated.
    Class<?> type = command.getCommandSpec().userObject().getClass();
    Command commandAnnotation = type.getAnnotation(Command.class);
    if (commandAnnotation != null) {
      lines.addAll(List.of(commandAnnotation.description()));
    }
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        Option option = field.getAnnotation(Option.class);
        if (option != null) {
          lines.addAll(List.of(option.description()));
        }
        Parameters parameters = field.getAnnotation(Parameters.class);
        if (parameters != null) {
          lines.addAll(List.of(parameters.description()));
        }
      }
    }
    for (CommandLine sub : command.getSubcommands().values()) {
      collectDescriptions(sub, lines);
    }
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
