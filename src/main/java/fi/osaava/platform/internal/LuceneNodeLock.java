package fi.osaava.platform.internal;

import jakarta.persistence.EntityManagerFactory;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hibernate.search.backend.lucene.LuceneBackend;
import org.hibernate.search.engine.backend.Backend;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * One service node per database while any search index is a local Lucene folder
 * (docs/adr/0014-scale-out.md). Two nodes would each index only their own writes into their own
 * folder and answer searches differently; so the running node holds a PostgreSQL session-level
 * advisory lock on a connection of its own, and a second node on the same database finds it taken
 * and refuses to start, naming the holder. The lock is released when the node stops, and by
 * PostgreSQL when the node's process dies (its connection ends with it). With every index in
 * OpenSearch, the nodes share the indexes and any number may run.
 *
 * <p>Only the service takes the lock: the command-line imports attach to a running service's
 * database on purpose, and leave their index work to it. Checked once every singleton exists and
 * before the web server listens, so a refused node never answers a request.
 */
@Component
class LuceneNodeLock implements SmartInitializingSingleton, DisposableBean {

  /** The advisory lock's key: "osaava-lucene-node" folded into a bigint, fixed forever. */
  static final long KEY = 0x6f73_6161_7661_4c4eL;

  private static final Logger log = LoggerFactory.getLogger(LuceneNodeLock.class);

  /** How often the held connection is checked: a database restart ends it and frees the lock. */
  private static final long RECHECK_SECONDS = 10;

  private final DataSource dataSource;
  private final ApplicationContext context;
  private final EntityManagerFactory entityManagerFactory;
  private @Nullable ScheduledExecutorService recheck;
  private @Nullable Holder holder;

  LuceneNodeLock(
      DataSource dataSource,
      ApplicationContext context,
      EntityManagerFactory entityManagerFactory) {
    this.dataSource = dataSource;
    this.context = context;
    this.entityManagerFactory = entityManagerFactory;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (context instanceof WebApplicationContext) {
      start(luceneBackends(Search.mapping(entityManagerFactory)));
    }
  }

  /**
   * Takes the lock when {@code lucene} names any indexed entity kept in Lucene; refuses with an
   * {@link IllegalStateException} naming the holder when another node has it.
   */
  synchronized void start(List<String> lucene) {
    if (lucene.isEmpty()) {
      log.info("Every search index is in OpenSearch; other nodes may share this database");
      return;
    }
    holder = Holder.acquire(dataSource, lucene);
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("lucene-node-lock").factory());
    executor.scheduleWithFixedDelay(
        this::recheck, RECHECK_SECONDS, RECHECK_SECONDS, TimeUnit.SECONDS);
    recheck = executor;
  }

  /** Whether this node holds the lock now. */
  synchronized boolean held() {
    return holder != null && holder.isValid();
  }

  /** The indexed entities whose index is a Lucene folder of this node. */
  static List<String> luceneBackends(SearchMapping mapping) {
    Set<String> names = new TreeSet<>();
    for (SearchIndexedEntity<?> entity : mapping.allIndexedEntities()) {
      if (isLucene(entity.indexManager().backend())) {
        names.add(entity.jpaName());
      }
    }
    return List.copyOf(names);
  }

  private static boolean isLucene(Backend backend) {
    try {
      backend.unwrap(LuceneBackend.class);
      return true;
    } catch (RuntimeException notLucene) {
      return false;
    }
  }

  /** Takes the lock again on a fresh connection after the database was restarted. */
  private synchronized void recheck() {
    Holder current = holder;
    if (current == null || current.isValid()) {
      return;
    }
    current.close();
    try {
      holder = Holder.acquire(dataSource, current.backends());
      log.info("The database came back; this node holds the Lucene node lock again");
    } catch (DatabaseAway stillAway) {
      holder = current;
    } catch (IllegalStateException taken) {
      // Another node started while the database was away: two nodes now write their own
      // indexes. Nothing here can stop the other one; say so loudly until someone does.
      log.error("{}", taken.getMessage());
      holder = current;
    } catch (RuntimeException unexpected) {
      log.warn("The Lucene node lock could not be checked", unexpected);
      holder = current;
    }
  }

  @Override
  public synchronized void destroy() {
    if (recheck != null) {
      recheck.shutdownNow();
      recheck = null;
    }
    if (holder != null) {
      holder.close();
      holder = null;
    }
  }

  /**
   * The database could not be asked: at start that stops the node like a refusal, while it runs it
   * is an outage that the database supervision already reports.
   */
  static final class DatabaseAway extends IllegalStateException {
    DatabaseAway(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The connection that holds the lock, and the backends it stands for. */
  record Holder(Connection connection, List<String> backends) {

    static Holder acquire(DataSource dataSource, List<String> backends) {
      Connection connection = null;
      try {
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        try (PreparedStatement name =
            connection.prepareStatement("select set_config('application_name', ?, false)")) {
          name.setString(1, nodeName());
          name.execute();
        }
        if (tryLock(connection)) {
          return new Holder(connection, backends);
        }
        String holderName = holderName(connection);
        connection.close();
        throw new IllegalStateException(
            "Another Osaava node ("
                + holderName
                + ") already runs on this database, and this node keeps the search indexes of "
                + String.join(", ", backends)
                + " in a local Lucene folder: two nodes would each index only their own writes."
                + " Stop the other node, or run every node with the search indexes in OpenSearch"
                + " (docs/operations.md, \"Several nodes\").");
      } catch (SQLException e) {
        closeQuietly(connection);
        throw new DatabaseAway("The Lucene node lock could not be taken: " + e, e);
      }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
      try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
        lock.setLong(1, KEY);
        try (ResultSet result = lock.executeQuery()) {
          return result.next() && result.getBoolean(1);
        }
      }
    }

    /**
     * The holding node's application name and since when it holds the lock, as PostgreSQL has it.
     */
    private static String holderName(Connection connection) throws SQLException {
      try (PreparedStatement who =
          connection.prepareStatement(
              "select a.application_name, a.client_addr, a.backend_start"
                  + " from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                  + " where l.locktype = 'advisory' and l.granted"
                  + " and ((l.classid::bigint << 32) | l.objid::bigint) = ?")) {
        who.setLong(1, KEY);
        try (ResultSet result = who.executeQuery()) {
          if (!result.next()) {
            return "unknown holder";
          }
          String address = result.getString(2);
          return result.getString(1)
              + (address == null ? "" : " from " + address)
              + ", connected since "
              + result.getTimestamp(3).toInstant();
        }
      }
    }

    private static String nodeName() {
      String host;
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "unknown host";
      }
      return "osaava node " + host + " pid " + ManagementFactory.getRuntimeMXBean().getPid();
    }

    boolean isValid() {
      try {
        return connection.isValid(2);
      } catch (SQLException e) {
        return false;
      }
    }

    void close() {
      closeQuietly(connection);
    }

    private static void closeQuietly(@Nullable Connection connection) {
      if (connection == null) {
        return;
      }
      try {
        // Released before the connection goes back to the pool, which keeps it open.
        try (PreparedStatement unlock =
            connection.prepareStatement("select pg_advisory_unlock_all()")) {
          unlock.execute();
        }
      } catch (SQLException ignored) {
        // A dead connection holds no lock any more.
      }
      try {
        connection.close();
      } catch (SQLException ignored) {
        // Nothing left to release.
      }
    }
  }
}
