package fi.osaava.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Groups the dataset importers: {@code osaava import esco …}, {@code osaava import regions …}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import a published dataset.",
    subcommands = {
      ImportEscoCommand.class,
      ImportRegionsCommand.class,
      ImportEducationCommand.class,
      ImportEducationJsonLdCommand.class,
      ImportLabourMarketCommand.class,
      ImportJobAdsCommand.class,
      ImportServicesCommand.class,
      ImportRegionalProjectsCommand.class
    })
final class ImportCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
