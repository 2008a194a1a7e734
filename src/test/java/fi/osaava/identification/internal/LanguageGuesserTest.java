package fi.osaava.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.platform.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuesserTest {

  private static Language guess(String text) {
    return LanguageGuesser.guess(Tokenizer.tokenize(text, 0, text.length()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Vastasin asiakaspalvelusta ja projektien hallinnasta kolmen vuoden ajan.|FI",
        "Työskentelin sairaanhoitajana päivystyksessä.|FI",
        "Jag har arbetat som sjuksköterska och har erfarenhet av vård.|SV",
        "Vi söker en systemutvecklare som kan Java och är noggrann.|SV",
        "Jeg har jobbet som sykepleier og har erfaring med pleie.|NO",
        "We are looking for a developer with experience in Java and SQL.|EN",
        "I managed the budget of the project and trained new staff.|EN"
      })
  void recognisesSentences(String sentence, Language expected) {
    assertThat(guess(sentence)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"Java", "SQL Excel", "12345", "''"})
  void givesUpOnBareTerms(String text) {
    assertThat(guess(text)).isNull();
  }
}
