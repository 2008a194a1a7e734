package fi.osaava.profile;

import org.jspecify.annotations.Nullable;

/**
 * How far a person's profile has come, for their next steps.
 *
 * @param skills accepted skills, one per ESCO skill
 * @param entries work, education and other entries
 * @param pendingSuggestions suggested skills still waiting for the person's decision
 * @param pendingReviewPath the page where the first of those is decided (a CV's review page or an
 *     entry's page), or null when none waits
 * @param interestsAnswered whether the interest questionnaire has been answered
 */
public record ProfileProgress(
    int skills,
    int entries,
    int pendingSuggestions,
    @Nullable String pendingReviewPath,
    boolean interestsAnswered) {}
