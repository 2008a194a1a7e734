package fi.osaava.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load test's Lua rotation and the reading of wrk's report, without running wrk. */
class WrkTest {

  @Test
  void scriptRotatesThroughEveryRequestWithItsHeaders() {
    String lua =
        Wrk.script(
            List.of(
                Wrk.Request.get("/api/v1/education/search?q=sairaanhoitaja&lang=fi"),
                new Wrk.Request("/profile", Map.of("Cookie", "JSESSIONID=abc"))),
            true);
    assertThat(lua)
        .contains("{path = \"/api/v1/education/search?q=sairaanhoitaja&lang=fi\", headers = {}}")
        .contains("{path = \"/profile\", headers = {[\"Cookie\"] = \"JSESSIONID=abc\"}}")
        .contains("requests[(n % #requests) + 1]")
        .contains("wrk.thread:stop()");
    assertThat(Wrk.script(List.of(Wrk.Request.get("/")), false)).doesNotContain("response");
  }

  @Test
  void quotesCannotEndALuaString() {
    String lua = Wrk.script(List.of(Wrk.Request.get("/x?q=\"a\\\"")), false);
    assertThat(lua).contains("\"/x?q=\\\"a\\\\\\\"\"");
  }

  @Test
  void pathsMustBeRelativeToTheBaseUrl() {
    assertThatThrownBy(() -> Wrk.Request.get("http://elsewhere/"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTheReport() {
    String out =
        """
        Running 30s test @ http://localhost:8080
          2 threads and 16 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency    35.12ms   10.01ms 200.00ms   80.00%
          Latency Distribution
             50%   33.50ms
             75%   40.00ms
             90%   48.25ms
             99%  120.75ms
          13650 requests in 30.02s, 120.00MB read
          Non-2xx or 3xx responses: 3
        Requests/sec:    454.70
        Transfer/sec:      4.00MB
        """;
    Wrk.Result result = Wrk.parse("http://localhost:8080", 16, 30, out);
    assertThat(result.requestsPerSecond()).isEqualTo(454.70);
    assertThat(result.latencyP50()).isEqualTo("33.50ms");
    assertThat(result.latencyP90()).isEqualTo("48.25ms");
    assertThat(result.latencyP99()).isEqualTo("120.75ms");
    assertThat(result.requests()).isEqualTo(13650);
    assertThat(result.errors()).isEqualTo(3);
  }
}
