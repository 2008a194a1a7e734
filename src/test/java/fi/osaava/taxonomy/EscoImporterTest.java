package fi.osaava.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The importer on small packages written by the test, in the official layout: versions, updates in
 * place, and every kind of bad input rolling the whole run back.
 */
@SpringBootTest(properties = "osaava.test.database=importer")
class EscoImporterTest {

  private static final String SKILL = "http://data.europa.eu/esco/skill/";
  private static final String OCC = "http://data.europa.eu/esco/occupation/";
  private static final String ISCO = "http://data.europa.eu/esco/isco/C";
  private static final String SKILLS_HEADER =
      "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,"
          + "modifiedDate,scopeNote,definition,inScheme,description\n";

  @Autowired TaxonomyApi taxonomy;
  @Autowired JdbcTemplate jdbc;
  @TempDir Path temp;

  @BeforeEach
  void emptyDatabase() {
    jdbc.execute(
        "truncate taxonomy_import, taxonomy_concept, taxonomy_label, taxonomy_text,"
            + " taxonomy_broader, taxonomy_occupation_skill, taxonomy_skill_relation,"
            + " taxonomy_collection_member");
  }

  private Path release(String version, Map<String, String> files) throws IOException {
    Path dir = temp.resolve("v" + version);
    Files.createDirectories(dir);
    for (var file : files.entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
    return dir;
  }

  private static String skill(String id, String label, String alts, String description) {
    return "KnowledgeSkillCompetence,"
        + SKILL
        + id
        + ",skill/competence,cross-sector,"
        + label
        + ",\""
        + alts
        + "\",,released,,,,,\""
        + description
        + "\"\n";
  }

  private Map<String, String> version100() {
    return Map.of(
        "skills_en.csv",
        SKILLS_HEADER
            + skill("s1", "use spreadsheets", "work with spreadsheets\nuse Excel", "Use tables.")
            + skill("s2", "welding", "", "Join metals.")
            + skill("s3", "knit", "", "Make textiles."),
        "occupations_en.csv",
        "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,description,code\n"
            + "Occupation,"
            + OCC
            + "o1,7212,welder,\"metal welder\",Welds.,7212.1\n",
        "ISCOGroups_en.csv",
        "conceptType,conceptUri,code,preferredLabel,altLabels,description\n"
            + "ISCOGroup,"
            + ISCO
            + "7212,7212,Welders and flamecutters,,Weld.\n",
        "occupationSkillRelations.csv",
        "occupationUri,relationType,skillType,skillUri\n"
            + OCC
            + "o1,essential,skill/competence,"
            + SKILL
            + "s2\n"
            + OCC
            + "o1,optional,skill/competence,"
            + SKILL
            + "s1\n",
        "broaderRelationsOccPillar.csv",
        "conceptType,conceptUri,broaderType,broaderUri\n"
            + "Occupation,"
            + OCC
            + "o1,ISCOGroup,"
            + ISCO
            + "7212\n");
  }

  private EscoImportReport importRelease(Path... paths) {
    return taxonomy.importEsco(
        List.of(paths), EscoImportOptions.defaults(), ImportProgress.silent());
  }

  private long count(String table) {
    return jdbc.queryForObject("select count(*) from " + table, Long.class);
  }

  @Test
  void importsAPackageAndReadsTheVersionFromItsPath() throws IOException {
    assertThat(taxonomy.imported()).as("before any import").isFalse();
    assertThat(taxonomy.status().imported()).isFalse();
    EscoImportReport report = importRelease(release("1.0.0", version100()));
    assertThat(taxonomy.imported()).as("after the import").isTrue();
    assertThat(taxonomy.status().imported()).isTrue();

    assertThat(report.version()).isEqualTo("1.0.0");
    assertThat(report.unchanged()).isFalse();
    assertThat(report.added()).isEqualTo(5);
    Concept welder = taxonomy.concept(ConceptUri.of(OCC + "o1"), Language.EN).orElseThrow();
    assertThat(welder.label().text()).isEqualTo("welder");
    assertThat(welder.iscoCode()).isEqualTo("7212");
    assertThat(welder.alternativeLabels()).containsExactly("metal welder");
    assertThat(taxonomy.broader(welder.uri(), Language.EN))
        .extracting(s -> s.uri().value())
        .containsExactly(ISCO + "7212");
    var skills = taxonomy.skillsOfOccupation(welder.uri(), null, Language.EN, Paging.first(10));
    assertThat(skills.items())
        .extracting(r -> r.concept().label().text(), RelatedConcept::relation)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("welding", RelationType.ESSENTIAL),
            org.assertj.core.groups.Tuple.tuple("use spreadsheets", RelationType.OPTIONAL));
  }

