package fi.osaava.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root {@code osaava} command; it only lists its subcommands. */
@Command(
    name = "osaava",
    mixinStandardHelpOptions = true,
    version = "Osaava 0.1.0",
    description = "National digital service for continuous learning.",
    subcommands = {
      StartCommand.class,
      ImportCommand.class,
      StatusCommand.class,
      BenchCommand.class,
      IdentifyCommand.class,
      EvaluateCommand.class
    })
public final class OsaavaCommand implements Runnable {

  /** Exit code of a command that leaves the service running; {@code main} must not exit then. */
  public static final int KEEP_RUNNING = Integer.MIN_VALUE;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and returns its exit code, or {@link #KEEP_RUNNING}. */
  public static int execute(String... args) {
    CommandLine commandLine = new CommandLine(new OsaavaCommand());
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    return commandLine.execute(args);
  }
}
