package fi.osaava.cli;

import java.util.List;

/** The measurement wing's commands, registered in {@code META-INF/services}. */
public final class MeasurementCommands implements SubcommandProvider {

  @Override
  public List<Object> subcommands() {
    return List.of(new BenchCommand(), new EvaluateCommand());
  }
}
