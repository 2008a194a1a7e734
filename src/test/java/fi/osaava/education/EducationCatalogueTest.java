package fi.osaava.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.web.WebTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The importers on the real national files and the real database. */
class EducationCatalogueTest extends WebTestBase {

  @Autowired EducationCatalogue catalogue;
  @Autowired EducationApi education;
  @Autowired JdbcTemplate jdbc;

  List<EducationImportReport> reports;

  @BeforeEach
  void importCatalogue() {
    reports = EducationTestData.ensureImported(catalogue);
  }

  @Test
  void importsEverySourceWithCountsAndNoErrors() {
    Map<String, EducationImportReport> bySource =
        reports.stream()
            .collect(Collectors.toMap(EducationImportReport::source, Function.identity()));
    assertThat(bySource.get("konfo").records()).isEqualTo(1345);
    assertThat(bySource.get("konfo").errors()).isEmpty();
    assertThat(bySource.get("osaamismerkit").records()).isEqualTo(3);
    EducationImportReport eperusteet = bySource.get("eperusteet");
    assertThat(eperusteet.errors()).isEmpty();
    // Nine qualifications and their units.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from education_offering where source = 'eperusteet'"
                    + " and kind = 'QUALIFICATION' and source_id not like 'peruste/99900%'",
                Integer.class))
        .isEqualTo(9);
    assertThat(eperusteet.records()).isGreaterThan(250);
    // Units of the qualifications carry their professional skill requirements as outcomes.
    Integer outcomes =
        jdbc.queryForObject(
            "select count(*) from education_learning_outcome l join education_offering o"
                + " on o.id = l.offering_id where o.source = 'eperusteet' and l.text_sv is not null",
            Integer.class);
    assertThat(outcomes).isGreaterThan(500);
  }

  @Test
  void reimportChangesNothing() {
    List<EducationImportReport> again =
        catalogue.importFiles(
            List.of(fi.osaava.ReferenceData.directory().resolve("education")),
            ImportProgress.silent());
    assertThat(again).allSatisfy(r -> assertThat(r.changed()).isZero());
  }

  @Test
  void konfoRecordsKeepMunicipalitiesLanguagesAndLevel() {
    UUID id =
        jdbc.queryForObject(
            "select id from education_offering where source = 'konfo'"
                + " and source_id = '1.2.246.562.13.00000000000000002167'",
            UUID.class);
    MatchableOffering offering =
        education.matchableOffering(new OfferingId(id), Language.FI).orElseThrow();
    assertThat(offering.level()).isEqualTo(EducationLevel.DEGREE);
    assertThat(offering.municipalityCodes()).contains("710");
    assertThat(offering.teachingLanguages()).contains(Language.SV, Language.FI);
    assertThat(offering.fieldCode()).isNotBlank();
    assertThat(offering.synthetic()).isFalse();
  }

  @Test
  void unitsMissingFromAQualificationAreDeactivatedNotDeleted(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("testitutkinto.json");
    Files.writeString(file, qualification(999000001, 6));
    catalogue.importFiles(List.of(file), ImportProgress.silent());
    Files.writeString(file, qualification(999000001, 5));
    List<EducationImportReport> second =
        catalogue.importFiles(List.of(file), ImportProgress.silent());
    assertThat(second.getFirst().deactivated()).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select active from education_offering where source = 'eperusteet'"
                    + " and source_id = 'peruste/999000001/osa/6'",
                Boolean.class))
        .isFalse();
    // The real qualifications of the same source were not in this run's scope.
    assertThat(
            jdbc.queryForObject(
                "select count(*) from education_offering where source = 'eperusteet'"
                    + " and source_id like 'peruste/1571584%' and not active",
                Integer.class))
        .isZero();
  }

  @Test
  void aQualificationLosingMostOfItsUnitsIsRefusedUnlessAllowed(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("kutistuva.json");
    Files.writeString(file, qualification(999000003, 6));
    catalogue.importFiles(List.of(file), ImportProgress.silent());
    Files.writeString(file, qualification(999000003, 2));

    assertThatThrownBy(() -> catalogue.importFiles(List.of(file), ImportProgress.silent()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).isEqualTo("kutistuva.json");
              assertThat(e.problem()).contains("retire 4 of the 6 active eperusteet offerings");
            });
    assertThat(activeUnits(999000003)).isEqualTo(6);

    List<EducationImportReport> allowed =
        catalogue.importFiles(List.of(file), true, ImportProgress.silent());
    assertThat(allowed.getFirst().deactivated()).isEqualTo(4);
    assertThat(activeUnits(999000003)).isEqualTo(2);
  }

  @Test
  void aTruncatedQualificationFileIsRefusedWithItsLineAndChangesNothing(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("katkennut.json");
    Files.writeString(file, qualification(999000002, 3));
    catalogue.importFiles(List.of(file), ImportProgress.silent());
    String whole = qualification(999000002, 3).replace("{\"id\": 2", "\n{\"id\": 2");
    Files.writeString(file, whole.substring(0, whole.indexOf("{\"id\": 2") + 12));

    assertThatThrownBy(() -> catalogue.importFiles(List.of(file), ImportProgress.silent()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).isEqualTo("katkennut.json");
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.field()).isEqualTo("(file)");
              assertThat(e.problem())
                  .contains("complete snapshot")
                  .contains("nothing was imported");
            });
    assertThat(activeUnits(999000002)).isEqualTo(3);
  }

  private int activeUnits(int qualification) {
    return jdbc.queryForObject(
        "select count(*) from education_offering where source = 'eperusteet' and active"
            + " and source_id like ?",
        Integer.class,
        "peruste/" + qualification + "/osa/%");
  }

  private static String qualification(long id, int units) {
    StringBuilder json =
        new StringBuilder(
            "{\"id\": "
                + id
                + ", \"nimi\": {\"fi\": \"Testitutkinto "
                + id
                + "\"}, \"koulutustyyppi\": \"koulutustyyppi_1\", \"tutkinnonOsat\": [");
    for (int i = 1; i <= units; i++) {
      json.append(i == 1 ? "" : ",")
          .append("{\"id\": ")
          .append(i)
          .append(", \"nimi\": {\"fi\": \"Testiosa ")
          .append(i)
          .append("\"}, \"ammattitaitovaatimukset\": {\"fi\": \"<ul><li>osaa asiat</li></ul>\"}}");
    }
    return json.append("]}").toString();
  }
}
