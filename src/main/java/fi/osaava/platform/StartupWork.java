package fi.osaava.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Work that a module still does after the service has started and until which its answers are
 * incomplete: imports of the first start, indexes being built, models being loaded. Modules
 * contribute beans; the readiness probe stays down and every page shows a banner while any of them
 * reports something pending, and the console says when all is done.
 */
public interface StartupWork {

  /** What is still under way, or an empty list when this module answers fully. */
  List<Pending> pending();

  /**
   * One piece of pending work.
   *
   * @param key what is being done, a message key under {@code startup.} (for example {@code
   *     importing} or {@code identification}), so pages can say it in their language
   * @param subject what it is done to (a dataset name such as {@code education}), or null
   * @param done steps finished, 0 when unknown
   * @param total steps in all, 0 when unknown
   */
  record Pending(String key, @Nullable String subject, int done, int total) {

    /** "education (2/5)" for logs, in English. */
    public String describe() {
      String what = subject == null ? key : key + " " + subject;
      return total > 0 ? what + " (" + done + "/" + total + ")" : what;
    }
  }
}
