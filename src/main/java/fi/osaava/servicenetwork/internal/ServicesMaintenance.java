package fi.osaava.servicenetwork.internal;

import fi.osaava.platform.DataChanged;
import fi.osaava.servicenetwork.ServiceDirectory;
import fi.osaava.servicenetwork.internal.search.ServiceIndexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * Keeps the services index whole in the service: rebuilds it at start-up (a second or so, so it is
 * simply done every time rather than compared), and when the directory changed in another process
 * (an import beside the service, another node), whose change this process did not index.
 */
@Component
class ServicesMaintenance implements ApplicationRunner, Ordered {

  private static final Logger log = LoggerFactory.getLogger(ServicesMaintenance.class);

  private final ServiceIndexer indexer;
  private final boolean service;

  ServicesMaintenance(ServiceIndexer indexer, ApplicationContext context) {
    this.indexer = indexer;
    this.service = context instanceof WebApplicationContext;
  }

  /** After the first-start imports (order 0). */
  @Override
  public int getOrder() {
    return 120;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (service) {
      rebuild();
    }
  }

  @EventListener
  void onDataChanged(DataChanged event) {
    if (service && event.elsewhere() && event.concerns(ServiceDirectory.DATASET)) {
      rebuild();
    }
  }

  private void rebuild() {
    try {
      indexer.rebuild();
    } catch (RuntimeException e) {
      log.error("The services index could not be rebuilt", e);
    }
  }
}
