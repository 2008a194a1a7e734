package fi.osaava.notifications;

import fi.osaava.profile.PersonId;

/**
 * Tells a person something: a message in their inbox and, by their e-mail choice, a mail at once or
 * in their next digest. Call it inside the transaction that caused the message: the inbox entry and
 * the pending mail commit with it (an outbox), and the key makes a repeated call harmless.
 */
public interface Notifications {

  /**
   * @param person who is told; nobody else sees the message
   * @param message what they are told, in their language
   * @param key an idempotency key, unique for this message (for example {@code guidance:task:ID}):
   *     a second call with the same key adds nothing and sends nothing
   * @return whether the message was new
   */
  boolean send(PersonId person, NotificationMessage message, String key);
}
