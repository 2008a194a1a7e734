package fi.osaava.identification.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void allowsABurstThenRefillsEvenlyPerClient() {
    RateLimiter limiter = new RateLimiter(60);
    long now = 1_000 * SECOND;
    for (int i = 0; i < 60; i++) {
      assertThat(limiter.acquire("a", now)).isZero();
    }
    assertThat(limiter.acquire("a", now)).isEqualTo(1);
    assertThat(limiter.acquire("b", now)).as("another client has its own bucket").isZero();
    assertThat(limiter.acquire("a", now + SECOND)).as("one token a second").isZero();
    assertThat(limiter.acquire("a", now + SECOND)).isPositive();
    assertThat(limiter.acquire("a", now + 120 * SECOND)).isZero();
  }
}
