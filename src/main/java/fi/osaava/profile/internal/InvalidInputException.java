package fi.osaava.profile.internal;

/** Input that breaks a rule; names the field, so pages and the API can say what is wrong. */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
