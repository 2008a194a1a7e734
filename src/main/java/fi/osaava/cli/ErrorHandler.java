package fi.osaava.cli;

import fi.osaava.platform.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's cause as one clear line rather than a stack trace: bad input names its
 * file, line and field. Exit code 1 for bad input, 2 for other failures.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    Throwable cause = exception;
    while (cause != null && !(cause instanceof InvalidInputException)) {
      cause = cause.getCause();
    }
    if (cause instanceof InvalidInputException invalid) {
      commandLine.getErr().println("error: " + invalid.getMessage());
      commandLine.getErr().println("Nothing from this run was saved.");
      return 1;
    }
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    commandLine.getErr().println("error: " + root.getMessage());
    if (Boolean.getBoolean("osaava.debug")) {
      exception.printStackTrace(commandLine.getErr());
    } else {
      commandLine.getErr().println("(run with -Dosaava.debug=true for the stack trace)");
    }
    return 2;
  }
}
