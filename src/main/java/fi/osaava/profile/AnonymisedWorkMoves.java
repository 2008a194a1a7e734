package fi.osaava.profile;

import java.time.LocalDate;
import java.util.List;

/**
 * Moves between places of work for statistics, from the profiles of people who consented to
 * anonymised statistics ({@link ConsentPurpose#ANONYMISED_STATISTICS} under its current text) and
 * from nobody else. Read afresh on every call, so a revoked consent counts no more at once. The
 * caller publishes only aggregates of at least five people.
 */
public interface AnonymisedWorkMoves {

  /**
   * Each consenting person's latest move whose new job started from {@code from} to {@code to}
   * (inclusive): a work entry with a municipality after an earlier-starting work entry in another
   * municipality. At most one record per person, in no meaningful order.
   */
  List<WorkMove> consentedWorkMoves(LocalDate from, LocalDate to);
}
