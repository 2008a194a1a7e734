package fi.osaava.notifications.internal;

import fi.osaava.notifications.MailAttachment;
import fi.osaava.notifications.NotificationMessage;
import fi.osaava.platform.DatabaseOutage;
import fi.osaava.platform.Language;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends the outbox: one mail per message for people who want mail at once, one digest per day or
 * week for the others. Runs under a ShedLock lock, so on one node of a cluster at a time. Each
 * person's mail is sent inside a transaction that holds their outbox rows locked and marks them
 * sent, so a failed send leaves them pending for the next round and two rounds never send the same
 * rows. Every mail carries RFC 8058 one-click unsubscribe headers and the same link in its text. A
 * message's file ({@link MailAttachment}) is read from its outbox row and makes the mail
 * multipart/mixed; a mail without one is plain text.
 */
@Component
class MailOutbox {

  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

  /**
   * The most bytes of files one mail carries: a digest of many messages with files leaves out the
   * oldest beyond this (each message still links to its page), so that no mail grows past what mail
   * servers take.
   */
  static final long DIGEST_ATTACHMENT_BYTES = 4L * MailAttachment.MAX_BYTES;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Recipients recipients;
  private final Inbox inbox;
  private final ObjectProvider<JavaMailSender> mail;
  private final MessageSource messages;
  private final NotificationsProperties properties;
  private final Clock clock;

