package fi.osaava.servicenetwork;

/** What kind of help a service gives; one per service (docs/services.md). */
public enum ServiceType {
  GUIDANCE,
  EMPLOYMENT_SERVICE,
  TRAINING,
  FUNDING,
  RECOGNITION_OF_PRIOR_LEARNING,
  CAREER_COUNSELLING,
  ONLINE_TOOL,
  OTHER
}
