package fi.osaava.opendata.internal;

import fi.osaava.notifications.ClientWebhookDisabled;
import fi.osaava.notifications.NotificationMessage;
import fi.osaava.notifications.Notifications;
import fi.osaava.platform.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a registered API client's contact that one of its webhook subscriptions was turned off: a
 * client has no inbox, and its registration (an administrator's, here) holds the only address that
 * belongs to it. Mailed through the notifications outbox in the listener's transaction, under a key
 * per subscription and moment, so a redelivered event mails nothing again. A client that no
 * administrator registered has no address: its subscription's state in the API is all it sees.
 */
@Component
class ClientWebhookNotices {

  private static final Logger log = LoggerFactory.getLogger(ClientWebhookNotices.class);

  private final ApiClients clients;
  private final Notifications notifications;
  private final MessageSource messages;

  ClientWebhookNotices(ApiClients clients, Notifications notifications, MessageSource messages) {
    this.clients = clients;
    this.notifications = notifications;
    this.messages = messages;
  }

  @ApplicationModuleListener
  void webhookDisabled(ClientWebhookDisabled event) {
    String address = clients.contactEmail(event.client()).orElse(null);
    if (address == null) {
      log.info("Webhook subscription {} of unregistered client disabled", event.subscription());
      return;
    }
    // Finnish, the service's first language: a registration records no language of its own.
    notifications.mail(
        address,
        Language.FI,
        NotificationMessage.fromMessages(
            messages,
            "notifications.webhooks.disabledNotice",
            "opendata.clients.webhookDisabledText",
            new Object[] {
              event.url(), event.attempts(), event.subscription().toString(), event.client()
            },
            null),
        "client-webhook-disabled:"
            + event.subscription()
            + ":"
            + event.disabledAt().toEpochMilli());
  }
}
