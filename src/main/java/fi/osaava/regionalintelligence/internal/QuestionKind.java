package fi.osaava.regionalintelligence.internal;

/** The kinds of survey question. */
public enum QuestionKind {
  /** A five-point scale, 1 to 5. */
  SCALE,
  SINGLE_CHOICE,
  MULTIPLE_CHOICE,
  /** A whole number, 0 or more (for example, how many people the company will hire). */
  NUMBER,
  /** Free text: never published, only read by the owner. */
  FREE_TEXT,
  /** ESCO skills chosen with the taxonomy's autocomplete. */
  ESCO_SKILL,
  /** ESCO occupations chosen with the taxonomy's autocomplete. */
  ESCO_OCCUPATION,
  /**
   * "Competences you will need in 3 years": free text, turned into ESCO skills by the
   * identification engine; only the skills the respondent confirms are kept and published.
   */
  FUTURE_SKILLS;

  /** Whether every respondent must answer: the closed questions, whose counts add up. */
  public boolean required() {
    return this == SCALE || this == SINGLE_CHOICE || this == MULTIPLE_CHOICE || this == NUMBER;
  }

  /** Whether the question has options of its own (the choices). */
  public boolean hasOptions() {
    return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
  }

  /** Whether the answers are ESCO concepts. */
  public boolean concepts() {
    return this == ESCO_SKILL || this == ESCO_OCCUPATION || this == FUTURE_SKILLS;
  }

  /** Whether the results count respondents per option in cross tables. */
  public boolean tabulated() {
    return this == SCALE || this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
  }

  /** Whether each respondent gives exactly one of the options, so the options add up. */
  public boolean exclusive() {
    return this == SCALE || this == SINGLE_CHOICE;
  }
}
