package fi.osaava.platform;

import java.util.Locale;

/**
 * The rule every snapshot import follows before it retires what a new snapshot no longer holds: a
 * snapshot that would retire more than {@value #MAX_SHRINK_PERCENT} % of what it replaces is far
 * more likely a truncated or partial file than a real change at the source, so it is refused unless
 * the operator says the source really shrank ({@code --allow-shrink}).
 */
public final class SnapshotShrinkGuard {

  /** The largest share, in per cent, of the current records a snapshot may retire unasked. */
  public static final int MAX_SHRINK_PERCENT = 20;

  private SnapshotShrinkGuard() {}

  /**
   * @param source the snapshot's file or files, named in the refusal
   * @param what the records counted, plural ("active konfo offerings")
   * @param current how many of them there are now
   * @param retired how many this snapshot would deactivate, mark obsolete or delete
   * @param allowShrink the operator's {@code --allow-shrink}
   * @throws InvalidInputException naming the source and both counts when the snapshot is refused
   */
  public static void check(
      String source, String what, long current, long retired, boolean allowShrink) {
    if (allowShrink || retired == 0 || retired * 100 <= current * MAX_SHRINK_PERCENT) {
      return;
    }
    throw new InvalidInputException(
        source,
        0,
        null,
        String.format(
            Locale.ROOT,
            "this snapshot would retire %,d of the %,d %s (%d %%), more than the %d %% a snapshot"
                + " may drop; it looks truncated, so nothing was imported. Check that the file is"
                + " complete, or rerun with --allow-shrink if the source really shrank",
            retired,
            current,
            what,
            Math.round(retired * 100.0 / current),
            MAX_SHRINK_PERCENT));
  }
}
