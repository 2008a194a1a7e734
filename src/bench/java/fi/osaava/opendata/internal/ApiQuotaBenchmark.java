package fi.osaava.opendata.internal;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.web.ClientRateLimit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import org.springframework.stereotype.Component;

/**
 * {@code ./osaava bench api-quotas}: what one {@code /api/**} request pays for its client's quota.
 * The target is {@link ApiQuotas#client}, a Bucket4j bucket in PostgreSQL shared by every node; the
 * baseline is the same bucket in this process's memory ({@link ClientRateLimit}), as before. Each
 * runs on one thread over many clients, on four threads over many clients, and on four threads all
 * on one client (every request waits for the one row's lock). The benchmark's clients are
 * registered with a quota that none of them reaches and removed afterwards.
 */
@Component
class ApiQuotaBenchmark implements Benchmark {

  private static final String PREFIX = "bench-api-quota-";

  private final ApiQuotas quotas;
  private final ApiClients clients;

  ApiQuotaBenchmark(ApiQuotas quotas, ApiClients clients) {
    this.quotas = quotas;
    this.clients = clients;
  }

  @Override
  public String name() {
    return "api-quotas";
  }

  @Override
  public String description() {
    return "cost of an API client's quota per request: buckets in PostgreSQL vs in memory";
  }

  /** One measured run: the time of each request in nanoseconds, and the wall time. */
  private record Run(long[] nanos, long wallNanos) {

    double percentileMillis(double p) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
      return sorted[Math.max(0, index)] / 1e6;
    }

    double perSecond() {
      return nanos.length / (wallNanos / 1e9);
    }
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    int requests = Integer.parseInt(options.getOrDefault("requests", "20000"));
    int clientCount = Integer.parseInt(options.getOrDefault("clients", "100"));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < clientCount; i++) {
      String id = PREFIX + i;
      clients.save(id, "Benchmark", "Osaava", null, "bench@example.invalid", 100_000, "benchmark");
      quotas.changed(id);
      ids.add(id);
    }
    ClientRateLimit memory = new ClientRateLimit(100_000);
    Map<String, Run> runs = new LinkedHashMap<>();
    try {
      // A warm-up of each, so that neither pays for class loading or the pool's first connections.
      measure(requests / 10, 4, ids, id -> quotas.client(id).remaining());
      measure(requests / 10, 4, ids, id -> memory.take(id).remaining());
      progress.report("in memory, 1 thread");
      runs.put(
          "in memory, 1 thread, " + clientCount + " clients",
          measure(requests, 1, ids, id -> memory.take(id).remaining()));
      progress.report("PostgreSQL, 1 thread");
      runs.put(
          "PostgreSQL, 1 thread, " + clientCount + " clients",
          measure(requests, 1, ids, id -> quotas.client(id).remaining()));
      progress.report("PostgreSQL, 4 threads");
      runs.put(
          "PostgreSQL, 4 threads, " + clientCount + " clients",
          measure(requests, 4, ids, id -> quotas.client(id).remaining()));
      progress.report("PostgreSQL, 4 threads, one client");
      runs.put(
          "PostgreSQL, 4 threads, 1 client",
          measure(requests, 4, List.of(ids.getFirst()), id -> quotas.client(id).remaining()));
    } finally {
      for (String id : ids) {
        clients.remove(id);
        quotas.changed(id);
      }
    }

    StringBuilder markdown =
        new StringBuilder("| quota bucket | p50 | p99 | requests/s |\n|---|---:|---:|---:|\n");
    Map<String, Object> metrics = new LinkedHashMap<>();
    runs.forEach(
        (label, run) -> {
          markdown.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.3f ms | %.3f ms | %,.0f |%n",
                  label,
                  run.percentileMillis(50),
                  run.percentileMillis(99),
                  run.perSecond()));
          metrics.put(label + " p50 ms", Math.round(run.percentileMillis(50) * 1000) / 1000.0);
          metrics.put(label + " p99 ms", Math.round(run.percentileMillis(99) * 1000) / 1000.0);
        });
    markdown.append(
        String.format(Locale.ROOT, "%n%,d requests per run, clients taken in turn.%n", requests));
    return new Report(markdown.toString(), metrics);
  }

  /** {@code requests} calls spread over {@code threads}, each taking the clients in turn. */
  private static Run measure(
      int requests, int threads, List<String> ids, ToLongFunction<String> take) {
    long[] nanos = new long[requests];
    int perThread = requests / threads;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Void>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int from = t * perThread;
        int to = t == threads - 1 ? requests : from + perThread;
        work.add(
            () -> {
              for (int i = from; i < to; i++) {
                long start = System.nanoTime();
                take.applyAsLong(ids.get(i % ids.size()));
                nanos[i] = System.nanoTime() - start;
              }
              return null;
            });
      }
      long started = System.nanoTime();
      for (Future<Void> done : pool.invokeAll(work)) {
        done.get();
      }
      return new Run(nanos, System.nanoTime() - started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }
}
