package fi.osaava.taxonomy.internal.search;

import fi.osaava.taxonomy.EscoImported;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the label index in step with the database: rebuilds it right after an ESCO import in this
 * process, at start-up when it is empty or older than the latest import, and when a periodic check
 * finds an import made by another process ({@code osaava import esco} beside the running service,
 * which cannot write the index the service holds open).
 */
@Component
class LabelIndexMaintenance implements ApplicationRunner, Ordered, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(LabelIndexMaintenance.class);

  private final LabelIndexAutocomplete autocomplete;
  private final LabelIndexState state;
  private final Duration watchInterval;
  private final ScheduledExecutorService watcher;

  /**
   * @param watchInterval how often to look for imports made by another process; zero turns the
   *     check off
   */
  LabelIndexMaintenance(
      LabelIndexAutocomplete autocomplete,
      LabelIndexState state,
      @Value("${osaava.taxonomy.search.watch-interval:60s}") Duration watchInterval) {
    this.autocomplete = autocomplete;
    this.state = state;
    this.watchInterval = watchInterval;
    this.watcher =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("label-index-watch").factory());
  }

  /**
   * Synchronous, in the importing thread, after the import's commit (or at once when published
   * outside a transaction): {@code osaava import esco} exits as soon as the import returns, so an
   * asynchronous rebuild would never finish. A failure is logged, not thrown: the data is already
   * committed, and the stale marker makes the next check or start rebuild.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void onEscoImported(EscoImported event) {
    try {
      autocomplete.rebuild();
    } catch (RuntimeException e) {
      if (heldByAnotherProcess(e)) {
        log.warn(
            "ESCO {} is imported; the running service holds the label index and rebuilds it"
                + " within {}",
            event.version(),
            watchInterval);
        return;
      }
      log.error(
          "ESCO {} is imported but the label autocomplete index could not be rebuilt here (is the"
              + " service running and holding it? it then rebuilds within {}); otherwise it is"
              + " rebuilt at the next start",
          event.version(),
          watchInterval,
          e);
    }
  }

  /**
   * ESCO imported by another process: the service holds the index, so it rebuilds it now rather
   * than at the next watch.
   */
  @org.springframework.context.event.EventListener
  void dataChanged(fi.osaava.platform.DataChanged event) {
    if (event.elsewhere() && event.concerns(EscoImported.DATASET)) {
      rebuildIfStale();
    }
  }

  /** After the first-start imports (order 0), which rebuild the index themselves. */
  @Override
  public int getOrder() {
    return 100;
  }

  @Override
  public void run(ApplicationArguments args) {
    rebuildIfStale();
    if (!watchInterval.isZero() && !watchInterval.isNegative()) {
      long millis = watchInterval.toMillis();
      watcher.scheduleWithFixedDelay(this::rebuildIfStale, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  private void rebuildIfStale() {
    try {
      Optional<String> reason = state.staleness(autocomplete.documentCount());
      if (reason.isPresent()) {
        log.info("Rebuilding the label autocomplete index: {}", reason.get());
        autocomplete.rebuildIfStale();
      }
    } catch (RuntimeException e) {
      if (heldByAnotherProcess(e)) {
        // A command-line tool beside the running service: the service owns and maintains it.
        log.info("The label index is held by the running service, which keeps it up to date");
      } else {
        log.error("The label autocomplete index could not be checked or rebuilt", e);
      }
    }
  }

  private static boolean heldByAnotherProcess(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.apache.lucene.store.LockObtainFailedException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void destroy() {
    watcher.shutdownNow();
  }
}
