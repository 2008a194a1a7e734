package fi.osaava.profile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RiasecQuestionnaireTest {

  @Test
  void scoresEachLetterAsItsShareAndCodesTheStrongestThree() {
    Map<Character, Double> scores =
        RiasecQuestionnaire.score(
            Map.of("S1", 2, "S2", 2, "A1", 2, "A2", 1, "E1", 1, "R1", 0, "C2", 1));
    assertThat(scores.get('S')).isEqualTo(1.0);
    assertThat(scores.get('A')).isEqualTo(0.75);
    assertThat(scores.get('E')).isEqualTo(0.25);
    assertThat(scores.get('R')).isEqualTo(0.0);
    // E and C tie at 0.25: RIASEC order decides.
    assertThat(RiasecQuestionnaire.code(scores)).isEqualTo("SAE");
  }

  @Test
  void noAnswersMeansNoProfile() {
    assertThat(RiasecQuestionnaire.score(Map.of())).isEmpty();
    assertThat(RiasecQuestionnaire.code(Map.of())).isEmpty();
  }

  @Test
  void refusesUnknownStatementsAndAnswers() {
    assertThatThrownBy(() -> RiasecQuestionnaire.score(Map.of("X1", 1)))
        .hasMessageContaining("riasec.X1");
    assertThatThrownBy(() -> RiasecQuestionnaire.score(Map.of("R1", 3)))
        .hasMessageContaining("0, 1 or 2");
  }
}
