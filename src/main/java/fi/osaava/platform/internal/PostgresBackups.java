package fi.osaava.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import fi.osaava.platform.DatabaseBackups;
import fi.osaava.platform.InvalidInputException;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@link DatabaseBackups} with {@code pg_dump} and {@code pg_restore}, run against the database of
 * the service's own connection pool (the embedded cluster or {@code spring.datasource.*}). The
 * password reaches them in an owner-only pgpass file named by {@code PGPASSFILE}, never on a
 * command line, where any local user could read it.
 */
@Component
public class PostgresBackups implements DatabaseBackups {

  private static final Logger log = LoggerFactory.getLogger(PostgresBackups.class);

  private final DataSource dataSource;
  private final EntityManagerFactory entityManagerFactory;
  private final PostgresClientTools tools;

  PostgresBackups(
      DataSource dataSource,
      EntityManagerFactory entityManagerFactory,
      @Value("${osaava.backup.client-dir:}") String clientDirectory) {
    this.dataSource = dataSource;
    this.entityManagerFactory = entityManagerFactory;
    this.tools =
        new PostgresClientTools(
            clientDirectory.isBlank() ? null : Path.of(clientDirectory),
            PostgresClientTools.defaultSearchPath());
  }

  @Override
  public Backup backup(Path file) {
    long started = System.nanoTime();
    Path target = file.toAbsolutePath().normalize();
    Path folder = target.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new InvalidInputException(
          target.toString(), 0, null, "its folder " + folder + " does not exist");
    }
    Server server = server();
    PostgresClientTools.Tool pgDump = tools.find("pg_dump", server.major());
    Path partial = null;
    try (ClientEnvironment client = new ClientEnvironment(server)) {
      // Owner-only (createTempFile), as the backup holds personal data; beside the target, so
      // that the rename is atomic.
      partial = Files.createTempFile(folder, "." + target.getFileName() + ".", ".partial");
      List<String> command = new ArrayList<>(List.of(pgDump.path().toString()));
      command.addAll(
          List.of(
              "--format=custom",
              "--no-password",
              "--file=" + partial,
              "--dbname=" + server.database()));
      server.schemas().forEach(schema -> command.add("--schema=" + schema));
      PostgresClientTools.Result result = PostgresClientTools.run(command, client.environment());
      if (!result.ok()) {
        throw new IllegalStateException(
            "pg_dump failed (exit " + result.exit() + "), no backup written: " + result.errors());
      }
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      long bytes = Files.size(target);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      log.info("Backed up the database to {} ({} bytes, {} ms)", target, bytes, took.toMillis());
      return new Backup(target, bytes, took, pgDump.toString(), server.version());
    } catch (IOException e) {
      throw new IllegalStateException("Could not write the backup " + target + ": " + e, e);
    } finally {
      deleteQuietly(partial);
    }
  }

  /** {@link DatabaseBackups#check}: no database is needed to read a backup. */
  public static CheckedBackup check(Path file, @Nullable Path clientDirectory) {
    Path source = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(source) || !Files.isReadable(source)) {
      throw new InvalidInputException(
          source.toString(), 0, null, "no such readable file; nothing was restored");
    }
    PostgresClientTools.Tool pgRestore =
        new PostgresClientTools(clientDirectory, PostgresClientTools.defaultSearchPath())
            .find("pg_restore", 0);
    return new CheckedBackup(source, validate(source, pgRestore, Map.of()));
  }

  @Override
  public Restore restore(CheckedBackup backup) {
    long started = System.nanoTime();
    Path source = backup.file();
    List<String> contents = backup.contents();
    Server server = server();
    PostgresClientTools.Tool pgRestore = tools.find("pg_restore", server.major());
    try (ClientEnvironment client = new ClientEnvironment(server)) {
      try (Connection guard = dataSource.getConnection()) {
        guard.setAutoCommit(true);
        // Held through the restore, so that no service node with Lucene indexes starts meanwhile.
        requireNoServiceNode(guard);
        try {
          requireNoOtherClients(guard);
          requireNoTablesBeyond(guard, contents, source);
          restore(source, pgRestore, server, client);
        } finally {
          unlockQuietly(guard);
        }
      }
      int indexes = emptySearchIndexes();
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      log.info("Restored the database from {} in {} ms", source, took.toMillis());
      return new Restore(source, contents.size(), took, pgRestore.toString(), indexes);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The database could not be checked before the restore: " + e, e);
    }
  }

  /** One transaction: a failure rolls back everything and leaves the database as it was. */
  private static void restore(
      Path source, PostgresClientTools.Tool pgRestore, Server server, ClientEnvironment client) {
    List<String> command =
        List.of(
            pgRestore.path().toString(),
            "--single-transaction",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--no-password",
            "--dbname=" + server.database(),
            source.toString());
    PostgresClientTools.Result result = PostgresClientTools.run(command, client.environment());
    if (!result.ok()) {
      throw new IllegalStateException(
          "pg_restore failed (exit "
              + result.exit()
              + "); its transaction was rolled back and the database is as it was: "
              + result.errors());
    }
  }

  /**
   * Reads the whole file before anything changes: its table of contents ({@code --list}), then
   * every data block (a restore into {@code /dev/null}), which a truncated file fails.
   *
   * @return the table of contents' entries
   */
  private static List<String> validate(
      Path source, PostgresClientTools.Tool pgRestore, Map<String, String> environment) {
    PostgresClientTools.Result list =
        PostgresClientTools.run(
            List.of(pgRestore.path().toString(), "--list", source.toString()), environment);
    if (!list.ok()) {
      throw new InvalidInputException(
          source.toString(),
          0,
          null,
          "not a complete backup that pg_restore can read ("
              + list.errors()
              + "); nothing was restored");
    }
    List<String> entries =
        list.output().lines().filter(line -> !line.isBlank() && !line.startsWith(";")).toList();
    if (tables(entries).stream().noneMatch(table -> table.endsWith(".flyway_schema_history"))) {
      throw new InvalidInputException(
          source.toString(),
          0,
          null,
          "not a backup of an Osaava database (it has no flyway_schema_history table);"
              + " nothing was restored");
    }
    PostgresClientTools.Result read =
        PostgresClientTools.run(
            List.of(pgRestore.path().toString(), "--file=/dev/null", source.toString()),
            environment);
    if (!read.ok()) {
      throw new InvalidInputException(
          source.toString(),
          0,
          null,
          "incomplete or damaged (" + read.errors() + "); nothing was restored");
    }
    return entries;
  }

  /**
   * The tables ({@code schema.name}) in a table of contents; a line reads {@code 215; 1259 16385
   * TABLE public flyway_schema_history postgres}.
   */
  static Set<String> tables(List<String> entries) {
    Set<String> tables = new TreeSet<>();
    for (String entry : entries) {
      String[] fields = entry.strip().split("\\s+");
      if (fields.length >= 6 && fields[3].equals("TABLE") && !fields[4].equals("DATA")) {
        tables.add(fields[4] + "." + fields[5]);
      }
    }
    return tables;
  }

  /** The advisory lock a service node with Lucene indexes holds (LuceneNodeLock). */
  private static void requireNoServiceNode(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      lock.setLong(1, LuceneNodeLock.KEY);
      try (ResultSet result = lock.executeQuery()) {
        if (result.next() && result.getBoolean(1)) {
          return;
        }
      }
    }
    throw new IllegalStateException(
        "An Osaava service node runs on this database (it holds the node lock, docs/operations.md,"
            + " \"Several nodes\"); stop every node before restoring. Nothing was restored.");
  }

  /** Before the connection goes back to the pool, which keeps it open. */
  private static void unlockQuietly(Connection connection) {
    try (PreparedStatement unlock =
        connection.prepareStatement("select pg_advisory_unlock_all()")) {
      unlock.execute();
    } catch (SQLException ignored) {
      // A broken connection holds no lock any more.
    }
  }

  /**
   * Nodes whose indexes are all in OpenSearch take no lock, but keep connections open: any client
   * of the database other than this process's pool (told apart by its application name) is refused,
   * since it would go on working on data the restore replaces under it.
   */
  private static void requireNoOtherClients(Connection connection) throws SQLException {
    List<String> others = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            """
            select coalesce(nullif(application_name, ''), '(unnamed)'), client_addr, count(*)
            from pg_stat_activity
            where datname = current_database() and backend_type = 'client backend'
              and application_name <> current_setting('application_name')
            group by 1, 2 order by 1""")) {
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          String address = result.getString(2);
          others.add(
              result.getString(1)
                  + (address == null ? "" : " from " + address)
                  + " ("
                  + result.getLong(3)
                  + " connections)");
        }
      }
    }
    if (!others.isEmpty()) {
      throw new IllegalStateException(
          "Other clients are connected to the database: "
              + String.join("; ", others)
              + ". Stop every Osaava node and import before restoring. Nothing was restored.");
    }
  }

  /**
   * {@code --clean} drops and recreates what the backup holds and leaves anything else: a table the
   * backup lacks (made by a newer Osaava's migrations) would stay beside a migration history that
   * does not know it, and the next start would fail. Refused before anything changes.
   */
  private static void requireNoTablesBeyond(
      Connection connection, List<String> contents, Path source) throws SQLException {
    Set<String> inBackup = tables(contents);
    Set<String> schemas = new LinkedHashSet<>();
    inBackup.forEach(table -> schemas.add(table.substring(0, table.indexOf('.'))));
    Set<String> extra = new TreeSet<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "select schemaname || '.' || tablename from pg_tables where schemaname = any(?)")) {
      query.setArray(1, connection.createArrayOf("text", schemas.toArray()));
      try (ResultSet result = query.executeQuery()) {
        while (result.next()) {
          String table = result.getString(1);
          if (!inBackup.contains(table)) {
            extra.add(table);
          }
        }
      }
    }
    if (!extra.isEmpty()) {
      throw new InvalidInputException(
          source.toString(),
          0,
          null,
          "the database has tables the backup does not ("
              + String.join(", ", extra)
              + "): it was made by a newer Osaava. Restore into an empty database (a new --home,"
              + " or a new external database). Nothing was restored");
    }
  }

  /**
   * Drops and recreates every search index empty, wherever it lives (Lucene folder or OpenSearch);
   * each module's start-up check then finds its index empty and rebuilds it from the restored
   * tables.
   */
  private int emptySearchIndexes() {
    SearchMapping mapping = Search.mapping(entityManagerFactory);
    // One scope per entity: a scope cannot span two backends (labels and education are two).
    Collection<? extends SearchIndexedEntity<?>> entities = mapping.allIndexedEntities();
    for (SearchIndexedEntity<?> entity : entities) {
      mapping.scope(entity.javaClass()).schemaManager().dropAndCreate();
    }
    return entities.size();
  }

  /** The server behind the pool, and how its client programs reach it. */
  private Server server() {
    HikariDataSource pool;
    try {
      pool = dataSource.unwrap(HikariDataSource.class);
    } catch (SQLException e) {
      throw new IllegalStateException("The data source is not a Hikari pool: " + dataSource, e);
    }
    String url = pool.getJdbcUrl();
    Properties parsed = Driver.parseURL(url, null);
    if (parsed == null) {
      throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + url);
    }
    String user = pool.getUsername() != null ? pool.getUsername() : parsed.getProperty("user");
    String password =
        pool.getPassword() != null ? pool.getPassword() : parsed.getProperty("password");
    List<String> schemas = new ArrayList<>();
    String currentSchema = parsed.getProperty("currentSchema");
    if (currentSchema != null && !currentSchema.isBlank()) {
      for (String schema : currentSchema.split(",")) {
        schemas.add(schema.strip());
      }
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "select current_setting('server_version_num')::int / 10000,"
                    + " current_setting('server_version')");
        ResultSet result = query.executeQuery()) {
      result.next();
      return new Server(
          parsed.getProperty("PGHOST"),
          parsed.getProperty("PGPORT"),
          parsed.getProperty("PGDBNAME"),
          user,
          password,
          parsed.getProperty("sslmode"),
          List.copyOf(schemas),
          result.getInt(1),
          result.getString(2));
    } catch (SQLException e) {
      throw new IllegalStateException("The database could not be reached: " + e, e);
    }
  }

  record Server(
      String host,
      String port,
      String database,
      @Nullable String user,
      @Nullable String password,
      @Nullable String sslMode,
      List<String> schemas,
      int major,
      String version) {}

  /**
   * The environment of a client program: where the server is and, in an owner-only pgpass file
   * deleted afterwards, the password.
   */
  private static final class ClientEnvironment implements AutoCloseable {
    private final Map<String, String> environment = new HashMap<>();
    private final @Nullable Path passFile;

    ClientEnvironment(Server server) {
      environment.put("PGHOST", server.host());
      environment.put("PGPORT", server.port());
      environment.put("PGDATABASE", server.database());
      if (server.user() != null) {
        environment.put("PGUSER", server.user());
      }
      if (server.sslMode() != null) {
        environment.put("PGSSLMODE", server.sslMode());
      }
      environment.put("PGAPPNAME", "osaava backup");
      String password = server.password();
      if (password == null || password.isEmpty()) {
        passFile = null;
        return;
      }
      try {
        passFile = Files.createTempFile("osaava-", ".pgpass"); // owner-only
        Files.writeString(passFile, "*:*:*:*:" + escape(password) + "\n", StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("Could not write a pgpass file: " + e, e);
      }
      environment.put("PGPASSFILE", passFile.toString());
    }

    /** pgpass fields escape backslash and colon with a backslash. */
    private static String escape(String value) {
      return value.replace("\\", "\\\\").replace(":", "\\:");
    }

    Map<String, String> environment() {
      return environment;
    }

    @Override
    public void close() {
      deleteQuietly(passFile);
    }
  }

  private static void deleteQuietly(@Nullable Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", file, e.toString());
    }
  }
}
