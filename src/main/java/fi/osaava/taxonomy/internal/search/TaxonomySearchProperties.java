package fi.osaava.taxonomy.internal.search;

import fi.osaava.platform.OpenSearchCluster;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code osaava.taxonomy.search.*}: which search engine holds the label autocomplete
 * index. They have the shape of {@code osaava.education.search.*}, so a deployment that moves every
 * index to OpenSearch sets the same values under both prefixes.
 *
 * @param backend {@code lucene} (the default: a folder under the home, one node per database) or
 *     {@code opensearch} (an OpenSearch 2.x cluster that every node shares)
 * @param opensearch where the cluster is and how to sign in; only read for {@code opensearch}
 */
@ConfigurationProperties(TaxonomySearchProperties.PREFIX)
record TaxonomySearchProperties(Backend backend, OpenSearchCluster opensearch) {

  static final String PREFIX = "osaava.taxonomy.search";

  /** The engines the label index can live in; bound case-insensitively. */
  enum Backend {
    LUCENE,
    OPENSEARCH
  }

  TaxonomySearchProperties {
    if (backend == null) {
      backend = Backend.LUCENE;
    }
    if (opensearch == null) {
      opensearch = OpenSearchCluster.none();
    }
    if (backend == Backend.OPENSEARCH) {
      opensearch.requireUsable(PREFIX);
    }
  }

  boolean useOpenSearch() {
    return backend == Backend.OPENSEARCH;
  }
}
