package fi.osaava.taxonomy;

import java.util.List;

/**
 * What one ESCO import run did.
 *
 * @param unchanged true when the same input was imported before, so nothing was written
 * @param concepts concepts read, over all files
 * @param added concepts new to the database
 * @param obsoleted concepts marked obsolete because the new version no longer has them
 * @param labels labels written
 * @param relations relation rows written
 * @param warnings things worth a person's attention that did not stop the import
 */
public record EscoImportReport(
    String version,
    boolean unchanged,
    List<String> files,
    int concepts,
    int added,
    int obsoleted,
    int labels,
    int relations,
    List<String> warnings,
    long millis) {}
