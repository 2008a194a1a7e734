package fi.osaava.notifications;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;

/**
 * A file that travels with a message's mail, such as an event's calendar file: small, because the
 * outbox keeps it in the database until the mail is sent. Only the mail carries it; the inbox shows
 * the message without it.
 *
 * @param fileName the name the mail gives the file: letters, digits, spaces, dots, dashes and
 *     underscores, no path
 * @param mediaType the file's media type with its parameters, such as {@code text/calendar;
 *     method=REQUEST; charset=UTF-8}
 * @param content the file, at most {@link #MAX_BYTES}
 */
public record MailAttachment(String fileName, String mediaType, byte[] content) {

  /**
   * The most bytes one attachment has (256 KiB): well above a calendar file, and small enough that
   * an outbox row and a mail stay cheap.
   */
  public static final int MAX_BYTES = 256 * 1024;

  private static final Pattern FILE_NAME = Pattern.compile("[\\p{L}\\p{N}_-][\\p{L}\\p{N} ._-]*");

  private static final int MAX_FILE_NAME = 120;

  /** An attachment over {@link #MAX_BYTES}: the caller sends something smaller, or a link. */
  public static final class TooLarge extends IllegalArgumentException {

    TooLarge(String fileName, int bytes) {
      super(
          "A mail attachment is at most "
              + MAX_BYTES
              + " bytes; "
              + fileName
              + " has "
              + bytes
              + " bytes");
    }
  }

  public MailAttachment {
    if (fileName == null
        || fileName.length() > MAX_FILE_NAME
        || !FILE_NAME.matcher(fileName).matches()) {
      throw new IllegalArgumentException("Not an attachment's file name: " + fileName);
    }
    try {
      MimeType type = MimeType.valueOf(mediaType);
      if (type.isWildcardType() || type.isWildcardSubtype()) {
        throw new IllegalArgumentException("An attachment's media type is concrete: " + mediaType);
      }
      mediaType = type.toString();
    } catch (InvalidMimeTypeException e) {
      throw new IllegalArgumentException("Not a media type: " + mediaType, e);
    }
    if (content.length > MAX_BYTES) {
      throw new TooLarge(fileName, content.length);
    }
    // A copy, so that the caller changing its array later changes no queued mail.
    content = content.clone();
  }

  /** A text file, written in UTF-8 (which the media type's charset should say). */
  public static MailAttachment text(String fileName, String mediaType, String text) {
    return new MailAttachment(fileName, mediaType, text.getBytes(StandardCharsets.UTF_8));
  }

  /** The file's bytes (a copy). */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /** How many bytes the file has. */
  public int size() {
    return content.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MailAttachment a
        && fileName.equals(a.fileName)
        && mediaType.equals(a.mediaType)
        && Arrays.equals(content, a.content);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * fileName.hashCode() + mediaType.hashCode()) + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "MailAttachment[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
  }
}
