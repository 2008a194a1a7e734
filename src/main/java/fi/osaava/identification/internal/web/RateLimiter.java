package fi.osaava.identification.internal.web;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code capacity} requests at once, refilled evenly over a minute. In
 * process and in memory, which is enough for one instance; the table is cleared when it grows past
 * a bound, so a flood of addresses cannot exhaust memory (they then simply start full again).
 */
@org.springframework.stereotype.Component
final class RateLimiter {

  private static final int MAX_CLIENTS = 50_000;

  private final int capacity;
  private final double perNano;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(
      @org.springframework.beans.factory.annotation.Value(
              "${osaava.identification.requests-per-minute:60}")
          int requestsPerMinute) {
    this.capacity = Math.max(1, requestsPerMinute);
    this.perNano = capacity / 60e9;
  }

  private static final class Bucket {
    double tokens;
    long updated;

    Bucket(double tokens, long updated) {
      this.tokens = tokens;
      this.updated = updated;
    }
  }

  /**
   * Takes a token for {@code client}.
   *
   * @return 0 when allowed, else the seconds until a token is available
   */
  long acquire(String client, long now) {
    if (buckets.size() > MAX_CLIENTS) {
      buckets.clear();
    }
    Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(capacity, now));
    synchronized (bucket) {
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * perNano);
      bucket.updated = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
    }
  }
}
