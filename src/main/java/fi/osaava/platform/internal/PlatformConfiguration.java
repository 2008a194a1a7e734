package fi.osaava.platform.internal;

import fi.osaava.platform.DatabaseDescription;
import fi.osaava.platform.Directories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OsaavaProperties.class)
class PlatformConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

  /** Searched in order when {@code osaava.data-dir} is not set, relative to the working folder. */
  private static final List<Path> REFERENCE_DATA_CANDIDATES =
      List.of(Path.of("..", "shared", "data"), Path.of("shared", "data"));

  @Bean
  Directories directories(OsaavaProperties properties) {
    Optional<Path> referenceData;
    if (properties.dataDir() != null) {
      if (!Files.isDirectory(properties.dataDir())) {
        throw new IllegalStateException(
            "osaava.data-dir (--data-dir) is not a directory: "
                + properties.dataDir().toAbsolutePath());
      }
      referenceData = Optional.of(properties.dataDir());
    } else {
      referenceData = REFERENCE_DATA_CANDIDATES.stream().filter(Files::isDirectory).findFirst();
      if (referenceData.isEmpty()) {
        log.warn(
            "No reference data directory found (looked for {}); set --data-dir to import datasets",
            REFERENCE_DATA_CANDIDATES);
      }
    }
    return new Directories(properties.home(), referenceData);
  }

  @Bean
  DatabaseDescription databaseDescription(
      ObjectProvider<EmbeddedDatabase> embedded, @Value("${spring.datasource.url:}") String url) {
    EmbeddedDatabase database = embedded.getIfAvailable();
    if (database != null) {
      return new DatabaseDescription("embedded", database.jdbcUrl());
    }
    return new DatabaseDescription("external", url.replaceAll("password=[^&;]*", "password=***"));
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemDefaultZone();
  }
}
