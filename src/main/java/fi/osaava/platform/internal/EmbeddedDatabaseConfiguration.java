package fi.osaava.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import fi.osaava.platform.Directories;
import javax.sql.DataSource;
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
        directories.home(), settings.ephemeral(), settings.port(), settings.attach());
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedDatabase database) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(database.jdbcUrl());
    config.setUsername(EmbeddedDatabase.USER);
    config.setPoolName("osaava-embedded");
    config.setMaximumPoolSize(10);
    return new HikariDataSource(config);
  }
}
