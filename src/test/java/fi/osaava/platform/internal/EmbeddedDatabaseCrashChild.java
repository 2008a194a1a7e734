package fi.osaava.platform.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Run in a separate JVM by {@link EmbeddedDatabaseRecoveryTest}, which kills it with SIGKILL:
 * starts the durable embedded database under the home given as the argument, commits one row,
 * leaves a second one uncommitted and waits to be killed. With a second argument {@value
 * #CLOSE_ON_EXIT} it closes the database from a JVM shutdown hook, as the Spring context of the
 * service does on SIGTERM.
 */
public final class EmbeddedDatabaseCrashChild {

  static final String READY = "CHILD-READY";
  static final String CLOSE_ON_EXIT = "close-on-exit";

  private EmbeddedDatabaseCrashChild() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), false, null, false);
    if (args.length > 1 && args[1].equals(CLOSE_ON_EXIT)) {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      database.close();
                    } catch (java.io.IOException e) {
                      e.printStackTrace();
                    }
                  }));
    }
    try (Connection connection = EmbeddedDatabaseRecoveryTest.connect(database);
        Statement statement = connection.createStatement()) {
      statement.execute("create table if not exists crash_probe (id int primary key, note text)");
      statement.execute("insert into crash_probe values (1, 'committed before the crash')");
    }
    Connection open = EmbeddedDatabaseRecoveryTest.connect(database);
    open.setAutoCommit(false);
    try (Statement statement = open.createStatement()) {
      statement.execute("insert into crash_probe values (2, 'never committed')");
    }
    System.out.println(READY);
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
