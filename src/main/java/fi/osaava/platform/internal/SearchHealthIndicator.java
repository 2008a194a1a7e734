package fi.osaava.platform.internal;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.elasticsearch.client.Cancellable;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.engine.backend.Backend;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.entity.SearchIndexedEntity;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code search} in {@code /actuator/health}: whether each Hibernate Search backend that lives in
 * OpenSearch answers, so that an outage names the search cluster rather than surfacing as failed
 * searches. A Lucene backend is a folder of this node and is always up while the node runs. Each
 * cluster gets {@link #TIMEOUT_MILLIS} to answer {@code _cluster/health}; unreachable or red is
 * down. Not part of readiness: without search the other pages still work.
 */
@Component("search")
class SearchHealthIndicator implements HealthIndicator {

  static final long TIMEOUT_MILLIS = 2000;

  private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

  private final EntityManagerFactory entityManagerFactory;

  SearchHealthIndicator(EntityManagerFactory entityManagerFactory) {
    this.entityManagerFactory = entityManagerFactory;
  }

  @Override
  public Health health() {
    Map<String, Backend> backends = new LinkedHashMap<>();
    for (SearchIndexedEntity<?> entity :
        Search.mapping(entityManagerFactory).allIndexedEntities()) {
      Backend backend = entity.indexManager().backend();
      backends.putIfAbsent(backend.name().orElse("default"), backend);
    }
    Health.Builder health = Health.up();
    backends.forEach(
        (name, backend) -> {
          RestClient client = openSearchClient(backend);
          if (client == null) {
            health.withDetail(name, "lucene");
            return;
          }
          String status = clusterStatus(client);
          health.withDetail(name, "opensearch: " + status);
          if (!"green".equals(status) && !"yellow".equals(status)) {
            health.down();
          }
        });
    return health.build();
  }

  private static @Nullable RestClient openSearchClient(Backend backend) {
    try {
      return backend.unwrap(ElasticsearchBackend.class).client(RestClient.class);
    } catch (RuntimeException notOpenSearch) {
      return null;
    }
  }

  /**
   * The cluster's health colour, or why it could not be read ("unreachable: …"): never waits more
   * than {@link #TIMEOUT_MILLIS}, so a black-holed cluster does not hang the health endpoint.
   */
  static String clusterStatus(RestClient client) {
    CompletableFuture<Response> answer = new CompletableFuture<>();
    Cancellable request =
        client.performRequestAsync(
            new Request("GET", "/_cluster/health"),
            new ResponseListener() {
              @Override
              public void onSuccess(Response response) {
                answer.complete(response);
              }

              @Override
              public void onFailure(Exception exception) {
                answer.completeExceptionally(exception);
              }
            });
    try {
      Response response = answer.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      String body =
          new String(response.getEntity().getContent().readAllBytes(), StandardCharsets.UTF_8);
      Matcher status = STATUS.matcher(body);
      return status.find() ? status.group(1) : "unknown answer";
    } catch (TimeoutException e) {
      request.cancel();
      return "unreachable: no answer within " + TIMEOUT_MILLIS + " ms";
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return "unreachable: " + cause.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unreachable: interrupted";
    } catch (IOException e) {
      return "unreachable: " + e.getMessage();
    }
  }
}