  @Test
  void aNewerVersionUpdatesInPlaceAndMarksVanishedConceptsObsolete() throws IOException {
    importRelease(release("1.0.0", version100()));
    Map<String, String> next = new java.util.HashMap<>(version100());
    next.put(
        "skills_en.csv",
        SKILLS_HEADER
            + skill("s1", "use spreadsheet software", "use Excel", "Use tables.")
            + skill("s2", "welding", "", "Join metals.")
            + skill("s4", "crochet", "", "Make lace."));

    EscoImportReport report = importRelease(release("1.0.1", next));

    assertThat(report.added()).isEqualTo(1);
    assertThat(report.obsoleted()).isEqualTo(1);
    Concept knit = taxonomy.concept(ConceptUri.of(SKILL + "s3"), Language.EN).orElseThrow();
    assertThat(knit.obsolete()).isTrue();
    Concept spreadsheets = taxonomy.concept(ConceptUri.of(SKILL + "s1"), Language.EN).orElseThrow();
    assertThat(spreadsheets.label().text()).isEqualTo("use spreadsheet software");
    assertThat(spreadsheets.alternativeLabels()).containsExactly("use Excel");
    assertThat(taxonomy.status().version()).isEqualTo("1.0.1");
    assertThat(taxonomy.status().concepts().get(ConceptType.SKILL)).isEqualTo(3);
    assertThat(taxonomy.status().obsolete()).isEqualTo(1);
  }

  @Test
  void refusesAnOlderVersionThanTheOneImported() throws IOException {
    importRelease(release("1.0.1", version100()));
    Path older =
        release("1.0.0", Map.of("skills_en.csv", SKILLS_HEADER + skill("s9", "x", "", "")));

    assertThatThrownBy(() -> importRelease(older))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("older than the imported 1.0.1");
    assertThat(count("taxonomy_concept")).isEqualTo(5);
  }

  @Test
  void aTranslationAddsLabelsInItsLanguageOnly() throws IOException {
    importRelease(release("1.0.0", version100()));
    Path swedish =
        release(
            "1.0.0-sv",
            Map.of(
                "occupations_sv.csv",
                "conceptType,conceptUri,preferredLabel,altLabels\n"
                    + "Occupation,"
                    + OCC
                    + "o1,svetsare,\"svetsare, metall\"\n"
                    + "Occupation,"
                    + OCC
                    + "unknown,okänd,\n"));

    EscoImportReport report =
        taxonomy.importEsco(
            List.of(swedish), new EscoImportOptions("1.0.0", Language.EN), ImportProgress.silent());

    assertThat(report.warnings()).anyMatch(w -> w.contains("skipped 1 row"));
    Concept welder = taxonomy.concept(ConceptUri.of(OCC + "o1"), Language.SV).orElseThrow();
    assertThat(welder.label().text()).isEqualTo("svetsare");
    assertThat(welder.label().fallback()).isFalse();
    assertThat(welder.preferredLabels()).containsEntry(Language.EN, "welder");
    assertThat(taxonomy.concept(ConceptUri.of(OCC + "unknown"), Language.SV)).isEmpty();
  }

