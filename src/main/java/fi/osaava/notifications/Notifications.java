package fi.osaava.notifications;

import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import java.util.Collection;

/**
 * Tells a person something: a message in their inbox and, by their e-mail choice, a mail at once or
 * in their next digest. Call it inside the transaction that caused the message: the inbox entry and
 * the pending mail commit with it (an outbox), and the key makes a repeated call harmless.
 */
public interface Notifications {

  /**
   * @param person who is told; nobody else sees the message
   * @param message what they are told, in their language; its attachment, if any, waits with the
   *     pending mail and is not kept in the inbox
   * @param key an idempotency key, unique for this message (for example {@code guidance:task:ID}):
   *     a second call with the same key adds nothing and sends nothing
   * @return whether the message was new
   */
  boolean send(PersonId person, NotificationMessage message, String key);

  /**
   * Mails one message to an address that belongs to nobody Osaava knows as a person yet (an
   * invitation to someone who may have no account): through the same outbox and mail sender as a
   * person's mail, at the outbox's next round, in {@code language}. Nothing goes to an inbox, and
   * the outbox row is deleted once the mail is sent, so the address and the message are kept only
   * until then. Call it inside the transaction that caused the message.
   *
   * @param address the e-mail address, as the sender checked it
   * @param key an idempotency key: a second call with the same key while the first is waiting adds
   *     nothing
   * @return whether the message was new
   */
  boolean mail(String address, Language language, NotificationMessage message, String key);

  /**
   * Withdraws mails handed to {@link #mail} that are still waiting in the outbox, named by the keys
   * they were given; the address and the message go with them. A mail already sent, or being sent
   * at this moment (this call then waits for it), is not withdrawn; an unknown key is passed over.
   * Call it inside the transaction that makes the mail wrong (a survey's closing), so that the
   * outbox's next round finds it gone.
   *
   * @param keys the idempotency keys given to {@link #mail}
   * @return how many waiting mails were withdrawn
   */
  int withdrawMail(Collection<String> keys);
}
