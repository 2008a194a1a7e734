package fi.osaava.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.programmes.internal.PackageContent.Module;
import fi.osaava.programmes.internal.PackageContent.ModuleKind;
import fi.osaava.programmes.internal.PackageContent.Option;
import fi.osaava.programmes.internal.PackageContent.Question;
import fi.osaava.programmes.internal.QuizScoring;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuizScoringTest {

  static Question question(String key, String right) {
    return new Question(
        key,
        Map.of("en", "Question " + key),
        List.of("a", "b", "c").stream()
            .map(
                o ->
                    new Option(
                        o,
                        Map.of("en", "Option " + o),
                        o.equals(right),
                        Map.of("en", o.equals(right) ? "Yes, " + o : "No, not " + o)))
            .toList());
  }

  static final Module QUIZ =
      new Module(
          "quiz",
          ModuleKind.QUIZ,
          Map.of("en", "Quiz"),
          Map.of(),
          null,
          null,
          List.of(
              question("q1", "a"), question("q2", "b"), question("q3", "c"), question("q4", "a")));

  @Test
  void onePointPerRightAnswerAndThePassMarkIsAShareOfThePoints() {
    QuizScoring.Result three =
        QuizScoring.score(QUIZ, Map.of("q1", "a", "q2", "b", "q3", "c", "q4", "b"), 75);
    assertThat(three.score()).isEqualTo(3);
    assertThat(three.maxScore()).isEqualTo(4);
    assertThat(three.passed()).isTrue();
    QuizScoring.Result two = QuizScoring.score(QUIZ, Map.of("q1", "a", "q2", "b"), 75);
    assertThat(two.score()).isEqualTo(2);
    assertThat(two.passed()).isFalse();
    assertThat(QuizScoring.score(QUIZ, Map.of("q1", "a", "q2", "b"), 50).passed()).isTrue();
  }

  @Test
  void eachChosenOptionCarriesItsFeedbackAndAnUnansweredQuestionScoresNothing() {
    QuizScoring.Result result = QuizScoring.score(QUIZ, Map.of("q1", "b", "q2", "b"), 75);
    QuizScoring.Answer first = result.answers().get(0);
    assertThat(first.right()).isFalse();
    assertThat(first.chosen().feedback().get("en")).isEqualTo("No, not b");
    assertThat(result.answers().get(1).right()).isTrue();
    assertThat(result.answers().get(2).chosen()).isNull();
    assertThat(result.answers().get(2).right()).isFalse();
    assertThat(result.chosen()).containsExactly(Map.entry("q1", "b"), Map.entry("q2", "b"));
  }

  @Test
  void answersOutsideTheQuizAreRefusedNamingTheField() {
    assertThatThrownBy(() -> QuizScoring.score(QUIZ, Map.of("q9", "a"), 75))
        .isInstanceOfSatisfying(
            QuizScoring.InvalidAnswerException.class,
            e -> assertThat(e.field()).isEqualTo("answer.q9"));
    assertThatThrownBy(() -> QuizScoring.score(QUIZ, Map.of("q1", "z' OR 1=1"), 75))
        .isInstanceOfSatisfying(
            QuizScoring.InvalidAnswerException.class,
            e -> assertThat(e.field()).isEqualTo("answer.q1"));
  }
}
