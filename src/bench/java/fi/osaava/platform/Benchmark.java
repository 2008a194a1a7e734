package fi.osaava.platform;

import java.util.Map;

/**
 * A benchmark that a module contributes to {@code ./osaava bench NAME}. It measures a target
 * against a named baseline in the same run, so the figures in {@code docs/benchmarks.md} are
 * comparable, and it reports both.
 */
public interface Benchmark {

  /** The name on the command line, such as {@code autocomplete}. */
  String name();

  /** One line for {@code ./osaava bench --list}. */
  String description();

  /**
   * Runs the benchmark.
   *
   * @param options free-form {@code key=value} options from the command line
   * @param progress where to report what is running
   */
  Report run(Map<String, String> options, ImportProgress progress);

  /**
   * The outcome.
   *
   * @param markdown a section for {@code docs/benchmarks.md}: tables of target and baseline
   * @param metrics headline figures, printed as JSON on the last line
   */
  record Report(String markdown, Map<String, Object> metrics) {}
}
