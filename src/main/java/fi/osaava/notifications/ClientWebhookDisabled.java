package fi.osaava.notifications;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An API client's webhook subscription was turned off after its deliveries failed at every attempt.
 * A person's subscription tells its owner in the inbox; a client has none, so this is published in
 * the transaction that turned it off for the module that registered the client, which knows whom to
 * tell. The subscription stays off until the client turns it on again.
 *
 * @param client the client's id, as the token gave it
 * @param subscription the subscription
 * @param url the address the deliveries failed at
 * @param attempts the attempts each delivery was given
 * @param disabledAt when it was turned off
 */
public record ClientWebhookDisabled(
    String client, UUID subscription, String url, int attempts, Instant disabledAt) {

  public ClientWebhookDisabled {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(disabledAt, "disabledAt");
  }
}
