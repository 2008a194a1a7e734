package fi.osaava.education.internal.importer;

/** A record that cannot be imported, naming the field at fault; the reader skips and reports it. */
final class MalformedRecordException extends RuntimeException {

  private final String field;
  private final String problem;

  MalformedRecordException(String field, String problem) {
    super(problem);
    this.field = field;
    this.problem = problem;
  }

  String field() {
    return field;
  }

  /** What is wrong with the field: the message, typed as never absent. */
  String problem() {
    return problem;
  }
}
