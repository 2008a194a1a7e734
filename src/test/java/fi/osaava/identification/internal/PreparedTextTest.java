package fi.osaava.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreparedTextTest {

  private static List<String> sentences(String text) {
    PreparedText prepared = PreparedText.of(text);
    return prepared.sentences.stream().map(s -> text.substring(s[0], s[1])).toList();
  }

  @Test
  void markupIsBlankedButOffsetsStayThoseOfTheOriginal() {
    String html = "<p>Osaan <b>projektinhallinnan</b> &amp; Javan.</p><ul><li>SQL</li></ul>";
    PreparedText prepared = PreparedText.of(html);
    assertThat(prepared.clean).hasSameSizeAs(html);
    int start = html.indexOf("projektinhallinnan");
    assertThat(prepared.clean.substring(start, start + 18)).isEqualTo("projektinhallinnan");
    assertThat(prepared.clean).doesNotContain("<").doesNotContain("amp;");
    assertThat(prepared.clean.charAt(html.indexOf("&amp;"))).isEqualTo('&');
    assertThat(sentences(html))
        .extracting(s -> s.replaceAll("<[^>]+>", "").strip())
        .containsExactly("Osaan projektinhallinnan &amp; Javan.", "SQL");
  }

  @Test
  void splitsSentencesLinesAndBulletsButNotAbbreviationsOrDecimals() {
    assertThat(sentences("I know Java. We use e.g. Python 3.5 daily! • Excel\n- Word\n* SAP"))
        .containsExactly("I know Java.", "We use e.g. Python 3.5 daily!", "Excel", "Word", "SAP");
  }

  @Test
  void controlCharactersAndJunkBecomeSpaces() {
    String text = "Java\u0000\u0007\uFFFD\uE000 ja SQL";
    PreparedText prepared = PreparedText.of(text);
    assertThat(prepared.clean).isEqualTo("Java     ja SQL");
    assertThat(prepared.sentences).hasSize(1);
  }

  @Test
  void longRunsAreCutIntoPieces() {
    String text = "word ".repeat(1000);
    PreparedText prepared = PreparedText.of(text);
    assertThat(prepared.sentences).hasSizeGreaterThan(5);
    assertThat(prepared.sentences)
        .allSatisfy(
            s ->
                assertThat(s[1] - s[0]).isLessThanOrEqualTo(PreparedText.MAX_SENTENCE_LENGTH + 10));
  }

  @Test
  void emptyAndWhitespaceHaveNoSentences() {
    assertThat(PreparedText.of("").sentences).isEmpty();
    assertThat(PreparedText.of(" \n\t <br> &nbsp; ").sentences).isEmpty();
  }
}
