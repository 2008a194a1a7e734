package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshot imports as a person runs them, on one durable embedded database: a truncated or damaged
 * Konfo file, or one implausibly smaller than the catalogue it replaces, changes nothing and exits
 * 1 naming the line (or the counts); {@code --allow-shrink} accepts a real shrink. Job-ad files are
 * all or nothing.
 */
class SnapshotImportCommandTest {

  private static final int OFFERINGS = 10;

  @TempDir Path home;
  @TempDir Path files;
  @RegisterExtension final DurableCommandLine commandLine = new DurableCommandLine();

  private static String konfoLine(int n) {
    return "{\"oid\": \"1.2.246.562.13.999000000000000%02d\", \"nimi\": {\"fi\": \"Testiohjelma %d\"},"
            .formatted(n, n)
        + " \"kielivalinta\": [\"fi\"], \"opintojenLaajuusNumero\": 180}";
  }

  private Path konfo(List<String> lines) throws IOException {
    Path file = files.resolve("konfo-test.jsonl");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private static List<String> fullCatalogue() {
    List<String> lines = new ArrayList<>();
    for (int n = 1; n <= OFFERINGS; n++) {
      lines.add(konfoLine(n));
    }
    return lines;
  }

  /** Importing the full file again changes nothing only if the refused runs changed nothing. */
  private void assertCatalogueUnchanged() throws IOException {
    assertThat(
            commandLine.run(
                "import",
                "education",
                "--home",
                home.toString(),
                konfo(fullCatalogue()).toString()))
        .isZero();
    assertThat(commandLine.stdout())
        .contains("konfo: 10 records, 0 new, 0 changed, 0 deactivated.");
  }

  @Test
  void aTruncatedOrDamagedSnapshotChangesNothingAndNamesTheLine() throws IOException {
    String homeDir = home.toString();
    assertThat(
            commandLine.run(
                "import", "education", "--home", homeDir, konfo(fullCatalogue()).toString()))
        .isZero();
    assertThat(commandLine.stdout())
        .contains("konfo: 10 records, 10 new, 0 changed, 0 deactivated.");

    // The file ends in the middle of line 5, as a cut-off download does.
    List<String> truncated = new ArrayList<>(fullCatalogue().subList(0, 4));
    String fifth = konfoLine(5);
    truncated.add(fifth.substring(0, fifth.length() / 2));
    Path cut = files.resolve("konfo-test.jsonl");
    Files.writeString(cut, String.join("\n", truncated));
    assertThat(commandLine.run("import", "education", "--home", homeDir, cut.toString()))
        .isEqualTo(1);
    assertThat(commandLine.stderr())
        .contains("error: konfo-test.jsonl, line 5, field '(line)': not valid JSON")
        .contains("complete snapshot")
        .contains("Nothing from this run was saved.");
    assertCatalogueUnchanged();

    // One damaged line in the middle: the other nine are no shrink, yet line 5 must not be lost.
    List<String> damaged = fullCatalogue();
    damaged.set(4, "{\"oid\": \"1.2.246.562.13.99900000000000005\", \"nimi\": {}}");
    assertThat(commandLine.run("import", "education", "--home", homeDir, konfo(damaged).toString()))
        .isEqualTo(1);
    assertThat(commandLine.stderr()).contains("error: konfo-test.jsonl, line 5, field 'nimi'");
    assertCatalogueUnchanged();
  }

  @Test
  void aSnapshotMuchSmallerThanTheCatalogueNeedsAllowShrink() throws IOException {
    String homeDir = home.toString();
    assertThat(
            commandLine.run(
                "import", "education", "--home", homeDir, konfo(fullCatalogue()).toString()))
        .isZero();

    // Two of ten gone is 20 %: a plausible change, accepted.
    Path eight = konfo(fullCatalogue().subList(0, 8));
    assertThat(commandLine.run("import", "education", "--home", homeDir, eight.toString()))
        .isZero();
    assertThat(commandLine.stdout()).contains("konfo: 8 records, 0 new, 0 changed, 2 deactivated.");

    // Three of the eight active gone is 37.5 %: refused, naming the counts.
    Path five = konfo(fullCatalogue().subList(0, 5));
    assertThat(commandLine.run("import", "education", "--home", homeDir, five.toString()))
        .isEqualTo(1);
    assertThat(commandLine.stderr())
        .contains("konfo-test.jsonl: this snapshot would retire 3 of the 8 active konfo offerings")
        .contains("--allow-shrink")
        .contains("Nothing from this run was saved.");

    assertThat(
            commandLine.run(
                "import", "education", "--home", homeDir, "--allow-shrink", five.toString()))
        .isZero();
    assertThat(commandLine.stdout()).contains("konfo: 5 records, 0 new, 0 changed, 3 deactivated.");
  }

  @Test
  void aJobAdFileWithABadLineStoresNothingAndNamesLineAndField() throws IOException {
    List<String> ads = new ArrayList<>();
    for (int n = 1; n <= 5; n++) {
      ads.add(
          ("{\"@type\": \"JobPosting\", \"identifier\": \"cli-ad-%d\", \"title\": \"Kokki\","
                  + " \"description\": \"Ruoanlaittoa ravintolassa.\", \"datePosted\": \"%s\"}")
              .formatted(n, n == 3 ? "3.10.2026" : "2026-10-03"));
    }
    Path file = files.resolve("ads.jsonl");
    Files.writeString(file, String.join("\n", ads) + "\n");

    assertThat(commandLine.run("import", "job-ads", "--home", home.toString(), file.toString()))
        .isEqualTo(1);
    assertThat(commandLine.stderr())
        .contains("error: " + file + ", line 3, field 'datePosted'")
        .contains("Nothing from this run was saved.");
  }

  private static final String SKILLS_HEADER =
      "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,"
          + "modifiedDate,scopeNote,definition,inScheme,description\n";

  private static String skillRow(int n) {
    return "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/test-%d,skill/competence,"
            .formatted(n)
        + "cross-sector,test skill %d,\"\",,released,,,,,\"Does test %d.\"\n".formatted(n, n);
  }

  /** An ESCO release folder holding only the English skills file, with these rows. */
  private Path escoRelease(String version, String skills) throws IOException {
    Path dir = Files.createDirectories(files.resolve("esco").resolve("v" + version));
    Files.writeString(dir.resolve("skills_en.csv"), SKILLS_HEADER + skills);
    return dir;
  }

  private static String skillRows(int count) {
    StringBuilder rows = new StringBuilder();
    for (int n = 1; n <= count; n++) {
      rows.append(skillRow(n));
    }
    return rows.toString();
  }

  @Test
  void aTruncatedOrShrunkEscoClassificationMakesNothingObsolete() throws IOException {
    String homeDir = home.toString();
    assertThat(
            commandLine.run(
                "import",
                "esco",
                "--home",
                homeDir,
                escoRelease("1.0.0", skillRows(10)).toString()))
        .isZero();
    assertThat(commandLine.stdout()).contains("10 concepts (10 new, 0 now obsolete)");

    // Cut off inside line 7 (the sixth skill), in its quoted description.
    String sixth = skillRow(6);
    Path cut = escoRelease("1.0.1", skillRows(5) + sixth.substring(0, sixth.indexOf("Does") + 4));
    assertThat(commandLine.run("import", "esco", "--home", homeDir, cut.toString())).isEqualTo(1);
    assertThat(commandLine.stderr())
        .contains("skills_en.csv, line 7")
        .contains("Nothing from this run was saved.");

    // Six of the ten: four would become obsolete, 40 %. Still ten current: the cut run changed
    // nothing.
    Path six = escoRelease("1.0.2", skillRows(6));
    assertThat(commandLine.run("import", "esco", "--home", homeDir, six.toString())).isEqualTo(1);
    assertThat(commandLine.stderr())
        .contains("this snapshot would retire 4 of the 10 current ESCO concepts")
        .contains("--allow-shrink");

    assertThat(
            commandLine.run("import", "esco", "--home", homeDir, "--allow-shrink", six.toString()))
        .isZero();
    assertThat(commandLine.stdout()).contains("6 concepts (0 new, 4 now obsolete)");
  }

  private static String municipalityRows(int count) {
    StringBuilder rows =
        new StringBuilder(
            "kunta,municipality_name_fi,maakunta_code,maakunta_name_fi,seutukunta_code,"
                + "seutukunta_name_fi\n");
    for (int n = 1; n <= count; n++) {
      rows.append("%d,\"Testikunta %d\",1,\"Testimaakunta\",11,\"Testiseutu\"\n".formatted(n, n));
    }
    return rows.toString();
  }

  @Test
  void aTruncatedOrShrunkMunicipalityFileReplacesNothing() throws IOException {
    String homeDir = home.toString();
    Path file = files.resolve("municipalities-2026.csv");
    Files.writeString(file, municipalityRows(10));
    assertThat(commandLine.run("import", "regions", "--home", homeDir, file.toString())).isZero();
    assertThat(commandLine.stdout()).contains("imported: 10 municipalities");

    // Cut off inside line 7, in a quoted name.
    String whole = municipalityRows(10);
    Files.writeString(file, whole.substring(0, whole.indexOf("Testikunta 6") + 5));
    assertThat(commandLine.run("import", "regions", "--home", homeDir, file.toString()))
        .isEqualTo(1);
    assertThat(commandLine.stderr())
        .contains("municipalities-2026.csv, line 7")
        .contains("Nothing from this run was saved.");

    Files.writeString(file, municipalityRows(6));
    assertThat(commandLine.run("import", "regions", "--home", homeDir, file.toString()))
        .isEqualTo(1);
    assertThat(commandLine.stderr())
        .contains("this snapshot would retire 4 of the 10 current municipalities")
        .contains("--allow-shrink");

    assertThat(
            commandLine.run(
                "import", "regions", "--home", homeDir, "--allow-shrink", file.toString()))
        .isZero();
    assertThat(commandLine.stdout()).contains("imported: 6 municipalities");
  }
}
