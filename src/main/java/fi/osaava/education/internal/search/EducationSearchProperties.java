package fi.osaava.education.internal.search;

import fi.osaava.platform.OpenSearchCluster;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code osaava.education.search.*}: which search engine holds the education index.
 *
 * @param backend {@code lucene} (the default: an index directory beside the taxonomy's, no extra
 *     process) or {@code opensearch} (an OpenSearch 2.x cluster, see {@link OpenSearchCluster})
 * @param opensearch where the cluster is and how to sign in; only read for {@code opensearch}
 */
@ConfigurationProperties(EducationSearchProperties.PREFIX)
record EducationSearchProperties(Backend backend, OpenSearchCluster opensearch) {

  static final String PREFIX = "osaava.education.search";

  /** The engines the education index can live in; bound case-insensitively. */
  enum Backend {
    LUCENE,
    OPENSEARCH
  }

  EducationSearchProperties {
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
