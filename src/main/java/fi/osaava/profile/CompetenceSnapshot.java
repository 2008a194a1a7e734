package fi.osaava.profile;

import fi.osaava.taxonomy.ConceptUri;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person's accepted skills and interests at one moment, for matching.
 *
 * @param skills accepted skills, one entry per ESCO skill
 * @param interestingSkills skills the person marked as interesting
 * @param interestingOccupations occupations the person marked as interesting
 * @param interestCodes RIASEC-style scores by letter (R, I, A, S, E, C), each 0 to 1; empty when
 *     the questionnaire is not answered
 * @param workedAs ESCO occupations named by the titles of the person's work entries, as the
 *     identification engine recognises them
 */
public record CompetenceSnapshot(
    PersonId person,
    List<ProfileSkill> skills,
    Set<ConceptUri> interestingSkills,
    Set<ConceptUri> interestingOccupations,
    Map<Character, Double> interestCodes,
    Set<ConceptUri> workedAs) {

  public CompetenceSnapshot {
    workedAs = Set.copyOf(workedAs);
    skills = List.copyOf(skills);
    interestingSkills = Set.copyOf(interestingSkills);
    interestingOccupations = Set.copyOf(interestingOccupations);
    interestCodes = Map.copyOf(interestCodes);
  }
}
