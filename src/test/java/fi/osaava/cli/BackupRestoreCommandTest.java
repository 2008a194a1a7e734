package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code backup} and {@code restore} as a person runs them, on a durable embedded database with
 * Debian's client tools: data written, backed up, changed, restored, and the original data back
 * with every search index emptied and rebuilt by the next start. A truncated or foreign file is
 * refused before anything changes, and a missing client names what to install.
 */
class BackupRestoreCommandTest {

  private static final int OFFERINGS = 10;

  @TempDir Path home;
  @TempDir Path files;
  @RegisterExtension final DurableCommandLine commandLine = new DurableCommandLine();

  private Path konfo(String title) throws IOException {
    List<String> lines = new ArrayList<>();
    for (int n = 1; n <= OFFERINGS; n++) {
      lines.add(
          "{\"oid\": \"1.2.246.562.13.999000000000000%02d\", \"nimi\": {\"fi\": \"%s %d\"},"
                  .formatted(n, title, n)
              + " \"kielivalinta\": [\"fi\"], \"opintojenLaajuusNumero\": 180}");
    }
    Path file = files.resolve("konfo-" + title + ".jsonl");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  /** The catalogue's Finnish titles, sorted, and how many documents the search indexes hold. */
  private record Contents(List<String> titles, long indexed) {}

  private Contents contents() {
    CommonOptions options = new CommonOptions();
    options.home = home;
    try (ConfigurableApplicationContext context = CliApplication.boot(options)) {
      return contents(context);
    }
  }

  private static Contents contents(ConfigurableApplicationContext context) {
    List<String> titles =
        context
            .getBean(JdbcClient.class)
            .sql("select title_fi from education_offering order by title_fi")
            .query(String.class)
            .list();
    EntityManagerFactory factory = context.getBean(EntityManagerFactory.class);
    long indexed = 0;
    try (EntityManager entityManager = factory.createEntityManager()) {
      // One search per entity: a search cannot span two backends.
      for (var entity : Search.mapping(factory).allIndexedEntities()) {
        indexed +=
            Search.session(entityManager)
                .search(entity.javaClass())
                .where(f -> f.matchAll())
                .fetchTotalHitCount();
      }
    }
    return new Contents(titles, indexed);
  }

  private static List<String> titles(String title) {
    return java.util.stream.IntStream.rangeClosed(1, OFFERINGS)
        .mapToObj(n -> title + " " + n)
        .sorted()
        .toList();
  }

  @Test
  void aRoundTripBringsTheDataBackAndTheNextStartRebuildsTheIndexes() throws Exception {
    String homeDir = home.toString();
    assertThat(
            commandLine.run(
                "import", "education", "--home", homeDir, konfo("Alkuperäinen").toString()))
        .isZero();
    assertThat(commandLine.stdout()).contains("konfo: 10 records, 10 new");

    Path backup = files.resolve("osaava.backup");
    assertThat(commandLine.run("backup", "--home", homeDir, backup.toString()))
        .as(commandLine.stderr())
        .isZero();
    assertThat(commandLine.stdout())
        .contains("Backed up PostgreSQL 15.")
        .contains(backup.toString());
    assertThat(Files.size(backup)).isPositive();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
        .isEqualTo("rw-------");
    try (var left = Files.list(files)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
    }

    assertThat(
            commandLine.run("import", "education", "--home", homeDir, konfo("Muutettu").toString()))
        .isZero();
    assertThat(commandLine.stdout()).contains("konfo: 10 records, 0 new, 10 changed");

    // Cut off half-way, as an interrupted copy leaves it, or not a backup at all: refused before
    // the database is even started.
    byte[] whole = Files.readAllBytes(backup);
    Path truncated = files.resolve("truncated.backup");
    Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
    assertThat(commandLine.run("restore", "--home", homeDir, truncated.toString())).isEqualTo(1);
    assertThat(commandLine.stderr())
        .contains("error: " + truncated)
        .contains("not a complete backup")
        .contains("nothing was restored");
    // Its table of contents whole, the last data block cut: only reading every block finds it.
    Files.write(truncated, Arrays.copyOf(whole, whole.length - 64));
    assertThat(commandLine.run("restore", "--home", homeDir, truncated.toString())).isEqualTo(1);
    assertThat(commandLine.stderr())
        .contains("incomplete or damaged")
        .contains("nothing was restored");
    Path foreign = files.resolve("notes.backup");
    Files.writeString(foreign, "not a backup\n");
    assertThat(commandLine.run("restore", "--home", homeDir, foreign.toString())).isEqualTo(1);
    assertThat(commandLine.stderr()).contains("not a complete backup that pg_restore can read");
    assertThat(home.resolve("postgres").resolve("postmaster.pid")).doesNotExist();

    assertThat(commandLine.run("restore", "--home", homeDir, backup.toString()))
        .as(commandLine.stderr())
        .isZero();
    assertThat(commandLine.stdout())
        .contains("Restored " + backup)
        .contains("search indexes; they are rebuilt from the restored data at the next start");
    Contents restored = contents();
    assertThat(restored.titles()).isEqualTo(titles("Alkuperäinen"));
    assertThat(restored.indexed()).isZero();

    try (RunningService service = RunningService.start(home)) {
      HttpClient http = HttpClient.newHttpClient();
      assertThat(
              ImportBesideServiceTest.total(
                  http, service.uri("/api/v1/education/search?q=Alkuper%C3%A4inen")))
          .isEqualTo(OFFERINGS);
      assertThat(
              ImportBesideServiceTest.total(
                  http, service.uri("/api/v1/education/search?q=Muutettu")))
          .isZero();

      // Beside the running service a backup attaches to its database; a restore is refused.
      Path beside = files.resolve("beside.backup");
      assertThat(commandLine.run("backup", "--home", homeDir, beside.toString()))
          .as(commandLine.stderr())
          .isZero();
      assertThat(commandLine.run("restore", "--home", homeDir, beside.toString())).isEqualTo(2);
      assertThat(commandLine.stderr()).contains("Another Osaava process is using " + home);
    }
  }

  @Test
  void aMissingClientIsNamedAndNoFileIsLeft() throws IOException {
    Path clients = files.resolve("clients");
    Files.createDirectories(clients);
    Path backup = files.resolve("osaava.backup");
    assertThat(
            commandLine.run(
                "backup",
                "--home",
                home.toString(),
                "--client-dir",
                clients.toString(),
                backup.toString()))
        .isEqualTo(2);
    assertThat(commandLine.stderr())
        .contains("No pg_dump of PostgreSQL 15 or newer found in " + clients)
        .contains("(none at all)")
        .contains("apt-get install postgresql-client");
    try (var left = Files.list(files)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("clients");
    }
  }
}
