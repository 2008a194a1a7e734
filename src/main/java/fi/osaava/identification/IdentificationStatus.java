package fi.osaava.identification;

/**
 * What the engine has loaded.
 *
 * @param ready whether the label indexes are built (identify waits for them otherwise)
 * @param semantic whether sentence embeddings are loaded and used
 * @param morphology {@code voikko} or {@code stemmer} (the fallback) for Finnish
 * @param labels number of indexed labels, all languages
 * @param buildMillis how long building (or loading) the indexes took
 */
public record IdentificationStatus(
    boolean ready, boolean semantic, String morphology, int labels, long buildMillis) {}
