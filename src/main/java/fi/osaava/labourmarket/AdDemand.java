package fi.osaava.labourmarket;

import java.time.LocalDate;
import java.util.List;

/**
 * Job-ad counts of the latest 12 months with ads and of the 12 months before them, by municipality
 * and by skill or ISCO-08 unit group, for aggregation by area elsewhere. Near-duplicates count
 * once; ads without a municipality (remote or unplaced) are not in it.
 *
 * @param from the first month of the current window
 * @param to the last month with ads (the end of the current window)
 * @param previousFrom the first month of the previous window, which ends the month before {@code
 *     from}
 * @param synthetic whether generated ads are among them, which every page showing them says
 */
public record AdDemand(
    LocalDate from, LocalDate to, LocalDate previousFrom, boolean synthetic, List<Cell> cells) {

  public AdDemand {
    cells = List.copyOf(cells);
  }

  /** What a cell counts: all ads, the ads asking for a skill, or the ads of an ISCO group. */
  public enum Kind {
    ALL,
    SKILL,
    OCCUPATION_GROUP
  }

  /**
   * @param item the skill's ESCO URI, the four-digit ISCO code, or empty for {@link Kind#ALL}
   * @param current ads in the current window
   * @param previous ads in the previous window
   */
  public record Cell(String municipalityCode, Kind kind, String item, int current, int previous) {}
}
