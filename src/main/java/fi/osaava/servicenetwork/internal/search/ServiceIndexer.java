package fi.osaava.servicenetwork.internal.search;

import jakarta.persistence.EntityManagerFactory;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the services index in step with {@code services_service}, which the importers write with
 * JDBC: changed services are indexed one by one, a whole rebuild takes about a second (the
 * directory holds hundreds of services, not the education catalogue's hundred thousand).
 */
@Component
public class ServiceIndexer {

  private static final Logger log = LoggerFactory.getLogger(ServiceIndexer.class);

  private final SessionFactory sessionFactory;

  ServiceIndexer(EntityManagerFactory entityManagerFactory) {
    this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
  }

  public synchronized void reindex(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try (Session session = sessionFactory.openSession()) {
      SearchSession search = Search.session(session);
      search.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.sync());
      session.beginTransaction();
      List<ServiceDocument> documents =
          session
              .createSelectionQuery("from ServiceDocument where id in :ids", ServiceDocument.class)
              .setParameter("ids", ids)
              .getResultList();
      documents.forEach(d -> search.indexingPlan().addOrUpdate(d));
      List<UUID> found = documents.stream().map(ServiceDocument::id).toList();
      ids.stream()
          .filter(id -> !found.contains(id))
          .forEach(id -> search.indexingPlan().purge(ServiceDocument.class, id, null));
      session.getTransaction().commit();
    }
  }

  public synchronized void rebuild() {
    long started = System.nanoTime();
    try (Session session = sessionFactory.openSession()) {
      Search.session(session)
          .massIndexer(ServiceDocument.class)
          .threadsToLoadObjects(1)
          .purgeAllOnStart(true)
          .startAndWait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while rebuilding the services index", e);
    }
    log.info("Services index rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
  }
}
