package fi.osaava.labourmarket;

import java.time.LocalDate;

/**
 * Job ads of one month and region that ask for one ESCO skill (near-duplicates counted once), for
 * the open data.
 *
 * @param month the first day of the month the ads were posted in
 * @param regionCode the two-digit region code
 * @param skillUri the skill's ESCO URI
 * @param ads how many ads asked for it
 */
public record SkillDemandCell(LocalDate month, String regionCode, String skillUri, long ads) {}
