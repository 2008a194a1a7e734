package fi.osaava.regionalintelligence.internal.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.ReferenceData;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.regions.AreaLevel;
import fi.osaava.web.WebTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statistics Finland's table 121w (net migration per municipality) as the expert-mobility page
 * reads it: the published file whole, and bad files refused naming the file, row and measure with
 * nothing stored.
 */
class MigrationStatisticsImportTest extends WebTestBase {

  @Autowired RegionalContext context;
  @Autowired JdbcClient jdbc;

  static final String HEADER =
      "{\"columns\":[{\"code\":\"timeperiod_y\",\"type\":\"t\"},"
          + "{\"code\":\"alue_23_20260101\",\"type\":\"d\"},"
          + "{\"code\":\"ssaaty-vm43_tulo\",\"type\":\"c\"},"
          + "{\"code\":\"ssaaty-vm43_lahto\",\"type\":\"c\"},"
          + "{\"code\":\"ssaaty-vm43_netto\",\"type\":\"c\"}],\"data\":[";

  @Test
  void thePublishedTableGivesEveryMunicipalityItsMovesAndAnExactNet() {
    Path file = ReferenceData.directory().resolve("regions/statfi/ssaaty_121w_2025.json");
    List<Object[]> rows = context.read(file);
    Map<String, Map<String, Double>> byArea = new HashMap<>();
    for (Object[] r : rows) {
      assertThat(r[0]).isEqualTo("ssaaty_121w");
      assertThat(r[1]).isEqualTo(2025);
      if (r[5] != null) {
        byArea
            .computeIfAbsent(r[2] + ":" + r[3], k -> new HashMap<>())
            .put((String) r[4], (Double) r[5]);
      }
    }
    long municipalities =
        byArea.keySet().stream().filter(k -> k.startsWith(AreaLevel.MUNICIPALITY.name())).count();
    assertThat(municipalities).isEqualTo(308);
    assertThat(byArea).containsKey("COUNTRY:");
    byArea.forEach(
        (area, m) ->
            assertThat(m.get("ssaaty-vm43_netto"))
                .as(area)
                .isEqualTo(m.get("ssaaty-vm43_tulo") - m.get("ssaaty-vm43_lahto")));
    // Moves between municipalities cancel out over the whole country.
    assertThat(byArea.get("COUNTRY:").get("ssaaty-vm43_netto")).isZero();
  }

  @Test
  void aBadFileIsRefusedNamingFileRowAndMeasureAndNothingIsStored(@TempDir Path data)
      throws Exception {
    Path statfi = Files.createDirectories(data.resolve("regions/statfi"));
    Path bad = statfi.resolve("ssaaty_121w_2025.json");
    Files.writeString(
        bad,
        HEADER
            + "{\"key\":[\"2025\",\"KU091\"],\"values\":[\"10\",\"5\",\"5\"]},"
            + "{\"key\":[\"2025\",\"KU837\"],\"values\":[\"10\",\"5\",\"five\"]}]}");
    long before = jdbc.sql("select count(*) from ri_area_statistic").query(Long.class).single();
    assertThatThrownBy(() -> context.importFrom(data, ImportProgress.silent()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ssaaty_121w_2025.json")
        .hasMessageContaining("line 2")
        .hasMessageContaining("'ssaaty-vm43_netto'");
    assertThat(jdbc.sql("select count(*) from ri_area_statistic").query(Long.class).single())
        .isEqualTo(before);

    Files.writeString(bad, HEADER + "{\"key\":[\"2025\"],\"values\":[\"1\",\"1\",\"0\"]}]}");
    assertThatThrownBy(() -> context.importFrom(data, ImportProgress.silent()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("'key'");

    Files.writeString(bad, "<html>not a table</html>");
    assertThatThrownBy(() -> context.importFrom(data, ImportProgress.silent()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ssaaty_121w_2025.json");
    assertThat(jdbc.sql("select count(*) from ri_area_statistic").query(Long.class).single())
        .isEqualTo(before);
  }
}
