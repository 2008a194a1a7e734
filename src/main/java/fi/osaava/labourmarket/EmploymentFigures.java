package fi.osaava.labourmarket;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One area's figures of the latest employment-service snapshot (KEHA-keskus / Statistics Finland,
 * table 12r5).
 *
 * @param month the month the figures are for
 * @param figures by the source's measure code ({@code HAKIJALOPUSSA} jobseekers, {@code
 *     TYOTTOMATLOPUSSA} unemployed jobseekers, {@code TYOTOSUUS} unemployment %, {@code
 *     AVPAIKATLOPUSSA} open vacancies, {@code UUDETAVP} new vacancies, ...); null where the source
 *     suppressed the figure
 * @param source the source as the file names it
 */
public record EmploymentFigures(
    LocalDate month, Map<String, @Nullable Double> figures, String source) {

  public EmploymentFigures {
    figures = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(figures));
  }
}
