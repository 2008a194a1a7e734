package fi.osaava.labourmarket;

import fi.osaava.taxonomy.ConceptUri;
import org.jspecify.annotations.Nullable;

/**
 * Finnish labour-market indicators of an ESCO occupation, joined through its ISCO group (whole
 * country). A null figure is one the source does not give.
 *
 * @param iscoGroup the ISCO-08 unit group the figures are for, with its Finnish name
 * @param openVacancies open vacancies on the count day, 12-month weighted average
 * @param vacancyRate open vacancies per labour force
 * @param unemploymentRate unemployment rate of those at low unemployment risk
 * @param payDecile the decile (1–10) of the occupation's median hourly pay among all occupations
 * @param medianHourlyEarnings median total hourly earnings in euros
 * @param labourShortageShare share of labour shortage, 0–1
 * @param mismatchShare share of matching problems, 0–1
 * @param source the dataset and period the figures come from, for the attribution line
 */
public record OccupationIndicators(
    ConceptUri occupation,
    String iscoGroup,
    @Nullable Double labourForce,
    @Nullable Double openVacancies,
    @Nullable Double vacancyRate,
    @Nullable Double unemploymentRate,
    @Nullable Double nonStandardWorkShare,
    @Nullable Integer payDecile,
    @Nullable Double medianHourlyEarnings,
    @Nullable Double labourShortageShare,
    @Nullable Double mismatchShare,
    @Nullable Double shortageVolume,
    @Nullable Double foreignBackgroundShare,
    String source) {}
