package fi.osaava.platform;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * Latency of a page rendered in process on one thread, for the page benchmarks: wall-clock and CPU
 * percentiles after a warm-up, and the markdown table {@code docs/benchmarks.md} shows them in.
 */
public final class PageLatency {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private PageLatency() {}

  /** One page's figures, in milliseconds; requests/s is one thread's. */
  public record Stats(
      String what, int n, double p50, double p95, double p99, double cpuP95, double perSecond) {}

  /**
   * {@code n} timed runs of {@code page} (given the run's index, to rotate through people) after a
   * warm-up of up to 30.
   */
  public static Stats measure(String what, int n, IntUnaryOperator page) {
    for (int i = 0; i < Math.min(30, n); i++) {
      page.applyAsInt(i);
    }
    double[] wall = new double[n];
    double[] cpu = new double[n];
    long all = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      page.applyAsInt(i);
      wall[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
    }
    double seconds = (System.nanoTime() - all) / 1e9;
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new Stats(
        what, n, pct(wall, 50), pct(wall, 95), pct(wall, 99), pct(cpu, 95), n / seconds);
  }

  /** The figures as a markdown table, one row a page. */
  public static String table(List<Stats> results) {
    StringBuilder md =
        new StringBuilder(
            "| page | n | p50 ms | p95 ms | p99 ms | CPU p95 ms | requests/s |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
    for (Stats s : results) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
              s.what(),
              s.n(),
              s.p50(),
              s.p95(),
              s.p99(),
              s.cpuP95(),
              s.perSecond()));
    }
    return md.toString();
  }

  /** The system's load average, to report beside the figures of a shared machine. */
  public static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double pct(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
