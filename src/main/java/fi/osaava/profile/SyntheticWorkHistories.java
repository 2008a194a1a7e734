package fi.osaava.profile;

import java.util.List;

/**
 * Labelled synthetic people with work histories, for demonstrating the regional statistics and for
 * benchmarks that need many profiles.
 */
public interface SyntheticWorkHistories {

  /** How many people were made, and how many of them consented to anonymised statistics. */
  record Generated(int people, int consenting) {}

  /**
   * Makes {@code count} people marked synthetic (they cannot sign in), each with two to four jobs
   * in municipalities of the regional classification, many of them moving towards the larger towns,
   * with ESCO occupations where ESCO is imported. Every latest job started in a complete calendar
   * year (most in the last one), never in the current year, which the mobility page does not
   * publish. About four in five consent to anonymised statistics; the others do not, and are never
   * counted. The same seed gives the same people.
   */
  Generated generate(int count, long seed);

  /**
   * Makes {@code count} people marked synthetic (they cannot sign in), each with one synthetic job
   * and {@code skills} distinct ESCO skills from it at a random level, for load and benchmark data
   * (needs ESCO imported; no regions or consents). The same seed gives the same people, and a
   * second run with it adds nobody new.
   *
   * @return the people, in the order made
   */
  List<PersonId> generateWithSkills(int count, int skills, long seed);
}
