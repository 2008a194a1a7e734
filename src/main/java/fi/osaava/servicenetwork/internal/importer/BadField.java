package fi.osaava.servicenetwork.internal.importer;

import fi.osaava.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A record's field that is wrong, thrown while one record is read and located by its caller. */
final class BadField extends RuntimeException {

  private final String field;

  BadField(String field, String problem) {
    super(problem, null, false, false);
    this.field = field;
  }

  String field() {
    return field;
  }

  /**
   * Every bad record of one input, so that the refusal can say how many there are besides the
   * first, which it names by line and field.
   */
  static final class Collected {

    private final String source;
    private final List<InvalidInputException> errors = new ArrayList<>();

    Collected(String source) {
      this.source = source;
    }

    void add(long line, BadField bad) {
      errors.add(
          new InvalidInputException(
              source,
              line,
              bad.field(),
              Objects.requireNonNull(bad.getMessage(), "a bad field is made with its problem")));
    }

    /** Refuses the input when any record was bad: the first, and the count of the others. */
    void throwIfAny() {
      if (errors.isEmpty()) {
        return;
      }
      InvalidInputException first = errors.getFirst();
      if (errors.size() == 1) {
        throw new InvalidInputException(
            first.source(),
            first.line(),
            first.field(),
            first.problem() + " (nothing was imported)");
      }
      throw new InvalidInputException(
          first.source(),
          first.line(),
          first.field(),
          first.problem()
              + " (and "
              + (errors.size() - 1)
              + " more bad records; nothing was imported)");
    }
  }
}
