package fi.osaava.cli;

import java.nio.file.Path;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The root {@code osaava} command; it only lists its subcommands: its own, and those a {@link
 * SubcommandProvider} on the class path adds (the measurement wing's {@code bench} and {@code
 * evaluate}).
 */
@Command(
    name = "osaava",
    mixinStandardHelpOptions = true,
    version = "Osaava 0.1.0",
    description = "National digital service for continuous learning.",
    subcommands = {
      StartCommand.class,
      ImportCommand.class,
      StatusCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      IdentifyCommand.class,
      GenerateCommand.class
    })
public final class OsaavaCommand implements Runnable {

  /** Exit code of a command that leaves the service running; {@code main} must not exit then. */
  public static final int KEEP_RUNNING = Integer.MIN_VALUE;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * System property naming the folder the person ran {@code ./osaava} in. The launcher runs the JVM
   * from the repository (where {@code data/} and {@code ../shared/data} are found), so relative
   * paths on the command line are resolved against this folder instead, as the person meant them.
   */
  static final String CALLER_DIRECTORY_PROPERTY = "osaava.cwd";

  /** The jar's entry point: runs the command line and exits unless the service keeps running. */
  public static void main(String[] args) {
    int exitCode = execute(args);
    if (exitCode != KEEP_RUNNING) {
      System.exit(exitCode);
    }
  }

  /** Runs the command line and returns its exit code, or {@link #KEEP_RUNNING}. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new OsaavaCommand());
    // Before the settings below: picocli applies them only to the subcommands already added.
    for (SubcommandProvider provider : ServiceLoader.load(SubcommandProvider.class)) {
      provider.subcommands().forEach(commandLine::addSubcommand);
    }
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    String callerDirectory = System.getProperty(CALLER_DIRECTORY_PROPERTY);
    if (callerDirectory != null && !callerDirectory.isBlank()) {
      Path base = Path.of(callerDirectory);
      commandLine.registerConverter(Path.class, value -> base.resolve(value).normalize());
    }
    return commandLine;
  }
}
