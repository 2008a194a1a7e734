package fi.osaava.platform;

/**
 * Published after a dataset import committed, so modules that derive data from it (search indexes,
 * caches) can rebuild.
 */
public record DatasetImported(String dataset, String version) {}
