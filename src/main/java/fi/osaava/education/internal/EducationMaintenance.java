package fi.osaava.education.internal;

import fi.osaava.education.CatalogueChanged;
import fi.osaava.education.internal.search.EducationIndexer;
import fi.osaava.education.internal.search.EducationReindexRequests;
import fi.osaava.platform.DataChanged;
import fi.osaava.platform.DatabaseOutage;
import fi.osaava.regions.RegionsImported;
import fi.osaava.taxonomy.EscoImported;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

/**
 * Keeps the derived education data current: at start-up rebuilds the index when it does not hold
 * the catalogue (a new home, a deleted index) and resumes the skill backfill; rebuilds the index
 * when the regional classification arrives (region facet) and resumes the backfill when ESCO
 * arrives. In the service it also polls the index work queue ({@link EducationReindexRequests}) for
 * changes that command-line imports committed beside it but could not index, since the service
 * holds the index.
 */
@Component
class EducationMaintenance implements ApplicationRunner, Ordered, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(EducationMaintenance.class);

  private final EducationIndexer indexer;
  private final EducationReindexRequests reindexRequests;
  private final SkillBackfill backfill;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final boolean service;
  private final Duration pollInterval;
  private final ScheduledExecutorService poller;

  /**
   * @param context a web application context in the service; the command-line tools boot without
   *     one and leave the background work to the service, whose index they cannot write beside it
   * @param pollInterval how often the service looks for index work queued by other processes
   */
  EducationMaintenance(
      EducationIndexer indexer,
      EducationReindexRequests reindexRequests,
      SkillBackfill backfill,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      ApplicationContext context,
      @Value("${osaava.education.reindex-poll-interval:5s}") Duration pollInterval) {
    this.indexer = indexer;
    this.reindexRequests = reindexRequests;
    this.backfill = backfill;
    this.events = events;
    this.transactions = transactions;
    this.service = context instanceof WebApplicationContext;
    this.pollInterval = pollInterval;
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("education-reindex-poll").factory());
  }

  /** After the first-start imports (order 0). */
  @Override
  public int getOrder() {
    return 110;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!service) {
      return;
    }
    try {
      long catalogue = indexer.catalogueCount();
      long indexed = indexer.documentCount();
      if (catalogue != indexed) {
        log.info("Rebuilding the education index: {} offerings, {} indexed", catalogue, indexed);
        indexer.rebuild();
      }
    } catch (RuntimeException e) {
      log.error("The education index could not be checked or rebuilt", e);
    }
    backfill.trigger();
    if (pollInterval.isPositive()) {
      long millis = pollInterval.toMillis();
      poller.scheduleWithFixedDelay(this::indexQueuedWork, 0, millis, TimeUnit.MILLISECONDS);
    }
  }

  /** Indexes what imports beside the service queued, and tells the in-memory readers. */
  private void indexQueuedWork() {
    try {
      if (reindexRequests.drainQueuedElsewhere() == EducationReindexRequests.Drained.INDEXED) {
        log.info("Indexed catalogue changes queued by an import beside the service");
        // The importing process's CatalogueChanged reached only its own listeners.
        transactions.executeWithoutResult(status -> events.publishEvent(new CatalogueChanged(0)));
        backfill.trigger();
      }
    } catch (RuntimeException e) {
      if (DatabaseOutage.causes(e)) {
        // The database's supervisor and the 503 handler report an outage; the poll retries.
        log.debug("Queued education index work waits for the database: {}", e.toString());
      } else {
        log.error("Queued education index work could not be done; it is tried again", e);
      }
    }
  }

  @Override
  public void destroy() {
    poller.shutdownNow();
  }

  @ApplicationModuleListener
  void onEscoImported(EscoImported event) {
    if (service) {
      backfill.trigger();
    }
  }

  /** ESCO imported beside the service or on another node: the backfill runs here too. */
  @EventListener
  void onDataChanged(DataChanged event) {
    if (service && event.elsewhere() && event.concerns(EscoImported.DATASET)) {
      backfill.trigger();
    }
  }

  /** Queues the rebuild in the regions import's transaction, so it commits with the regions. */
  @EventListener
  void queueRebuildForRegions(RegionsImported event) {
    reindexRequests.requestRebuild();
  }

  /** The region facet changed: rebuild now, or leave it to the service that holds the index. */
  @ApplicationModuleListener
  void onRegionsImported(RegionsImported event) {
    try {
      reindexRequests.drain();
    } catch (RuntimeException e) {
      log.error("The education index could not be rebuilt for the new regions; it stays queued", e);
    }
  }
}
