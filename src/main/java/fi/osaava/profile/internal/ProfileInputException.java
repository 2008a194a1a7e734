package fi.osaava.profile.internal;

import fi.osaava.platform.InvalidInputException;

/**
 * Input to the profile that breaks a rule, naming the field, so that pages and the API refuse the
 * same way (the API answers 400 with the field as {@code parameter}).
 */
public class ProfileInputException extends InvalidInputException {

  public ProfileInputException(String field, String problem) {
    super("profile", 0, field, problem);
  }
}
