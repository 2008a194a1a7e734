package fi.osaava.platform.internal;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate Search creates or updates every index's schema while the persistence unit starts
 * (strategy {@code create-or-update}). With the indexes in one OpenSearch cluster shared by several
 * nodes, two nodes that started together both found an index missing and both created it; the
 * second got {@code resource_already_exists_exception} and did not start ({@code
 * TwoNodeFailoverTest} found it). So the persistence unit starts under a PostgreSQL advisory lock:
 * one node at a time creates or updates the schemas, and the next finds them there. The lock is
 * taken on a connection of its own before the entity manager factory is built and given back as
 * soon as it is, so it covers the schema work and nothing after it; a node that dies while holding
 * it frees it with its connection.
 */
@Configuration(proxyBeanMethods = false)
class SearchSchemaLock {

  /** The advisory lock's key: "osaava-search-schema" folded into a bigint, fixed forever. */
  static final long KEY = 0x6f73_6161_7661_5353L;

  private static final Logger log = LoggerFactory.getLogger(SearchSchemaLock.class);

  /** Builds the entity manager factory only once the lock is held. */
  @Bean
  static EntityManagerFactoryDependsOnPostProcessor entityManagerFactoryAfterSearchSchemaLock() {
    return new EntityManagerFactoryDependsOnPostProcessor("searchSchemaLockHolder");
  }

  @Bean
  Holder searchSchemaLockHolder(DataSource dataSource) {
    return Holder.acquire(dataSource);
  }

  /** Gives the lock back once the entity manager factory, and so every index schema, exists. */
  @Bean
  static BeanPostProcessor searchSchemaLockRelease(ObjectProvider<Holder> holder) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof EntityManagerFactory) {
          holder.ifAvailable(Holder::release);
        }
        return bean;
      }
    };
  }

  /** The connection that holds the lock until the schemas are done. */
  static final class Holder implements AutoCloseable {

    private @Nullable Connection connection;

    private Holder(Connection connection) {
      this.connection = connection;
    }

    static Holder acquire(DataSource dataSource) {
      long started = System.nanoTime();
      try {
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
          connection.setAutoCommit(true);
          // Another node's schema work takes seconds; a peer stuck for minutes is a fault to
          // report, not to wait for forever.
          statement.execute("set lock_timeout = '5min'");
          statement.execute("select pg_advisory_lock(" + KEY + ")");
        } catch (SQLException e) {
          connection.close();
          throw e;
        }
        long waited = (System.nanoTime() - started) / 1_000_000;
        if (waited > 1000) {
          log.info("Waited {} ms for another node to finish the search index schemas", waited);
        }
        return new Holder(connection);
      } catch (SQLException e) {
        throw new IllegalStateException(
            "Could not take the search schema lock in the database: " + e.getMessage(), e);
      }
    }

    synchronized void release() {
      if (connection == null) {
        return;
      }
      try (Connection c = connection;
          Statement statement = c.createStatement()) {
        statement.execute("select pg_advisory_unlock(" + KEY + ")");
        statement.execute("reset lock_timeout");
      } catch (SQLException e) {
        // Closing the connection below ends the session, and the lock with it.
        log.debug("Search schema lock released by closing its connection: {}", e.getMessage());
      } finally {
        connection = null;
      }
    }

    @Override
    public void close() {
      release();
    }
  }
}
