package fi.osaava.platform;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where an OpenSearch cluster is and how to sign in to it, as every module that can keep its index
 * there binds it ({@code osaava.education.search.opensearch.*}, {@code
 * osaava.taxonomy.search.opensearch.*}), and how a Hibernate Search backend is pointed at it.
 *
 * @param uris the cluster's HTTP addresses, e.g. {@code http://localhost:9200} (comma separated in
 *     a single property, or a list)
 * @param username basic-authentication user, when the cluster has security enabled
 * @param password that user's password
 * @param requestTimeout how long one request (a search, a bulk write) may take; the client's
 *     default when not set
 */
public record OpenSearchCluster(
    List<String> uris,
    @Nullable String username,
    @Nullable String password,
    @Nullable Duration requestTimeout) {

  /**
   * The OpenSearch line the analysis and mappings are written for; Hibernate Search reads a bare
   * number as Elasticsearch, hence the distribution prefix.
   */
  public static final String VERSION = "opensearch:2.19";

  public OpenSearchCluster {
    uris =
        uris == null
            ? List.of()
            : uris.stream().map(String::trim).filter(u -> !u.isEmpty()).toList();
  }

  /** No cluster named: what a module binds while its index stays in Lucene. */
  @SuppressWarnings("NullAway") // the compact constructor puts an empty list for the null uris
  public static OpenSearchCluster none() {
    return new OpenSearchCluster(null, null, null, null);
  }

  /**
   * Refuses settings that cannot reach a cluster, naming the property under {@code prefix} (e.g.
   * {@code osaava.education.search}) whose {@code backend} chose OpenSearch.
   */
  public void requireUsable(String prefix) {
    String at = prefix + ".opensearch.";
    if (uris.isEmpty()) {
      throw new IllegalArgumentException(
          at
              + "uris must name the OpenSearch cluster (e.g. http://localhost:9200) when "
              + prefix
              + ".backend is opensearch");
    }
    for (String uri : uris) {
      URI parsed;
      try {
        parsed = URI.create(uri);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + "uris: '" + uri + "' is not a URI", e);
      }
      if (!("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme()))
          || parsed.getHost() == null) {
        throw new IllegalArgumentException(
            at + "uris: '" + uri + "' must be an http:// or https:// address with a host");
      }
    }
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException(at + "username and .password must be set together");
    }
    if (requestTimeout != null && (requestTimeout.isNegative() || requestTimeout.isZero())) {
      throw new IllegalArgumentException(
          at + "request-timeout must be positive, not " + requestTimeout);
    }
  }

  /**
   * Points the Hibernate Search backend whose properties start with {@code backendPrefix} (e.g.
   * {@code hibernate.search.backends.education.}) at this cluster, with the analysis configurer
   * bean whose analysers carry the Lucene ones' names, so mappings and queries stay the same.
   */
  public void configure(
      Map<String, Object> hibernateProperties, String backendPrefix, String analysisConfigurer) {
    hibernateProperties.put(backendPrefix + "type", "elasticsearch");
    hibernateProperties.put(backendPrefix + "uris", String.join(",", uris));
    hibernateProperties.put(backendPrefix + "version", VERSION);
    hibernateProperties.put(backendPrefix + "analysis.configurer", "bean:" + analysisConfigurer);
    if (username != null) {
      hibernateProperties.put(backendPrefix + "username", username);
      hibernateProperties.put(backendPrefix + "password", password);
    }
    if (requestTimeout != null) {
      hibernateProperties.put(
          backendPrefix + "request_timeout", Long.toString(requestTimeout.toMillis()));
    }
  }
}