  MailOutbox(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      Recipients recipients,
      Inbox inbox,
      ObjectProvider<JavaMailSender> mail,
      MessageSource messages,
      NotificationsProperties properties,
      ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.recipients = recipients;
    this.inbox = inbox;
    this.mail = mail;
    this.messages = messages;
    this.properties = properties;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Scheduled(
      fixedDelayString = "${osaava.notifications.send-interval:PT30S}",
      initialDelayString = "${osaava.notifications.send-interval:PT30S}")
  // A minute at most: a node that dies in a round gives the round up to another node within a
  // minute (issue 20). A round that runs longer may overlap the next node's, which is safe: each
  // row is locked (for update skip locked) while it is sent and marked in one transaction.
  @SchedulerLock(name = "notifications-outbox", lockAtMostFor = "PT1M")
  void scheduled() {
    try {
      sendDue();
    } catch (RuntimeException e) {
      if (!DatabaseOutage.causes(e)) {
        throw e;
      }
      // The database's supervisor and the 503 handler report the outage; the next round retries.
      log.debug("The outbox waits for the database: {}", e.toString());
    }
  }

  /**
   * Sends what is due now.
   *
   * @return how many mails were sent
   */
  int sendDue() {
    JavaMailSender sender = mail.getIfAvailable();
    if (sender == null) {
      return 0;
    }
    List<UUID> people =
        jdbc.sql("select distinct person_id from nt_outbox where sent_at is null")
            .query(UUID.class)
            .list();
    int sent = 0;
    for (UUID person : people) {
      try {
        Integer mails = transactions.execute(status -> sendTo(person, sender));
        sent += mails == null ? 0 : mails;
      } catch (MailException e) {
        log.warn("Mail to a recipient failed; their outbox stays pending: {}", e.getMessage());
      }
    }
    List<UUID> addressed =
        jdbc.sql("select id from nt_address_outbox order by created_at, id")
            .query(UUID.class)
            .list();
    for (UUID id : addressed) {
      try {
        Integer mails = transactions.execute(status -> sendAddressed(id, sender));
        sent += mails == null ? 0 : mails;
      } catch (MailException e) {
        log.warn("Mail to an invited address failed; it stays pending: {}", e.getMessage());
      }
    }
    return sent;
  }

  /**
   * Sends one mail addressed by e-mail alone (an invitation) and deletes its row in the same
   * transaction, so the address and the message are not kept after it went. No unsubscribe link:
   * the address is on no list, and nothing more is sent to it unless someone invites it again.
   */
  private int sendAddressed(UUID id, JavaMailSender sender) {
    record Addressed(String email, Language language, NotificationMessage message) {}
    Optional<Addressed> found =
        jdbc.sql(
                "select email, language, titles, texts, link, attachment_name,"
                    + " attachment_media_type, attachment_content from nt_address_outbox"
                    + " where id = ? for update skip locked")
            .param(id)
            .query(
                (rs, n) ->
                    new Addressed(
                        rs.getString(1),
                        Language.fromCode(rs.getString(2)).orElse(Language.FI),
                        new NotificationMessage(
                            Inbox.texts(rs.getString(3)),
                            Inbox.texts(rs.getString(4)),
                            rs.getString(5),
                            attachment(rs, 6))))
            .optional();
    if (found.isEmpty()) {
      return 0;
    }
    Addressed mail = found.get();
    Locale locale = Locale.forLanguageTag(mail.language().code());
    String text =
        body(List.of(mail.message()), mail.language())
            + "-- \n"
            + messages.getMessage("notifications.mail.addressedWhy", null, locale)
            + '\n';
    sender.send(
        mime(
            sender,
            mail.email(),
            mail.message().title(mail.language()),
            text,
            "address:" + id,
            attachments(List.of(mail.message()))));
    jdbc.sql("delete from nt_address_outbox where id = ?").param(id).update();
    return 1;
  }

  private int sendTo(UUID person, JavaMailSender sender) {
    Optional<Recipients.Recipient> found = recipients.of(person);
    if (found.isEmpty() || !found.get().mails()) {
      // Mail turned off since: what was waiting is not sent later either.
      jdbc.sql("delete from nt_outbox where person_id = ? and sent_at is null")
          .param(person)
          .update();
      return 0;
    }
    Recipients.Recipient recipient = found.get();
    Instant now = clock.instant();
    boolean digest = recipient.frequency() != Recipients.Frequency.IMMEDIATE;
    if (digest && !digestDue(recipient, now)) {
      return 0;
    }
    record Pending(UUID inboxId, @Nullable MailAttachment attachment) {}
    List<Pending> rows =
        jdbc.sql(
                "select inbox_id, attachment_name, attachment_media_type, attachment_content"
                    + " from nt_outbox where person_id = ? and sent_at is null"
                    + " order by created_at, inbox_id for update skip locked")
            .param(person)
            .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), attachment(rs, 2)))
            .list();
    if (rows.isEmpty()) {
      return 0;
    }
    List<UUID> pending = new ArrayList<>();
    List<NotificationMessage> items = new ArrayList<>();
    for (Pending row : rows) {
      Optional<NotificationMessage> message = inbox.message(row.inboxId());
      if (message.isPresent()) {
        pending.add(row.inboxId());
        NotificationMessage m = message.get();
        items.add(row.attachment() == null ? m : m.withAttachment(row.attachment()));
      }
    }
    int sent = 0;
    if (digest) {
      sender.send(mime(sender, recipient, items, "digest:" + person + ":" + now.toEpochMilli()));
      recipients.digestSent(person, now);
      sent = 1;
    } else {
      for (int i = 0; i < items.size(); i++) {
        sender.send(mime(sender, recipient, List.of(items.get(i)), "inbox:" + pending.get(i)));
        sent++;
      }
    }
    // A sent mail's file is not kept: the row stays as the record of the mail, without it.
    for (Pending row : rows) {
      jdbc.sql(
              "update nt_outbox set sent_at = now(), attachment_name = null,"
                  + " attachment_media_type = null, attachment_content = null where inbox_id = ?")
          .param(row.inboxId())
          .update();
    }
    return sent;
  }

  private static boolean digestDue(Recipients.Recipient recipient, Instant now) {
    Duration period =
        recipient.frequency() == Recipients.Frequency.DAILY
            ? Duration.ofDays(1)
            : Duration.ofDays(7);
    Instant last = recipient.lastDigest();
    return last == null || !last.plus(period).isAfter(now);
  }

  private MimeMessage mime(
      JavaMailSender sender,
      Recipients.Recipient recipient,
      List<NotificationMessage> items,
      String key) {
    Language language = recipient.language();
    Locale locale = Locale.forLanguageTag(language.code());
    String unsubscribe =
        UriComponentsBuilder.fromUriString(properties.baseUrl() + "/notifications/unsubscribe")
            .queryParam("token", recipient.unsubscribeToken())
            .build()
            .toUriString();
    String text =
        body(items, language)
            + "-- \n"
            + messages.getMessage("notifications.mail.why", null, locale)
            + '\n'
            + messages.getMessage("notifications.mail.unsubscribe", null, locale)
            + ' '
            + unsubscribe
            + '\n';
    String subject =
        items.size() == 1
            ? items.getFirst().title(language)
            : messages.getMessage(
                "notifications.mail.digestSubject", new Object[] {items.size()}, locale);
    MimeMessage message =
        mime(
            sender,
            java.util.Objects.requireNonNull(recipient.email()),
            subject,
            text,
            key,
            attachments(items));
    try {
      message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
      message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    } catch (MessagingException e) {
      throw new org.springframework.mail.MailPreparationException("Cannot write the mail", e);
    }
    return message;
  }

  /** The messages' titles, texts and absolute links, one block each. */
  private String body(List<NotificationMessage> items, Language language) {
    StringBuilder text = new StringBuilder();
    for (NotificationMessage item : items) {
      text.append(item.title(language)).append('\n');
      String body = item.text(language);
      if (!body.isBlank()) {
        text.append(body).append('\n');
      }
      if (item.link() != null) {
        text.append(properties.baseUrl()).append(item.link()).append('\n');
      }
      text.append('\n');
    }
    return text.toString();
  }

  /**
   * The files a mail of these messages carries: each message's, and in a digest only the newest of
   * each file name (a later version of the same event's calendar file replaces the earlier), newest
   * first while they fit in {@link #DIGEST_ATTACHMENT_BYTES}.
   */
  static List<MailAttachment> attachments(List<NotificationMessage> items) {
    Map<String, MailAttachment> newest = new LinkedHashMap<>();
    for (NotificationMessage item : items.reversed()) {
      MailAttachment file = item.attachment();
      if (file != null) {
        newest.putIfAbsent(file.fileName(), file);
      }
    }
    List<MailAttachment> files = new ArrayList<>();
    long bytes = 0;
    for (MailAttachment file : newest.values()) {
      if (bytes + file.size() <= DIGEST_ATTACHMENT_BYTES) {
        files.add(file);
        bytes += file.size();
      }
    }
    return files.reversed();
  }

  private static @Nullable MailAttachment attachment(java.sql.ResultSet rs, int first)
      throws java.sql.SQLException {
    String name = rs.getString(first);
    return name == null
        ? null
        : new MailAttachment(name, rs.getString(first + 1), rs.getBytes(first + 2));
  }

  /**
   * A plain text mail, or with attachments a multipart/mixed one: the same text as its first part,
   * then the files.
   */
  private MimeMessage mime(
      JavaMailSender sender,
      String to,
      String subject,
      String text,
      String key,
      List<MailAttachment> files) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper =
          files.isEmpty()
              ? new MimeMessageHelper(message, false, "UTF-8")
              : new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
      helper.setFrom(properties.from());
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(text, false);
      for (MailAttachment file : files) {
        helper.addAttachment(
            file.fileName(), new ByteArrayResource(file.content()), file.mediaType());
      }
      // The outbox key: a receiving system that saw this id before can drop a repeat.
      message.setHeader("X-Osaava-Idempotency-Key", key);
      return message;
    } catch (MessagingException e) {
      throw new org.springframework.mail.MailPreparationException("Cannot write the mail", e);
    }
  }
}
