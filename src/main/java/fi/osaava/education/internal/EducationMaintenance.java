package fi.osaava.education.internal;

import fi.osaava.education.internal.search.EducationIndexer;
import fi.osaava.regions.RegionsImported;
import fi.osaava.taxonomy.EscoImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.WebApplicationContext;

/**
 * Keeps the derived education data current: at start-up rebuilds the index when it does not hold
 * the catalogue (a new home, a deleted index) and resumes the skill backfill; rebuilds the index
 * when the regional classification arrives (region facet) and resumes the backfill when ESCO
 * arrives.
 */
@Component
class EducationMaintenance implements ApplicationRunner, Ordered {

  private static final Logger log = LoggerFactory.getLogger(EducationMaintenance.class);

  private final EducationIndexer indexer;
  private final SkillBackfill backfill;
  private final boolean service;

  /**
   * @param context a web application context in the service; the command-line tools boot without
   *     one and leave the background work to the service, whose index they cannot write beside it
   */
  EducationMaintenance(
      EducationIndexer indexer, SkillBackfill backfill, ApplicationContext context) {
    this.indexer = indexer;
    this.backfill = backfill;
    this.service = context instanceof WebApplicationContext;
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
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onEscoImported(EscoImported event) {
    if (service) {
      backfill.trigger();
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void onRegionsImported(RegionsImported event) {
    try {
      indexer.rebuild();
    } catch (RuntimeException e) {
      log.error("The education index could not be rebuilt for the new regions", e);
    }
  }
}
