package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;

/**
 * The service as {@code osaava start --port P --home H} starts it, in this JVM, on a free port:
 * what a person runs, so that tests see the options, defaults and background work as they are.
 */
record RunningService(StartCommand command, int port) implements AutoCloseable {

  static RunningService start(Path home) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    StartCommand start =
        (StartCommand)
            OsaavaCommand.commandLine()
                .parseArgs("start", "--port", Integer.toString(port), "--home", home.toString())
                .subcommand()
                .commandSpec()
                .userObject();
    assertThat(start.call()).isEqualTo(OsaavaCommand.KEEP_RUNNING);
    return new RunningService(start, port);
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://localhost:" + port + pathAndQuery);
  }

  @Override
  public void close() {
    command.context.close();
  }
}
