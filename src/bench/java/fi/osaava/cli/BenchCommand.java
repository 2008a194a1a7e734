package fi.osaava.cli;

import fi.osaava.platform.Benchmark;
import java.io.IOException;
import java.io.PrintWriter;
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

  @Mixin BenchmarkOutput.RecordOptions record;

  @Parameters(index = "0", arity = "0..1", paramLabel = "NAME")
  String name;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "KEY=VALUE")
  List<String> rawOptions = List.of();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
      Map<String, Benchmark> benchmarks = benchmarks(context);
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
      Benchmark.Report report = benchmark.run(options, BenchmarkOutput.progress(out));
      String command =
          "./osaava bench "
              + name
              + (rawOptions.isEmpty() ? "" : " " + String.join(" ", rawOptions));
      BenchmarkOutput.print(out, report, record.file(), name, command);
      return 0;
    }
  }

  /** The benchmarks the modules contribute, by name. */
  static Map<String, Benchmark> benchmarks(ConfigurableApplicationContext context) {
    return context.getBeansOfType(Benchmark.class).values().stream()
        .sorted(Comparator.comparing(Benchmark::name))
        .collect(Collectors.toMap(Benchmark::name, b -> b, (a, b) -> a, LinkedHashMap::new));
  }

  /** The benchmark called {@code name}; evaluations that run one use this. */
  static Benchmark benchmark(ConfigurableApplicationContext context, String name) {
    Benchmark benchmark = benchmarks(context).get(name);
    if (benchmark == null) {
      throw new IllegalStateException("No benchmark '" + name + "' in the application");
    }
    return benchmark;
  }
}
