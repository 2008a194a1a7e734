package fi.osaava.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.web.WebTestBase;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.search.mapper.orm.Search;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A second node on the same database: refused while the search indexes are Lucene folders, allowed
 * when they are all in OpenSearch, and free to start once the first node stops or dies. The shared
 * test context is the running node (its indexes are Lucene, in heap); the "second node" is a lock
 * of its own on the same database, as another process would take it.
 */
class LuceneNodeLockTest extends WebTestBase {

  @Autowired LuceneNodeLock runningNode;
  @Autowired DataSource dataSource;
  @Autowired ApplicationContext context;
  @Autowired EntityManagerFactory entityManagerFactory;
  @Autowired JdbcClient jdbc;

  private LuceneNodeLock secondNode() {
    return new LuceneNodeLock(dataSource, context, entityManagerFactory);
  }

  @Test
  void theRunningNodeHoldsTheLockForItsLuceneIndexes() {
    assertThat(runningNode.held()).isTrue();
    assertThat(granted()).isEqualTo(1);
  }

  /**
   * Every indexed entity counts, the taxonomy's label index on the default backend as well as the
   * education backend's; with all of them in OpenSearch the list is empty and no lock is taken
   * (EducationSearchOpenSearchTest, whose context has every index there).
   */
  @Test
  void theLuceneIndexesNamedIncludeTheTaxonomyLabels() {
    assertThat(LuceneNodeLock.luceneBackends(Search.mapping(entityManagerFactory)))
        .contains("LabelDocument", "OfferingDocument");
  }

  @Test
  void aSecondNodeWithLuceneIndexesIsRefusedAndToldWhy() {
    LuceneNodeLock second = secondNode();
    assertThatThrownBy(() -> second.start(List.of("Label")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Another Osaava node (osaava node ")
        .hasMessageContaining("pid " + ProcessHandle.current().pid())
        .hasMessageContaining("search indexes of Label in a local Lucene folder")
        .hasMessageContaining("OpenSearch");
    assertThat(second.held()).isFalse();
    assertThat(runningNode.held()).as("the running node keeps its lock").isTrue();
  }

  @Test
  void aSecondNodeWithEveryIndexInOpenSearchStarts() {
    LuceneNodeLock second = secondNode();
    second.start(List.of());
    assertThat(second.held()).isFalse();
    assertThat(granted()).isEqualTo(1);
    second.destroy();
  }

  @Test
  void theLockIsFreedWhenTheNodeStopsOrItsProcessDies() {
    List<String> lucene = List.of("Label");
    LuceneNodeLock second = secondNode();
    try {
      runningNode.destroy();
      assertThat(granted()).as("released on a graceful stop").isZero();
      second.start(lucene);
      assertThat(second.held()).isTrue();
      // A process that dies takes its connection with it; PostgreSQL ends that session.
      Boolean killed =
          jdbc.sql(
                  "select pg_terminate_backend(l.pid) from pg_locks l where l.locktype ="
                      + " 'advisory' and l.granted and l.objid = ?")
              .param((int) LuceneNodeLock.KEY)
              .query(Boolean.class)
              .single();
      assertThat(killed).isTrue();
      assertThat(second.held()).isFalse();
    } finally {
      second.destroy();
      runningNode.start(lucene);
    }
    assertThat(runningNode.held()).as("taken again once the holder died").isTrue();
  }

  private int granted() {
    return jdbc.sql(
            "select count(*) from pg_locks where locktype = 'advisory' and granted and objid = ?")
        .param((int) LuceneNodeLock.KEY)
        .query(Integer.class)
        .single();
  }
}
