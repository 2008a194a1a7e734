package fi.osaava.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConceptUriTest {

  private static final String SKILL =
      "http://data.europa.eu/esco/skill/0b1e8fd5-f5a5-4f5b-9c8e-1b9d2a7f5c11";
  private static final String OCCUPATION =
      "http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1";

  @Test
  void tellsEscoSkillsOccupationsAndGroupsApart() {
    assertThat(ConceptUri.isEscoSkill(SKILL)).isTrue();
    assertThat(ConceptUri.isEscoOccupation(SKILL)).isFalse();
    assertThat(ConceptUri.isEscoOccupation(OCCUPATION)).isTrue();
    assertThat(ConceptUri.isEscoSkill(OCCUPATION)).isFalse();
    assertThat(ConceptUri.isEsco("http://data.europa.eu/esco/isco/C2512")).isTrue();
    assertThat(ConceptUri.isEsco("https://data.europa.eu/esco/skill/x")).as("https").isFalse();
    assertThat(ConceptUri.isEscoSkill("http://example.org/esco/skill/x")).isFalse();
  }

  @Test
  void buildsOccupationAndGroupUris() {
    assertThat(ConceptUri.escoOccupation(UUID.fromString(OCCUPATION.substring(38))).value())
        .isEqualTo(OCCUPATION);
    assertThat(ConceptUri.iscoGroup("2512").value())
        .isEqualTo("http://data.europa.eu/esco/isco/C2512");
  }

  @Test
  void aFullSkillUriHasALowerCaseUuid() {
    assertThat(ConceptUri.ESCO_SKILL_URI.matcher(SKILL).matches()).isTrue();
    assertThat(ConceptUri.ESCO_SKILL_URI.matcher(SKILL.toUpperCase()).matches()).isFalse();
    assertThat(ConceptUri.ESCO_SKILL_URI.matcher(SKILL + "0").matches()).isFalse();
    assertThat(ConceptUri.ESCO_SKILL_URI.matcher(OCCUPATION).matches()).isFalse();
    assertThat(ConceptUri.ESCO_SKILL_URI.matcher(SKILL.replace('.', 'x')).matches())
        .as("the dots are literal")
        .isFalse();
  }
}
