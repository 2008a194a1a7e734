package fi.osaava.education.internal.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code osaava.education.search.*}: which search engine holds the education index.
 *
 * @param backend {@code lucene} (the default: an index directory beside the taxonomy's, no extra
 *     process) or {@code opensearch} (an OpenSearch 2.x cluster, see {@link OpenSearch})
 * @param opensearch where the cluster is and how to sign in; only read for {@code opensearch}
 */
@ConfigurationProperties("osaava.education.search")
record EducationSearchProperties(Backend backend, OpenSearch opensearch) {

  /** The engines the education index can live in; bound case-insensitively. */
  enum Backend {
    LUCENE,
    OPENSEARCH
  }

  // OpenSearch's own compact constructor puts its default in place of the null uris (as
  // TextProperties does for Voikko).
  @SuppressWarnings("NullAway")
  EducationSearchProperties {
    if (backend == null) {
      backend = Backend.LUCENE;
    }
    if (opensearch == null) {
      opensearch = new OpenSearch(null, null, null, null);
    }
    if (backend == Backend.OPENSEARCH) {
      opensearch.requireUsable();
    }
  }

  boolean useOpenSearch() {
    return backend == Backend.OPENSEARCH;
  }

  /**
   * @param uris the cluster's HTTP addresses, e.g. {@code http://localhost:9200} (comma separated
   *     in a single property, or a list)
   * @param username basic-authentication user, when the cluster has security enabled
   * @param password that user's password
   * @param requestTimeout how long one request (a search, a bulk write) may take; the client's
   *     default when not set
   */
  record OpenSearch(
      List<String> uris,
      @Nullable String username,
      @Nullable String password,
      @Nullable Duration requestTimeout) {

    OpenSearch {
      uris =
          uris == null
              ? List.of()
              : uris.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
    }

    void requireUsable() {
      if (uris.isEmpty()) {
        throw new IllegalArgumentException(
            "osaava.education.search.opensearch.uris must name the OpenSearch cluster (e.g."
                + " http://localhost:9200) when osaava.education.search.backend is opensearch");
      }
      for (String uri : uris) {
        URI parsed;
        try {
          parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "osaava.education.search.opensearch.uris: '" + uri + "' is not a URI", e);
        }
        if (!("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
            || parsed.getHost() == null) {
          throw new IllegalArgumentException(
              "osaava.education.search.opensearch.uris: '"
                  + uri
                  + "' must be an http:// or https:// address with a host");
        }
      }
      if ((username == null) != (password == null)) {
        throw new IllegalArgumentException(
            "osaava.education.search.opensearch.username and .password must be set together");
      }
      if (requestTimeout != null && (requestTimeout.isNegative() || requestTimeout.isZero())) {
        throw new IllegalArgumentException(
            "osaava.education.search.opensearch.request-timeout must be positive, not "
                + requestTimeout);
      }
    }
  }
}
