package fi.osaava.opportunities.internal.engine;

import fi.osaava.labourmarket.JobAdId;
import fi.osaava.platform.Language;
import org.jspecify.annotations.Nullable;

/**
 * An open job ad reduced to what matching reads. Ads do not say which skills are essential, so all
 * of an ad's skills count as essential; {@code occupation} indexes the occupation table (-1 when
 * the ad names none known).
 */
public record JobAdEntry(
    JobAdId id,
    String title,
    Language language,
    int occupation,
    int[] skills,
    @Nullable String municipality,
    boolean remote,
    boolean synthetic,
    double demand) {}
