package fi.osaava.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Feeds arbitrary bytes to {@link CsvReader}. Under a plain {@code mvn test} Jazzer runs only the
 * stored inputs in {@code src/test/resources/fi/osaava/platform/CsvReaderFuzzTestInputs/} (and an
 * empty one); with {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration} and adds any crashing
 * input there.
 */
class CsvReaderFuzzTest {

  private static final String SOURCE = "fuzz.csv";

  @FuzzTest(maxDuration = "5m")
  void readsAnyBytes(byte[] bytes) {
    List<String> header;
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(bytes), SOURCE)) {
      header = reader.header();
      for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
        assertThat(record.values()).hasSameSizeAs(header);
        assertThat(record.line()).isPositive();
        rows.add(record.values());
      }
    } catch (InvalidInputException e) {
      // Bad input is expected; it just has to be located. Any other exception fails the test.
      assertThat(e.source()).isEqualTo(SOURCE);
      assertThat(e.line()).isPositive();
      assertThat(e.getMessage()).startsWith(SOURCE + ", line " + e.line());
      return;
    }
    assertThat(header).doesNotHaveDuplicates();

    // Whatever the reader accepted must survive being written out again and read back.
    String text = new Rfc4180Writer(new Random(bytes.length)).write(header, rows).text();
    try (CsvReader again = CsvReader.open(new ByteArrayInputStream(text.getBytes(UTF_8)), SOURCE)) {
      assertThat(again.header()).isEqualTo(header);
      for (List<String> row : rows) {
        assertThat(again.next().values()).isEqualTo(row);
      }
      assertThat(again.next()).isNull();
    }
  }
}
