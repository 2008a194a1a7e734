package fi.osaava.education.internal.importer;

import fi.osaava.education.EducationImportReport.RecordError;
import fi.osaava.platform.StorableText;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a reader got from one source: the well-formed records, the skipped ones with the reason, and
 * the municipality names the source used.
 */
public final class ReadResult {

  final String source;
  final List<OfferingRecord> records = new ArrayList<>();
  final List<RecordError> errors = new ArrayList<>();
  final Map<String, Map<String, String>> municipalityNames = new LinkedHashMap<>();

  /**
   * Source-id prefixes this read covers completely: records of the source under one of them that
   * were not read are deactivated. {@code ""} covers the whole source; none covers nothing (push).
   */
  final List<String> completeScopes = new ArrayList<>();

  /** The files read, in the order read: a refused snapshot names them. */
  final List<String> files = new ArrayList<>();

  /**
   * Whether the source is read as complete snapshots (national files), even when a file was too
   * damaged to say which scope it covers; a push or provider file is not.
   */
  boolean snapshot;

  private final Set<String> seen = new HashSet<>();

  ReadResult(String source) {
    this.source = source;
  }

  /** Keeps a record unless an earlier one of this read had the same source id. */
  void add(OfferingRecord record, String file, long line) {
    Optional<String> unstorable = unstorableComponent(record);
    if (unstorable.isPresent()) {
      error(file, line, unstorable.get(), StorableText.PROBLEM);
      return;
    }
    if (seen.add(record.sourceId())) {
      records.add(record);
    } else {
      error(file, line, "id", "duplicate source id " + record.sourceId() + ": the first is kept");
    }
  }

  /**
   * The first field of a record that the database cannot store, whichever reader built it (the
   * readers of national sources take text as it comes).
   */
  private static Optional<String> unstorableComponent(OfferingRecord record) {
    if (StorableText.isStorable(record.toString())) {
      return Optional.empty();
    }
    for (RecordComponent component : OfferingRecord.class.getRecordComponents()) {
      try {
        Object value = component.getAccessor().invoke(record);
        if (value != null && !StorableText.isStorable(value.toString())) {
          return Optional.of(component.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return Optional.of("(record)");
  }

  public String source() {
    return source;
  }

  public List<RecordError> errors() {
    return List.copyOf(errors);
  }

  /** Whether this read is a snapshot: it retires records of its scopes that it did not hold. */
  public boolean snapshot() {
    return snapshot;
  }

  /** The files read, or the source name when none were named. */
  public String describe() {
    return files.isEmpty() ? source : String.join(", ", files);
  }

  public List<OfferingRecord> records() {
    return List.copyOf(records);
  }

  void error(String file, long line, String field, String message) {
    errors.add(new RecordError(file, line, field, message));
  }
}
