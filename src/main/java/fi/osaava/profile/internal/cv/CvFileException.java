package fi.osaava.profile.internal.cv;

import fi.osaava.profile.internal.ProfileInputException;
import java.util.List;

/**
 * A CV file that cannot be read, naming the file and why. {@code reason} is a message key suffix
 * ({@code profile.cv.error.<reason>}) so that the page says it in the reader's language; the
 * exception's own text is the English version for the API and the log.
 */
public class CvFileException extends ProfileInputException {

  private final String reason;
  private final List<Object> arguments;

  CvFileException(String reason, String fileName, String problem, Object... arguments) {
    super("file", fileName + ": " + problem);
    this.reason = reason;
    this.arguments = List.of(arguments);
  }

  /** The key suffix of the localized message. */
  public String reason() {
    return reason;
  }

  /** The message's arguments after the file name, which is always {@code {0}}. */
  public List<Object> arguments() {
    return arguments;
  }
}
