package fi.osaava;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Osaava modular monolith. The jar's entry point is the command line ({@code
 * fi.osaava.cli.OsaavaCommand}), whose subcommands boot this application; this class does not refer
 * to the command line, so that the root package and the {@code cli} module form no cycle.
 */
@SpringBootApplication
public class OsaavaApplication {

  /** Starts the web service with default settings, as {@code osaava start} does (for IDEs). */
  public static void main(String[] args) {
    SpringApplication.run(OsaavaApplication.class, args);
  }
}