  @Test
  void aRelationToAnUnknownConceptNamesFileLineAndFieldAndKeepsNothing() throws IOException {
    Map<String, String> files = new java.util.HashMap<>(version100());
    files.put(
        "occupationSkillRelations.csv",
        "occupationUri,relationType,skillType,skillUri\n"
            + OCC
            + "o1,essential,skill/competence,"
            + SKILL
            + "s2\n"
            + OCC
            + "o1,essential,skill/competence,"
            + SKILL
            + "nope\n");

    assertThatThrownBy(() -> importRelease(release("1.0.0", files)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).endsWith("occupationSkillRelations.csv");
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.field()).isEqualTo("skillUri");
              assertThat(e.getMessage()).contains("unknown concept " + SKILL + "nope");
            });
    assertThat(count("taxonomy_concept")).isZero();
    assertThat(count("taxonomy_import")).isZero();
  }

  @Test
  void aMissingColumnIsNamed() throws IOException {
    Map<String, String> files = new java.util.HashMap<>(version100());
    files.put(
        "occupationSkillRelations.csv",
        "occupationUri,skillType,skillUri\n" + OCC + "o1,skill/competence," + SKILL + "s2\n");

    assertThatThrownBy(() -> importRelease(release("1.0.0", files)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("relationType");
              assertThat(e.line()).isEqualTo(1);
            });
    assertThat(count("taxonomy_concept")).isZero();
  }

  @Test
  void aMalformedRowIsReportedWithItsLine() throws IOException {
    Map<String, String> files = new java.util.HashMap<>(version100());
    files.put(
        "ISCOGroups_en.csv",
        "conceptType,conceptUri,code,preferredLabel,altLabels,description\n"
            + "ISCOGroup,"
            + ISCO
            + "7212,7212,Welders,,\"Weld\n\"\n"
            + "ISCOGroup,"
            + ISCO
            + "72,72,Metal workers\n");

    assertThatThrownBy(() -> importRelease(release("1.0.0", files)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).endsWith("ISCOGroups_en.csv");
              assertThat(e.line()).isEqualTo(4);
              assertThat(e.getMessage()).contains("expected 6 fields");
            });
    assertThat(count("taxonomy_label")).isZero();
  }

  @Test
  void aWrongEncodingIsReported() throws IOException {
    Path dir = release("1.0.0", version100());
    Files.write(
        dir.resolve("occupations_fi.csv"),
        ("conceptType,conceptUri,preferredLabel\nOccupation,"
                + OCC
                + "o1,hitsaaja\n"
                + "Occupation,"
                + OCC
                + "o1,py\u00f6r\u00e4\n")
            .getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> importRelease(dir))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).endsWith("occupations_fi.csv");
              assertThat(e.getMessage()).contains("not valid UTF-8");
              assertThat(e.line()).isEqualTo(3);
            });
    assertThat(count("taxonomy_concept")).isZero();
  }

  @Test
  void aBadRelationTypeIsNamed() throws IOException {
    Map<String, String> files = new java.util.HashMap<>(version100());
    files.put(
        "occupationSkillRelations.csv",
        "occupationUri,relationType,skillType,skillUri\n"
            + OCC
            + "o1,sometimes,skill/competence,"
            + SKILL
            + "s2\n");

    assertThatThrownBy(() -> importRelease(release("1.0.0", files)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("relationType");
              assertThat(e.line()).isEqualTo(2);
            });
  }

  @Test
  void withoutAVersionInThePathTheVersionMustBeGiven() throws IOException {
    Path dir = temp.resolve("plain");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("skills_en.csv"), SKILLS_HEADER + skill("s1", "a", "", ""));

    assertThatThrownBy(() -> importRelease(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--esco-version");
    EscoImportReport report =
        taxonomy.importEsco(
            List.of(dir), new EscoImportOptions("2.0", Language.EN), ImportProgress.silent());
    assertThat(report.version()).isEqualTo("2.0");
  }
}
