package fi.osaava.servicenetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.web.WebTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * The directory's importers on the real catalogue file and on bad input: the general descriptions
 * arrive whole, in fi/sv/en, with the documented type and life-situation rule applied; a bad record
 * is named by file, line and field and nothing of its input is stored.
 */
class ServiceDirectoryImportTest extends WebTestBase {

  @Autowired ServiceDirectory directory;
  @Autowired JdbcTemplate jdbc;

  @TempDir Path temp;

  @BeforeEach
  void importCatalogue() {
    ServicesTestData.ensureImported(directory);
  }

  private long count(String where) {
    Long n =
        jdbc.queryForObject("select count(*) from services_service where " + where, Long.class);
    return n == null ? 0 : n;
  }

  @Test
  void theRealCatalogueFileArrivesWholeInThreeLanguages() {
    assertThat(count("source = 'ptv' and active")).isEqualTo(458);
    assertThat(count("source = 'ptv' and kind = 'GENERAL_DESCRIPTION'")).isEqualTo(458);
    assertThat(count("source = 'ptv' and name_fi is not null")).isEqualTo(458);
    assertThat(count("source = 'ptv' and name_sv is not null")).isEqualTo(337);
    assertThat(count("source = 'ptv' and name_en is not null")).isEqualTo(334);
    // Draft.js documents became plain paragraphs.
    assertThat(count("source = 'ptv' and description_fi like '{\"entityMap\"%'")).isZero();
    Map<String, Object> apprenticeship =
        jdbc.queryForMap(
            "select name_sv, name_en, service_type, life_situations, description_fi"
                + " from services_service where source = 'ptv' and name_fi = 'Oppisopimuskoulutus'");
    assertThat(apprenticeship.get("name_en")).isEqualTo("Apprenticeship training");
    assertThat(apprenticeship.get("name_sv")).isEqualTo("Läroavtalsutbildning");
    assertThat(apprenticeship.get("service_type")).isEqualTo("TRAINING");
    assertThat((String) apprenticeship.get("life_situations"))
        .contains("CHANGING_CAREER", "YOUNG_WITHOUT_DEGREE");
    assertThat((String) apprenticeship.get("description_fi")).isNotBlank();
    // The rule finds the employment, education and enterprise services (about 70) and leaves out
    // health care, building permits and the like.
    long relevant = count("source = 'ptv' and life_situations <> ''");
    assertThat(relevant).isBetween(55L, 110L);
    assertThat(
            jdbc.queryForObject(
                "select life_situations from services_service where name_en = 'Advice for startups'"
                    + " limit 1",
                String.class))
        .contains("ENTREPRENEUR");
    assertThat(
            jdbc.queryForObject(
                "select life_situations from services_service where name_en ="
                    + " 'Physiotherapy services' limit 1",
                String.class))
        .isEmpty();
  }

  @Test
  void importingTheSameFileAgainChangesNothing() {
    ServiceImportReport again = ServicesTestData.ensureImported(directory);
    assertThat(again.read()).isEqualTo(458);
    assertThat(again.unchanged()).isEqualTo(458);
    assertThat(again.added() + again.updated() + again.retired()).isZero();
  }

