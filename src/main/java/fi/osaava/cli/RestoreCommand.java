package fi.osaava.cli;

import fi.osaava.platform.DatabaseBackups;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code osaava restore FILE}: replaces the database's contents with a backup's, while no service
 * runs on it.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Replace the database with the backup in FILE (all or nothing); stop the service first.",
      "Every search index is rebuilt at the next start."
    })
final class RestoreCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Mixin BackupClientOption client;

  @Parameters(index = "0", paramLabel = "FILE", description = "A file written by 'backup'.")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    // Before the database is even started: a damaged file is refused at once.
    DatabaseBackups.CheckedBackup checked = DatabaseBackups.check(file, client.directory());
    try (ConfigurableApplicationContext context = CliApplication.boot(common, overrides())) {
      DatabaseBackups.Restore restore = context.getBean(DatabaseBackups.class).restore(checked);
      out.printf(
          "Restored %s: %,d entries in %.1f s (%s)%n",
          restore.file(), restore.entries(), restore.took().toMillis() / 1000.0, restore.client());
      out.printf(
          "Emptied %d search indexes; they are rebuilt from the restored data at the next start"
              + " ('./osaava start').%n",
          restore.indexesEmptied());
      return 0;
    }
  }

  /**
   * The embedded cluster is started by this process, never attached to: the home lock then proves
   * that no service runs on it. Migrations do not run, since the file is checked before anything
   * changes; the next start migrates a backup of an older version. The connections carry a name of
   * their own, so that the check for other clients can tell them apart.
   */
  private Map<String, Object> overrides() {
    Map<String, Object> overrides = client.properties();
    overrides.put("osaava.embedded-database.attach", "false");
    overrides.put("spring.flyway.enabled", "false");
    overrides.put("spring.jpa.hibernate.ddl-auto", "none");
    overrides.put(
        "spring.datasource.hikari.data-source-properties.ApplicationName",
        "osaava restore pid " + ProcessHandle.current().pid());
    return overrides;
  }
}
