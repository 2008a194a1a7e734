package fi.osaava.servicenetwork;

/** The life situations a service serves, by which services are browsed and recommended. */
public enum LifeSituation {
  UNEMPLOYED,
  AT_RISK_OF_UNEMPLOYMENT,
  CHANGING_CAREER,
  RETURNING_TO_WORK,
  IMMIGRANT,
  YOUNG_WITHOUT_DEGREE,
  EMPLOYEE_DEVELOPING,
  ENTREPRENEUR,
  EMPLOYER
}
