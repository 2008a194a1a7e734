package fi.osaava.notifications.internal;

import java.time.Instant;
import org.springframework.context.ApplicationContext;

/**
 * The notifications' two outbox rounds, run on demand by tests outside the module, such as the
 * browser journey of issue 17: in the shared test context the webhook round is scheduled hourly and
 * the mail round every half minute, which a test should not wait for.
 */
public final class NotificationRounds {

  private final ApplicationContext context;

  public NotificationRounds(ApplicationContext context) {
    this.context = context;
  }

  /** One round of the mail outbox; how many mails it sent. */
  public int sendMail() {
    return context.getBean(MailOutbox.class).sendDue();
  }

  /**
   * One round of the webhook outbox at the wall clock's now, not the test context's fixed clock:
   * the subscriber verifies the signed timestamp against its own clock, as Standard Webhooks asks.
   */
  public int deliverWebhooks() {
    return context.getBean(WebhookOutbox.class).deliverDue(Instant.now());
  }
}
