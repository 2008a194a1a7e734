package fi.osaava.profile;

/**
 * A module outside the profile that keeps personal data keyed by {@link PersonId} (for example
 * saved learning plans) declares a bean of this type, so that the person's export includes it and
 * deletion removes it in the same transaction as the profile.
 */
public interface PersonalDataHolder {

  /** The section name in the JSON export, such as {@code learningPlans}. */
  String section();

  /** Everything this module holds about the person, as a JSON-serialisable value. */
  Object export(PersonId person);

  /** Deletes every row this module holds about the person. */
  void delete(PersonId person);
}
