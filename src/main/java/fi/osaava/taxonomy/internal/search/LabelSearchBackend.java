package fi.osaava.taxonomy.internal.search;

import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Configures Hibernate Search's default backend, which holds only the label index ({@link
 * LabelDocument}), for the engine chosen by {@code osaava.taxonomy.search.backend}. Lucene is what
 * {@code application.yml} declares; for OpenSearch this switches the backend type, points it at the
 * cluster and registers {@link LabelOpenSearchAnalysisConfigurer}, whose analysers carry the Lucene
 * ones' names, so the mapping and every query stay the same. The default backend's Lucene directory
 * settings stay in place: a Lucene education backend copies them ({@code EducationSearchBackend}).
 */
@Component
@EnableConfigurationProperties(TaxonomySearchProperties.class)
class LabelSearchBackend implements HibernatePropertiesCustomizer {

  /**
   * The OpenSearch line the analysis and mapping are written for; Hibernate Search reads a bare
   * number as Elasticsearch, hence the distribution prefix.
   */
  static final String OPENSEARCH_VERSION = "opensearch:2.19";

  private static final String PREFIX = "hibernate.search.backend.";

  private final TaxonomySearchProperties properties;

  LabelSearchBackend(TaxonomySearchProperties properties) {
    this.properties = properties;
  }

  @Override
  public void customize(Map<String, Object> hibernateProperties) {
    if (!properties.useOpenSearch()) {
      return;
    }
    TaxonomySearchProperties.OpenSearch opensearch = properties.opensearch();
    hibernateProperties.put(PREFIX + "type", "elasticsearch");
    hibernateProperties.put(PREFIX + "uris", String.join(",", opensearch.uris()));
    hibernateProperties.put(PREFIX + "version", OPENSEARCH_VERSION);
    hibernateProperties.put(
        PREFIX + "analysis.configurer", "bean:" + LabelOpenSearchAnalysisConfigurer.BEAN);
    if (opensearch.username() != null) {
      hibernateProperties.put(PREFIX + "username", opensearch.username());
      hibernateProperties.put(PREFIX + "password", opensearch.password());
    }
    if (opensearch.requestTimeout() != null) {
      hibernateProperties.put(
          PREFIX + "request_timeout", Long.toString(opensearch.requestTimeout().toMillis()));
    }
  }
}
