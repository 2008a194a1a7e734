package fi.osaava.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds PostgreSQL's client programs ({@code pg_dump}, {@code pg_restore}) of a major version at
 * least the server's: {@code pg_dump} refuses a newer server ("aborting because of server version
 * mismatch"). Looked for in a configured folder only when one is set, otherwise on {@code PATH} and
 * in Debian's versioned folders ({@code /usr/lib/postgresql/<major>/bin}); the newest wins.
 * Debian's {@code /usr/bin} links lead to {@code pg_wrapper}, which picks a version by rules of its
 * own, so they are skipped in favour of the versioned programs behind them.
 */
final class PostgresClientTools {

  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)(\\.\\d+)?");

  /** A client program and the version it reports. */
  record Tool(Path path, int major, String version) {
    @Override
    public String toString() {
      return path + " (PostgreSQL " + version + ")";
    }
  }

  private final @Nullable Path configuredDirectory;
  private final List<Path> searchPath;

  /**
   * @param configuredDirectory {@code osaava.backup.client-dir}: when set, the only place looked at
   * @param searchPath the folders of {@code PATH}, then Debian's versioned ones
   */
  PostgresClientTools(@Nullable Path configuredDirectory, List<Path> searchPath) {
    this.configuredDirectory = configuredDirectory;
    this.searchPath = List.copyOf(searchPath);
  }

  /** The folders of this process's {@code PATH}, then {@code /usr/lib/postgresql/*\/bin}. */
  static List<Path> defaultSearchPath() {
    List<Path> folders = new ArrayList<>();
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        folders.add(Path.of(entry));
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (DirectoryStream<Path> versions = Files.newDirectoryStream(debian)) {
        List<Path> found = new ArrayList<>();
        versions.forEach(version -> found.add(version.resolve("bin")));
        found.sort(null);
        folders.addAll(found);
      } catch (IOException e) {
        // Unreadable: PATH alone is searched, and a missing tool is reported with where we looked.
      }
    }
    return folders;
  }

  /**
   * The newest {@code name} whose major version is at least {@code minimumMajor}.
   *
   * @throws IllegalStateException naming what was found and how to get a suitable one
   */
  Tool find(String name, int minimumMajor) {
    List<Tool> found = candidates(name);
    Optional<Tool> best =
        found.stream()
            .filter(tool -> tool.major() >= minimumMajor)
            .reduce((a, b) -> b.major() > a.major() ? b : a);
    if (best.isPresent()) {
      return best.get();
    }
    String where =
        configuredDirectory != null
            ? configuredDirectory + " (osaava.backup.client-dir)"
            : "PATH and /usr/lib/postgresql/*/bin";
    throw new IllegalStateException(
        "No "
            + name
            + (minimumMajor > 0 ? " of PostgreSQL " + minimumMajor + " or newer" : "")
            + " found in "
            + where
            + (found.isEmpty()
                ? " (none at all)"
                : "; found only " + String.join(", ", found.stream().map(Tool::toString).toList()))
            + ". Install the client tools (Debian: apt-get install postgresql-client"
            + (minimumMajor > 15 ? "-" + minimumMajor + " from apt.postgresql.org" : "")
            + "; './osaava' installs it when run as root), or set osaava.backup.client-dir to a"
            + " folder holding pg_dump and pg_restore"
            + (minimumMajor > 0 ? " of PostgreSQL " + minimumMajor + " or newer" : "")
            + ".");
  }

  private List<Tool> candidates(String name) {
    List<Path> folders =
        configuredDirectory != null ? List.of(configuredDirectory) : this.searchPath;
    Set<Path> seen = new LinkedHashSet<>();
    List<Tool> tools = new ArrayList<>();
    for (Path folder : folders) {
      Path program = folder.resolve(name);
      if (!Files.isRegularFile(program) || !Files.isExecutable(program)) {
        continue;
      }
      Path real;
      try {
        real = program.toRealPath();
      } catch (IOException e) {
        continue;
      }
      if (real.getFileName().toString().equals("pg_wrapper") || !seen.add(real)) {
        continue;
      }
      version(program).ifPresent(tools::add);
    }
    return tools;
  }

  /** Asks the program for its version; one that does not answer like a PostgreSQL tool is none. */
  private static Optional<Tool> version(Path program) {
    try {
      Process process =
          new ProcessBuilder(program.toString(), "--version").redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return Optional.empty();
      }
      Matcher matcher = VERSION.matcher(output);
      if (!matcher.find()) {
        return Optional.empty();
      }
      String version = matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2));
      return Optional.of(new Tool(program, Integer.parseInt(matcher.group(1)), version));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Runs {@code command} to its end; standard error is kept for the messages of a failure. */
  static Result run(List<String> command, Map<String, String> environment) {
    Path errors = null;
    try {
      errors = Files.createTempFile("osaava-pg-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(errors.toFile()));
      // Only our connection settings reach the tool, never a PGPASSWORD or PGSERVICE of the caller.
      builder.environment().keySet().removeIf(key -> key.startsWith("PG"));
      builder.environment().putAll(environment);
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      return new Result(exit, output, Files.readString(errors, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new IllegalStateException("Could not run " + command.getFirst() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command.getFirst(), e);
    } finally {
      if (errors != null) {
        try {
          Files.deleteIfExists(errors);
        } catch (IOException ignored) {
          // A temporary file left in /tmp.
        }
      }
    }
  }

  /** What a client program printed and how it ended. */
  record Result(int exit, String output, String errors) {
    boolean ok() {
      return exit == 0;
    }
  }
}
