package fi.osaava.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property test: any table written as RFC 4180 reads back with every value intact and every record
 * on the line where the writer put it.
 */
class CsvReaderRoundTripTest {

  /** Fixed so that a failure can be reproduced; the failure message names the iteration. */
  private static final long SEED = 20_261_122L;

  private static final int ITERATIONS = 600;

  /** Pieces that values are built from: the CSV specials, blanks, and multi-byte characters. */
  private static final String[] PIECES = {
    "a", "Z", "0", "x y", "ä", "Ö", "€", "😀", "𝄞", "漢", ",", "\"", "\"\"", ",\"", "\r", "\n",
    "\r\n", "\n\r", " ", "\t", "\uFEFF", "\u2028", "\\",
  };

  @Test
  void randomTablesReadBackWithTheirValuesAndLines() {
    Random random = new Random(SEED);
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      int columns = 1 + random.nextInt(6);
      // Now and then a table large enough to span several of the reader's buffers.
      int rowCount = iteration % 150 == 149 ? 4000 : random.nextInt(15);
      List<String> header = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        // Header names are stripped and must be unique: the index and non-blank ends see to it.
        header.add("c" + c + value(random, 4) + "z");
      }
      List<List<String>> rows = new ArrayList<>();
      for (int r = 0; r < rowCount; r++) {
        List<String> row = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
          row.add(random.nextInt(5) == 0 ? "" : value(random, 6));
        }
        rows.add(row);
      }
      assertReadsBack(header, rows, random, iteration);
    }
  }

  private static void assertReadsBack(
      List<String> header, List<List<String>> rows, Random random, int iteration) {
    Rfc4180Writer.Written written = new Rfc4180Writer(random).write(header, rows);
    String context =
        "iteration "
            + iteration
            + " of seed "
            + SEED
            + (written.text().length() < 2_000 ? ", text " + escape(written.text()) : "");

    try (CsvReader reader = open(written.text(), random)) {
      assertThat(reader.header()).as(context).isEqualTo(header);
      for (int r = 0; r < rows.size(); r++) {
        CsvRecord record = reader.next();
        String where = context + ", record " + r;
        assertThat(record).as(where).isNotNull();
        assertThat(record.values()).as(where).isEqualTo(rows.get(r));
        assertThat(record.line()).as(where).isEqualTo(written.recordLines().get(r));
      }
      assertThat(reader.next()).as(context + ", after the last record").isNull();
    }
  }

  /** Opens the text in one of the ways the reader is fed, with or without a byte-order mark. */
  private static CsvReader open(String text, Random random) {
    boolean bom = random.nextBoolean();
    return switch (random.nextInt(3)) {
      case 0 -> CsvReader.open(new StringReader((bom ? "\uFEFF" : "") + text), "round-trip.csv");
      case 1 -> CsvReader.open(new ByteArrayInputStream(encode(text, bom)), "round-trip.csv");
      default -> {
        InputStream trickle = new TrickleInputStream(encode(text, bom), 1 + random.nextInt(13));
        yield CsvReader.open(trickle, "round-trip.csv");
      }
    };
  }

  private static byte[] encode(String text, boolean bom) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (bom) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    out.writeBytes(text.getBytes(UTF_8));
    return out.toByteArray();
  }

  private static String value(Random random, int maxPieces) {
    StringBuilder value = new StringBuilder();
    int pieces = random.nextInt(maxPieces + 1);
    for (int i = 0; i < pieces; i++) {
      value.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return value.toString();
  }

  private static String escape(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
