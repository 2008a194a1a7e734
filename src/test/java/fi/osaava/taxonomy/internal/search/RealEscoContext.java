package fi.osaava.taxonomy.internal.search;

import fi.osaava.platform.ImportProgress;
import fi.osaava.taxonomy.EscoImportOptions;
import fi.osaava.taxonomy.TaxonomyApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one Spring context of the taxonomy search tests: the embedded PostgreSQL of the test
 * configuration, filled once by the real ESCO 1.1.1 import, which also builds the label index
 * through the import event. Every test class extends this unchanged, so Spring reuses the context.
 */
@SpringBootTest
@Import(RealEscoContext.RealEscoImport.class)
abstract class RealEscoContext {

  static final Path ESCO = Path.of("..", "shared", "data", "esco", "v1.1.1");

  /** A skill that ESCO 1.1.1 does not have, so the import marks it obsolete. */
  static final String OBSOLETE_URI =
      "http://data.europa.eu/esco/skill/00000000-0000-4000-8000-0bs01e7e0001";

  static final String OBSOLETE_LABEL = "qwyxzv retired fixture skill";

  @TestConfiguration(proxyBeanMethods = false)
  static class RealEscoImport {

    @Bean
    ApplicationRunner importRealEsco(TaxonomyApi taxonomy, JdbcTemplate jdbc) {
      return args -> {
        if (taxonomy.status().imported()) {
          return;
        }
        if (!Files.isDirectory(ESCO)) {
          throw new IllegalStateException("ESCO test data not found at " + ESCO.toAbsolutePath());
        }
        // As if an earlier ESCO version had it: the real import must retire it.
        jdbc.update(
            """
            insert into taxonomy_concept (uri, concept_type, status, obsolete, first_version,
              last_version) values (?, 'SKILL', 'released', false, '1.0.9', '1.0.9')""",
            OBSOLETE_URI);
        jdbc.update(
            """
            insert into taxonomy_label (concept_uri, language, kind, label, position)
            values (?, 'en', 'PREFERRED', ?, 0)""",
            OBSOLETE_URI,
            OBSOLETE_LABEL);
        taxonomy.importEsco(List.of(ESCO), EscoImportOptions.defaults(), ImportProgress.silent());
      };
    }
  }
}
