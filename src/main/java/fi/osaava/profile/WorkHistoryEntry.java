package fi.osaava.profile;

import java.time.LocalDate;

/**
 * One entry of a person's work history as a counsellor sees it.
 *
 * @param kind WORK, EDUCATION, ACTIVITY, TRUST or OTHER
 * @param end null while ongoing
 */
public record WorkHistoryEntry(
    String kind,
    String organisation,
    String title,
    LocalDate start,
    LocalDate end,
    String description) {}
