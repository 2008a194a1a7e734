package fi.osaava.servicenetwork.internal.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.platform.Language;
import fi.osaava.servicenetwork.LifeSituation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the judged set: its rows grouped into queries, and bad rows named by file and line. */
class ServiceJudgementsTest {

  private static final String HEADER =
      "# a comment\nquery\tsplit\tsituation\tmunicipality\tlang\tgoal\tservice\tgrade\n";

  @TempDir Path folder;

  @Test
  void rowsOfAQueryBecomeOneQueryWithItsGrades() throws IOException {
    Path file =
        write(
            HEADER
                + "q1\tdev\tIMMIGRANT\t091\ten\tlearn Finnish\tptv:a\t3\n"
                + "q1\tdev\tIMMIGRANT\t091\ten\tlearn Finnish\tptv:b\t1\n"
                + "q2\ttest\tEMPLOYER\t\tsv\tlärling\tptv:c\t2\n");
    ServiceJudgements judgements = ServiceJudgements.load(file);
    assertThat(judgements.queries()).hasSize(2);
    ServiceJudgements.JudgedQuery first = judgements.queries().getFirst();
    assertThat(first.situation()).isEqualTo(LifeSituation.IMMIGRANT);
    assertThat(first.municipality()).isEqualTo("091");
    assertThat(first.language()).isEqualTo(Language.EN);
    assertThat(first.grades()).isEqualTo(Map.of("ptv:a", 3, "ptv:b", 1));
    assertThat(judgements.queries().get(1).municipality()).isNull();
  }

  @Test
  void aBadRowIsNamedByFileAndLine() throws IOException {
    String good = "q1\tdev\tIMMIGRANT\t\ten\tlearn Finnish\tptv:a\t3\n";
    assertFails(HEADER + good + "q2\tdev\tIMMIGRANT\t\ten\tgoal\tptv:a\t4\n", "line 4", "grade");
    assertFails(HEADER + "q2\tdev\tBORED\t\ten\tgoal\tptv:a\t1\n", "line 3", "BORED");
    assertFails(HEADER + "q2\tlater\tIMMIGRANT\t\ten\tgoal\tptv:a\t1\n", "line 3", "split");
    assertFails(HEADER + good + "q1\ttest\tIMMIGRANT\t\ten\tlearn Finnish\tptv:b\t1\n", "line 4");
    assertFails(HEADER + good + good, "line 4", "judged twice");
    assertFails(HEADER + "q2\tdev\tIMMIGRANT\t\ten\tgoal\n", "line 3", "8 tab-separated");
    assertFails(HEADER, "no judged queries");
  }

  private void assertFails(String content, String... messageParts) throws IOException {
    Path file = write(content);
    assertThatThrownBy(() -> ServiceJudgements.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContainingAll(messageParts);
  }

  private Path write(String content) throws IOException {
    return Files.writeString(Files.createTempFile(folder, "judged", ".tsv"), content);
  }
}
