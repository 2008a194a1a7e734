package fi.osaava.web;

import fi.osaava.ReferenceData;
import fi.osaava.regions.RegionsImportApi;
import fi.osaava.taxonomy.TaxonomyApi;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Imports ESCO 1.1.1 and the 2026 regional classification when the shared test context starts. A
 * top-level class rather than nested in {@link WebTestBase}, so that Spring does not also detect it
 * as the base's default configuration.
 */
@TestConfiguration(proxyBeanMethods = false)
class EscoTestData {

  /** Runs once per context; the import is idempotent, so a reused database costs nothing. */
  @Bean
  ApplicationRunner importEscoForTests(TaxonomyApi taxonomy) {
    return args -> ReferenceData.ensureEscoImported(taxonomy);
  }

  /** The regional classification, which importers of places (education, job ads) match against. */
  @Bean
  ApplicationRunner importRegionsForTests(RegionsImportApi regions) {
    return args -> ReferenceData.ensureRegionsImported(regions);
  }
}
