package fi.osaava.taxonomy.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding {@code osaava.taxonomy.search.*} and what it makes of the Hibernate properties. */
class LabelSearchBackendTest {

  private static TaxonomySearchProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("osaava.taxonomy.search", TaxonomySearchProperties.class);
  }

  private static Map<String, Object> customize(TaxonomySearchProperties properties) {
    Map<String, Object> hibernate = new HashMap<>();
    hibernate.put("hibernate.search.backend.type", "lucene");
    hibernate.put("hibernate.search.backend.directory.root", "/home/index");
    hibernate.put("hibernate.search.backend.analysis.configurer", "bean:labelAnalysisConfigurer");
    hibernate.put("hibernate.search.backends.education.type", "lucene");
    new LabelSearchBackend(properties).customize(hibernate);
    return hibernate;
  }

  @Test
  void luceneByDefault() {
    Map<String, Object> hibernate =
        customize(bind(Map.of("osaava.taxonomy.search.watch-interval", "60s")));
    assertThat(hibernate)
        .containsEntry("hibernate.search.backend.type", "lucene")
        .containsEntry(
            "hibernate.search.backend.analysis.configurer", "bean:labelAnalysisConfigurer")
        .doesNotContainKey("hibernate.search.backend.uris");
  }

  @Test
  void openSearchSwitchesOnlyTheDefaultBackend() {
    Map<String, Object> hibernate =
        customize(
            bind(
                Map.of(
                    "osaava.taxonomy.search.backend", "OpenSearch",
                    "osaava.taxonomy.search.opensearch.uris",
                        "http://search-1:9200, https://search-2:9200",
                    "osaava.taxonomy.search.opensearch.username", "osaava",
                    "osaava.taxonomy.search.opensearch.password", "secret",
                    "osaava.taxonomy.search.opensearch.request-timeout", "30s")));
    assertThat(hibernate)
        .containsEntry("hibernate.search.backend.type", "elasticsearch")
        .containsEntry(
            "hibernate.search.backend.uris", "http://search-1:9200,https://search-2:9200")
        .containsEntry("hibernate.search.backend.version", "opensearch:2.19")
        .containsEntry(
            "hibernate.search.backend.analysis.configurer",
            "bean:labelOpenSearchAnalysisConfigurer")
        .containsEntry("hibernate.search.backend.username", "osaava")
        .containsEntry("hibernate.search.backend.password", "secret")
        .containsEntry("hibernate.search.backend.request_timeout", "30000")
        // The education backend's own setting is its own module's business; a Lucene one gets
        // the Lucene directory the default backend no longer uses.
        .containsEntry("hibernate.search.backends.education.type", "lucene")
        .containsEntry("hibernate.search.backends.education.directory.root", "/home/index")
        .doesNotContainKey("hibernate.search.backend.directory.root");
  }

  @Test
  void openSearchEverywhereLeavesNoLuceneDirectorySetting() {
    Map<String, Object> hibernate = new HashMap<>();
    hibernate.put("hibernate.search.backend.type", "lucene");
    hibernate.put("hibernate.search.backend.directory.root", "/home/index");
    hibernate.put("hibernate.search.backend.directory.type", "local-heap");
    hibernate.put("hibernate.search.backends.education.type", "elasticsearch");
    new LabelSearchBackend(
            bind(
                Map.of(
                    "osaava.taxonomy.search.backend", "opensearch",
                    "osaava.taxonomy.search.opensearch.uris", "http://localhost:9200")))
        .customize(hibernate);
    assertThat(hibernate.keySet()).noneMatch(key -> key.contains(".directory."));
  }

  @Test
  void openSearchWithoutAClusterIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> bind(Map.of("osaava.taxonomy.search.backend", "opensearch")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("osaava.taxonomy.search.opensearch.uris must name");
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "osaava.taxonomy.search.backend", "opensearch",
                        "osaava.taxonomy.search.opensearch.uris", "localhost:9200")))
        .rootCause()
        .hasMessageContaining("must be an http:// or https:// address");
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "osaava.taxonomy.search.backend", "opensearch",
                        "osaava.taxonomy.search.opensearch.uris", "http://localhost:9200",
                        "osaava.taxonomy.search.opensearch.username", "osaava")))
        .rootCause()
        .hasMessageContaining("username and .password must be set together");
  }
}
