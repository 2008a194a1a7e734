package fi.osaava.web;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A per-client rate limit: a Bucket4j token bucket per client address, holding {@code perMinute}
 * requests at once and refilled evenly over a minute. In process and in memory, which is enough for
 * one instance.
 *
 * <p>The buckets live in a Caffeine cache. A bucket left unused for a minute is full again, so
 * dropping it then changes no answer; the size bound keeps a flood of addresses from exhausting
 * memory, and its frequency-based eviction drops the flood's one-off addresses before a client that
 * keeps knocking, rather than forgetting every client at once.
 */
public final class ClientRateLimit {

  /** At most this many clients are remembered at once. */
  public static final int MAX_CLIENTS = 100_000;

  private static final Duration REFILL = Duration.ofMinutes(1);

  private final LoadingCache<String, Bucket> buckets;

  /**
   * @param perMinute requests allowed per client per minute (at least 1)
   */
  public ClientRateLimit(int perMinute) {
    this(perMinute, MAX_CLIENTS, System::nanoTime);
  }

  /**
   * @param maxClients at most this many clients are remembered at once
   * @param nanoTime the clock, in nanoseconds as {@link System#nanoTime()}; tests pass their own
   */
  public ClientRateLimit(int perMinute, int maxClients, LongSupplier nanoTime) {
    int capacity = Math.max(1, perMinute);
    TimeMeter time =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            return nanoTime.getAsLong();
          }

          @Override
          public boolean isWallClockBased() {
            return false;
          }
        };
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(maxClients)
            .expireAfterAccess(REFILL)
            .ticker(nanoTime::getAsLong)
            // Housekeeping on the calling thread: cheap, and no pool thread per limiter.
            .executor(Runnable::run)
            .build(
                client ->
                    Bucket.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, REFILL))
                        .withCustomTimePrecision(time)
                        .build());
  }

  /**
   * Takes one request from {@code client}'s budget.
   *
   * @return 0 when allowed, else the whole seconds (at least 1) until the next request is allowed,
   *     for a {@code Retry-After} header
   */
  public long acquire(String client) {
    ConsumptionProbe probe = buckets.get(client).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return 0;
    }
    return Math.max(1, Math.ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L));
  }

  /** How many clients are remembered now (after pending evictions). */
  long clients() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }
}
