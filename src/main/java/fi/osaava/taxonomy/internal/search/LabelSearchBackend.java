package fi.osaava.taxonomy.internal.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.stereotype.Component;

/**
 * Configures Hibernate Search's default backend, which holds only the label index ({@link
 * LabelDocument}), for the engine chosen by {@code osaava.taxonomy.search.backend}. Lucene is what
 * {@code application.yml} declares; for OpenSearch this switches the backend type, points it at the
 * cluster and registers {@link LabelOpenSearchAnalysisConfigurer}, whose analysers carry the Lucene
 * ones' names, so the mapping and every query stay the same.
 *
 * <p>The default backend's Lucene directory settings ({@code application.yml}, the test
 * configuration's in-heap directory) would then be unused, which Hibernate Search warns about as a
 * likely misspelling; they are removed, and given to every named backend still configured as Lucene
 * that lacks its own (what {@code EducationSearchBackend} does for a Lucene education backend when
 * it runs first, as it does: beans are created in package order).
 */
@Component
@EnableConfigurationProperties(TaxonomySearchProperties.class)
class LabelSearchBackend implements HibernatePropertiesCustomizer {

  private static final String PREFIX = "hibernate.search.backend.";

  private static final String DIRECTORY = PREFIX + "directory.";

  private static final Pattern NAMED_TYPE =
      Pattern.compile("hibernate\\.search\\.backends\\.([^.]+)\\.type");

  private final TaxonomySearchProperties properties;

  LabelSearchBackend(TaxonomySearchProperties properties) {
    this.properties = properties;
  }

  @Override
  public void customize(Map<String, Object> hibernateProperties) {
    if (!properties.useOpenSearch()) {
      return;
    }
    moveDirectoryToLuceneBackends(hibernateProperties);
    properties
        .opensearch()
        .configure(hibernateProperties, PREFIX, LabelOpenSearchAnalysisConfigurer.BEAN);
  }

  private static void moveDirectoryToLuceneBackends(Map<String, Object> hibernateProperties) {
    Map<String, Object> directory = new HashMap<>();
    hibernateProperties.forEach(
        (key, value) -> {
          if (key.startsWith(DIRECTORY)) {
            directory.put(key.substring(DIRECTORY.length()), value);
          }
        });
    directory.keySet().forEach(suffix -> hibernateProperties.remove(DIRECTORY + suffix));
    List<String> lucene = new ArrayList<>();
    hibernateProperties.forEach(
        (key, value) -> {
          Matcher named = NAMED_TYPE.matcher(key);
          if (named.matches() && "lucene".equals(String.valueOf(value))) {
            lucene.add(named.group(1));
          }
        });
    for (String backend : lucene) {
      directory.forEach(
          (suffix, value) ->
              hibernateProperties.putIfAbsent(
                  "hibernate.search.backends." + backend + ".directory." + suffix, value));
    }
  }
}
