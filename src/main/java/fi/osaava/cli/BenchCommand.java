package fi.osaava.cli;

import fi.osaava.platform.Benchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code osaava bench NAME [key=value…]}: runs a module's benchmark and records its section in
 * {@code docs/benchmarks.md}, together with the command that produced it.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark and record it in docs/benchmarks.md.")
final class BenchCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(names = "--list", description = "List the benchmarks.")
  boolean list;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      defaultValue = "docs/benchmarks.md",
      description = "Markdown file to record the result in (default: docs/benchmarks.md).")
  Path output;

  @Option(names = "--no-record", description = "Print the result without recording it.")
  boolean noRecord;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME")
  String name;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "KEY=VALUE")
  List<String> rawOptions = List.of();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
      Map<String, Benchmark> benchmarks =
          context.getBeansOfType(Benchmark.class).values().stream()
              .sorted(Comparator.comparing(Benchmark::name))
              .collect(Collectors.toMap(Benchmark::name, b -> b, (a, b) -> a, LinkedHashMap::new));
      if (list || name == null) {
        benchmarks.values().forEach(b -> out.printf("%-24s %s%n", b.name(), b.description()));
        return 0;
      }
      Benchmark benchmark = benchmarks.get(name);
      if (benchmark == null) {
        throw new IllegalArgumentException(
            "Unknown benchmark '" + name + "'; known: " + String.join(", ", benchmarks.keySet()));
      }
      Map<String, String> options = new LinkedHashMap<>();
      for (String raw : rawOptions) {
        int eq = raw.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("Benchmark options are KEY=VALUE, not '" + raw + "'");
        }
        options.put(raw.substring(0, eq), raw.substring(eq + 1));
      }
      Benchmark.Report report =
          benchmark.run(
              options,
              message -> {
                out.println("  " + message);
                out.flush();
              });
      out.println(report.markdown());
      if (!noRecord) {
        String command =
            "./osaava bench "
                + name
                + (rawOptions.isEmpty() ? "" : " " + String.join(" ", rawOptions));
        BenchmarkRecord.write(output, name, command, LocalDate.now(), report.markdown());
        out.println("Recorded in " + output);
      }
      out.println(Json.object(report.metrics()));
      return 0;
    }
  }

  /** Replaces (or appends) the section of one benchmark in the markdown file. */
  static final class BenchmarkRecord {

    private BenchmarkRecord() {}

    static void write(Path file, String name, String command, LocalDate date, String markdown)
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
}
