package fi.osaava.community.internal;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * Searches the articles with the education search's fi/sv/en analysis, and keeps the index in step
 * with {@code community_article}: a written article is indexed at once, and the whole index (a few
 * hundred articles at most) is rebuilt at start, so that it never lags the database.
 */
@Component
public class ArticleSearch {

  private static final Logger log = LoggerFactory.getLogger(ArticleSearch.class);

  private static final int MAX_QUERY_LENGTH = 200;
  private static final List<String> LANGUAGES = List.of("fi", "sv", "en");

  private final SessionFactory sessionFactory;
  private final boolean service;

  ArticleSearch(EntityManagerFactory entityManagerFactory, ApplicationContext context) {
    this.sessionFactory = entityManagerFactory.unwrap(SessionFactory.class);
    // Only the service keeps the index: a command-line import beside a running service shares its
    // index folder, whose write lock the service holds.
    this.service = context instanceof WebApplicationContext;
  }

  /**
   * The ids of the articles that match {@code text} in any language (best first), of one theme when
   * {@code theme} is given.
   */
  public List<UUID> search(String text, @Nullable String theme, int max) {
    String query = text.length() > MAX_QUERY_LENGTH ? text.substring(0, MAX_QUERY_LENGTH) : text;
    try (Session session = sessionFactory.openSession()) {
      session.setDefaultReadOnly(true);
      return Search.session(session)
          .search(ArticleDocument.class)
          .select(f -> f.id(UUID.class))
          .where(
              f -> {
                BooleanPredicateClausesStep<?, ?> root = f.bool();
                if (query.isBlank()) {
                  root.must(f.matchAll());
                } else {
                  BooleanPredicateClausesStep<?, ?> words = f.bool();
                  // The Finnish index holds compounds' parts; the query analyser keeps a compound
                  // whole, so the parts are matched too, at a lower weight (as in the education
                  // search).
                  words.should(
                      f.match().field("title_fi").matching(query).analyzer(ArticleDocument.FI));
                  words.should(
                      f.match()
                          .field("body_fi")
                          .matching(query)
                          .analyzer(ArticleDocument.FI)
                          .boost(0.5f));
                  for (String l : LANGUAGES) {
                    words.should(f.match().field("title_" + l).matching(query).boost(3f));
                    words.should(f.match().field("body_" + l).matching(query));
                  }
                  root.must(words.minimumShouldMatchNumber(1));
                }
                if (theme != null) {
                  root.filter(f.match().field("theme").matching(theme));
                }
                return root;
              })
          .sort(f -> f.score())
          .fetchHits(max);
    }
  }

  /** Indexes the articles with these ids (or drops them from the index when gone). */
  public synchronized void reindex(List<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try (Session session = sessionFactory.openSession()) {
      SearchSession search = Search.session(session);
      search.indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.sync());
      session.beginTransaction();
      List<ArticleDocument> documents =
          session
              .createSelectionQuery("from ArticleDocument where id in :ids", ArticleDocument.class)
              .setParameter("ids", ids)
              .getResultList();
      documents.forEach(d -> search.indexingPlan().addOrUpdate(d));
      List<UUID> found = documents.stream().map(ArticleDocument::id).toList();
      ids.stream()
          .filter(id -> !found.contains(id))
          .forEach(id -> search.indexingPlan().purge(ArticleDocument.class, id, null));
      session.getTransaction().commit();
    }
  }

  /**
   * Rebuilt at every start of the service. A failure (OpenSearch away) is logged, not thrown:
   * thrown from here it stopped the whole node, which the topology's fault run found when a node
   * restarted during an OpenSearch outage; the search health reports the outage, and the next start
   * or article change indexes again.
   */
  @EventListener(ApplicationReadyEvent.class)
  void rebuildInTheService() {
    if (!service) {
      return;
    }
    try {
      rebuild();
    } catch (RuntimeException e) {
      log.error("The articles index could not be rebuilt at start: {}", e.getMessage());
    }
  }

  /** Indexes every article anew, purging what the index held. */
  public synchronized void rebuild() {
    try (Session session = sessionFactory.openSession()) {
      Search.session(session)
          .massIndexer(ArticleDocument.class)
          .threadsToLoadObjects(1)
          .purgeAllOnStart(true)
          .startAndWait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while rebuilding the articles index", e);
    }
  }
}
