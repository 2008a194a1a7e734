package fi.osaava.profile;

/**
 * A part of a profile that a person can share with a guidance counsellor, each chosen separately: a
 * counsellor given {@link #SKILLS} only reads nothing else.
 */
public enum SharedPart {
  /** Accepted skills with their level and whether they are verified. */
  SKILLS,
  /** Work, education and other entries of the profile. */
  WORK_HISTORY,
  /** Liked skills and occupations and the person's own words about their interests. */
  INTERESTS,
  /**
   * Answers to self-assessment questionnaires: the interest questionnaire's RIASEC scores, and the
   * career-planning self-assessments that guidance keeps.
   */
  SELF_ASSESSMENTS,
  /** Plans made with the counsellor: proposed steps, tasks, shared notes and comments. */
  PLANS
}
