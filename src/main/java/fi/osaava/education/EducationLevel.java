package fi.osaava.education;

/** The kinds of offering a person can filter by, from whole degrees to single badges. */
public enum EducationLevel {
  DEGREE,
  VOCATIONAL_QUALIFICATION,
  QUALIFICATION_UNIT,
  SHORT_COURSE,
  MOOC,
  COMPETENCE_BADGE
}
