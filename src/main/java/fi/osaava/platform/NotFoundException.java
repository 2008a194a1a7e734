package fi.osaava.platform;

/** Thrown when a requested resource does not exist; the web layer answers 404. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
