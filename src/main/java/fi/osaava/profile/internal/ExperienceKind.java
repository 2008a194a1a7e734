package fi.osaava.profile.internal;

/** What an entry of the competence profile describes. */
public enum ExperienceKind {
  WORK,
  EDUCATION,
  ACTIVITY,
  TRUST,
  OTHER
}
