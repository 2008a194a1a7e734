package fi.osaava;

import fi.osaava.cli.OsaavaCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Osaava modular monolith. {@link #main} hands the command line to picocli, whose {@code start}
 * subcommand boots the web application and whose other subcommands boot it without a web server.
 */
@SpringBootApplication
public class OsaavaApplication {

  public static void main(String[] args) {
    int exitCode = OsaavaCommand.execute(args);
    if (exitCode != OsaavaCommand.KEEP_RUNNING) {
      System.exit(exitCode);
    }
  }
}
