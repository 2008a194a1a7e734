package fi.osaava.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The shared test context's clock, fixed so that no test depends on the calendar: synthetic job ads
 * end on this day, and "open", "this month" and "the last twelve months" are reckoned from it. It
 * is deliberately not today, so a test that reads the wall clock instead of the injected one fails
 * visibly.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FixedClock {

  public static final Instant NOW = Instant.parse("2026-10-31T10:00:00Z");

  @Bean
  @Primary
  Clock fixedClock() {
    return Clock.fixed(NOW, ZoneId.of("Europe/Helsinki"));
  }
}
