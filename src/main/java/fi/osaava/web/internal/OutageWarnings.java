package fi.osaava.web.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.springframework.core.NestedExceptionUtils;

/**
 * One warning a minute for an outage, not one per request: during an outage every request fails the
 * same way, and a log line per request would bury the one that says when it began.
 */
final class OutageWarnings {

  private static final Duration INTERVAL = Duration.ofMinutes(1);

  private final Logger log;
  private final String warning;
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - INTERVAL.toNanos());

  /** {@code warning} is a log message with one placeholder, for the failure's deepest cause. */
  OutageWarnings(Logger log, String warning) {
    this.log = log;
    this.warning = warning;
  }

  void record(Exception failure) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    String cause = NestedExceptionUtils.getMostSpecificCause(failure).toString();
    if (now - last >= INTERVAL.toNanos() && lastWarning.compareAndSet(last, now)) {
      log.warn(warning, cause);
    } else {
      log.debug(warning, cause);
    }
  }
}
