package fi.osaava.notifications.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code osaava.notifications.*}.
 *
 * @param baseUrl Osaava's public address, for the links in mails (no trailing slash)
 * @param from the mails' sender address
 * @param sendInterval how often the outbox and the digests are looked at
 */
@ConfigurationProperties("osaava.notifications")
public record NotificationsProperties(String baseUrl, String from, Duration sendInterval) {

  public NotificationsProperties {
    baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip();
    if (baseUrl.endsWith("/")) {
      baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }
    from = from == null || from.isBlank() ? "Osaava <noreply@osaava.localhost>" : from;
    sendInterval = sendInterval == null ? Duration.ofSeconds(30) : sendInterval;
  }
}
