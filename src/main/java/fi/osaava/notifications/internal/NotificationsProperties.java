package fi.osaava.notifications.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code osaava.notifications.*}.
 *
 * @param baseUrl Osaava's public address, for the links in mails (no trailing slash)
 * @param from the mails' sender address
 * @param sendInterval how often the outbox and the digests are looked at
 * @param webhooks the webhook deliveries' settings
 */
@ConfigurationProperties("osaava.notifications")
public record NotificationsProperties(
    String baseUrl, String from, Duration sendInterval, Webhooks webhooks) {

  public NotificationsProperties {
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip();
    if (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    from = from == null || from.isBlank() ? "Osaava <noreply@osaava.localhost>" : from;
    sendInterval = sendInterval == null ? Duration.ofSeconds(30) : sendInterval;
    webhooks =
        webhooks == null
            ? new Webhooks(
                false, Duration.ofSeconds(5), Duration.ofSeconds(10), 8, Duration.ofMinutes(1))
            : webhooks;
  }

  /**
   * {@code osaava.notifications.webhooks.*}.
   *
   * @param allowLocalTargets development only: also {@code http} and loopback, private and
   *     link-local addresses as targets (off by default)
   * @param connectTimeout how long to wait for a subscriber's connection
   * @param readTimeout how long to wait for a subscriber's answer
   * @param maxAttempts attempts per delivery before it is given up
   * @param firstRetry the wait after the first failed attempt; each next wait is four times longer,
   *     at most 12 hours
   */
  public record Webhooks(
      boolean allowLocalTargets,
      Duration connectTimeout,
      Duration readTimeout,
      int maxAttempts,
      Duration firstRetry) {

    public Webhooks {
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
      maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
      firstRetry = firstRetry == null ? Duration.ofMinutes(1) : firstRetry;
    }
  }
}
