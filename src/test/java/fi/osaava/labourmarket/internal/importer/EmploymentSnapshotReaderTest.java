package fi.osaava.labourmarket.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.platform.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PxWeb snapshot reader: levels from the source's area codes, suppressed figures, errors. */
class EmploymentSnapshotReaderTest {

  @TempDir Path dir;

  private static final String COLUMNS =
      """
      "columns": [
        {"code": "Alue", "text": "Alue", "type": "d"},
        {"code": "timeperiod_m", "text": "Kuukausi", "type": "t"},
        {"code": "HAKIJALOPUSSA", "text": "Työnhakijoita", "type": "c"},
        {"code": "TYOTOSUUS", "text": "Työttömien %-osuus", "type": "c"}
      ]""";

  private Path file(String data) throws IOException {
    Path file = dir.resolve("tyonv_12r5_2026M06.json");
    Files.writeString(
        file,
        "{"
            + COLUMNS
            + ", \"data\": ["
            + data
            + "], \"metadata\": [{\"updated\":"
            + " \"2026-07-21T05.00.00Z\", \"source\": \"KEHA-keskus\"}]}");
    return file;
  }

  @Test
  void readsLevelsCodesAndSuppressedFigures() throws IOException {
    Path file =
        file(
            """
            {"key": ["SSS", "2026M06"], "values": ["542318", "12.8"]},
            {"key": ["MK1", "2026M06"], "values": ["1000", ".."]},
            {"key": ["SK063", "2026M06"], "values": ["...", "7.0"]},
            {"key": ["KU91", "2026M06"], "values": ["50", "3.5"]},
            {"key": ["ELY01", "2026M06"], "values": ["7", "1.0"]},
            {"key": ["MKJO", "2026M06"], "values": ["0", "0.0"]}
            """);
    EmploymentSnapshotReader.Snapshot s = new EmploymentSnapshotReader().read(file, "x.json");
    assertThat(s.measures())
        .extracting(EmploymentSnapshotReader.Measure::code)
        .containsExactly("HAKIJALOPUSSA", "TYOTOSUUS");
    assertThat(s.updated()).isEqualTo("2026-07-21T05.00.00Z");
    assertThat(s.rows()).hasSize(12);
    Date june = Date.valueOf(LocalDate.of(2026, 6, 1));
    assertThat(s.rows().get(0))
        .containsExactly("SSS", "COUNTRY", null, june, "HAKIJALOPUSSA", 542318.0);
    assertThat(s.rows().get(3)).containsExactly("MK1", "REGION", "01", june, "TYOTOSUUS", null);
    assertThat(s.rows().get(4))
        .containsExactly("SK063", "SUB_REGION", "063", june, "HAKIJALOPUSSA", null);
    assertThat(s.rows().get(6))
        .containsExactly("KU91", "MUNICIPALITY", "091", june, "HAKIJALOPUSSA", 50.0);
    assertThat(s.rows().get(8)[1]).isEqualTo("OTHER");
    assertThat(s.rows().get(10)[1]).isEqualTo("OTHER");
  }

  @Test
  void badInputNamesTheRowAndField() throws IOException {
    Path bad = file("{\"key\": [\"SSS\", \"2026M06\"], \"values\": [\"12\", \"-3\"]}");
    assertThatThrownBy(() -> new EmploymentSnapshotReader().read(bad, "x.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("x.json")
        .hasMessageContaining("data[0].values[1]")
        .hasMessageContaining("-3");
    Path shortRow = file("{\"key\": [\"SSS\", \"2026M06\"], \"values\": [\"12\"]}");
    assertThatThrownBy(() -> new EmploymentSnapshotReader().read(shortRow, "x.json"))
        .hasMessageContaining("data[0].values")
        .hasMessageContaining("2 values expected");
    Path month = file("{\"key\": [\"SSS\", \"2026-06\"], \"values\": [\"12\", \"1\"]}");
    assertThatThrownBy(() -> new EmploymentSnapshotReader().read(month, "x.json"))
        .hasMessageContaining("data[0].key[1]");
    Path twice =
        file(
            "{\"key\": [\"SSS\", \"2026M06\"], \"values\": [\"1\", \"1\"]},"
                + "{\"key\": [\"SSS\", \"2026M06\"], \"values\": [\"1\", \"1\"]}");
    assertThatThrownBy(() -> new EmploymentSnapshotReader().read(twice, "x.json"))
        .hasMessageContaining("data[1].key[0]");
    Path cut = dir.resolve("cut.json");
    Files.writeString(cut, "{" + COLUMNS + ", \"data\": [{\"key\": [\"SSS\"");
    assertThatThrownBy(() -> new EmploymentSnapshotReader().read(cut, "cut.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cut.json")
        .hasMessageContaining("not valid JSON");
  }
}
