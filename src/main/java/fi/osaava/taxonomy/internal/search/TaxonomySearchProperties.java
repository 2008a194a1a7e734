package fi.osaava.taxonomy.internal.search;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
record TaxonomySearchProperties(Backend backend, OpenSearch opensearch) {

  static final String PREFIX = "osaava.taxonomy.search";

  /** The engines the label index can live in; bound case-insensitively. */
  enum Backend {
    LUCENE,
    OPENSEARCH
  }

  // OpenSearch's compact constructor puts its default in place of the null uris.
  @SuppressWarnings("NullAway")
  TaxonomySearchProperties {
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
   * @param uris the cluster's HTTP addresses, e.g. {@code http://localhost:9200}
   * @param username basic-authentication user, when the cluster has security enabled
   * @param password that user's password
   * @param requestTimeout how long one request may take; the client's default when not set
   */
  record OpenSearch(
      List<String> uris,
      @Nullable String username,
      @Nullable String password,
      @Nullable Duration requestTimeout) {

    private static final String AT = PREFIX + ".opensearch.";

    OpenSearch {
      uris =
          uris == null
              ? List.of()
              : uris.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
    }

    void requireUsable() {
      if (uris.isEmpty()) {
        throw new IllegalArgumentException(
            AT
                + "uris must name the OpenSearch cluster (e.g. http://localhost:9200) when "
                + PREFIX
                + ".backend is opensearch");
      }
      for (String uri : uris) {
        URI parsed;
        try {
          parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(AT + "uris: '" + uri + "' is not a URI", e);
        }
        if (!("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
            || parsed.getHost() == null) {
          throw new IllegalArgumentException(
              AT + "uris: '" + uri + "' must be an http:// or https:// address with a host");
        }
      }
      if ((username == null) != (password == null)) {
        throw new IllegalArgumentException(AT + "username and .password must be set together");
      }
      if (requestTimeout != null && (requestTimeout.isNegative() || requestTimeout.isZero())) {
        throw new IllegalArgumentException(
            AT + "request-timeout must be positive, not " + requestTimeout);
      }
    }
  }
}
