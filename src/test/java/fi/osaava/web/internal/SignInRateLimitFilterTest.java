package fi.osaava.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.web.SignInProperties;
import org.junit.jupiter.api.Test;

class SignInRateLimitFilterTest {

  @Test
  void allowsTheBudgetPerMinuteThenAsksToWait() {
    SignInRateLimitFilter filter =
        new SignInRateLimitFilter(new SignInProperties(null, null, null, 3, null, null));
    long now = 1_000_000_000L;
    assertThat(filter.acquire("10.0.0.1", now)).isZero();
    assertThat(filter.acquire("10.0.0.1", now)).isZero();
    assertThat(filter.acquire("10.0.0.1", now)).isZero();
    assertThat(filter.acquire("10.0.0.1", now)).isEqualTo(20);
    // Another address has its own budget.
    assertThat(filter.acquire("10.0.0.2", now)).isZero();
    // A third of a minute later one attempt is back.
    assertThat(filter.acquire("10.0.0.1", now + 20_000_000_000L)).isZero();
    assertThat(filter.acquire("10.0.0.1", now + 20_000_000_000L)).isPositive();
  }
}
