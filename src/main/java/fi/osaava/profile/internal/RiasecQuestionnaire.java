package fi.osaava.profile.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A short interest questionnaire in the RIASEC tradition (Holland's realistic, investigative,
 * artistic, social, enterprising and conventional), the same letters as the occupation interest
 * codes of the Finnish AVO occupation descriptions. Two statements per letter, each answered 0 (not
 * for me), 1 (maybe) or 2 (I like this); a letter's score is its share of the maximum. It is an
 * orientation aid, not a validated psychometric test, and the page says so.
 */
public final class RiasecQuestionnaire {

  public static final List<Character> LETTERS = List.of('R', 'I', 'A', 'S', 'E', 'C');

  /** Statement keys (for the message bundle) in page order: {@code R1, R2, I1, ...}. */
  public static final List<String> STATEMENTS =
      LETTERS.stream().flatMap(l -> java.util.stream.Stream.of(l + "1", l + "2")).toList();

  private RiasecQuestionnaire() {}

  /**
   * Scores by letter from answers by statement key; unanswered statements count as 0.
   *
   * @throws ProfileInputException naming the statement whose answer is not 0, 1 or 2, or an unknown
   *     statement
   */
  public static Map<Character, Double> score(Map<String, Integer> answers) {
    for (Map.Entry<String, Integer> e : answers.entrySet()) {
      if (!STATEMENTS.contains(e.getKey())) {
        throw new ProfileInputException("riasec." + e.getKey(), "no such statement");
      }
      if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 2) {
        throw new ProfileInputException("riasec." + e.getKey(), "must be 0, 1 or 2");
      }
    }
    Map<Character, Double> scores = new LinkedHashMap<>();
    if (answers.isEmpty()) {
      return scores;
    }
    for (char letter : LETTERS) {
      int sum = answers.getOrDefault(letter + "1", 0) + answers.getOrDefault(letter + "2", 0);
      scores.put(letter, sum / 4.0);
    }
    return scores;
  }

  /** The three strongest letters, strongest first (ties in RIASEC order), such as {@code SAE}. */
  public static String code(Map<Character, Double> scores) {
    if (scores.isEmpty()) {
      return "";
    }
    StringBuilder code = new StringBuilder();
    scores.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(
            Map.Entry.<Character, Double>comparingByValue()
                .reversed()
                .thenComparing(e -> LETTERS.indexOf(e.getKey())))
        .limit(3)
        .forEach(e -> code.append(e.getKey()));
    return code.toString();
  }
}
