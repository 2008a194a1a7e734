package fi.osaava.education.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.platform.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting what people type into words, and dropping the reader's function words. */
class QueryWordsTest {

  @Test
  void dropsTheFunctionWordsOfTheReadersLanguage() {
    List<String> words = QueryWords.of("Data analytics course in English");
    assertThat(words).containsExactly("data", "analytics", "course", "in", "english");
    assertThat(QueryWords.contentWords(words, Language.EN))
        .containsExactly("data", "analytics", "course", "english");
    assertThat(QueryWords.contentWords(QueryWords.of("ekonomi och juridik"), Language.SV))
        .containsExactly("ekonomi", "juridik");
    assertThat(QueryWords.contentWords(QueryWords.of("kokki ja tarjoilija"), Language.FI))
        .containsExactly("kokki", "tarjoilija");
  }

  @Test
  void keepsOtherLanguagesWordsAndQueriesOfFunctionWordsOnly() {
    // "in" is no Finnish function word: a Finnish reader's query keeps it.
    assertThat(QueryWords.contentWords(List.of("design", "in", "helsinki"), Language.FI))
        .containsExactly("design", "in", "helsinki");
    assertThat(QueryWords.contentWords(List.of("to", "be", "or", "not"), Language.EN))
        .containsExactly("to", "be", "or", "not");
  }

  @Test
  void queryTextNeverBecomesSyntaxAndIsBounded() {
    assertThat(QueryWords.of("title:(a OR b)~2 *?")).containsExactly("title", "a", "or", "b", "2");
    assertThat(QueryWords.of("x ".repeat(100))).hasSize(QueryWords.MAX_WORDS);
    assertThat(QueryWords.of("a".repeat(100)).getFirst()).hasSize(QueryWords.MAX_WORD_LENGTH);
  }
}
