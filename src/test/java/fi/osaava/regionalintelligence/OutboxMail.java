package fi.osaava.regionalintelligence;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The regional tests' view of mail: a round of the notifications module's outbox run now (instead
 * of waiting for its schedule), and what the in-process GreenMail server received for an address.
 */
final class OutboxMail {

  private static final Pattern SOFT_BREAK = Pattern.compile("=\\r?\\n");

  private OutboxMail() {}

  /**
   * Runs one round of the outbox, as its schedule would, and then waits for a round of the schedule
   * that may be running at the same moment: that round holds the rows it is sending (the outbox
   * takes them {@code for update skip locked}, so this round passed them by), and locking every
   * waiting row waits until it has sent them and let go. Without the wait a test could look for a
   * mail the schedule was still sending.
   */
  static void sendDue(ApplicationContext context) {
    ReflectionTestUtils.invokeMethod(context.getBean("mailOutbox"), "sendDue");
    JdbcClient jdbc = context.getBean(JdbcClient.class);
    context
        .getBean(TransactionTemplate.class)
        .executeWithoutResult(
            status -> {
              jdbc.sql("select id from nt_address_outbox for update").query(UUID.class).list();
              jdbc.sql("select inbox_id from nt_outbox where sent_at is null for update")
                  .query(UUID.class)
                  .list();
            });
  }

  /** The mails received for the address, in the order they came. */
  static List<MimeMessage> to(GreenMail server, String address) {
    List<MimeMessage> mails = new ArrayList<>();
    try {
      for (MimeMessage m : server.getReceivedMessages()) {
        if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
          mails.add(m);
        }
      }
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
    return mails;
  }

  /**
   * The text of a mail (of a multipart mail its first part, before the files), its quoted-printable
   * soft line breaks joined.
   */
  static String body(MimeMessage message) {
    try {
      Object content = message.getContent();
      if (content instanceof Multipart parts) {
        content = parts.getBodyPart(0).getContent();
      }
      return SOFT_BREAK.matcher(String.valueOf(content)).replaceAll("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A file a mail carries. */
  record Attachment(String fileName, String contentType, String text) {}

  /** The files the mail carries, in order; none for a plain text mail. */
  static List<Attachment> attachments(MimeMessage message) {
    try {
      List<Attachment> files = new ArrayList<>();
      if (message.getContent() instanceof Multipart parts) {
        for (int i = 0; i < parts.getCount(); i++) {
          BodyPart part = parts.getBodyPart(i);
          if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            part.getDataHandler().writeTo(bytes);
            files.add(
                new Attachment(
                    part.getFileName(),
                    part.getContentType(),
                    bytes.toString(StandardCharsets.UTF_8)));
          }
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
