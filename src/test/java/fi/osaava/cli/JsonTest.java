package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonTest {

  @Test
  void writesOneLineOfPlainJsonInTheMapsOrder() {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("name", "a \"quoted\"\tname\n");
    metrics.put("count", 3);
    metrics.put("score", 0.25);
    metrics.put("undefined", Double.NaN);
    metrics.put("endless", Double.POSITIVE_INFINITY);
    metrics.put("ok", true);
    metrics.put("file", Path.of("/tmp/x.csv"));
    metrics.put("missing", null);

    String line = Json.object(metrics);

    assertThat(line).doesNotContain("\n").startsWith("{\"name\":");
    JsonNode read = JsonMapper.shared().readTree(line);
    assertThat(read.propertyNames())
        .containsExactly("name", "count", "score", "undefined", "endless", "ok", "file", "missing");
    assertThat(read.get("name").asString()).isEqualTo("a \"quoted\"\tname\n");
    assertThat(read.get("count").asInt()).isEqualTo(3);
    assertThat(read.get("score").asDouble()).isEqualTo(0.25);
    assertThat(read.get("undefined").isNull()).isTrue();
    assertThat(read.get("endless").isNull()).isTrue();
    assertThat(read.get("ok").asBoolean()).isTrue();
    assertThat(read.get("file").asString()).isEqualTo("/tmp/x.csv");
    assertThat(read.get("missing").isNull()).isTrue();
  }
}
