package fi.osaava.taxonomy.internal.search;

import fi.osaava.taxonomy.EscoImported;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the label index in step with the database: rebuilds it right after an ESCO import, and at
 * start-up when it is empty or older than the latest import.
 */
@Component
class LabelIndexMaintenance implements ApplicationRunner, Ordered {

  private static final Logger log = LoggerFactory.getLogger(LabelIndexMaintenance.class);

  private final LabelIndexAutocomplete autocomplete;
  private final LabelIndexState state;

  LabelIndexMaintenance(LabelIndexAutocomplete autocomplete, LabelIndexState state) {
    this.autocomplete = autocomplete;
    this.state = state;
  }

  /**
   * Synchronous, in the importing thread, after the import's commit (or at once when published
   * outside a transaction): {@code osaava import esco} exits as soon as the import returns, so an
   * asynchronous rebuild would never finish. A failure is logged, not thrown: the data is already
   * committed, and the stale marker makes the next start rebuild.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void onEscoImported(EscoImported event) {
    try {
      autocomplete.rebuild();
    } catch (RuntimeException e) {
      log.error(
          "ESCO {} is imported but the label autocomplete index could not be rebuilt; it will be"
              + " rebuilt at the next start",
          event.version(),
          e);
    }
  }

  /** After the first-start imports (order 0), which rebuild the index themselves. */
  @Override
  public int getOrder() {
    return 100;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      Optional<String> reason = state.staleness(autocomplete.documentCount());
      if (reason.isPresent()) {
        log.info("Rebuilding the label autocomplete index: {}", reason.get());
        autocomplete.rebuild();
      }
    } catch (RuntimeException e) {
      log.error("The label autocomplete index could not be checked or rebuilt", e);
    }
  }
}
