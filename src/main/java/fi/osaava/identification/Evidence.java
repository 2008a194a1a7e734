package fi.osaava.identification;

/**
 * A stretch of the original text that supports a suggestion: characters {@code start} (inclusive)
 * to {@code end} (exclusive) of the text as given, so a page can highlight them.
 */
public record Evidence(int start, int end, String text) {}
