package fi.osaava.profile;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One person's move between two places of work, read from the work history of someone who consented
 * to anonymised statistics. It names no person: each record is a different person (their latest
 * move of the period asked), and the order of the records says nothing.
 *
 * @param fromMunicipality the municipality code of the job before
 * @param toMunicipality the municipality code of the job moved to (a different one)
 * @param occupationUri the ESCO occupation the person confirmed for the new job; null when none
 * @param moved the year and month the new job started (the day is always the first)
 * @param synthetic whether the person was generated for demonstration
 */
public record WorkMove(
    String fromMunicipality,
    String toMunicipality,
    @Nullable String occupationUri,
    LocalDate moved,
    boolean synthetic) {}
