package fi.osaava.web.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.http.ConnectionClosedException;
import org.hamcrest.Matchers;
import org.hibernate.search.util.common.SearchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Each way the search engine's outage reaches a search (as Hibernate Search's OpenSearch backend
 * reported them in the topology's fault run) becomes a 503 with {@code Retry-After}; a query the
 * engine refused stays a 500.
 */
class SearchUnavailableHandlerTest {

  private static final String REQUEST =
      "HSEARCH400007: Elasticsearch request failed: %s\n"
          + "Request: POST /education-offering-v3-read/_search with parameters {from=0, size=20}\n"
          + "Response: %s";

  private static final Map<String, Supplier<RuntimeException>> FAILURES =
      Map.of(
          "refused",
          () ->
              new SearchException(
                  REQUEST.formatted("Connection refused", "(no response)"),
                  new ConnectException("Connection refused")),
          "closed",
          () ->
              new SearchException(
                  REQUEST.formatted("Connection is closed", "(no response)"),
                  new ConnectionClosedException("Connection is closed")),
          "timed-out",
          () ->
              new SearchException(
                  REQUEST.formatted("Read timed out", "(no response)"),
                  new SocketTimeoutException("Read timed out")),
          "shards-starting",
          () ->
              new SearchException(
                  REQUEST.formatted(
                      "HSEARCH400090: Elasticsearch response indicates a failure.",
                      "503 'Service Unavailable' from '127.0.0.1:18700' with body \n{\"error\":"
                          + " {\"type\": \"search_phase_execution_exception\"}}")),
          "wrapped",
          () ->
              new IllegalStateException(
                  "search failed",
                  new SearchException(
                      REQUEST.formatted("Connection is closed", "(no response)"),
                      new ConnectionClosedException("Connection is closed"))));

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new FailingController())
          .setControllerAdvice(new SearchUnavailableHandler())
          .build();

  /** Every failure above, for each parameterised test. */
  static java.util.stream.Stream<String> failures() {
    return FAILURES.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("failures")
  void apiGetsAProblemWithRetryAfter(String failure) throws Exception {
    mvc.perform(get("/api/v1/fail/" + failure))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"))
        .andExpect(content().contentType("application/problem+json"))
        .andExpect(jsonPath("$.status").value(503))
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("search engine")));
  }

  @ParameterizedTest
  @MethodSource("failures")
  void pageGetsTheErrorStatusWithRetryAfter(String failure) throws Exception {
    mvc.perform(get("/page/" + failure))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"));
  }

  @Test
  void aQueryTheEngineRefusedStaysOurFault() {
    assertThatThrownBy(() -> mvc.perform(get("/api/v1/refused-query")))
        .hasRootCauseInstanceOf(SearchException.class)
        .rootCause()
        .hasMessageContaining("Response: 400");
  }

  @Controller
  static class FailingController {

    @GetMapping("/api/v1/fail/{failure}")
    @ResponseBody
    String api(@PathVariable String failure) {
      throw FAILURES.get(failure).get();
    }

    @GetMapping("/page/{failure}")
    String page(@PathVariable String failure) {
      throw FAILURES.get(failure).get();
    }

    @GetMapping("/api/v1/refused-query")
    @ResponseBody
    String refusedQuery() {
      throw new SearchException(
          REQUEST.formatted(
              "HSEARCH400090: Elasticsearch response indicates a failure.",
              "400 'Bad Request' from '127.0.0.1:18700' with body \n{\"error\":"
                  + " {\"type\": \"query_shard_exception\"}}"));
    }
  }
}
