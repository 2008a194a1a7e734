package fi.osaava.notifications.internal;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The development mailbox: every mail the in-process server took, newest first, on a page that says
 * plainly that it is for development (anyone can read every mail here). Not in a production build;
 * without the development mail server it shows none.
 */
@Controller
class DevelopmentMailboxController {

  static final String PATH = "/notifications/dev-mailbox";

  /** One mail as the page shows it. */
  record Mail(String subject, String to, String unsubscribe, String text) {}

  private final ObjectProvider<GreenMail> server;

  DevelopmentMailboxController(ObjectProvider<GreenMail> server) {
    this.server = server;
  }

  @GetMapping(PATH)
  String mailbox(Model model) throws MessagingException {
    List<Mail> mails = new ArrayList<>();
    GreenMail greenMail = server.getIfAvailable();
    if (greenMail != null) {
      for (MimeMessage message : greenMail.getReceivedMessages()) {
        String[] unsubscribe = message.getHeader("List-Unsubscribe");
        mails.add(
            0,
            new Mail(
                String.valueOf(message.getSubject()),
                String.join(", ", addresses(message)),
                unsubscribe == null ? "" : String.join(" ", unsubscribe),
                String.valueOf(getContent(message))));
      }
    }
    model.addAttribute("mails", mails);
    return "notifications/mailbox";
  }

  private static List<String> addresses(MimeMessage message) throws MessagingException {
    List<String> to = new ArrayList<>();
    jakarta.mail.Address[] recipients = message.getRecipients(Message.RecipientType.TO);
    if (recipients != null) {
      for (jakarta.mail.Address address : recipients) {
        to.add(address.toString());
      }
    }
    return to;
  }

  private static Object getContent(MimeMessage message) throws MessagingException {
    try {
      return message.getContent();
    } catch (java.io.IOException e) {
      throw new MessagingException("Unreadable mail", e);
    }
  }
}
