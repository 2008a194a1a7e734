package fi.osaava.education.internal.search;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Configures the education index's Hibernate Search backend ({@value #BACKEND}) for the engine
 * chosen by {@code osaava.education.search.backend}. For Lucene it gives the backend the default
 * backend's directory settings (the same folder, or the test configuration's in-heap directory), so
 * they are configured once. For OpenSearch it switches the backend type, points it at the cluster
 * and registers the OpenSearch analysers, which carry the same names as the Lucene ones, so the
 * mapping and every query stay the same.
 */
@Component
@EnableConfigurationProperties(EducationSearchProperties.class)
class EducationSearchBackend implements HibernatePropertiesCustomizer {

  /** The named backend of {@link OfferingDocument}; the taxonomy stays on the default one. */
  static final String BACKEND = "education";

  private static final String PREFIX = "hibernate.search.backends." + BACKEND + ".";

  private static final String DEFAULT_DIRECTORY = "hibernate.search.backend.directory.";

  private final EducationSearchProperties properties;

  EducationSearchBackend(EducationSearchProperties properties) {
    this.properties = properties;
  }

  @Override
  public void customize(Map<String, Object> hibernateProperties) {
    if (!properties.useOpenSearch()) {
      Map<String, Object> directory = new HashMap<>();
      hibernateProperties.forEach(
          (key, value) -> {
            if (key.startsWith(DEFAULT_DIRECTORY)) {
              directory.put(
                  PREFIX + "directory." + key.substring(DEFAULT_DIRECTORY.length()), value);
            }
          });
      directory.forEach(hibernateProperties::putIfAbsent);
      // The education index is rebuilt in bulk (mass indexer) and updated with forced commits
      // (EducationIndexer's synchronous strategy), so periodic commits only cut a rebuild into
      // many small segments that must be merged again: 172 s -> 130 s for a full rebuild of
      // 101,649 offerings (docs/education-search.md).
      hibernateProperties.putIfAbsent(PREFIX + "io.commit_interval", "60000");
      hibernateProperties.putIfAbsent(PREFIX + "io.writer.ram_buffer_size", "64");
      return;
    }
    properties
        .opensearch()
        .configure(hibernateProperties, PREFIX, EducationOpenSearchAnalysisConfigurer.BEAN);
  }
}
