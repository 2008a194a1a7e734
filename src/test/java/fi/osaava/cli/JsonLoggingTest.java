package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.OsaavaApplication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --log-format json} must make the booted application write one JSON object per console
 * line, which log shippers parse without multi-line rules.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLoggingTest {

  @Test
  void logFormatJsonMakesTheApplicationLogOneJsonObjectPerLine(CapturedOutput output) {
    Map<String, Object> properties =
        OsaavaCommandTest.commonOptions("start", "--log-format", "json").properties();
    // Logging is set up before any bean exists; lazy beans skip what nothing here asks for.
    properties.put("spring.main.lazy-initialization", "true");

    // A context cached by an earlier test keeps logging set up, and Boot then leaves it as it is;
    // clearing it makes this application configure logging itself, as a fresh JVM would.
    LoggingSystem.get(getClass().getClassLoader()).cleanUp();
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(OsaavaApplication.class)
            .web(WebApplicationType.NONE)
            .properties(properties)
            .run()) {
      LoggerFactory.getLogger("osaava.json-probe").warn("json probe {}", 42);
    }

    List<String> lines = output.getOut().lines().filter(l -> l.contains("json probe")).toList();
    assertThat(lines).hasSize(1);
    JsonNode line = JsonMapper.builder().build().readTree(lines.getFirst());
    assertThat(line.path("message").asString()).isEqualTo("json probe 42");
    assertThat(line.path("level").asString()).isEqualTo("WARN");
    assertThat(line.path("logger_name").asString()).isEqualTo("osaava.json-probe");
    assertThat(line.has("@timestamp")).isTrue();
  }
}
