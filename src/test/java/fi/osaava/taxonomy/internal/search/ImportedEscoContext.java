package fi.osaava.taxonomy.internal.search;

import fi.osaava.ReferenceData;
import fi.osaava.taxonomy.TaxonomyApi;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The plain test context, shared with the other tests on the real ESCO 1.1.1 import (such as {@code
 * EscoReferenceImportTest}): the import runs once per context, and its {@code EscoImported} event
 * builds the label index. Subclasses add no configuration, so Spring reuses the one context.
 */
@SpringBootTest
abstract class ImportedEscoContext {

  @BeforeAll
  static void importOnce(@Autowired TaxonomyApi taxonomy) {
    ReferenceData.ensureEscoImported(taxonomy);
  }
}
