package fi.osaava.education.internal.search;

import fi.osaava.education.CatalogueChanged;
import fi.osaava.platform.DataChanges;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The education index's work queue in the database ({@code education_reindex_request}). A writer
 * adds its request inside the transaction of its change, so the change and the promise to index it
 * commit together; then {@link #drain} indexes whatever is queued. When another process holds the
 * Lucene index (the running service, beside which {@code osaava import education} ran), the
 * requests stay queued and the service's poller ({@link #drainQueuedElsewhere}) indexes them within
 * seconds. A change is therefore never committed without its index work being done or queued.
 */
@Component
public class EducationReindexRequests {

  private static final Logger log = LoggerFactory.getLogger(EducationReindexRequests.class);

  /** What a drain did. */
  public enum Drained {
    /** Nothing was queued (or another drain had just taken it). */
    NOTHING,
    /** The queued requests are indexed and removed. */
    INDEXED,
    /** Another process holds the search index; the requests stay queued for it. */
    HELD_ELSEWHERE
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final EducationIndexer indexer;
  private final DataChanges dataChanges;

  EducationReindexRequests(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      EducationIndexer indexer,
      DataChanges dataChanges) {
    this.jdbc = jdbc;
    // A drain is a transaction of its own: inside a caller's it would claim the caller's own
    // uncommitted requests and index them from another connection, which cannot see the rows yet
    // (the offering would be purged from the index and its request deleted with the commit).
    this.transactions = new TransactionTemplate(transactionManager);
    this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.indexer = indexer;
    this.dataChanges = dataChanges;
  }

  /**
   * Queues these offerings, in the caller's transaction, and records the catalogue's change for
   * every node's in-memory copies (matching); the index work itself is done once, by whoever
   * drains.
   */
  public void request(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return;
    }
    dataChanges.record(CatalogueChanged.DATASET);
    Object[] array = ids.toArray();
    jdbc.sql("insert into education_reindex_request (offering_ids) values (?)")
        .param(new SqlArrayValue("uuid", array))
        .update();
  }

  /** Queues a rebuild of the whole index, in the caller's transaction. */
  public void requestRebuild() {
    dataChanges.record(CatalogueChanged.DATASET);
    jdbc.sql("insert into education_reindex_request (offering_ids) values (null)").update();
  }

  /**
   * Indexes every queued request now, in this process, waiting for a drain already under way
   * elsewhere to finish, so that the caller's own change is searchable when this returns (unless
   * another process holds the index, which then indexes it).
   */
  public Drained drain() {
    return drain(false);
  }

  /**
   * The running service's poll: indexes what other processes queued, skipping rows a concurrent
   * drain holds.
   */
  public Drained drainQueuedElsewhere() {
    return drain(true);
  }

  /** Requests waiting, for status and tests. */
  public long pending() {
    Long count =
        jdbc.sql("select count(*) from education_reindex_request").query(Long.class).single();
    return count == null ? 0 : count;
  }

  private Drained drain(boolean skipLocked) {
    Drained drained =
        transactions.execute(
            status -> {
              List<Long> claimed = new ArrayList<>();
              Set<UUID> ids = new LinkedHashSet<>();
              boolean[] rebuild = {false};
              jdbc.sql(
                      "select id, offering_ids from education_reindex_request order by id for update"
                          + (skipLocked ? " skip locked" : ""))
                  .query(
                      rs -> {
                        claimed.add(rs.getLong(1));
                        Array array = rs.getArray(2);
                        if (array == null) {
                          rebuild[0] = true;
                        } else {
                          for (Object id : (Object[]) array.getArray()) {
                            ids.add((UUID) id);
                          }
                        }
                      });
              if (claimed.isEmpty()) {
                return Drained.NOTHING;
              }
              try {
                if (rebuild[0]) {
                  indexer.rebuild();
                } else {
                  indexer.reindex(ids);
                }
              } catch (RuntimeException e) {
                if (heldByAnotherProcess(e)) {
                  status.setRollbackOnly();
                  return Drained.HELD_ELSEWHERE;
                }
                throw e;
              }
              jdbc.sql("delete from education_reindex_request where id = any(?)")
                  .param(new SqlArrayValue("bigint", claimed.toArray()))
                  .update();
              log.debug(
                  "Indexed {} queued request(s): {}",
                  claimed.size(),
                  rebuild[0] ? "a full rebuild" : ids.size() + " offerings");
              return Drained.INDEXED;
            });
    return drained == null ? Drained.NOTHING : drained;
  }

  private static boolean heldByAnotherProcess(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof LockObtainFailedException) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (heldByAnotherProcess(suppressed)) {
          return true;
        }
      }
    }
    return false;
  }
}
