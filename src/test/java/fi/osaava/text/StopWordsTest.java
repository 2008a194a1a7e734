package fi.osaava.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class StopWordsTest {

  @Test
  void functionWordsPerLanguageWithNorwegianUnderEveryCode() {
    assertThat(StopWords.of(Locale.of("fi"))).contains("ja", "sekä").doesNotContain("and");
    assertThat(StopWords.of(Locale.of("sv"))).contains("och").doesNotContain("og");
    assertThat(StopWords.of(Locale.ENGLISH)).contains("of", "the");
    for (String norwegian : List.of("no", "nb", "nn")) {
      assertThat(StopWords.of(Locale.of(norwegian))).as(norwegian).contains("og", "ikke");
    }
    assertThat(StopWords.of(Locale.GERMAN)).isEmpty();
  }

  @Test
  void searchStopSetsAreLucenesWithEnglishForTheRest() {
    assertThat(StopWords.search(Locale.of("fi")).contains("ja")).isTrue();
    assertThat(StopWords.search(Locale.of("sv")).contains("och")).isTrue();
    assertThat(StopWords.search(Locale.of("no")).contains("the")).isTrue();
    assertThat(StopWords.search(Locale.of("no")).contains("og")).isFalse();
  }

  @Test
  void wordsAreSplitByUnicodeRulesAndBounded() {
    assertThat(Words.split("Sähkö- ja TIETOTEKNIIKKA: C++", 10, 40))
        .containsExactly("sähkö", "ja", "tietotekniikka", "c");
    assertThat(Words.split("a b c d", 2, 40)).containsExactly("a", "b");
    assertThat(Words.split("x".repeat(50), 2, 40).getFirst()).hasSize(40);
    assertThat(Words.split("  ", 2, 40)).isEmpty();
    assertThat(Words.split(null, 2, 40)).isEmpty();
  }

  @Test
  void lettersAndDigitsAreRunsBetweenAnythingElse() {
    assertThat(Words.lettersAndDigits("  Node.js, C++ & SQL-kanta 2024!"))
        .containsExactly("node", "js", "c", "sql", "kanta", "2024");
    assertThat(Words.lettersAndDigits(" -- ")).isEmpty();
  }
}
