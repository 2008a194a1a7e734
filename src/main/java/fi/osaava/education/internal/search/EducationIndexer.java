package fi.osaava.education.internal.search;

import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the education index in step with the catalogue tables, which the importers write with JDBC:
 * a few changed offerings are re-indexed one by one, many or all by the mass indexer.
 */
@Component
public class EducationIndexer {

  private static final Logger log = LoggerFactory.getLogger(EducationIndexer.class);

  /** Above this many changed offerings a full rebuild is faster than document updates. */
  private static final int REBUILD_THRESHOLD = 2_000;

  private static final int CHUNK = 500;

  private final SessionFactory sessionFactory;
  private final JdbcClient jdbc;
  private final Vocabulary vocabulary;

  EducationIndexer(
      EntityManagerFactory entityManagerFactory, JdbcClient jdbc, Vocabulary vocabulary) {
    this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
    this.jdbc = jdbc;
    this.vocabulary = vocabulary;
  }

  public synchronized void reindex(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    if (ids.size() > REBUILD_THRESHOLD) {
      rebuild();
      return;
    }
    List<UUID> all = new ArrayList<>(ids);
    for (int start = 0; start < all.size(); start += CHUNK) {
      List<UUID> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
      try (Session session = sessionFactory.openSession()) {
        SearchSession search = Search.session(session);
        search.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.sync());
        session.beginTransaction();
        List<OfferingDocument> documents =
            session
                .createSelectionQuery(
                    "from OfferingDocument where id in :ids", OfferingDocument.class)
                .setParameter("ids", chunk)
                .getResultList();
        documents.forEach(d -> search.indexingPlan().addOrUpdate(d));
        List<UUID> found = documents.stream().map(OfferingDocument::id).toList();
        chunk.stream()
            .filter(id -> !found.contains(id))
            .forEach(id -> search.indexingPlan().purge(OfferingDocument.class, id, null));
        session.getTransaction().commit();
      }
    }
    vocabulary.invalidate();
  }

  public synchronized void rebuild() {
    long started = System.nanoTime();
    try {
      jdbc.sql("analyze education_offering").update();
    } catch (RuntimeException e) {
      log.debug("Could not analyze the education tables: {}", e.getMessage());
    }
    try (Session session = sessionFactory.openSession()) {
      Search.session(session)
          .massIndexer(OfferingDocument.class)
          .threadsToLoadObjects(2)
          .batchSizeToLoadObjects(250)
          .idFetchSize(5000)
          .purgeAllOnStart(true)
          .mergeSegmentsOnFinish(true)
          .startAndWait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while rebuilding the education index", e);
    }
    vocabulary.invalidate();
    log.info("Education index rebuilt in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  /** Documents in the index, to compare with the catalogue at start-up. */
  public long documentCount() {
    try (Session session = sessionFactory.openSession()) {
      return Search.session(session)
          .search(OfferingDocument.class)
          .where(f -> f.matchAll())
          .fetchTotalHitCount();
    }
  }

  public long catalogueCount() {
    Long count = jdbc.sql("select count(*) from education_offering").query(Long.class).single();
    return count == null ? 0 : count;
  }
}
