package fi.osaava.profile.internal;

import java.util.UUID;

/**
 * A skill the engine suggested for an entry, and the person's decision.
 *
 * @param decision PENDING, ACCEPTED or REJECTED
 */
public record SuggestionEntry(
    UUID experienceId,
    String skillUri,
    String label,
    String evidence,
    double score,
    String decision) {}
