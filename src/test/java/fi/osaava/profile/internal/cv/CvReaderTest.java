package fi.osaava.profile.internal.cv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.profile.CvFixtures;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Apache Tika on CV files made in the test, and on hostile ones. */
class CvReaderTest {

  static final CvReader READER = new CvReader();

  @AfterAll
  static void close() {
    READER.destroy();
  }

  @Test
  void docxPdfAndOdtGiveTheSameEntries() {
    for (byte[] file :
        List.of(
            CvFixtures.docx(CvFixtures.FINNISH),
            CvFixtures.pdf(CvFixtures.FINNISH),
            CvFixtures.odt(CvFixtures.FINNISH))) {
      CvReader.CvText text = READER.read("cv", file);
      List<CvSplitter.CvEntry> entries = CvSplitter.split(text.text());
      assertThat(entries)
          .extracting(CvSplitter.CvEntry::title)
          .as(text.type().toString())
          .containsExactly(
              "Lähihoitaja", "Kokki", "Sosiaali- ja terveysalan perustutkinto", "Ylioppilas");
    }
    assertThat(READER.read("cv.pdf", CvFixtures.pdf(CvFixtures.SWEDISH)).text())
        .contains("2019–pågående");
  }

  @Test
  void hostileFilesAreRefusedWithTheirReason() {
    assertReason(new byte[0], "empty");
    assertReason("plain text".getBytes(), "type");
    assertReason(CvFixtures.pdf(CvFixtures.FINNISH, "secret"), "encrypted");
    assertReason(CvFixtures.docxBomb(), "bomb");
    assertReason(new byte[CvReader.MAX_BYTES + 1], "tooLarge");
    byte[] garbage = new byte[20_000];
    new java.util.Random(7).nextBytes(garbage);
    System.arraycopy("%PDF-1.7\n".getBytes(), 0, garbage, 0, 9);
    assertThatThrownBy(() -> READER.read("garbage.pdf", garbage))
        .isInstanceOfSatisfying(
            CvFileException.class, e -> assertThat(e.reason()).isIn("damaged", "noText"));
  }

  private static void assertReason(byte[] content, String reason) {
    assertThatThrownBy(() -> READER.read("file.x", content))
        .isInstanceOfSatisfying(
            CvFileException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).contains("file.x");
            });
  }
}
