package fi.osaava.education;

import java.util.List;

/**
 * The outcome of importing one education source.
 *
 * @param source the source name, such as {@code konfo} or {@code eperusteet}
 * @param records well-formed records read
 * @param inserted new offerings
 * @param updated offerings whose content changed (or were reactivated)
 * @param deactivated offerings no longer in the source, now inactive
 * @param errors the records skipped, with where and why
 */
public record EducationImportReport(
    String source,
    int records,
    int inserted,
    int updated,
    int deactivated,
    List<RecordError> errors) {

  public EducationImportReport {
    errors = List.copyOf(errors);
  }

  /** Offerings that changed in this import. */
  public int changed() {
    return inserted + updated + deactivated;
  }

  /**
   * One skipped record.
   *
   * @param file the input file name
   * @param line the line (JSON Lines) or the record's position in the file's array, from 1
   * @param field the JSON field at fault
   * @param message what is wrong
   */
  public record RecordError(String file, long line, String field, String message) {

    @Override
    public String toString() {
      return file + ":" + line + ": " + field + ": " + message;
    }
  }
}
