package fi.osaava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkOutputTest {

  @Test
  void jsonLineKeepsNumbersAndTurnsWhatJsonCannotHoldIntoNullOrText() {
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("n", 82);
    metrics.put("mrr", 0.5);
    metrics.put("nan", Double.NaN);
    metrics.put("ok", true);
    metrics.put("lang", "fi \"quoted\"");
    metrics.put("file", Path.of("a", "b.csv"));

    assertThat(BenchmarkOutput.jsonLine(metrics))
        .isEqualTo(
            "{\"n\":82,\"mrr\":0.5,\"nan\":null,\"ok\":true,\"lang\":\"fi \\\"quoted\\\"\","
                + "\"file\":\"a/b.csv\"}");
  }

  @Test
  void recordReplacesTheBenchmarksOwnSectionAndKeepsTheOthers(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("benchmarks.md");
    LocalDate date = LocalDate.of(2026, 12, 6);
    BenchmarkOutput.record(file, "a", "./osaava bench a", date, "first");
    BenchmarkOutput.record(file, "b", "./osaava bench b", date, "other");
    BenchmarkOutput.record(file, "a", "./osaava bench a n=2", date, "second");

    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("# Benchmarks")
        .contains("Command: `./osaava bench a n=2` (run 2026-12-06", "second", "other")
        .doesNotContain("first");
    assertThat(text.indexOf("<!-- bench:a -->")).isLessThan(text.indexOf("<!-- bench:b -->"));
    assertThat(text.split("<!-- bench:a -->", -1)).hasSize(2);
  }
}
