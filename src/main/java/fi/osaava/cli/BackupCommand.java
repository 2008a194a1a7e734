package fi.osaava.cli;

import fi.osaava.platform.DatabaseBackups;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code osaava backup FILE}: a consistent {@code pg_dump} of the service's database, beside a
 * running service (attached to its embedded server) or without one.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Back the database up to FILE (pg_dump custom format), also while the service runs.",
      "Needs pg_dump of the server's PostgreSQL version or newer (Debian: postgresql-client)."
    })
final class BackupCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Mixin BackupClientOption client;

  @Parameters(index = "0", paramLabel = "FILE", description = "The backup file to write.")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context =
        CliApplication.boot(common, client.properties())) {
      DatabaseBackups.Backup backup = context.getBean(DatabaseBackups.class).backup(file);
      out.printf(
          "Backed up PostgreSQL %s to %s: %,d bytes in %.1f s (%s)%n",
          backup.server(),
          backup.file(),
          backup.bytes(),
          backup.took().toMillis() / 1000.0,
          backup.client());
      return 0;
    }
  }
}
