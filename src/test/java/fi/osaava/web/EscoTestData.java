package fi.osaava.web;

import fi.osaava.ReferenceData;
import fi.osaava.taxonomy.TaxonomyApi;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Imports ESCO 1.1.1 when the shared test context starts. A top-level class rather than nested in
 * {@link WebTestBase}, so that Spring does not also detect it as the base's default configuration.
 */
@TestConfiguration(proxyBeanMethods = false)
class EscoTestData {

  /** Runs once per context; the import is idempotent, so a reused database costs nothing. */
  @Bean
  ApplicationRunner importEscoForTests(TaxonomyApi taxonomy, JdbcTemplate jdbc) {
    return args -> {
      ReferenceData.ensureEscoImported(taxonomy);
      // Planner statistics right away: until autovacuum analyzes the freshly loaded tables (up
      // to a minute) PostgreSQL plans the label joins blind and a collection page can take
      // minutes. The importer should analyze after loading; until it does, tests do it here.
      jdbc.execute("analyze");
    };
  }
}
