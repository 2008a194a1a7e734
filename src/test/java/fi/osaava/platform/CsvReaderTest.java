package fi.osaava.platform;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {

  private static final String SOURCE = "test.csv";
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /**
   * ISO-8859-1 "ä": in UTF-8 it would start a three-byte sequence, so before ASCII it is malformed.
   */
  private static final byte LATIN1_A_UMLAUT = (byte) 0xE4;

  @Nested
  class Header {

    @Test
    void namesTheColumnsInOrderAndStripsSurroundingSpace() {
      try (CsvReader reader = open("id, preferred label ,description\n")) {
        assertThat(reader.source()).isEqualTo(SOURCE);
        assertThat(reader.header()).containsExactly("id", "preferred label", "description");
        assertThat(reader.hasColumn("preferred label")).isTrue();
        assertThat(reader.hasColumn(" preferred label ")).isFalse();
        assertThat(reader.hasColumn("uri")).isFalse();
      }
    }

    @Test
    void mayBeQuotedAndHoldCommasQuotesAndLineBreaks() {
      try (CsvReader reader = open("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,2,3\n")) {
        assertThat(reader.header()).containsExactly("a,b", "say \"hi\"", "two\nlines");
        CsvRecord record = reader.next();
        assertThat(record.get("two\nlines")).isEqualTo("3");
        // The header spans lines 1-2, so the first record starts on line 3.
        assertThat(record.line()).isEqualTo(3);
      }
    }

    @Test
    void withoutRecordsReadsAsNoRecords() {
      try (CsvReader reader = open("id,name\n")) {
        assertThat(reader.next()).isNull();
        assertThat(reader.next()).isNull();
      }
    }

    @Test
    void namingAColumnTwiceFailsOnLineOneNamingIt() {
      InvalidInputException e = failure("id,name,id\n1,a,2\n");

      assertLocation(e, 1, "id");
      assertThat(e.problem()).contains("twice");
      assertThat(e.getMessage()).isEqualTo(SOURCE + ", line 1, field 'id': " + e.problem());
    }

    @Test
    void namesThatDifferOnlyInSurroundingSpaceAreDuplicates() {
      assertLocation(failure("name, name\n"), 1, "name");
    }

    @Test
    void requireColumnsAcceptsAHeaderThatHasThemAll() {
      try (CsvReader reader = open("id,name,uri\n")) {
        assertThatCode(() -> reader.requireColumns(Set.of("uri", "id"))).doesNotThrowAnyException();
      }
    }

    @Test
    void requireColumnsNamesTheMissingColumnAndTheHeader() {
      try (CsvReader reader = open("id,name\n1,a\n")) {
        InvalidInputException e =
            catchThrowableOfType(
                InvalidInputException.class, () -> reader.requireColumns(Set.of("id", "uri")));

        assertLocation(e, 1, "uri");
        assertThat(e.problem()).contains("missing").contains("[id, name]");
      }
    }
  }

  @Nested
  class ByteOrderMark {

    @Test
    void isSkippedBeforeAnUnquotedHeader() {
      try (CsvReader reader = open(concat(BOM, bytes("id,name\n1,a\n")))) {
        assertThat(reader.header()).containsExactly("id", "name");
        assertThat(reader.hasColumn("id")).isTrue();
        assertThat(reader.next().get("id")).isEqualTo("1");
      }
    }

    @Test
    void isSkippedBeforeAQuotedHeader() {
      // Spreadsheet exports write a BOM and quote every field, the header included.
      try (CsvReader reader = open(concat(BOM, bytes("\"id\",\"name\"\r\n\"1\",\"a\"\r\n")))) {
        assertThat(reader.header()).containsExactly("id", "name");
        CsvRecord record = reader.next();
        assertThat(record.values()).containsExactly("1", "a");
        assertThat(record.line()).isEqualTo(2);
      }
    }

    @Test
    void isSkippedWhenReadingDecodedCharacters() {
      try (CsvReader reader = CsvReader.open(new StringReader("\uFEFFid,name\n"), SOURCE)) {
        assertThat(reader.header()).containsExactly("id", "name");
      }
    }

    @Test
    void isKeptInsideTheDataWhereItIsNotAMark() {
      try (CsvReader reader = open(concat(BOM, bytes("id,name\n1,\uFEFFa\n")))) {
        assertThat(reader.next().get("name")).isEqualTo("\uFEFFa");
      }
    }

    @Test
    void aloneIsAnEmptyFile() {
      InvalidInputException e = failure(BOM);

      assertLocation(e, 1, null);
      assertThat(e.problem()).contains("empty");
    }
  }

  @Nested
  class Records {

    @Test
    void giveValuesByColumnWithTheLineTheyStartOn() {
      try (CsvReader reader = open("id,name,note\n1,Matti, \n2,Liisa,hi\n")) {
        CsvRecord first = reader.next();
        assertThat(first.values()).containsExactly("1", "Matti", " ");
        assertThat(first.source()).isEqualTo(SOURCE);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.get("name")).isEqualTo("Matti");
        assertThat(first.get("missing")).isNull();
        assertThat(first.text("note")).isNull();

        CsvRecord second = reader.next();
        assertThat(second.values()).containsExactly("2", "Liisa", "hi");
        assertThat(second.line()).isEqualTo(3);
        assertThat(reader.next()).isNull();
      }
    }

    @Test
    void requiredValueFailsNamingTheRecordLineAndColumn() {
      try (CsvReader reader = open("id,name\n1,a\n2,  \n")) {
        assertThat(reader.next().required("name")).isEqualTo("a");
        CsvRecord blank = reader.next();

        InvalidInputException e =
            catchThrowableOfType(InvalidInputException.class, () -> blank.required("name"));

        assertLocation(e, 3, "name");
      }
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
      String text =
          "id,text\n"
              + "1,\"a, b\"\n"
              + "2,\"she said \"\"hi\"\"\"\n"
              + "3,\"two\nlines\"\n"
              + "4,\"crlf\r\ninside\"\r\n"
              + "5,\"\"\n"
              + "6,\"\"\"\"\n";
      List<CsvRecord> records = readAll(text);

      assertThat(records)
          .extracting(r -> r.get("text"))
          .containsExactly("a, b", "she said \"hi\"", "two\nlines", "crlf\r\ninside", "", "\"");
    }

    @Test
    void emptyFieldsAreKeptAtEitherEndAndInTheMiddle() {
      assertThat(readAll("a,b,c\n,,\n1,,\n,,3"))
          .extracting(CsvRecord::values)
          .containsExactly(List.of("", "", ""), List.of("1", "", ""), List.of("", "", "3"));
    }

    @Test
    void theLastRecordNeedsNoLineBreak() {
      assertThat(readAll("a,b\n1,2"))
          .extracting(CsvRecord::values)
          .containsExactly(List.of("1", "2"));
      assertThat(readAll("a,b\n1,\"2\""))
          .extracting(CsvRecord::values)
          .containsExactly(List.of("1", "2"));
    }

    @Test
    void linesAreCountedPastMultiLineRecordsWithLf() {
      String text = "id,text\n1,\"a\nb\nc\"\n2,x\n3,\"\n\"\n4,y\n";

      assertThat(readAll(text)).extracting(CsvRecord::line).containsExactly(2L, 5L, 6L, 8L);
    }

    @Test
    void linesAreCountedPastMultiLineRecordsWithCrlf() {
      String text = "id,text\r\n1,\"a\r\nb\r\nc\"\r\n2,x\r\n3,\"\r\n\"\r\n4,y\r\n";
      List<CsvRecord> records = readAll(text);

      assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 5L, 6L, 8L);
      assertThat(records.getFirst().get("text")).isEqualTo("a\r\nb\r\nc");
      assertThat(records.get(1).get("text")).isEqualTo("x");
    }

    @Test
    void aLoneCarriageReturnInAnUnquotedFieldIsData() {
      // Only LF and CRLF end a line, so a lone CR neither ends the record nor counts as a line.
      List<CsvRecord> records = readAll("a,b\n1,x\ry\n2,z\r");

      assertThat(records)
          .extracting(CsvRecord::values)
          .containsExactly(List.of("1", "x\ry"), List.of("2", "z\r"));
      assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 3L);
    }

    @Test
    void blankLinesAreSkippedButCounted() {
      List<CsvRecord> records = readAll("a,b\n\n1,2\r\n\r\n\n3,4\n\n\r\n");

      assertThat(records)
          .extracting(CsvRecord::values)
          .containsExactly(List.of("1", "2"), List.of("3", "4"));
      assertThat(records).extracting(CsvRecord::line).containsExactly(3L, 6L);
    }

    @Test
    void aBlankLineInASingleColumnFileIsAnEmptyValue() {
      // With one column a blank line is indistinguishable from a record whose only value is empty.
      List<CsvRecord> records = readAll("name\na\n\nb\n");

      assertThat(records).extracting(r -> r.get("name")).containsExactly("a", "", "b");
      assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 3L, 4L);
    }

    @Test
    void unicodeOutsideTheBasicPlaneSurvives() {
      assertThat(readAll("emoji,text\n\uD83D\uDE00,\"\uD83C\uDF89 ä, €\"\n").getFirst().values())
          .containsExactly("😀", "🎉 ä, €");
    }
  }

  @Nested
  class Errors {

    @Test
    void anEmptyFileHasNoHeader() {
      InvalidInputException e = failure(new byte[0]);

      assertLocation(e, 1, null);
      assertThat(e.problem()).contains("empty").contains("header");
      assertThat(e.getMessage()).startsWith(SOURCE + ", line 1: ");
    }

    @Test
    void tooFewFieldsNamesTheRecordLineAndTheFirstMissingColumn() {
      InvalidInputException e = failureReadingAll("a,b,c\n1,2,3\n4,5\n6,7,8\n");

      assertLocation(e, 3, "c");
      assertThat(e.problem()).isEqualTo("expected 3 fields as in the header, found 2");
    }

    @Test
    void tooManyFieldsNamesTheRecordLineAndTheFirstExtraColumn() {
      InvalidInputException e = failureReadingAll("a,b\n1,2\n\n3,4,5\n");

      assertLocation(e, 4, "column 3");
      assertThat(e.problem()).isEqualTo("expected 2 fields as in the header, found 3");
    }

    @Test
    void wrongFieldCountAfterAMultiLineRecordNamesTheLineTheRecordStartsOn() {
      InvalidInputException e = failureReadingAll("a,b\n1,\"x\ny\"\n2\n");

      assertLocation(e, 4, "b");
    }

    @Test
    void wrongFieldCountInAMultiLineRecordNamesTheLineTheRecordStartsOn() {
      InvalidInputException e = failureReadingAll("a,b,c\n1,2\n3,\"x\ny\nz\"\n");

      assertLocation(e, 2, "c");
    }

    @Test
    void anUnterminatedQuoteNamesTheLineTheRecordStartsOn() {
      InvalidInputException e = failureReadingAll("a,b\n1,2\n3,\"abc\nxyz\n\n");

      assertLocation(e, 3, "b");
      assertThat(e.problem()).contains("not closed");
    }

    @Test
    void anUnterminatedQuoteInTheHeaderIsOnLineOne() {
      assertLocation(failure("a,\"b\n"), 1, "column 2");
    }

    @Test
    void textAfterAClosingQuoteIsRejected() {
      InvalidInputException e = failureReadingAll("a,b\n1,2\n\"x\"y,2\n");

      assertLocation(e, 3, "a");
      assertThat(e.problem()).contains("'y'").contains("closing quote");
    }

    @Test
    void textAfterAClosingQuoteNamesTheLineTheRecordStartsOn() {
      InvalidInputException e = failureReadingAll("a,b\n1,\"x\ny\"z\n");

      assertLocation(e, 2, "b");
    }

    @Test
    void aSpaceAfterAClosingQuoteIsRejected() {
      assertLocation(failureReadingAll("a,b\n\"x\" ,2\n"), 2, "a");
    }

    @Test
    void aCarriageReturnAfterAClosingQuoteMustEndTheLine() {
      InvalidInputException e = failureReadingAll("a,b\n1,2\n\"x\"\r,2\n");

      assertLocation(e, 3, "a");
      assertThat(e.problem()).contains("carriage return");
    }

    @Test
    void aBareQuoteInsideAnUnquotedFieldIsRejected() {
      InvalidInputException e = failureReadingAll("a,b\n1,2\n3,x\"y\n");

      assertLocation(e, 3, "b");
      assertThat(e.problem()).contains("quote inside an unquoted field");
    }

    @Test
    void aBareQuoteAfterAMultiLineFieldNamesTheLineTheRecordStartsOn() {
      assertLocation(failureReadingAll("a,b\n\"x\ny\",z\"\n"), 2, "b");
    }

    @Test
    void aQuoteInAnUnquotedHeaderNameIsRejected() {
      assertLocation(failure("id,na\"me\n"), 1, "column 2");
    }

    @Test
    void aFailedReadIsAnInputErrorNamingTheSource() {
      InputStream broken =
          new InputStream() {
            @Override
            public int read() throws IOException {
              throw new IOException("disk on fire");
            }
          };

      InvalidInputException e =
          catchThrowableOfType(InvalidInputException.class, () -> CsvReader.open(broken, SOURCE));

      assertThat(e.source()).isEqualTo(SOURCE);
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.problem()).contains("disk on fire");
      assertThat(e.getCause()).isInstanceOf(IOException.class);
    }
  }

  @Nested
  class InvalidUtf8 {

    @Test
    void inARecordNamesItsLineAndColumn() {
      byte[] bytes = concat(bytes("id,name\n1,Matti\n2,J"), latin1("ärvi\n3,Liisa\n"));

      InvalidInputException e = failureReadingAll(bytes);

      assertLocation(e, 3, "name");
      assertThat(e.problem()).contains("not valid UTF-8");
    }

    @Test
    void theRecordsBeforeItAreReadNormally() {
      byte[] bytes = concat(bytes("id,name\n1,Matti\n2,Liisa\n3,J"), latin1("ärvi\n"));
      List<CsvRecord> read = new ArrayList<>();

      try (CsvReader reader = open(bytes)) {
        InvalidInputException e =
            catchThrowableOfType(
                InvalidInputException.class,
                () -> {
                  for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                    read.add(r);
                  }
                });
        assertLocation(e, 4, "name");
      }
      assertThat(read).extracting(r -> r.get("name")).containsExactly("Matti", "Liisa");
    }

    @Test
    void inTheHeaderIsOnLineOne() {
      assertLocation(failure(latin1("id,nimikä\n1,2\n")), 1, "column 2");
    }

    @Test
    void inAMultiLineFieldNamesTheLineTheRecordStartsOn() {
      byte[] bytes = concat(bytes("id,text\n1,a\n2,\"first\nsecond\nJ"), latin1("ärvi\"\n"));

      assertLocation(failureReadingAll(bytes), 3, "text");
    }

    @Test
    void aSequenceCutShortByTheEndOfTheFileIsRejected() {
      // 0xC3 starts a two-byte sequence ("ä" is C3 A4) that the end of the file cuts short.
      byte[] bytes = concat(bytes("id,name\n1,a\n2,"), new byte[] {(byte) 0xC3});

      assertLocation(failureReadingAll(bytes), 3, "name");
    }

    @Test
    void anEncodedSurrogateIsRejected() {
      // CESU-8 style: U+D800 encoded as three bytes is not UTF-8.
      byte[] bytes =
          concat(bytes("id,name\n1,"), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});

      assertLocation(failureReadingAll(bytes), 2, "name");
    }

    /**
     * The decoder works in blocks (the reader's 64 Ki-char buffer, the stream's 8 KiB reads), so a
     * bad byte far into a large file must still be reported on its own line, not on the line where
     * its block began. Multi-byte characters on every line make byte and char offsets differ.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 100, 1000, 1500, 2500, 4000, 4999})
    void deepInALargeFileNamesItsLine(int badRecord) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(bytes("id,name,note\n"));
      int records = 4999;
      // Record r starts on line 2r: the line break inside its note gives it two lines.
      for (int r = 1; r <= records; r++) {
        String note = "\"päivä, " + "€".repeat(r % 7) + "\uD83D\uDE00\nrivi " + r + "\"";
        if (r == badRecord) {
          out.writeBytes(bytes(r + ",J"));
          out.write(LATIN1_A_UMLAUT);
          out.writeBytes(bytes("rvi," + note + "\n"));
        } else {
          out.writeBytes(bytes(r + ",Järvi," + note + "\n"));
        }
      }
      byte[] bytes = out.toByteArray();
      assertThat(bytes.length).isGreaterThan(2 * 65_536);

      List<CsvRecord> read = new ArrayList<>();
      InvalidInputException e;
      try (CsvReader reader = open(bytes)) {
        e =
            catchThrowableOfType(
                InvalidInputException.class,
                () -> {
                  for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                    read.add(r);
                  }
                });
      }

      assertLocation(e, 2L * badRecord, "name");
      assertThat(read).hasSize(badRecord - 1);
      if (!read.isEmpty()) {
        assertThat(read.getLast().line()).isEqualTo(2L * (badRecord - 1));
        assertThat(read.getLast().get("note")).endsWith("\uD83D\uDE00\nrivi " + (badRecord - 1));
      }
    }

    /** The bad byte lands exactly at, or one char either side of, the edges of read blocks. */
    @ParameterizedTest
    @ValueSource(ints = {8_191, 8_192, 8_193, 65_535, 65_536, 65_537, 131_072})
    void atTheEdgeOfAReadBlockNamesItsLine(int charOffset) {
      StringBuilder text = new StringBuilder("id,name\n");
      int line = 2;
      while (text.length() + 40 < charOffset) {
        text.append(line++).append(",Järvi 😀\n");
      }
      String start = line + ",";
      int padding = charOffset - text.length() - start.length();
      text.append(start).append("x".repeat(padding));
      assertThat(text.length()).isEqualTo(charOffset);
      byte[] bytes =
          concat(bytes(text.toString()), latin1("ärvi\n"), bytes((line + 1) + ",Järvi\n"));

      assertLocation(failureReadingAll(bytes), line, "name");
    }

    @Test
    void validMultiByteTextAcrossBlockBoundariesIsDecodedIntact() {
      StringBuilder text = new StringBuilder("id,text\n");
      int records = 20_000;
      for (int i = 0; i < records; i++) {
        // Odd lengths shift the multi-byte characters across every possible boundary offset.
        text.append(i)
            .append(",ä")
            .append("€😀".repeat(i % 5))
            .append("x".repeat(i % 3))
            .append('\n');
      }
      // Hand the bytes over a few at a time, as a slow network stream would.
      InputStream trickle = new TrickleInputStream(bytes(text.toString()), 7);

      int count = 0;
      try (CsvReader reader = CsvReader.open(trickle, SOURCE)) {
        for (CsvRecord r = reader.next(); r != null; r = reader.next(), count++) {
          assertThat(r.line()).isEqualTo(count + 2L);
          assertThat(r.get("text"))
              .isEqualTo("ä" + "€😀".repeat(count % 5) + "x".repeat(count % 3));
        }
      }
      assertThat(count).isEqualTo(records);
    }
  }

  // --- helpers ---

  private static void assertLocation(InvalidInputException e, long line, String field) {
    assertThat(e).as("expected an InvalidInputException").isNotNull();
    assertThat(e.source()).isEqualTo(SOURCE);
    assertThat(e.line()).as("line of %s", e.getMessage()).isEqualTo(line);
    assertThat(e.field()).as("field of %s", e.getMessage()).isEqualTo(field);
    assertThat(e.getMessage()).startsWith(SOURCE + ", line " + line);
  }

  @Test
  void padsRecordsThatLeaveOutTrailingEmptyFieldsOnlyWhenAsked() {
    String text = "a,b,c\n1\n1,2,3\n";
    try (CsvReader csv = open(text).padShortRecords()) {
      assertThat(csv.next().values()).containsExactly("1", "", "");
      assertThat(csv.next().values()).containsExactly("1", "2", "3");
    }
    try (CsvReader csv = open(text)) {
      assertThatThrownBy(csv::next).isInstanceOf(InvalidInputException.class);
    }
    try (CsvReader csv = open("a,b\n1,2,3\n").padShortRecords()) {
      assertThatThrownBy(csv::next)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("found 3");
    }
  }

  private static CsvReader open(String text) {
    return open(bytes(text));
  }

  private static CsvReader open(byte[] bytes) {
    return CsvReader.open(new ByteArrayInputStream(bytes), SOURCE);
  }

  private static List<CsvRecord> readAll(String text) {
    List<CsvRecord> records = new ArrayList<>();
    try (CsvReader reader = open(text)) {
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }
    return records;
  }

  /** The error from opening, which reads the header. */
  private static InvalidInputException failure(String text) {
    return failure(bytes(text));
  }

  private static InvalidInputException failure(byte[] bytes) {
    return catchThrowableOfType(InvalidInputException.class, () -> open(bytes).close());
  }

  /** The error from opening and reading every record. */
  private static InvalidInputException failureReadingAll(String text) {
    return failureReadingAll(bytes(text));
  }

  private static InvalidInputException failureReadingAll(byte[] bytes) {
    return catchThrowableOfType(
        InvalidInputException.class,
        () -> {
          try (CsvReader reader = open(bytes)) {
            while (reader.next() != null) {
              // Only the failure matters here.
            }
          }
        });
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static byte[] latin1(String text) {
    return text.getBytes(ISO_8859_1);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
