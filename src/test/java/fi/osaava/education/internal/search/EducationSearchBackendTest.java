package fi.osaava.education.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binding {@code osaava.education.search.*} and what it makes of the Hibernate properties. */
class EducationSearchBackendTest {

  private static EducationSearchProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("osaava.education.search", EducationSearchProperties.class);
  }

  private static Map<String, Object> customize(EducationSearchProperties properties) {
    Map<String, Object> hibernate = new HashMap<>();
    hibernate.put("hibernate.search.backend.directory.root", "/home/index");
    hibernate.put("hibernate.search.backend.directory.type", "local-heap");
    hibernate.put("hibernate.search.backends.education.type", "lucene");
    new EducationSearchBackend(properties).customize(hibernate);
    return hibernate;
  }

  @Test
  void luceneByDefaultInTheDefaultBackendsDirectory() {
    Map<String, Object> hibernate = customize(bind(Map.of()));
    assertThat(hibernate)
        .containsEntry("hibernate.search.backends.education.type", "lucene")
        .containsEntry("hibernate.search.backends.education.directory.root", "/home/index")
        .containsEntry("hibernate.search.backends.education.directory.type", "local-heap")
        .doesNotContainKey("hibernate.search.backends.education.uris");
  }

  @Test
  void openSearchSwitchesOnlyTheEducationBackend() {
    Map<String, Object> hibernate =
        customize(
            bind(
                Map.of(
                    "osaava.education.search.backend", "OpenSearch",
                    "osaava.education.search.opensearch.uris",
                        "http://search-1:9200, https://search-2:9200",
                    "osaava.education.search.opensearch.username", "osaava",
                    "osaava.education.search.opensearch.password", "secret",
                    "osaava.education.search.opensearch.request-timeout", "30s")));
    assertThat(hibernate)
        .containsEntry("hibernate.search.backends.education.type", "elasticsearch")
        .containsEntry(
            "hibernate.search.backends.education.uris",
            "http://search-1:9200,https://search-2:9200")
        .containsEntry("hibernate.search.backends.education.version", "opensearch:2.19")
        .containsEntry(
            "hibernate.search.backends.education.analysis.configurer",
            "bean:educationOpenSearchAnalysisConfigurer")
        .containsEntry("hibernate.search.backends.education.username", "osaava")
        .containsEntry("hibernate.search.backends.education.password", "secret")
        .containsEntry("hibernate.search.backends.education.request_timeout", "30000")
        .containsEntry("hibernate.search.backend.directory.root", "/home/index")
        .doesNotContainKey("hibernate.search.backends.education.directory.root");
  }

  @Test
  void badSettingsFailNamingTheProperty() {
    assertThatThrownBy(() -> bind(Map.of("osaava.education.search.backend", "solr")))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("osaava.education.search.backend");
    assertThatThrownBy(() -> bind(Map.of("osaava.education.search.backend", "opensearch")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("osaava.education.search.opensearch.uris must name");
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "osaava.education.search.backend", "opensearch",
                        "osaava.education.search.opensearch.uris", "localhost:9200")))
        .rootCause()
        .hasMessageContaining("'localhost:9200' must be an http:// or https:// address");
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "osaava.education.search.backend", "opensearch",
                        "osaava.education.search.opensearch.uris", "http://localhost:9200",
                        "osaava.education.search.opensearch.username", "osaava")))
        .rootCause()
        .hasMessageContaining("username and .password must be set together");
  }
}
