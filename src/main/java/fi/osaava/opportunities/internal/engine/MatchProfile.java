package fi.osaava.opportunities.internal.engine;

import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A person as matching sees them: held skills (sorted ids) with the partial credit they give every
 * other skill, and interests (liked skills with their own credit spread, liked occupations as table
 * positions, RIASEC weights in R, I, A, S, E, C order or null), and the occupations they have
 * worked in (sorted table positions).
 */
public record MatchProfile(
    int[] held,
    float[] credit,
    int[] likedSkills,
    float[] interestCredit,
    int[] likedOccupations,
    double @Nullable [] riasec,
    int[] experience) {

  static final String RIASEC = "RIASEC";

  public static MatchProfile of(
      SkillGraph graph,
      int[] held,
      int[] likedSkills,
      int[] likedOccupations,
      Map<Character, Double> interestCodes) {
    int[] heldSorted = Arrays.stream(held).sorted().distinct().toArray();
    int[] liked = Arrays.stream(likedSkills).sorted().distinct().toArray();
    return new MatchProfile(
        heldSorted,
        graph.credits(heldSorted),
        liked,
        graph.credits(liked),
        Arrays.stream(likedOccupations).sorted().distinct().toArray(),
        riasec(interestCodes),
        new int[0]);
  }

  /**
   * This profile with the occupations the person has worked in (table positions), for example those
   * the identification engine recognised in their work history.
   */
  public MatchProfile withExperience(int[] occupations) {
    return new MatchProfile(
        held,
        credit,
        likedSkills,
        interestCredit,
        likedOccupations,
        riasec,
        Arrays.stream(occupations).sorted().distinct().toArray());
  }

  public boolean experienced(int occupation) {
    return occupation >= 0 && Arrays.binarySearch(experience, occupation) >= 0;
  }

  /** RIASEC weights from letter codes; null when none of the six letters has a positive weight. */
  public static double @Nullable [] riasec(Map<Character, Double> codes) {
    double[] out = new double[6];
    boolean any = false;
    for (Map.Entry<Character, Double> e : codes.entrySet()) {
      int i = RIASEC.indexOf(Character.toUpperCase(e.getKey()));
      if (i >= 0 && e.getValue() != null && e.getValue() > 0) {
        out[i] += e.getValue();
        any = true;
      }
    }
    return any ? out : null;
  }

  public boolean hasInterests() {
    return likedSkills.length > 0 || likedOccupations.length > 0 || riasec != null;
  }

  public boolean holds(int skill) {
    return Arrays.binarySearch(held, skill) >= 0;
  }
}
