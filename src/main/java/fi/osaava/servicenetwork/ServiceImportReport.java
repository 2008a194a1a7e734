package fi.osaava.servicenetwork;

/**
 * What one import or push into the service directory did.
 *
 * @param source the file or stream read
 * @param read records read
 * @param added new services
 * @param updated services whose content changed
 * @param unchanged services sent again as they were
 * @param retired services of a snapshot (the general descriptions) no longer in it, now inactive
 */
public record ServiceImportReport(
    String source, int read, int added, int updated, int unchanged, int retired) {}
