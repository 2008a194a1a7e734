package fi.osaava.cli;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/**
 * How {@code bench} and {@code evaluate} end alike: progress lines while running, then the report's
 * markdown, its section recorded in {@code docs/benchmarks.md} together with the command that
 * produced it, and a last line of JSON for scripts.
 */
final class BenchmarkOutput {

  private BenchmarkOutput() {}

  /** Where {@code bench} and {@code evaluate} record their result. */
  static final class RecordOptions {

    @Option(
        names = "--output",
        paramLabel = "FILE",
        defaultValue = "docs/benchmarks.md",
        description = "Markdown file to record the result in (default: docs/benchmarks.md).")
    Path output;

    @Option(names = "--no-record", description = "Print the result without recording it.")
    boolean noRecord;

    /** The file to record in, or null with {@code --no-record}. */
    Path file() {
      return noRecord ? null : output;
    }
  }

  /** Progress messages, indented under the command and flushed at once (runs take minutes). */
  static ImportProgress progress(PrintWriter out) {
    return message -> {
      out.println("  " + message);
      out.flush();
    };
  }

  /**
   * Prints the report and, unless {@code output} is null, records it as the section {@code name}.
   */
  static void print(
      PrintWriter out, Benchmark.Report report, Path output, String name, String command)
      throws IOException {
    out.println(report.markdown());
    if (output != null) {
      record(output, name, command, LocalDate.now(), report.markdown());
      out.println("Recorded in " + output);
    }
    out.println(jsonLine(report.metrics()));
  }

  /**
   * The metrics as one JSON object. Numbers and booleans stay themselves, except NaN and the
   * infinities (no JSON number), which become null; anything else is written as its string.
   */
  static String jsonLine(Map<String, Object> metrics) {
    Map<String, Object> values = new LinkedHashMap<>();
    metrics.forEach((key, value) -> values.put(key, jsonValue(value)));
    return JsonMapper.shared().writeValueAsString(values);
  }

  private static Object jsonValue(Object value) {
    return switch (value) {
      case null -> null;
      case Double d when d.isNaN() || d.isInfinite() -> null;
      case Float f when f.isNaN() || f.isInfinite() -> null;
      case Number n -> n;
      case Boolean b -> b;
      default -> value.toString();
    };
  }

  /** Replaces (or appends) the section of one benchmark in the markdown file. */
  static void record(Path file, String name, String command, LocalDate date, String markdown)
      throws IOException {
    String begin = "<!-- bench:" + name + " -->";
    String end = "<!-- /bench:" + name + " -->";
    String section =
        begin
            + "\n### `"
            + name
            + "`\n\nCommand: `"
            + command
            + "` (run "
            + date
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, Java "
            + Runtime.version().feature()
            + ")\n\n"
            + markdown.strip()
            + "\n"
            + end;
    String current =
        Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
    int from = current.indexOf(begin);
    int to = current.indexOf(end);
    String updated;
    if (from >= 0 && to > from) {
      updated = current.substring(0, from) + section + current.substring(to + end.length());
    } else {
      updated = current.stripTrailing() + "\n\n" + section + "\n";
    }
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }
}
