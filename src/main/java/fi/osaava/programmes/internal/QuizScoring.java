package fi.osaava.programmes.internal;

import fi.osaava.programmes.internal.PackageContent.Module;
import fi.osaava.programmes.internal.PackageContent.ModuleKind;
import fi.osaava.programmes.internal.PackageContent.Option;
import fi.osaava.programmes.internal.PackageContent.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Scores a quiz: one point per rightly answered question, feedback for each chosen option. Answers
 * are validated against the quiz itself: an answer to a question the quiz does not have, or an
 * option the question does not offer, is refused with the field named; an unanswered question
 * scores nothing and says so.
 */
public final class QuizScoring {

  private QuizScoring() {}

  /** The outcome of one question: which option was chosen (null when none) and whether right. */
  public record Answer(Question question, @Nullable Option chosen, boolean right) {}

  /** A scored attempt. */
  public record Result(int score, int maxScore, boolean passed, List<Answer> answers) {

    /** The answers as stored: question key to option key. */
    public Map<String, String> chosen() {
      Map<String, String> chosen = new LinkedHashMap<>();
      for (Answer a : answers) {
        if (a.chosen() != null) {
          chosen.put(a.question().key(), a.chosen().key());
        }
      }
      return chosen;
    }
  }

  /** A refused answer, naming the form field ({@code answer.<question key>}). */
  public static final class InvalidAnswerException extends RuntimeException {

    private final String field;
    private final String problem;

    InvalidAnswerException(String field, String problem) {
      super(problem);
      this.field = field;
      this.problem = problem;
    }

    public String field() {
      return field;
    }

    /** The message, typed as never absent (unlike {@link #getMessage()}). */
    public String problem() {
      return problem;
    }
  }

  /**
   * @param answers question key to option key, as the form sends them
   * @param passPercent the share of points that passes
   */
  public static Result score(Module quiz, Map<String, String> answers, int passPercent) {
    if (quiz.kind() != ModuleKind.QUIZ) {
      throw new InvalidAnswerException("module", "this module is not a quiz");
    }
    for (String key : answers.keySet()) {
      if (quiz.questions().stream().noneMatch(q -> q.key().equals(key))) {
        throw new InvalidAnswerException("answer." + key, "no such question in this quiz");
      }
    }
    List<Answer> scored = new ArrayList<>();
    int score = 0;
    for (Question question : quiz.questions()) {
      String given = answers.get(question.key());
      Option chosen = null;
      if (given != null && !given.isEmpty()) {
        chosen =
            question
                .option(given)
                .orElseThrow(
                    () ->
                        new InvalidAnswerException(
                            "answer." + question.key(), "not one of this question's options"));
      }
      boolean right = chosen != null && chosen.correct();
      if (right) {
        score++;
      }
      scored.add(new Answer(question, chosen, right));
    }
    int max = quiz.questions().size();
    boolean passed = max > 0 && score * 100 >= passPercent * max;
    return new Result(score, max, passed, List.copyOf(scored));
  }
}
