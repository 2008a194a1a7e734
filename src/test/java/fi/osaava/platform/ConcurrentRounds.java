package fi.osaava.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Two "nodes" running the same round of background work at once, as happens when a round outlasts
 * its one-minute lease (issue 20): both start together behind a barrier, each in its own thread (so
 * its own transaction), and their results come back in order.
 */
public final class ConcurrentRounds {

  private ConcurrentRounds() {}

  /** Runs {@code round} on {@code nodes} threads at once; each thread's result. */
  public static List<Integer> run(int nodes, Callable<Integer> round) throws Exception {
    CyclicBarrier start = new CyclicBarrier(nodes);
    ExecutorService pool = Executors.newFixedThreadPool(nodes);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return round.call();
                }));
      }
      List<Integer> sent = new ArrayList<>();
      for (Future<Integer> result : results) {
        sent.add(result.get(2, TimeUnit.MINUTES));
      }
      return sent;
    } finally {
      pool.shutdownNow();
    }
  }
}
