package fi.osaava.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import fi.osaava.platform.Directories;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: an embedded PostgreSQL whose cluster lives under the Osaava home. Used only
 * when no {@code spring.datasource.url} is configured; with one, Spring Boot's own data source
 * talks to that server instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedDatabase(OsaavaProperties properties, Directories directories) {
    OsaavaProperties.EmbeddedDatabase settings = properties.embeddedDatabase();
    return EmbeddedDatabase.start(
        directories.home(),
        settings.ephemeral(),
        settings.port(),
        settings.attach(),
        EmbeddedDatabase.DEFAULT_STARTUP_WAIT,
        settings.restartDelay());
  }

  /**
   * The pool takes the same {@code spring.datasource.hikari.*} settings (timeouts, validation) as
   * Spring Boot's pool for an external database, so both fail fast and recover alike.
   */
  @Bean(destroyMethod = "close")
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedDatabase database) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(database.jdbcUrl());
    dataSource.setUsername(EmbeddedDatabase.USER);
    dataSource.setPassword(database.password());
    dataSource.setPoolName("osaava-embedded");
    dataSource.setMaximumPoolSize(10);
    return dataSource;
  }
}
