package fi.osaava.opportunities;

/** What an opportunity is: an ESCO occupation, an open job ad or an education offering. */
public enum OpportunityKind {
  OCCUPATION,
  JOB_AD,
  EDUCATION
}
