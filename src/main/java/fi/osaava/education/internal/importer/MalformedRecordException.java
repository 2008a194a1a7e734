package fi.osaava.education.internal.importer;

/** A record that cannot be imported, naming the field at fault; the reader skips and reports it. */
final class MalformedRecordException extends RuntimeException {

  private final String field;

  MalformedRecordException(String field, String message) {
    super(message);
    this.field = field;
  }

  String field() {
    return field;
  }
}