  @Test
  void aTruncatedSnapshotIsRefusedByTheShrinkGuard() throws IOException {
    ArrayNode all =
        (ArrayNode) JsonMapper.shared().readTree(ServicesTestData.generalDescriptions().toFile());
    ArrayNode part = JsonMapper.shared().createArrayNode();
    for (int i = 0; i < 100; i++) {
      part.add(all.get(i));
    }
    Path file = temp.resolve("ptv-part.json");
    Files.writeString(file, part.toPrettyString());
    assertThatThrownBy(
            () -> directory.importGeneralDescriptions(file, false, ImportProgress.silent()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ptv-part.json")
        .hasMessageContaining("358 of the 458");
    assertThat(count("source = 'ptv' and active")).isEqualTo(458);
  }

  @Test
  void aBadCatalogueRecordIsNamedByLineAndField() throws IOException {
    ArrayNode all =
        (ArrayNode) JsonMapper.shared().readTree(ServicesTestData.generalDescriptions().toFile());
    ArrayNode copy = all.deepCopy();
    ((tools.jackson.databind.node.ObjectNode) copy.get(2)).put("Id", "not-a-uuid");
    Path file = temp.resolve("ptv-bad.json");
    String text = copy.toPrettyString();
    Files.writeString(file, text);
    long line = lineOf(text, "not-a-uuid") - 1;
    assertThatThrownBy(
            () -> directory.importGeneralDescriptions(file, false, ImportProgress.silent()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).isEqualTo("ptv-bad.json");
              assertThat(e.field()).isEqualTo("Id");
              assertThat(e.line()).isEqualTo(line);
            });
  }

  static final String GOOD =
      """
        {
          "id": "ohjaamo-%s",
          "organisation": {"businessId": "0201256-6", "name": {"fi": "Testikaupunki"}},
          "name": {"fi": "Ohjaamo %s", "sv": "Navigatorn %s", "en": "One-Stop Guidance Centre %s"},
          "summary": {"fi": "Maksutonta ohjausta alle 30-vuotiaille työnhakuun ja opiskeluun."},
          "type": "GUIDANCE",
          "lifeSituations": ["YOUNG_WITHOUT_DEGREE", "UNEMPLOYED"],
          "areas": ["municipality:837"],
          "languages": ["fi", "en"],
          "cost": {"type": "FREE"},
          "channels": [
            {"type": "PHONE", "phone": "+358 40 123 4567",
             "hours": [{"days": ["MONDAY", "TUESDAY"], "opens": "09:00", "closes": "16:00"}]}
          ]
        }""";

  @Test
  void aBadProviderRecordIsNamedByFileLineAndFieldAndNothingIsStored() throws IOException {
    String bad =
        GOOD.formatted("x", "x", "x", "x")
            .replace("\"closes\": \"16:00\"", "\"closes\": \"25:99\"");
    String text = "[\n" + GOOD.formatted("a1", "A1", "A1", "A1") + ",\n" + bad + "\n]\n";
    Path file = temp.resolve("provider.json");
    Files.writeString(file, text);
    long before = count("source = 'provider'");
    long line = lineOf(text, "ohjaamo-x") - 1;
    assertThatThrownBy(() -> directory.importServices(file, ImportProgress.silent()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).isEqualTo("provider.json");
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.field()).isEqualTo("channels[0].hours[0].closes");
              assertThat(e.getMessage()).contains("provider.json, line " + line);
            });
    assertThat(count("source = 'provider'")).isEqualTo(before);
  }

  @Test
  void aRecordRefusedWhileStoringLeavesNothingOfTheInputBehind() throws IOException {
    String first = GOOD.formatted("b1", "B1", "B1", "B1");
    String second =
        GOOD.formatted("b2", "B2", "B2", "B2")
            .replace(
                "\"type\": \"GUIDANCE\",",
                "\"type\": \"GUIDANCE\", \"generalDescription\": \"00000000-0000-4000-8000-000000000000\",");
    String text = "{\"services\": [\n" + first + ",\n" + second + "\n]}\n";
    Path file = temp.resolve("provider-two.json");
    Files.writeString(file, text);
    assertThatThrownBy(() -> directory.importServices(file, ImportProgress.silent()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo("generalDescription");
              assertThat(e.line()).isEqualTo(lineOf(text, "ohjaamo-b2") - 1);
            });
    assertThat(count("source_id like '%/ohjaamo-b1'")).as("the first, good record").isZero();
  }

  @Test
  void aGoodProviderFileIsStoredAndSentAgainChangesNothing() throws IOException {
    Path file = temp.resolve("good.json");
    Files.writeString(file, "[" + GOOD.formatted("c1", "C1", "C1", "C1") + "]");
    ServiceImportReport first = directory.importServices(file, ImportProgress.silent());
    assertThat(first.added() + first.updated() + first.unchanged()).isEqualTo(1);
    ServiceImportReport again = directory.importServices(file, ImportProgress.silent());
    assertThat(again.unchanged()).isEqualTo(1);
    Map<String, Object> row =
        jdbc.queryForMap(
            "select kind, area_index, channels::text as channels from services_service"
                + " where source_id = '0201256-6/ohjaamo-c1'");
    assertThat(row.get("kind")).isEqualTo("SERVICE");
    // Tampere (837) lies in Pirkanmaa (06): the index matches the region too.
    assertThat((String) row.get("area_index")).contains("municipality:837", "region:06");
    JsonNode channels = JsonMapper.shared().readTree((String) row.get("channels"));
    assertThat(channels.get(0).get("phone").asString()).isEqualTo("+358 40 123 4567");
  }

  private static long lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    return text.substring(0, at).lines().count() + (text.substring(0, at).endsWith("\n") ? 1 : 0);
  }
}
