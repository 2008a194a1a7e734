package fi.osaava.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Arbitrary text through preparation, tokenizing and language guessing, the part of identification
 * that sees raw input first. Under a plain {@code mvn test} Jazzer runs its stored inputs; with
 * {@code JAZZER_FUZZ=1} it fuzzes. Whatever the input, offsets must stay inside the text and mean
 * the same characters as in the original.
 */
class PreparedTextFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void anyTextKeepsItsOffsets(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    PreparedText prepared = PreparedText.of(text);
    assertThat(prepared.clean).hasSameSizeAs(text);
    int previousEnd = 0;
    for (int[] s : prepared.sentences) {
      assertThat(s[0]).isBetween(previousEnd, s[1]);
      assertThat(s[1]).isLessThanOrEqualTo(text.length());
      previousEnd = s[1];
      List<Token> tokens = Tokenizer.tokenize(prepared.clean, s[0], s[1]);
      for (Token token : tokens) {
        assertThat(token.start()).isBetween(s[0], token.end());
        assertThat(token.end()).isLessThanOrEqualTo(s[1]);
        assertThat(token.end() - token.start()).isLessThanOrEqualTo(Tokenizer.MAX_WORD_LENGTH);
        // Words are never made of blanked markup: what is a word in the copy is one in the text.
        assertThat(prepared.clean.substring(token.start(), token.end()))
            .isEqualTo(text.substring(token.start(), token.end()));
      }
      LanguageGuesser.guess(tokens);
    }
  }
}
