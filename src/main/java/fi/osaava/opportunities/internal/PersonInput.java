package fi.osaava.opportunities.internal;

import fi.osaava.profile.CompetenceSnapshot;
import fi.osaava.profile.ProfileSkill;
import fi.osaava.taxonomy.ConceptUri;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whom to match: a signed-in person's profile or a few skills and interests chosen anonymously.
 *
 * @param interestCodes RIASEC letters with weights
 * @param experience ESCO occupations the person has worked in (for example those the identification
 *     engine recognised in their work history); they rank first among occupations and ads
 */
public record PersonInput(
    Set<ConceptUri> skills,
    Set<ConceptUri> likedSkills,
    Set<ConceptUri> likedOccupations,
    Map<Character, Double> interestCodes,
    Set<ConceptUri> experience) {

  public PersonInput(
      Set<ConceptUri> skills,
      Set<ConceptUri> likedSkills,
      Set<ConceptUri> likedOccupations,
      Map<Character, Double> interestCodes) {
    this(skills, likedSkills, likedOccupations, interestCodes, Set.of());
  }

  public PersonInput {
    experience = Set.copyOf(experience);
    skills = Set.copyOf(skills);
    likedSkills = Set.copyOf(likedSkills);
    likedOccupations = Set.copyOf(likedOccupations);
    interestCodes = Map.copyOf(interestCodes);
  }

  public static PersonInput of(CompetenceSnapshot snapshot) {
    return new PersonInput(
        snapshot.skills().stream().map(ProfileSkill::skill).collect(Collectors.toSet()),
        snapshot.interestingSkills(),
        snapshot.interestingOccupations(),
        snapshot.interestCodes(),
        snapshot.workedAs());
  }
}
