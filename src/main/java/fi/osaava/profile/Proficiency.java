package fi.osaava.profile;

/** The four-level proficiency scale of a profile skill, lowest first. */
public enum Proficiency {
  BASIC,
  INTERMEDIATE,
  ADVANCED,
  EXPERT
}
