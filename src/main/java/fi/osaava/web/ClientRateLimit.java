package fi.osaava.web;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

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

  private static final long MINUTE_NANOS = REFILL.toNanos();

  /**
   * One request's verdict with what the standard rate-limit headers say.
   *
   * @param limit requests per minute this client has
   * @param remaining requests left now
   * @param resetSeconds whole seconds until the bucket is full again
   * @param retryAfterSeconds 0 when the request is allowed, else the whole seconds (at least 1)
   *     until the next one is
   */
  public record Verdict(long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    public boolean allowed() {
      return retryAfterSeconds == 0;
    }
  }

  /** A client's bucket with the budget it was made with. */
  private record Limited(Bucket bucket, int capacity) {}

  private final LoadingCache<String, Limited> buckets;
  private final ToIntFunction<String> perMinute;

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
    this(client -> perMinute, maxClients, nanoTime);
  }

  /**
   * A limit whose budget differs by client, such as API clients with quotas of their own. The
   * budget is read when a client's bucket is made; {@link #forget} makes it read again.
   *
   * @param perMinute requests allowed per minute for a client (at least 1 is allowed)
   */
  public ClientRateLimit(ToIntFunction<String> perMinute, int maxClients, LongSupplier nanoTime) {
    this.perMinute = client -> Math.max(1, perMinute.applyAsInt(client));
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
                client -> {
                  int capacity = this.perMinute.applyAsInt(client);
                  return new Limited(
                      Bucket.builder()
                          .addLimit(
                              limit -> limit.capacity(capacity).refillGreedy(capacity, REFILL))
                          .withCustomTimePrecision(time)
                          .build(),
                      capacity);
                });
  }

  /**
   * Takes one request from {@code client}'s budget.
   *
   * @return 0 when allowed, else the whole seconds (at least 1) until the next request is allowed,
   *     for a {@code Retry-After} header
   */
  public long acquire(String client) {
    ConsumptionProbe probe = buckets.get(client).bucket().tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return 0;
    }
    return Math.max(1, Math.ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L));
  }

  /**
   * Takes one request from {@code client}'s budget and says what is left, for the {@code
   * RateLimit-*} and {@code Retry-After} headers.
   */
  public Verdict take(String client) {
    Limited limited = buckets.get(client);
    return verdict(limited.capacity(), limited.bucket().tryConsumeAndReturnRemaining(1));
  }

  /**
   * The verdict of one request taken from a bucket of {@code capacity} requests refilled evenly
   * over a minute, such as a bucket kept in a database for several nodes.
   */
  public static Verdict verdict(long capacity, ConsumptionProbe probe) {
    long missing = capacity - probe.getRemainingTokens();
    // Greedy refill: one token every minute / capacity, so the bucket is full after that many.
    long reset = Math.ceilDiv(Math.max(0, missing) * MINUTE_NANOS / capacity, 1_000_000_000L);
    long retry =
        probe.isConsumed()
            ? 0
            : Math.max(1, Math.ceilDiv(probe.getNanosToWaitForRefill(), 1_000_000_000L));
    return new Verdict(capacity, probe.getRemainingTokens(), reset, retry);
  }

  /** Drops {@code client}'s bucket, so that its next request reads its budget again. */
  public void forget(String client) {
    buckets.invalidate(client);
  }

  /** How many clients are remembered now (after pending evictions). */
  long clients() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }
}
