package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimitTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(1_000 * SECOND);

  @Test
  void allowsABurstThenRefillsEvenlyPerClient() {
    ClientRateLimit limit = new ClientRateLimit(60, ClientRateLimit.MAX_CLIENTS, now::get);
    for (int i = 0; i < 60; i++) {
      assertThat(limit.acquire("a")).isZero();
    }
    assertThat(limit.acquire("a")).isEqualTo(1);
    assertThat(limit.acquire("b")).as("another client has its own bucket").isZero();
    now.addAndGet(SECOND);
    assertThat(limit.acquire("a")).as("one token a second").isZero();
    assertThat(limit.acquire("a")).isPositive();
    now.addAndGet(120 * SECOND);
    assertThat(limit.acquire("a")).isZero();
  }

  @Test
  void saysHowManyWholeSecondsToWait() {
    ClientRateLimit limit = new ClientRateLimit(3, ClientRateLimit.MAX_CLIENTS, now::get);
    for (int i = 0; i < 3; i++) {
      assertThat(limit.acquire("a")).isZero();
    }
    assertThat(limit.acquire("a")).isEqualTo(20);
    now.addAndGet(SECOND / 2);
    assertThat(limit.acquire("a")).as("rounded up").isEqualTo(20);
    now.addAndGet(SECOND / 2);
    assertThat(limit.acquire("a")).isEqualTo(19);
  }

  @Test
  void forgetsAClientAMinuteAfterItsLastRequestWhenItsBucketIsFullAgain() {
    ClientRateLimit limit = new ClientRateLimit(2, ClientRateLimit.MAX_CLIENTS, now::get);
    limit.acquire("a");
    limit.acquire("a");
    assertThat(limit.acquire("a")).isPositive();
    assertThat(limit.clients()).isEqualTo(1);
    now.addAndGet(61 * SECOND);
    assertThat(limit.clients()).isZero();
    assertThat(limit.acquire("a")).isZero();
    assertThat(limit.acquire("a")).isZero();
    assertThat(limit.acquire("a")).isPositive();
  }

  @Test
  void aFloodOfAddressesStaysBoundedAndDoesNotResetABusyClient() {
    ClientRateLimit limit = new ClientRateLimit(20, 1_000, now::get);
    for (int i = 0; i < 20; i++) {
      assertThat(limit.acquire("busy")).isZero();
    }
    for (int i = 0; i < 10_000; i++) {
      limit.acquire("flood-" + i);
      if (i % 100 == 0) {
        assertThat(limit.acquire("busy")).as("still limited during the flood").isPositive();
      }
    }
    assertThat(limit.clients()).isLessThanOrEqualTo(1_000);
    assertThat(limit.acquire("busy")).as("not forgotten by the flood").isPositive();
  }

  @Test
  void givesEachClientItsOwnBudgetAndWhatTheHeadersSay() {
    java.util.Map<String, Integer> quotas = new java.util.HashMap<>(java.util.Map.of("big", 6));
    ClientRateLimit limit =
        new ClientRateLimit(c -> quotas.getOrDefault(c, 2), ClientRateLimit.MAX_CLIENTS, now::get);
    ClientRateLimit.Verdict first = limit.take("big");
    assertThat(first.allowed()).isTrue();
    assertThat(first.limit()).isEqualTo(6);
    assertThat(first.remaining()).isEqualTo(5);
    assertThat(first.resetSeconds()).as("one token refills in 10 s").isEqualTo(10);
    assertThat(limit.take("small").limit()).isEqualTo(2);
    assertThat(limit.take("small").remaining()).isZero();
    ClientRateLimit.Verdict refused = limit.take("small");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.retryAfterSeconds()).isEqualTo(30);
    assertThat(refused.resetSeconds()).as("two tokens, 30 s each").isEqualTo(60);
    quotas.put("small", 4);
    assertThat(limit.take("small").allowed()).as("the old bucket until forgotten").isFalse();
    limit.forget("small");
    ClientRateLimit.Verdict renewed = limit.take("small");
    assertThat(renewed.limit()).isEqualTo(4);
    assertThat(renewed.remaining()).isEqualTo(3);
  }
}
