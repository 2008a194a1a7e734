package fi.osaava.regionalintelligence;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The regional tests' view of mail: a round of the notifications module's outbox run now (instead
 * of waiting for its schedule), and what the in-process GreenMail server received for an address.
 */
final class OutboxMail {

  private static final Pattern SOFT_BREAK = Pattern.compile("=\\r?\\n");

  private OutboxMail() {}

  /** Runs one round of the outbox, as its schedule would. */
  static void sendDue(ApplicationContext context) {
    ReflectionTestUtils.invokeMethod(context.getBean("mailOutbox"), "sendDue");
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

  /** The text of a mail, its quoted-printable soft line breaks joined. */
  static String body(MimeMessage message) {
    try {
      return SOFT_BREAK.matcher(String.valueOf(message.getContent())).replaceAll("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
